import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listen } from '../simulator/adapters/node.ts';
import { createApp } from '../simulator/http/create-app.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';
import { inProcessTarget } from './in-process.ts';
import { loadScenarioText } from './load.ts';
import { renderHtml, renderJunit } from './reporters/files.ts';
import { RULES, ruleById } from '../rules/catalog.ts';
import type { RunReport } from './reporter.ts';
import { mergeReports, runScenarios } from './runner.ts';
import { urlTarget, type Target } from './target.ts';

const run = (
  target: Target,
  extra: { workers?: number; shard?: string; paths?: string[] } = {},
): Promise<RunReport> =>
  runScenarios({
    paths: extra.paths ?? ['scenarios'],
    target,
    reporters: [],
    out: mkdtempSync(join(tmpdir(), 'provisim-')),
    fullLibrary: !extra.paths,
    warn: () => undefined,
    ...(extra.workers ? { workers: extra.workers } : {}),
    ...(extra.shard ? { shard: extra.shard } : {}),
  });

const verdicts = (r: RunReport) => Object.fromEntries(r.results.map((x) => [x.id, x.verdict]));
const failures = (r: RunReport) =>
  r.results
    .filter((x) => x.verdict === 'failed')
    .map((x) => `${x.id}: ${x.reason ?? x.steps.flatMap((s) => s.problems).join('; ')}`);

