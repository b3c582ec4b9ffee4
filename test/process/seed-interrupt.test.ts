import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs `provisim seed`, interrupts it once it has shown progress, and reports how it ended. */
const interruptedSeed = (file: string, jobs: number, signal: NodeJS.Signals) =>
  new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'bin/provisim.mjs',
        'seed',
        '--customers',
        '4000',
        '--users',
        '20',
        '--data',
        file,
        '--force',
        '--jobs',
        String(jobs),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let sent = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('provisim seed did not end within 60 s'));
    }, 60_000);
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      if (!sent && /\d+%/.test(c)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });

describe('provisim seed, interrupted', () => {
  it.each([
    [1, 'SIGINT', 130],
    [2, 'SIGTERM', 143],
  ] as const)(
    'with %i job(s) and %s: stops, leaves the data file as it was and nothing beside it',
    async (jobs, signal, exit) => {
      const dir = mkdtempSync(join(tmpdir(), 'provisim-seed-stop-'));
      dirs.push(dir);
      const file = join(dir, 'world.json');
      execFileSync(
        process.execPath,
        ['bin/provisim.mjs', 'seed', '--customers', '1', '--users', '1', '--data', file],
        { cwd: ROOT, stdio: 'ignore' },
      );
      const before = readFileSync(file, 'utf8');
      const ended = await interruptedSeed(file, jobs, signal);
      expect(ended.code).toBe(exit);
      expect(ended.stderr).toContain(
        `provisim seed: ${signal}: stopped; ${file} was left as it was.`,
      );
      expect(readdirSync(dir)).toEqual(['world.json']);
      expect(readFileSync(file, 'utf8')).toBe(before);
    },
    90_000,
  );
});
