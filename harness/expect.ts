import type { ExpectSpec } from './scenario-schema.ts';

/** An answer as the harness sees it. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly text: string;
  /** The mail link a `mail` step opened. */
  readonly link?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string expectation: exact, `re:<pattern>`, or `*` (anything present). */
export const matchesString = (expected: string, actual: unknown): boolean => {
  if (expected === '*') return actual !== undefined;
  if (expected.startsWith('re:'))
    return typeof actual === 'string' && new RegExp(expected.slice(3)).test(actual);
  return actual === expected;
};

/** Where `actual` differs from the subset `expected`: a list of `path: expected …, got …` lines. */
export const subsetDiff = (expected: unknown, actual: unknown, path = 'body'): string[] => {
  if (typeof expected === 'string')
    return matchesString(expected, actual)
      ? []
      : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length < expected.length)
      return [`${path}: expected at least ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((e, i) => subsetDiff(e, actual[i], `${path}[${i}]`));
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => subsetDiff(v, actual[k], `${path}.${k}`));
  }
  return Object.is(expected, actual)
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
};

const exactDiff = (expected: unknown, actual: unknown): string[] =>
  JSON.stringify(expected) === JSON.stringify(actual)
    ? []
    : [`body: expected exactly ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];

/** Every way an answer fails an expectation (empty when it meets it). */
export const checkAnswer = (spec: ExpectSpec | undefined, a: Answer): string[] => {
  if (!spec) return [];
  const problems: string[] = [];
  if (spec.status !== undefined) {
    const ok = Array.isArray(spec.status)
      ? spec.status.includes(a.status)
      : spec.status === a.status;
    if (!ok) problems.push(`status: expected ${JSON.stringify(spec.status)}, got ${a.status}`);
  }
  for (const [name, want] of Object.entries(spec.headers ?? {})) {
    const got = a.headers[name.toLowerCase()];
    if (!matchesString(want, got))
      problems.push(
        `headers.${name}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
      );
  }
  if (spec.body !== undefined) problems.push(...subsetDiff(spec.body, a.body));
  if (spec.bodyExact !== undefined) problems.push(...exactDiff(spec.bodyExact, a.body));
  if (
    spec.text !== undefined &&
    !(spec.text.startsWith('re:')
      ? new RegExp(spec.text.slice(3)).test(a.text)
      : a.text.includes(spec.text))
  ) {
    problems.push(`text: expected ${JSON.stringify(spec.text)} in the body`);
  }
  return problems;
};

/** A value from an answer by path: `body.lines[0].id`, `headers.location`, `status`; `| last-segment` filters. */
export const pick = (a: Answer, expr: string): unknown => {
  const [path = '', ...filters] = expr.split('|').map((s) => s.trim());
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let v: unknown = { body: a.body, headers: a.headers, status: a.status, link: a.link };
  for (const p of parts) v = Array.isArray(v) ? v[Number(p)] : isObject(v) ? v[p] : undefined;
  for (const f of filters) {
    if (f === 'last-segment' && typeof v === 'string')
      v = new URL(v, 'http://x').pathname.split('/').filter(Boolean).pop();
    else if (f !== 'last-segment') throw new Error(`unknown filter "${f}" (known: last-segment)`);
  }
  return v;
};

/** Replaces `${name}` in every string of a value with the captured values. */
export const interpolate = <T>(value: T, vars: Readonly<Record<string, unknown>>): T => {
  if (typeof value === 'string') {
    return value.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      if (!(name in vars))
        throw new Error(
          `\${${name}} is not captured yet (captured: ${Object.keys(vars).join(', ') || 'nothing'})`,
        );
      return String(vars[name]);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars)) as T;
  if (isObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolate(v, vars)]),
    ) as T;
  return value;
};