// Each of these runs the whole library (over 150 scenarios) once or more, over HTTP for --target: on a
// busy 2-core machine that takes longer than the default 20 s, so they get 2 minutes each.
describe('the scenario library (issue 7)', { timeout: 120_000 }, () => {
  it('passes in-process, every scenario, and covers every rule of the catalog', async () => {
    const r = await run(inProcessTarget(), { workers: 2 });
    expect(failures(r)).toEqual([]);
    expect(r.fullLibrary).toBe(true);
    expect(r.uncoveredRules).toEqual([]);
  });

  it('fails a full run when a catalog rule has no scenario', async () => {
    const r = await run(inProcessTarget(), { paths: ['scenarios/ccw-4-ponr.yaml'] });
    expect(r.fullLibrary).toBe(false);
    const partial = await runScenarios({
      paths: ['scenarios/ccw-4-ponr.yaml'],
      target: inProcessTarget(),
      reporters: [],
      out: mkdtempSync(join(tmpdir(), 'provisim-')),
      fullLibrary: true,
      warn: () => undefined,
    });
    expect(partial.uncoveredRules).toContain('USR-1');
    expect(partial.uncoveredRules).not.toContain('CCW-4');
  });

  it('gives the same verdicts with 4 workers as with 1', async () => {
    expect(verdicts(await run(inProcessTarget(), { workers: 4 }))).toEqual(
      verdicts(await run(inProcessTarget(), { workers: 1 })),
    );
  });

  it('merged shards equal the unsharded run', async () => {
    const whole = await run(inProcessTarget());
    const shards = await Promise.all(
      ['1/3', '2/3', '3/3'].map((shard) => run(inProcessTarget(), { shard })),
    );
    const merged = mergeReports(shards);
    expect(verdicts(merged)).toEqual(verdicts(whole));
    expect(merged.fullLibrary).toBe(true);
    expect(merged.uncoveredRules).toEqual(whole.uncoveredRules);
    expect(mergeReports(shards.slice(0, 2)).fullLibrary).toBe(false);
  });

  it('passes against a started server with --target', async () => {
    const app = createApp({
      store: createMemoryStore(),
      newStore: createMemoryStore,
      log: () => undefined,
    });
    const server = await listen(app, { port: 0, host: '127.0.0.1' });
    try {
      const r = await run(urlTarget(server.url), { workers: 2 });
      expect(failures(r)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('catches a wrong simulator: one that lets a resend through after PONR fails exactly CCW-4', async () => {
    const honest = inProcessTarget();
    const broken: Target = {
      name: 'broken',
      base: honest.base,
      fetch: async (request) => {
        const res = await honest.fetch(request);
        if (
          request.method === 'POST' &&
          request.url.endsWith('/resend') &&
          res.status === 409 &&
          (await res.clone().text()).includes('admin.webex.com')
        ) {
          return new Response(JSON.stringify({ sentAt: 'x', to: 'x' }), {
            status: 202,
            headers: { 'content-type': 'application/json' },
          });
        }
        return res;
      },
    };
    const r = await run(broken);
    const failedRules = new Set(
      r.results.filter((x) => x.verdict === 'failed').flatMap((x) => x.rules),
    );
    expect([...failedRules]).toEqual(['CCW-4']);
  });

  it('reports a target without /sim: scenarios that need it are not applicable, not failures', async () => {
    const app = createApp({
      store: createMemoryStore(),
      newStore: createMemoryStore,
      simApi: false,
      log: () => undefined,
    });
    const r = await run({
      name: 'no-sim',
      base: 'http://shared.test',
      fetch: async (q) => app.fetch(q),
    });
    expect(r.results.filter((x) => x.verdict === 'failed')).toEqual([]);
    expect(r.results.some((x) => x.verdict === 'not_applicable')).toBe(true);
  });
});

describe('scenario files', () => {
  it('name the file, line and problem when invalid', () => {
    const r = loadScenarioText(
      'scenarios/bad.yaml',
      'id: Bad Id\ntitle: x\nrules: [CCW-1]\nsteps:\n  - teleport: { to: mars }\n',
    );
    expect(r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'scenarios/bad.yaml:1: id: must be lower-case words joined by dashes',
      expect.stringMatching(/^scenarios\/bad\.yaml:2: title: /),
      expect.stringMatching(/^scenarios\/bad\.yaml:5: steps\[0\]: is not a known step/),
    ]);
    expect(loadScenarioText('x.yaml', 'id: [unclosed\n').problems[0]).toMatchObject({
      file: 'x.yaml',
      line: 2,
      message: expect.stringMatching(/flow sequence/i),
    });
  });

  it('the published JSON Schema is in step with the format (run `npm run gen` if not)', async () => {
    const { scenarioJsonSchema } = await import('./scenario-schema.ts');
    expect(JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'))).toEqual(
      scenarioJsonSchema(),
    );
  });
});

describe('reporters', () => {
  const report: RunReport = {
    version: 1,
    target: 't',
    fullLibrary: true,
    uncoveredRules: ['USR-9'],
    results: [
      {
        id: 'a',
        title: 'A passes',
        file: 'scenarios/a.yaml',
        rules: ['CCW-1'],
        verdict: 'passed',
        steps: [],
        durationMs: 5,
      },
      {
        id: 'b',
        title: 'B fails',
        file: 'scenarios/b.yaml',
        rules: ['CCW-4'],
        verdict: 'failed',
        steps: [
          {
            index: 2,
            name: 'resend',
            kind: 'request',
            problems: ['status: expected 409, got 202'],
          },
        ],
        durationMs: 5,
      },
    ],
  };
  it('JUnit: a case per scenario, the failing step in the message, and the coverage gap', () => {
    const x = renderJunit(report);
    expect(x).toContain('tests="3" failures="2"');
    expect(x).toContain('<failure message="step 3 (resend): status: expected 409, got 202">');
    expect(x).toContain('no scenario for USR-9');
  });
  it('HTML: rules by area with their titles and scenarios, failures open, each timeline', () => {
    const h = renderHtml(report);
    const rule = (id: string) => {
      const at = h.indexOf(`data-rule="${id}"`);
      return h.slice(at, h.indexOf('</details>', at));
    };
    expect(h).toContain('data-area="CCW"');
    expect(rule('CCW-4')).toContain('✗ failed');
    expect(rule('CCW-4')).toContain(' open>');
    expect(rule('CCW-4')).toContain(ruleById('CCW-4')!.title.replace(/'/g, '&#39;'));
    expect(rule('CCW-1')).toContain('✓ passed');
    const uncovered = RULES.find((r) => !report.results.some((x) => x.rules.includes(r.id)))!;
    expect(rule(uncovered.id)).toContain('No scenario proves this rule.');
    expect(h).toContain('id="s-b"');
    expect(h).toContain('id="failures-only"');
  });
});
