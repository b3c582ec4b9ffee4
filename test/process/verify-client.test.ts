import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../simulator/adapters/testing.ts';

// `provisim verify-client` judges the two example clients: the reference one passes, the naive one
// fails with verdicts that say what it did. Both run at once (each case in a world of its own).
const verify = (client: string) =>
  new Promise<{ status: number | null; stdout: string; out: string }>((resolve) => {
    const out = mkdtempSync(join(tmpdir(), 'provisim-verify-'));
    const child = spawn(
      process.execPath,
      [
        'bin/provisim.mjs',
        'verify-client',
        '--workers',
        '2',
        '--out',
        out,
        '--',
        'node',
        `examples/clients/${client}`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 150_000);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, out });
    });
  });

const verdicts = (out: string): Record<string, string> =>
  Object.fromEntries(
    (
      JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
        results: { id: string; verdict: string }[];
      }
    ).results.map((r) => [r.id, r.verdict]),
  );

/** Whether this simulator knows the provisioned_with_errors outcome yet (api.md, Wave 2 pins). */
const outcomeSupported = async (): Promise<boolean> => {
  const t = createTestApp();
  const r = await t.call('POST', '/sim/faults', {
    json: {
      on: 'customer',
      outcome: 'provisioned_with_errors',
      errorCode: 1,
      description: 'x',
    },
  });
  return r.status === 201;
};

describe('provisim verify-client', () => {
  it('passes the reference client and fails the naive one, case by case, with clear verdicts', async () => {
    const [reference, naive] = await Promise.all([
      verify('reference-client.mjs'),
      verify('naive-client.mjs'),
    ]);
    const withErrors = (await outcomeSupported()) ? 'passed' : 'not_applicable';

    expect(reference.status, reference.stdout).toBe(0);
    expect(verdicts(reference.out)).toEqual({
      'sends-authorization': 'passed',
      'follows-location': 'passed',
      'retry-after-429': 'passed',
      'retry-after-503': 'passed',
      'no-retry-on-4xx': 'passed',
      'polls-politely': 'passed',
      'stops-at-error': 'passed',
      'stops-at-provisioned-with-errors': withErrors,
      'pages-through-link': 'passed',
      'pending-user-migration': 'passed',
      'one-create-per-external-id': 'passed',
    });
    expect(reference.stdout).toMatch(
      /^cases: 10 passed, 0 failed, 1 not applicable$|^cases: 11 passed, 0 failed$/m,
    );

    expect(naive.status, naive.stdout).toBe(1);
    expect(verdicts(naive.out)).toEqual({
      'sends-authorization': 'passed',
      'follows-location': 'passed',
      'retry-after-429': 'failed',
      'retry-after-503': 'failed',
      'no-retry-on-4xx': 'failed',
      'polls-politely': 'failed',
      'stops-at-error': 'failed',
      'stops-at-provisioned-with-errors': withErrors === 'passed' ? 'failed' : 'not_applicable',
      'pages-through-link': 'failed',
      'pending-user-migration': 'failed',
      'one-create-per-external-id': 'failed',
    });
    const said = naive.stdout;
    expect(said).toMatch(
      /Retry-After: the 429 at \+0\.00 s asked for 1 s; the next POST \/v1\/wholesale\/customers came 0\.\d\d s after the answer/,
    );
    expect(said).toContain(
      'expected 1 POST /v1/wholesale/customers, got 4 (a 4xx other than 429 gets the same answer again: report it, do not retry)',
    );
    expect(said).toMatch(/minGap wall PT1S: \d+ of \d+ gaps are shorter/);
    expect(said).toContain(
      'the client did not finish within PT8S (real time) and was stopped (error is terminal',
    );
    expect(said).toMatch(
      /expected at least 1 and at most 4 GET \/v1\/wholesale\/customers\/\*, got \d\d+/,
    );
    expect(said).toContain('$PROVISIM_OUTPUT output.ids: expected at least 7 items, got 3');
    expect(said).toMatch(
      /sent externalId "verify-slow-create" again while the one at \+0\.00 s had no answer yet/,
    );

    const junit = readFileSync(join(naive.out, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="client conformance" tests="11"');
    expect(junit).toMatch(/<testcase classname="provisim verify-client" name="retry-after-429: /);
    expect(readFileSync(join(naive.out, 'index.html'), 'utf8')).toContain(
      '<h1>provisim client conformance</h1>',
    );
    expect(existsSync(join(reference.out, 'index.html'))).toBe(true);
  }, 160_000);
});
