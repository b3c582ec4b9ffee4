import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { validateWorkflow } from '@action-validator/core';
import { loadScenarios } from '../../harness/load.ts';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * examples/ci/github-actions.yml: valid against SchemaStore's GitHub workflow schema (as
 * action-validator embeds it), and its commands, run here job by job as the runner would (the
 * matrix expanded, artifacts passed as download-artifact lays them out), merge into one JUnit file.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILE = join(ROOT, 'examples/ci/github-actions.yml');
const TEXT = readFileSync(FILE, 'utf8');
const sh = promisify(execFile);

interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
}
interface Job {
  readonly needs?: string;
  readonly strategy?: { matrix: { shard: number[] } };
  readonly steps: Step[];
}
const workflow = parse(TEXT) as { jobs: Record<string, Job> };

let scratch = '';
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the GitHub Actions example', () => {
  it('is a valid workflow; the same file with a typo is not', () => {
    expect(validateWorkflow(TEXT).errors).toEqual([]);
    const typo = TEXT.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest');
    expect(validateWorkflow(typo).errors).not.toEqual([]);
    const badStep = TEXT.replace('uses: actions/checkout@v4', 'use: actions/checkout@v4');
    expect(validateWorkflow(badStep).errors).not.toEqual([]);
  });

  it('shards the library over the matrix and merges the shards into one JUnit report', async () => {
    const { shard, merge } = workflow.jobs as { shard: Job; merge: Job };
    expect(merge.needs).toBe('shard');
    const shards = shard.strategy!.matrix.shard;
    expect(shards.length).toBeGreaterThan(1);
    scratch = mkdtempSync(join(tmpdir(), 'provisim-ci-'));
    // The checkout: the commands need bin/ (which runs dist/) and the library.
    symlinkSync(join(ROOT, 'bin'), join(scratch, 'bin'));
    symlinkSync(join(ROOT, 'scenarios'), join(scratch, 'scenarios'));
    const runSteps = (job: Job, vars: Record<string, string>) =>
      job.steps
        .filter((s) => s.run !== undefined && !s.run.startsWith('npm ci'))
        .map((s) =>
          s.run!.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
            if (!(name in vars)) throw new Error(`unexpected expression ${whole}`);
            return vars[name]!;
          }),
        );
    const upload = (job: Job) =>
      job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    for (const i of shards) {
      const vars = { 'matrix.shard': String(i), 'strategy.job-total': String(shards.length) };
      for (const command of runSteps(shard, vars))
        await sh('/bin/sh', ['-c', command], { cwd: scratch, timeout: 300_000 });
      // upload-artifact, then download-artifact with a pattern: one folder per artifact.
      const named = upload(shard).with!;
      const name = named.name!.replace('${{ matrix.shard }}', String(i));
      const path = named.path!.replace('${{ matrix.shard }}', String(i));
      const download = merge.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))!;
      expect(name).toMatch(new RegExp(`^${download.with!.pattern!.replace('*', '.*')}$`));
      mkdirSync(join(scratch, download.with!.path!, name), { recursive: true });
      cpSync(join(scratch, path), join(scratch, download.with!.path!, name, 'report.json'));
    }
    const [mergeCommand] = runSteps(merge, {});
    const merged = await sh('/bin/sh', ['-c', mergeCommand!], { cwd: scratch, timeout: 120_000 });
    expect(merged.stdout).toMatch(/scenarios: \d+ passed, 0 failed/);
    const junitPath = upload(merge).with!.path!.split('\n')[0]!.trim();
    const junit = readFileSync(join(scratch, junitPath), 'utf8');
    // Every scenario of the library ran once, in exactly one shard.
    const library = loadScenarios([join(ROOT, 'scenarios')]).loaded.length;
    expect(junit).toContain(`<testsuite name="scenarios" tests="${library}" failures="0"`);
  }, 900_000);
});
