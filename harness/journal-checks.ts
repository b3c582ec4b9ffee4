import { addDuration, parseDuration } from '../simulator/core/kernel/duration.ts';
import { globMatch } from '../simulator/core/glob.ts';
import type { JournalEntry } from '../simulator/http/request-journal.ts';
import { matchesString, subsetDiff } from './expect.ts';
import type { RequestMatch, RequestsSpec } from './scenario-schema.ts';

/** A request of the journal (`GET /sim/requests`), as the harness reads it (headers unused). */
export type Journaled = Omit<JournalEntry, 'headers'>;

/** Whether an entry matches (method, path pattern, query, status or class, token / `*` / `none`). */
export const matches = (m: RequestMatch, e: Journaled): boolean =>
  (m.method === undefined || m.method === e.method) &&
  (m.path === undefined || globMatch(m.path, e.path)) &&
  (m.query === undefined || matchesString(m.query, e.query)) &&
  (m.status === undefined ||
    (typeof m.status === 'number' ? m.status === e.status : String(e.status)[0] === m.status[0])) &&
  (m.token === undefined ||
    (m.token === 'none'
      ? e.token === undefined
      : m.token === '*'
        ? e.token !== undefined
        : e.token === m.token));

export const describeMatch = (m: RequestMatch): string =>
  [
    m.method ?? '',
    m.path ?? '',
    m.query ?? '',
    m.status !== undefined ? `→ ${m.status}` : '',
    m.token !== undefined ? `(token ${m.token})` : '',
  ]
    .filter(Boolean)
    .join(' ') || 'any request';

const ms = (iso: string): number => Date.parse(iso);

/** A path for people: long ids (Webex's are ~80 characters) cut to their last characters. */
export const shortPath = (path: string): string =>
  path
    .split('/')
    .map((seg) => (seg.length > 24 ? `…${seg.slice(-8)}` : seg))
    .join('/');
const durationMs = (text: string): number => {
  const d = parseDuration(text);
  return d.ok ? addDuration(0, d.value) : NaN;
};
const secs = (n: number): string => `${(n / 1000).toFixed(2)} s`;

/** One line per entry, with times relative to the first one (for verdicts and reports). */
export const describeEntries = (entries: readonly Journaled[]): string[] => {
  const t0 = entries[0] ? ms(entries[0].wallTime) : 0;
  return entries.map(
    (e) =>
      `+${secs(ms(e.wallTime) - t0)} (virtual ${e.time}) ${e.method} ${shortPath(e.path)}${e.query} → ${e.status}${e.retryAfter !== undefined ? ` Retry-After: ${e.retryAfter}` : ''}${e.token ? '' : ' [no known token]'}`,
  );
};

/** A field of a JSON body (`externalId`, `customerInfo.primaryEmail`), from a whole or cut prefix. */
export const bodyField = (e: Journaled, path: string): unknown => {
  if (e.body === undefined) return undefined;
  if (!e.bodyTruncated) {
    try {
      let v: unknown = JSON.parse(e.body);
      for (const k of path.split('.'))
        v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
      return v;
    } catch {
      return undefined;
    }
  }
  const key = path.split('.').at(-1) ?? path;
  const m = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(e.body);
  return m?.[1];
};

const firstFew = (lines: string[], n = 3): string[] =>
  lines.length > n ? [...lines.slice(0, n), `… and ${lines.length - n} more`] : lines;

/**
 * Answers after which sending the same create again is not a second create (nothing was made); a
 * resend before the first was answered is one, whatever the answer turns out to be.
 */
const nothingCreated = (status: number): boolean =>
  status === 503 || (status >= 400 && status < 500);

/**
 * Judges journal entries (oldest first) against a `requests` step: every way they fail it. The
 * entries are the requests the client made; `match` picks those the checks are about.
 */
