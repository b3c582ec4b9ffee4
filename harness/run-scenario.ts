import { addDuration, parseDuration } from '../simulator/core/kernel/duration.ts';
import { judgeClient, runClient } from './client-step.ts';
import { checkAnswer, interpolate, pick, subsetDiff, type Answer } from './expect.ts';
import { describeEntries, judgeRequests, matches, type Journaled } from './journal-checks.ts';
import { kindsOf } from './load-issues.ts';
import type { RequestSpec, Scenario, Step } from './scenario-schema.ts';
import { needsSim } from './scenario-schema.ts';
import type { Target } from './target.ts';

/** What happened in one step: its request and answer, at which virtual time, and why it failed. */
export interface StepResult {
  readonly index: number;
  readonly name: string;
  readonly kind: string;
  readonly at?: string;
  readonly request?: { method: string; path: string; body?: unknown };
  readonly answer?: { status: number; body: unknown };
  /** A client step's command, and the end of what it printed. */
  readonly command?: string;
  readonly output?: string;
  /** A requests step's matching requests, one line each. */
  readonly journal?: readonly string[];
  readonly problems: readonly string[];
}

export type Verdict = 'passed' | 'failed' | 'not_applicable';

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly rules: readonly string[];
  readonly verdict: Verdict;
  readonly reason?: string;
  readonly steps: readonly StepResult[];
  readonly durationMs: number;
}

class StepFailure extends Error {}

const kindOf = (s: Step): string => kindsOf(s)[0] ?? 'step';

/** The token a client step gets when it names none. */
export const DEFAULT_CLIENT_TOKEN = 'acme-admin';

