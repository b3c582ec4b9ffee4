import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const provisim = (args: string[]) =>
  spawnSync(process.execPath, ['bin/provisim.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('provisim run / validate / merge-reports (the CLI a CI job calls)', () => {
  it('runs a rule, shows progress, writes JUnit, HTML and JSON, and exits 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'provisim-run-'));
    const r = provisim(['run', '--rule', 'CCW-5', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[1\/2\] ok {3}ccw-/);
    expect(r.stdout).toContain('scenarios: 2 passed, 0 failed');
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain(
      '<testsuite name="scenarios" tests="2" failures="0"',
    );
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).results).toHaveLength(2);
  });

  it('exits 1 when a scenario fails, printing the request, the answer and the difference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisim-bad-'));
    writeFileSync(
      join(dir, 'wrong.yaml'),
      'id: wrong\ntitle: Expects the wrong status\nrules: [SIM-2]\nsteps:\n  - request: { as: acme-admin, path: /v1/wholesale/customers/nope }\n    expect: { status: 200 }\n',
    );
    const r = provisim(['run', dir, '--reporter', 'console', '--out', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('request: GET /v1/wholesale/customers/nope');
    expect(r.stdout).toContain('- status: expected 200, got 404');
  });

  it('validate names the file, line and problem, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisim-invalid-'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      'id: bad\ntitle: A bad one\nrules: [SIM-2]\nsteps:\n  - clock: { rewind: P1D }\n',
    );
    const r = provisim(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:5: steps\[0\]/);
  });

  it('merge-reports joins complete shards and applies the rule-coverage check', () => {
    const a = mkdtempSync(join(tmpdir(), 'provisim-s1-'));
    const b = mkdtempSync(join(tmpdir(), 'provisim-s2-'));
    expect(provisim(['run', '--shard', '1/2', '--reporter', 'json', '--out', a]).status).toBe(0);
    expect(provisim(['run', '--shard', '2/2', '--reporter', 'json', '--out', b]).status).toBe(0);
    const out = mkdtempSync(join(tmpdir(), 'provisim-merged-'));
    const r = provisim([
      'merge-reports',
      join(a, 'report.json'),
      join(b, 'report.json'),
      '--out',
      out,
    ]);
    expect(r.status).toBe(0);
    const merged = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(merged.fullLibrary).toBe(true);
    expect(merged.uncoveredRules).toEqual([]);
    const one = provisim(['merge-reports', join(a, 'report.json'), '--out', out]);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).fullLibrary).toBe(false);
    expect(one.status).toBe(0);
  }, 90_000);
});