export const judgeRequests = (spec: RequestsSpec, all: readonly Journaled[]): string[] => {
  const why = spec.because ? ` (${spec.because})` : '';
  const what = describeMatch(spec.match);
  const list = all.filter((e) => matches(spec.match, e));
  const problems: string[] = [];
  const t0 = all[0] ? ms(all[0].wallTime) : 0;
  const at = (e: Journaled) => `+${secs(ms(e.wallTime) - t0)}`;

  if (spec.count !== undefined) {
    const { min, max } =
      typeof spec.count === 'number' ? { min: spec.count, max: spec.count } : spec.count;
    if ((min !== undefined && list.length < min) || (max !== undefined && list.length > max)) {
      const wanted =
        min === max
          ? `${min}`
          : [min !== undefined ? `at least ${min}` : '', max !== undefined ? `at most ${max}` : '']
              .filter(Boolean)
              .join(' and ');
      problems.push(`expected ${wanted} ${what}, got ${list.length}${why}`);
    }
  }
  if (spec.order) {
    let from = 0;
    for (const [i, m] of spec.order.entries()) {
      const found = list.findIndex((e, k) => k >= from && matches(m, e));
      if (found < 0) {
        problems.push(
          `order: expected ${describeMatch(m)}${i > 0 ? ` after ${describeMatch(spec.order[i - 1]!)}` : ''} among ${what}, found none${why}`,
        );
        break;
      }
      from = found + 1;
    }
  }
  if (spec.minGap) {
    const wall = spec.minGap.wall !== undefined ? durationMs(spec.minGap.wall) : undefined;
    const virtual = spec.minGap.virtual !== undefined ? durationMs(spec.minGap.virtual) : undefined;
    const close: string[] = [];
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      const dw = ms(b.wallTime) - ms(a.wallTime);
      const dv = ms(b.time) - ms(a.time);
      if (wall !== undefined && dw < wall)
        close.push(
          `${b.method} ${shortPath(b.path)} at ${at(b)} came ${secs(dw)} (real) after the one before`,
        );
      if (virtual !== undefined && dv < virtual)
        close.push(
          `${b.method} ${shortPath(b.path)} at ${at(b)} came ${secs(dv)} (virtual) after the one before`,
        );
    }
    if (close.length > 0)
      problems.push(
        `minGap ${[spec.minGap.wall && `wall ${spec.minGap.wall}`, spec.minGap.virtual && `virtual ${spec.minGap.virtual}`].filter(Boolean).join(', ')}: ${close.length} of ${list.length - 1} gaps are shorter: ${firstFew(close).join('; ')}${why}`,
      );
  }
  if (spec.honoursRetryAfter) {
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (a.retryAfter === undefined) continue;
      const next = list.slice(i + 1).find((b) => b.method === a.method && b.path === a.path);
      if (!next) continue;
      const answered = ms(a.wallTime) + a.durationMs;
      const waited = ms(next.wallTime) - answered;
      if (waited < a.retryAfter * 1000)
        problems.push(
          `Retry-After: the ${a.status} at ${at(a)} asked for ${a.retryAfter} s; the next ${a.method} ${shortPath(a.path)} came ${secs(Math.max(0, waited))} after the answer${why}`,
        );
    }
  }
  if (spec.body !== undefined) {
    for (const e of list) {
      let diff: string[];
      if (typeof spec.body === 'string') {
        const ok = spec.body.startsWith('re:')
          ? matchesString(spec.body, e.body ?? '')
          : (e.body ?? '').includes(spec.body);
        diff = ok
          ? []
          : [`body: expected ${JSON.stringify(spec.body)} in ${JSON.stringify(e.body ?? '')}`];
      } else if (e.bodyTruncated) {
        diff = ['body: longer than the journal keeps (2048 bytes): match a text instead'];
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(e.body ?? '');
        } catch {
          parsed = e.body;
        }
        diff = subsetDiff(spec.body, parsed);
      }
      if (diff.length > 0)
        problems.push(`${e.method} ${shortPath(e.path)} at ${at(e)}: ${diff.join('; ')}${why}`);
    }
  }
  if (spec.unique !== undefined) {
    const last = new Map<string, Journaled>();
    for (const e of list) {
      const v = bodyField(e, spec.unique);
      if (v === undefined) continue;
      const key = JSON.stringify(v);
      const before = last.get(key);
      const answeredAt = before ? ms(before.wallTime) + before.durationMs : 0;
      if (before && ms(e.wallTime) < answeredAt)
        problems.push(
          `${e.method} ${shortPath(e.path)} at ${at(e)} sent ${spec.unique} ${key} again while the one at ${at(before)} had no answer yet (it was answered ${before.status} at +${secs(answeredAt - t0)})${why}`,
        );
      else if (before && !nothingCreated(before.status))
        problems.push(
          `${e.method} ${shortPath(e.path)} at ${at(e)} sent ${spec.unique} ${key} again, after the one at ${at(before)} answered ${before.status}${why}`,
        );
      last.set(key, e);
    }
  }
  return problems;
};
