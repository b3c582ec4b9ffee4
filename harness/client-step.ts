import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDuration, parseDuration } from '../simulator/core/kernel/duration.ts';
import { subsetDiff } from './expect.ts';
import type { ClientSpec } from './scenario-schema.ts';

/** What a client command did. */
export interface ClientRun {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** The end of what it printed (stdout then stderr), at most a few KB. */
  readonly output: string;
  /** The JSON it wrote to $PROVISIM_OUTPUT, when it wrote one. */
  readonly written?: unknown;
  readonly writtenError?: string;
}

export interface ClientContext {
  /** The world's absolute base URL (`http://127.0.0.1:PORT/w/ID`). */
  readonly baseUrl: string;
  readonly worldId: string;
  readonly token: string;
}

export const DEFAULT_CLIENT_TIMEOUT = 'PT60S';
const OUTPUT_KEEP = 4000;

const tail = (text: string): string =>
  text.length > OUTPUT_KEEP ? `…${text.slice(-OUTPUT_KEEP)}` : text;

/**
 * Runs the user's command (through the shell, in its own process group) with the world's address,
 * a token and the world's id in its environment; kills the whole group when it overruns.
 */
export const runClient = async (spec: ClientSpec, ctx: ClientContext): Promise<ClientRun> => {
  const limit = parseDuration(spec.timeout ?? DEFAULT_CLIENT_TIMEOUT);
  const timeoutMs = limit.ok ? addDuration(0, limit.value) : 60_000;
  const dir = mkdtempSync(join(tmpdir(), 'provisim-client-'));
  const outputFile = join(dir, 'output.json');
  const taskFile = join(dir, 'task.json');
  const task = spec.task
    ? {
        PROVISIM_TASK: spec.task.name,
        PROVISIM_TASK_INPUT: JSON.stringify(spec.task.input ?? {}),
        PROVISIM_TASK_FILE: taskFile,
      }
    : {};
  if (spec.task)
    writeFileSync(taskFile, JSON.stringify({ task: spec.task.name, input: spec.task.input ?? {} }));
  const started = performance.now();
  try {
    const child = spawn(spec.run, {
      shell: true,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PROVISIM_BASE_URL: ctx.baseUrl,
        PROVISIM_TOKEN: ctx.token,
        PROVISIM_WORLD: ctx.worldId,
        PROVISIM_OUTPUT: outputFile,
        ...task,
        ...spec.env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout = tail(stdout + d.toString())));
    child.stderr.on('data', (d: Buffer) => (stderr = tail(stderr + d.toString())));
    let timedOut = false;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 2000).unref();
    }, timeoutMs);
    const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve) => {
      child.once('error', (error) => {
        stderr += String(error);
        resolve([null, null]);
      });
      child.once('close', (code, sig) => resolve([code, sig]));
    });
    clearTimeout(timer);
    let written: unknown;
    let writtenError: string | undefined;
    try {
      written = JSON.parse(readFileSync(outputFile, 'utf8'));
    } catch (error) {
      writtenError =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'the client wrote nothing to $PROVISIM_OUTPUT'
          : `$PROVISIM_OUTPUT is not JSON: ${(error as Error).message}`;
    }
    return {
      exitCode,
      signal,
      timedOut,
      durationMs: performance.now() - started,
      output: [stdout.trimEnd(), stderr.trimEnd()].filter(Boolean).join('\n'),
      ...(written !== undefined ? { written } : {}),
      ...(writtenError !== undefined ? { writtenError } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Every way a run fails its step's expectations. */
export const judgeClient = (spec: ClientSpec, run: ClientRun): string[] => {
  const why = spec.because ? ` (${spec.because})` : '';
  return judge(spec, run).map((p) => `${p}${why}`);
};

const judge = (spec: ClientSpec, run: ClientRun): string[] => {
  const problems: string[] = [];
  if (run.timedOut)
    return [
      `the client did not finish within ${spec.timeout ?? DEFAULT_CLIENT_TIMEOUT} (real time) and was stopped`,
    ];
  const want = spec.expectExit ?? 0;
  const code = run.exitCode;
  if (code === null)
    problems.push(`the client did not exit normally (${run.signal ?? 'it could not start'})`);
  else if (want === 'nonzero' ? code === 0 : want !== 'any' && code !== want)
    problems.push(
      `the client exited ${code}, expected ${want === 'nonzero' ? 'a failure (not 0)' : want}`,
    );
  if (spec.expectOutput !== undefined) {
    if (run.written === undefined) problems.push(run.writtenError ?? 'no output');
    else
      problems.push(
        ...subsetDiff(spec.expectOutput, run.written, 'output').map((p) => `$PROVISIM_OUTPUT ${p}`),
      );
  }
  return problems;
};
