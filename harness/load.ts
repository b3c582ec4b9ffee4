import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { RULES } from '../rules/catalog.ts';
import { fieldPath } from '../simulator/core/kernel/validation.ts';
import { locateIssues, type Located } from './load-issues.ts';
import { scenarioSchema, type Scenario } from './scenario-schema.ts';

export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
}

export interface LoadProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Every .yaml/.yml file under the paths given (files or folders), sorted. */
export const findScenarioFiles = (paths: readonly string[]): string[] => {
  const out: string[] = [];
  const walk = (p: string): void => {
    if (!existsSync(p)) throw new Error(`${p}: no such file or folder`);
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else if (/\.ya?ml$/.test(p)) out.push(p);
  };
  for (const p of paths) walk(p);
  return [...new Set(out)].sort();
};

/** What a scenario may name: the catalogue's rule IDs and the seeded world's tokens. */
export interface Known {
  readonly rules: readonly string[];
  /** The fixed tokens of the seeded world (`acme-admin`, …); unchecked when absent. */
  readonly tokens?: readonly string[];
}

type Node = { range?: [number, number, number] } | null | undefined;

/** The line of the node a path reaches (or of the nearest node on the way), or of a key in it. */
const lineAt = (
  doc: Document,
  lines: LineCounter,
  path: readonly (string | number)[],
  key?: string,
): number => {
  let node: unknown = doc.contents;
  let line = 1;
  const lineOf = (n: Node) => (n?.range ? lines.linePos(n.range[0]).line : undefined);
  line = lineOf(node as Node) ?? line;
  for (const seg of [...path, ...(key !== undefined ? [key] : [])]) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      // An unknown key is reported at the key itself; a value at the value.
      line = (seg === key ? lineOf(pair.key as Node) : lineOf(pair.value as Node)) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      line = lineOf(node as Node) ?? line;
    } else break;
  }
  return line;
};

const at = (v: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (x, k) => (x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined),
    v,
  );

/** Where a scenario names a token (`as` of requests, waits and client runs), read from the raw file. */
const tokenPlaces = (value: unknown): { path: (string | number)[]; token: string }[] => {
  const steps = at(value, 'steps');
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((_, i) =>
    [
      ['steps', i, 'request', 'as'],
      ['steps', i, 'waitFor', 'request', 'as'],
      ['steps', i, 'client', 'as'],
      ['steps', i, 'requests', 'match', 'token'],
    ].flatMap((path) => {
      const token = at(value, ...path);
      return typeof token === 'string' && token !== '*' && token !== 'none'
        ? [{ path, token }]
        : [];
    }),
  );
};

/** Rule IDs not in the catalogue, and tokens the seeded world does not have (located). */
const unknownNames = (value: unknown, known: Known): Located[] => {
  const out: Located[] = [];
  const rules = at(value, 'rules');
  if (Array.isArray(rules))
    rules.forEach((id, i) => {
      if (typeof id === 'string' && !known.rules.includes(id))
        out.push({
          path: ['rules', i],
          message: `rules[${i}]: ${id} is not a rule of the catalogue (rules/catalog.json lists ${known.rules[0]} … ${known.rules.at(-1)})`,
        });
    });
  const tokens = known.tokens;
  if (tokens)
    for (const { path, token } of tokenPlaces(value))
      if (!tokens.includes(token) && !token.includes('${'))
        out.push({
          path,
          message: `${fieldPath(path)}: ${token} is not a token of the seeded world (known: ${tokens.join(', ')}); to send an unknown token, set the authorization header yourself`,
        });
  return out;
};

/** Parses and validates one scenario file; problems name the file and line. */
export const loadScenarioText = (
  file: string,
  text: string,
  known: Known = { rules: RULES.map((r) => r.id) },
): { scenario?: Scenario; problems: LoadProblem[] } => {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: lines.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  const value: unknown = doc.toJS();
  const r = scenarioSchema.safeParse(value);
  const located = [
    ...(r.success ? [] : locateIssues(r.error.issues, value, scenarioSchema)),
    ...unknownNames(value, known),
  ];
  const problems = located
    .map((p) => ({ file, line: lineAt(doc, lines, p.path, p.key), message: p.message }))
    .sort((a, b) => a.line - b.line);
  return r.success && problems.length === 0 ? { scenario: r.data, problems } : { problems };
};

export const loadScenarios = (
  paths: readonly string[],
  known?: Known,
): { loaded: LoadedScenario[]; problems: LoadProblem[] } => {
  const loaded: LoadedScenario[] = [];
  const problems: LoadProblem[] = [];
  const ids = new Map<string, string>();
  for (const abs of findScenarioFiles(paths)) {
    const file = relative(process.cwd(), abs) || abs;
    const r = loadScenarioText(file, readFileSync(abs, 'utf8'), known);
    problems.push(...r.problems);
    if (!r.scenario) continue;
    const dup = ids.get(r.scenario.id);
    if (dup)
      problems.push({ file, line: 1, message: `id: ${r.scenario.id} is also the id of ${dup}` });
    ids.set(r.scenario.id, file);
    loaded.push({ file, scenario: r.scenario });
  }
  return { loaded, problems };
};

export const formatProblem = (p: LoadProblem): string => `${p.file}:${p.line}: ${p.message}`;
