import { describe, expect, it } from 'vitest';
import { inProcessTarget } from './in-process.ts';
import { loadScenarioText } from './load.ts';
import { runScenario } from './run-scenario.ts';

const scenario = (steps: string) => {
  const r = loadScenarioText(
    'scenarios/snap.yaml',
    `id: snap\ntitle: snapshot and restore steps\nrules: [SIM-1]\nsteps:\n${steps}`,
  );
  expect(r.problems).toEqual([]);
  return r.scenario!;
};

const problems = (r: Awaited<ReturnType<typeof runScenario>>) =>
  r.steps.flatMap((s) => s.problems.map((p) => `${s.name}: ${p}`));

describe('scenario steps snapshot and restore (api.md, Snapshots)', () => {
  it('restore puts the world back as the snapshot held it: its clock and its faults', async () => {
    const r = await runScenario(
      scenario(`
  - snapshot: { name: start }
  - clock: { advance: P3D }
  - fault: { add: { path: /v1/people/me, status: 503 } }
  - request: { as: acme-admin, path: /v1/people/me }
    expect: { status: 503 }
  - restore: { name: start }
  - request: { path: /sim/clock }
    expect: { body: { now: "2026-01-01T00:00:00.000Z" } }
  - request: { as: acme-admin, path: /v1/people/me }
    expect: { status: 200 }
  - request: { path: /sim/snapshots }
    expect: { body: { items: [{ name: start, at: "2026-01-01T00:00:00.000Z" }] } }
`),
      'scenarios/snap.yaml',
      inProcessTarget(),
      true,
    );
    expect(problems(r)).toEqual([]);
    expect(r.verdict).toBe('passed');
    expect(r.steps.map((s) => s.kind)).toContain('restore');
  });

  it('fails a restore of a snapshot the world does not have, and a name taken twice', async () => {
    const r = await runScenario(
      scenario(`
  - restore: { name: never-taken }
`),
      'scenarios/snap.yaml',
      inProcessTarget(),
      true,
    );
    expect(r.verdict).toBe('failed');
    expect(problems(r)).toEqual([
      expect.stringMatching(/^restore: restore never-taken: 404 .*Snapshot never-taken not found/),
    ]);
    const twice = await runScenario(
      scenario(`
  - snapshot: { name: a }
  - snapshot: { name: a }
`),
      'scenarios/snap.yaml',
      inProcessTarget(),
      true,
    );
    expect(problems(twice)).toEqual([expect.stringMatching(/^snapshot: snapshot a: 409 /)]);
  });

  it('validate names a bad snapshot name at its line', () => {
    const r = loadScenarioText(
      'scenarios/bad.yaml',
      'id: bad\ntitle: a bad snapshot\nrules: [SIM-1]\nsteps:\n  - snapshot:\n      name: "no spaces"\n',
    );
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^6: steps\[0\]\.snapshot\.name: must be letters/),
    ]);
  });
});
