import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessTarget } from '../../harness/in-process.ts';
import type { RunReport } from '../../harness/reporter.ts';
import { runScenarios } from '../../harness/runner.ts';

// Client steps run a real command against the simulator served on 127.0.0.1 (a free port), then
// `requests` steps judge what it sent, from the request journal.
const dir = mkdtempSync(join(tmpdir(), 'provisim-client-steps-'));

/** A tiny client: GET a path (retrying 429 after `wait` ms), then write what it saw to $PROVISIM_OUTPUT. */
writeFileSync(
  join(dir, 'client.mjs'),
  `import { writeFileSync } from 'node:fs';
const base = process.env.PROVISIM_BASE_URL;
const wait = Number(process.env.WAIT_MS ?? 0);
const statuses = [];
for (let i = 0; i < 3; i++) {
  const res = await fetch(base + (process.env.CLIENT_PATH ?? '/v1/people/me'), {
    headers: { authorization: 'Bearer ' + process.env.PROVISIM_TOKEN },
  });
  statuses.push(res.status);
  if (res.status !== 429) break;
  await new Promise((r) => setTimeout(r, wait));
}
writeFileSync(process.env.PROVISIM_OUTPUT, JSON.stringify({ statuses, world: process.env.PROVISIM_WORLD }));
process.exit(statuses.at(-1) === 200 ? 0 : 3);
`,
);

const scenario = (name: string, text: string): string => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
};

const run = (files: string[]): Promise<RunReport> =>
  runScenarios({
    paths: files,
    target: inProcessTarget(),
    reporters: [],
    out: dir,
    fullLibrary: false,
    warn: () => undefined,
  });

const client = `node ${JSON.stringify(join(dir, 'client.mjs'))}`;
const retryScenario = (id: string, waitMs: number) =>
  scenario(
    id,
    `id: ${id}
title: The client honours Retry-After
rules: [SIM-4]
steps:
  - fault: { add: { method: GET, path: /v1/people/me, status: 429, retryAfter: 1, times: 1 } }
  - client:
      run: '${client}'
      env: { WAIT_MS: '${waitMs}' }
      expectOutput: { statuses: [429, 200] }
  - requests:
      match: { method: GET, path: /v1/people/me }
      count: 2
      order: [{ status: 429 }, { status: 200, token: acme-admin }]
      honoursRetryAfter: true
      minGap: { wall: PT1S }
      because: the answer asked to wait
`,
  );