/** Runs one scenario in a world of its own (when the target has `/sim`), step by step. */
export const runScenario = async (
  scenario: Scenario,
  file: string,
  target: Target,
  sim: boolean,
): Promise<ScenarioResult> => {
  const started = performance.now();
  const base = { id: scenario.id, title: scenario.title, file, rules: scenario.rules };
  if (!sim && needsSim(scenario))
    return {
      ...base,
      verdict: 'not_applicable',
      reason: 'needs the /sim API, which the target does not have',
      steps: [],
      durationMs: 0,
    };
  let world = target.base;
  let worldId = 'default';
  const vars: Record<string, unknown> = {};
  const results: StepResult[] = [];

  const call = async (
    method: string,
    path: string,
    init: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] ??= 'application/json';
    }
    const url = /^https?:\/\//.test(path) ? path : `${world}${path}`;
    const res = await target.fetch(
      new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) }),
    );
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed =
        text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    } catch {
      parsed = text;
    }
    const hs: Record<string, string> = {};
    res.headers.forEach((v, k) => (hs[k] = v));
    return { status: res.status, headers: hs, body: parsed, text };
  };
  const now = async (): Promise<string | undefined> =>
    sim ? ((await call('GET', '/sim/clock')).body as { now?: string }).now : undefined;
  const advance = async (by: string): Promise<void> => {
    const r = await call('POST', '/sim/clock', { json: { advance: by } });
    if (r.status !== 200)
      throw new StepFailure(`the clock did not advance by ${by}: ${r.status} ${r.text}`);
  };
  const send = (r: RequestSpec): Promise<Answer> => {
    const spec = interpolate(r, vars);
    return call(spec.method, spec.path, {
      ...(spec.as ? { token: spec.as } : {}),
      ...(spec.json !== undefined ? { json: spec.json } : {}),
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      ...(spec.headers ? { headers: spec.headers } : {}),
    });
  };
  const captureFrom = (a: Answer, capture: Record<string, string> | undefined): void => {
    for (const [name, expr] of Object.entries(capture ?? {})) {
      const v = pick(a, expr);
      if (v === undefined) throw new StepFailure(`capture ${name}: ${expr} is not in the answer`);
      vars[name] = v;
    }
  };

  if (sim) {
    const created = await call('POST', '/sim/worlds', { json: { seed: scenario.seed } });
    if (created.status !== 201)
      return {
        ...base,
        verdict: 'failed',
        reason: `could not create a world: ${created.status} ${created.text}`,
        steps: [],
        durationMs: performance.now() - started,
      };
    world = (created.body as { base: string }).base;
    worldId = (created.body as { id: string }).id;
  }
  const journal = async (): Promise<{ items: Journaled[]; lastSeq: number }> => {
    const r = await call('GET', '/sim/requests');
    if (r.status !== 200) throw new StepFailure(`GET /sim/requests: ${r.status} ${r.text}`);
    const body = r.body as { items: Journaled[]; lastSeq?: number };
    return { items: body.items, lastSeq: body.lastSeq ?? body.items[0]?.seq ?? 0 };
  };
  /** The journal's requests in a window, once every one of them is answered (at most a minute). */
  const settled = async (w: { from: number; to: number } | undefined): Promise<Journaled[]> => {
    const deadline = Date.now() + 65_000;
    for (;;) {
      const { items } = await journal();
      const inside = w ? items.filter((e) => e.seq > w.from && e.seq <= w.to) : items;
      if (!w || inside.length >= w.to - w.from || Date.now() > deadline) return inside;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** The journal's window of the last client step: requests with seq in (from, to]. */
  let window: { from: number; to: number } | undefined;
  let failed = false;
  let notApplicable: string | undefined;
  try {
    for (const f of scenario.requires?.faults ?? []) {
      const probe = await call('POST', '/sim/faults', { json: f });
      if (probe.status !== 201) {
        notApplicable = `the target does not support the fault ${JSON.stringify(f)} (${probe.status})`;
        break;
      }
      await call('DELETE', `/sim/faults/${(probe.body as { id: string }).id}`);
    }
    for (const [index, step] of (notApplicable ? [] : scenario.steps).entries()) {
      // After a failure, only the journal checks that follow run: they tell what the client did.
      if (failed && !('requests' in step)) break;
      const kind = kindOf(step);
      const name = step.name ?? kind;
      let request: StepResult['request'];
      let answer: Answer | undefined;
      let extra: Pick<StepResult, 'command' | 'output' | 'journal'> = {};
      const problems: string[] = [];
      try {
        if ('client' in step) {
          const spec = interpolate(step.client, vars);
          const lastSeq = async () => (sim ? (await journal()).lastSeq : 0);
          const from = await lastSeq();
          const run = await runClient(spec, {
            baseUrl: world,
            worldId,
            token: spec.as ?? DEFAULT_CLIENT_TOKEN,
          });
          window = { from, to: await lastSeq() };
          extra = { command: spec.run, output: run.output };
          problems.push(...judgeClient(spec, run));
        } else if ('requests' in step) {
          const spec = interpolate(step.requests, vars);
          const entries = (await settled(window)).sort(
            (a, b) => Date.parse(a.wallTime) - Date.parse(b.wallTime) || a.seq - b.seq,
          );
          extra = { journal: describeEntries(entries.filter((e) => matches(spec.match, e))) };
          problems.push(...judgeRequests(spec, entries));
        } else if ('request' in step) {
          const spec = interpolate(step.request, vars);
          request = {
            method: spec.method,
            path: spec.path,
            ...(spec.json !== undefined ? { body: spec.json } : {}),
          };
          answer = await send(step.request);
          for (
            let tries = 0;
            step.retry && step.retry.on.includes(answer.status) && tries < step.retry.max;
            tries++
          ) {
            const seconds = Number(answer.headers['retry-after']);
            await advance(
              Number.isFinite(seconds) && seconds >= 0
                ? `PT${seconds}S`
                : (step.retry.wait ?? 'PT1S'),
            );
            answer = await send(step.request);
          }
          problems.push(...checkAnswer(interpolate(step.expect, vars), answer));
          if (problems.length === 0) captureFrom(answer, step.capture);
        } else if ('clock' in step) {
          answer = await call('POST', '/sim/clock', { json: interpolate(step.clock, vars) });
          if (answer.status !== 200) problems.push(`clock: ${answer.status} ${answer.text}`);
        } else if ('snapshot' in step) {
          const snapshotName = interpolate(step.snapshot, vars).name;
          answer = await call('POST', '/sim/snapshots', { json: { name: snapshotName } });
          if (answer.status !== 201)
            problems.push(`snapshot ${snapshotName}: ${answer.status} ${answer.text}`);
        } else if ('restore' in step) {
          const snapshotName = interpolate(step.restore, vars).name;
          answer = await call('POST', `/sim/snapshots/${encodeURIComponent(snapshotName)}/restore`);
          if (answer.status !== 200)
            problems.push(`restore ${snapshotName}: ${answer.status} ${answer.text}`);
        } else if ('fault' in step) {
          answer =
            'clear' in step.fault
              ? await call('DELETE', '/sim/faults')
              : await call('POST', '/sim/faults', { json: interpolate(step.fault.add, vars) });
          if (answer.status >= 300) problems.push(`fault: ${answer.status} ${answer.text}`);
          else if (answer.status === 201) captureFrom(answer, step.capture);
        } else if ('waitFor' in step) {
          const w = step.waitFor;
          const every = parseDuration(w.every);
          const within = parseDuration(w.within);
          if (!every.ok || !within.ok)
            throw new StepFailure('waitFor: every and within must be ISO 8601 durations');
          const start = Date.parse((await now()) ?? '');
          const deadline = addDuration(start, within.value);
          let virtual = start;
          for (;;) {
            answer = await send(w.request);
            if (subsetDiff(interpolate(w.until, vars), answer.body).length === 0) break;
            virtual = addDuration(virtual, every.value);
            if (virtual > deadline) {
              problems.push(
                `waitFor: not reached within ${w.within} of virtual time: ${subsetDiff(interpolate(w.until, vars), answer.body).join('; ')}`,
              );
              break;
            }
            await advance(w.every);
          }
          if (problems.length === 0) captureFrom(answer, step.capture);
        } else {
          const m = interpolate(step.mail, vars);
          const box = await call('GET', `/sim/mail?to=${encodeURIComponent(m.to)}`);
          const items =
            (
              box.body as {
                items?: {
                  subject: string;
                  from: string;
                  links: { label: string; url: string }[];
                }[];
              }
            ).items ?? [];
          if (m.count !== undefined && items.length !== m.count)
            problems.push(`mail: expected ${m.count} mails to ${m.to}, got ${items.length}`);
          const latest = items[0];
          if ((m.subject !== undefined || m.from !== undefined || m.open !== undefined) && !latest)
            problems.push(`mail: no mail to ${m.to}`);
          if (latest && m.subject !== undefined && subsetDiff(m.subject, latest.subject).length > 0)
            problems.push(
              `mail: subject ${JSON.stringify(latest.subject)} does not match ${JSON.stringify(m.subject)}`,
            );
          if (latest && m.from !== undefined && latest.from !== m.from)
            problems.push(`mail: from ${latest.from}, expected ${m.from}`);
          answer = box;
          if (latest && m.open !== undefined && problems.length === 0) {
            const link = latest.links.find((l) => l.label === m.open);
            if (!link)
              problems.push(
                `mail: the latest mail to ${m.to} has no link "${m.open}" (links: ${latest.links.map((l) => l.label).join(', ')})`,
              );
            else {
              request = { method: m.method ?? 'GET', path: link.url };
              answer = { ...(await call(m.method ?? 'GET', link.url)), link: link.url };
            }
          }
          if (problems.length === 0) {
            problems.push(...checkAnswer(interpolate(step.expect, vars), answer));
            if (problems.length === 0) captureFrom(answer, step.capture);
          }
        }
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
      const at = await now().catch(() => undefined);
      results.push({
        index,
        name,
        kind,
        ...(at ? { at } : {}),
        ...(request ? { request } : {}),
        ...(answer ? { answer: { status: answer.status, body: answer.body } } : {}),
        ...extra,
        problems,
      });
      if (problems.length > 0) failed = true;
    }
  } finally {
    if (sim)
      await call('DELETE', world.replace(/\/w\/([^/]+)$/, '/sim/worlds/$1')).catch(() => undefined);
  }
  return {
    ...base,
    verdict: failed ? 'failed' : notApplicable ? 'not_applicable' : 'passed',
    ...(notApplicable ? { reason: notApplicable } : {}),
    steps: results,
    durationMs: performance.now() - started,
  };
};
