import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../harness/load.ts';

const provisim = (args: string[]) =>
  spawnSync(process.execPath, ['bin/provisim.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('provisim run / validate / merge-reports (the CLI a CI job calls)', () => {
  it('runs a rule, shows progress, writes JUnit, HTML and JSON, and exits 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'provisim-run-'));
    const n = loadScenarios(['scenarios']).loaded.filter((l) =>
      l.scenario.rules.includes('CCW-5'),
    ).length;
    expect(n).toBeGreaterThan(1);
    const r = provisim(['run', '--rule', 'CCW-5', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\[ *1\\/${n}\\] ok {3}ccw-`));
    expect(r.stdout).toContain(`scenarios: ${n} passed, 0 failed`);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain(
      `<testsuite name="scenarios" tests="${n}" failures="0"`,
    );
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).results).toHaveLength(n);
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

  it('validate checks rule IDs against the catalogue and tokens against the seeded world', () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisim-names-'));
    writeFileSync(
      join(dir, 'names.yaml'),
      'id: names\ntitle: Unknown names\nrules: [ORG-99]\nsteps:\n  - request: { as: acme-boss, path: /v1/people/me }\n',
    );
    const r = provisim(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/names\.yaml:3: rules\[0\]: ORG-99 is not a rule of the catalogue/);
    expect(r.stderr).toMatch(
      /names\.yaml:5: steps\[0\]\.request\.as: acme-boss is not a token of the seeded world/,
    );
    expect(provisim(['run', dir, '--reporter', 'console', '--out', dir]).status).toBe(2);
  });

  it.each(['serve', 'run', 'validate', 'merge-reports', 'seed', 'verify-client'])(
    '%s --help prints its usage and exits 0',
    (command) => {
      const r = provisim([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`provisim ${command}`));
    },
  );

  it('verify-client refuses to run without a client command', () => {
    const r = provisim(['verify-client', '--reporter', 'console']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('give the client command after --');
  });

  it('run --watch re-runs a scenario file when it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisim-watch-'));
    const file = join(dir, 'me.yaml');
    const scenario = (status: number) =>
      `id: me\ntitle: Who the token is\nrules: [SIM-3]\nsteps:\n  - request: { as: acme-admin, path: /v1/people/me }\n    expect: { status: ${status} }\n`;
    writeFileSync(file, scenario(200));
    const child = spawn(
      process.execPath,
      ['bin/provisim.mjs', 'run', dir, '--watch', '--reporter', 'console', '--out', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const until = (text: RegExp, count = 1) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 20_000;
        const look = () => {
          if ((out.match(new RegExp(text, 'g')) ?? []).length >= count) resolve();
          else if (Date.now() > deadline || child.exitCode !== null)
            reject(new Error(`no ${text} in:\n${out}`));
          else setTimeout(look, 50);
        };
        look();
      });
    try {
      await until(/waiting for changes/);
      expect(out).toContain('scenarios: 1 passed, 0 failed');
      writeFileSync(file, scenario(404));
      await until(/scenarios: 0 passed, 1 failed/);
      expect(out).toContain('1 changed: re-running');
      expect(out).toContain('- status: expected 404, got 200');
      await until(/waiting for changes/, 2);
      writeFileSync(file, scenario(200));
      await until(/scenarios: 1 passed, 0 failed/, 2);
    } finally {
      child.kill('SIGTERM');
    }
  }, 40_000);
});
