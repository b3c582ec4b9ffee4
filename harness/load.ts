import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { fieldPath } from '../simulator/core/kernel/validation.ts';
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
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else if (/\.ya?ml$/.test(p)) out.push(p);
  };
  for (const p of paths) walk(p);
  return [...new Set(out)].sort();
};

/** Parses and validates one scenario file; problems name the file and line. */
export const loadScenarioText = (
  file: string,
  text: string,
): { scenario?: Scenario; problems: LoadProblem[] } => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  const r = scenarioSchema.safeParse(doc.toJS());
  if (r.success) return { scenario: r.data, problems: [] };
  return {
    problems: r.error.issues.map((issue) => {
      // The line of the deepest node the path reaches.
      let line = 1;
      for (let n = issue.path.length; n >= 0; n--) {
        const node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true) as
          { range?: [number, number, number] } | undefined;
        if (node?.range) {
          line = lineCounter.linePos(node.range[0]).line;
          break;
        }
      }
      const where = fieldPath(issue.path as PropertyKey[]);
      const message =
        issue.code === 'invalid_union'
          ? 'is not a known step: use one of request, clock, fault, waitFor, mail (see scenarios/scenario.schema.json)'
          : issue.message;
      return { file, line, message: `${where}: ${message}` };
    }),
  };
};

export const loadScenarios = (
  paths: readonly string[],
): { loaded: LoadedScenario[]; problems: LoadProblem[] } => {
  const loaded: LoadedScenario[] = [];
  const problems: LoadProblem[] = [];
  const ids = new Map<string, string>();
  for (const abs of findScenarioFiles(paths)) {
    const file = relative(process.cwd(), abs) || abs;
    const r = loadScenarioText(file, readFileSync(abs, 'utf8'));
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