describe('client steps and requests steps', () => {
  it('run the command against a served world and judge its traffic: a client that waits passes', async () => {
    const r = await run([retryScenario('waits', 1100)]);
    const [result] = r.results;
    expect(result?.steps.flatMap((s) => s.problems)).toEqual([]);
    expect(result?.verdict).toBe('passed');
    expect(result?.steps[2]?.journal).toEqual([
      expect.stringMatching(
        /^\+0\.00 s \(virtual 2026-01-01T00:00:00\.000Z\) GET \/v1\/people\/me → 429 Retry-After: 1$/,
      ),
      expect.stringMatching(/^\+1\.\d\d s .* GET \/v1\/people\/me → 200$/),
    ]);
  });

  it('fail a client that retries at once, saying what it did and when', async () => {
    const r = await run([retryScenario('hurries', 0)]);
    const [result] = r.results;
    expect(result?.verdict).toBe('failed');
    const step = result?.steps.find((s) => s.problems.length > 0);
    expect(step?.kind).toBe('requests');
    expect(step?.problems).toEqual([
      expect.stringMatching(
        /^minGap wall PT1S: 1 of 1 gaps are shorter: GET \/v1\/people\/me at \+0\.\d\d s came 0\.\d\d s \(real\) after the one before \(the answer asked to wait\)$/,
      ),
      expect.stringMatching(
        /^Retry-After: the 429 at \+0\.00 s asked for 1 s; the next GET \/v1\/people\/me came 0\.\d\d s after the answer \(the answer asked to wait\)$/,
      ),
    ]);
  });

  it('give the world id and token, judge the exit code, and stop a client that overruns', async () => {
    const r = await run([
      scenario(
        'exit',
        `id: exit
title: The exit code is judged
rules: [SIM-3]
steps:
  - client: { run: '${client}', as: acme-orderer, expectOutput: { statuses: [403], world: 're:^[0-9a-f]{8}$' } }
`,
      ),
      scenario(
        'slow',
        `id: slow
title: A client that never ends is stopped
rules: [SIM-1]
steps:
  - client: { run: 'sleep 30', timeout: PT1S }
`,
      ),
    ]);
    const problems = Object.fromEntries(
      r.results.map((x) => [x.id, x.steps.flatMap((s) => s.problems)]),
    );
    expect(problems).toEqual({
      exit: ['the client exited 3, expected 0'],
      slow: ['the client did not finish within PT1S (real time) and was stopped'],
    });
  });

  it('judge bodies: a resend after 503 or 400 is no second create; a body subset names each miss', async () => {
    const r = await run([
      scenario(
        'twice',
        `id: twice
title: The same create is sent twice
rules: [SIM-4]
steps:
  - fault: { add: { method: POST, path: /v1/wholesale/customers, status: 503, times: 1 } }
  - client:
      expectExit: any
      run: >-
        node -e 'const h = { authorization: "Bearer " + process.env.PROVISIM_TOKEN, "content-type": "application/json" };
        const post = () => fetch(process.env.PROVISIM_BASE_URL + "/v1/wholesale/customers", { method: "POST", headers: h, body: JSON.stringify({ externalId: "ext-1" }) }).then((r) => r.text());
        (async () => { await post(); await post(); await post(); })()'
  - requests:
      match: { method: POST }
      unique: externalId
      body: { externalId: ext-1 }
      count: 3
  - requests:
      match: { method: POST }
      body: { externalId: ext-2 }
`,
      ),
    ]);
    const [result] = r.results;
    expect(result?.steps.map((s) => s.problems)).toEqual([
      [],
      [],
      [],
      [0, 1, 2].map(() =>
        expect.stringMatching(
          /^POST \/v1\/wholesale\/customers at \+0\.\d\d s: body\.externalId: expected "ext-2", got "ext-1"$/,
        ),
      ),
    ]);
    expect(result?.steps[2]?.journal?.map((l) => l.replace(/^.*→ /, ''))).toEqual([
      '503 Retry-After: 1',
      '400',
      '400',
    ]);
  });

  it('reports a scenario as not applicable when the target refuses a fault it requires', async () => {
    const r = await run([
      scenario(
        'needs',
        `id: needs
title: Needs a fault kind the target lacks
rules: [SIM-4]
requires:
  faults: [{ on: moon, errorCode: 1, description: x }]
steps:
  - clock: { advance: P1D }
`,
      ),
      scenario(
        'has',
        `id: has
title: Needs a fault kind the target has
rules: [SIM-4]
requires:
  faults: [{ on: customer, errorCode: 1, description: x }]
steps:
  - request: { path: /sim/faults }
    expect: { body: { items: [] } }
`,
      ),
    ]);
    expect(r.results.map((x) => [x.id, x.verdict, x.reason])).toEqual([
      ['has', 'passed', undefined],
      [
        'needs',
        'not_applicable',
        expect.stringMatching(/^the target does not support the fault \{"on":"moon".*\(400\)$/),
      ],
    ]);
  });

  it('reports a client scenario as not applicable on a target no other process can reach', async () => {
    const app = inProcessTarget();
    const r = await runScenarios({
      paths: [retryScenario('unreachable', 0)],
      target: { name: 'wrapped', base: app.base, fetch: app.fetch },
      reporters: [],
      out: dir,
      fullLibrary: false,
      warn: () => undefined,
    });
    expect(r.results.map((x) => [x.verdict, x.reason])).toEqual([
      [
        'not_applicable',
        'runs a client command, which cannot reach this target (give --target URL)',
      ],
    ]);
  });
});
