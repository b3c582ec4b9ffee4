import { RULES } from '../rules/catalog.ts';
import { formatProblem, loadScenarios, type LoadedScenario } from './load.ts';
import { multiplex, type Reporter, type RunReport } from './reporter.ts';
import { runScenario, type ScenarioResult } from './run-scenario.ts';
import { seededTokens } from './seeded-world.ts';
import { runsClient } from './scenario-schema.ts';
import { hasSimApi, type Target } from './target.ts';

export interface RunOptions {
  readonly paths: readonly string[];
  readonly target: Target;
  readonly grep?: string;
  readonly rule?: string;
  readonly workers?: number;
  /** `i/n`: run the i-th of n shards (1-based). */
  readonly shard?: string;
  readonly reporters: readonly Reporter[];
  readonly out: string;
  /** Whether the paths are the whole library (the rule coverage check then applies). */
  readonly fullLibrary: boolean;
  readonly warn?: (line: string) => void;
}

export const parseShard = (text: string): { index: number; total: number } => {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || index < 1 || total < 1 || index > total)
    throw new Error(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4 (got ${text})`);
  return { index, total };
};

/** Catalog rules that none of the results carries. */
export const uncovered = (results: readonly { rules: readonly string[] }[]): string[] => {
  const seen = new Set(results.flatMap((r) => r.rules));
  return RULES.map((r) => r.id).filter((id) => !seen.has(id));
};

export const selectScenarios = (
  all: readonly LoadedScenario[],
  o: Pick<RunOptions, 'grep' | 'rule' | 'shard'>,
): LoadedScenario[] => {
  let list = all.filter(
    (s) =>
      (o.grep === undefined ||
        `${s.scenario.id} ${s.scenario.title}`.toLowerCase().includes(o.grep.toLowerCase())) &&
      (o.rule === undefined || s.scenario.rules.includes(o.rule)),
  );
  if (o.shard) {
    const { index, total } = parseShard(o.shard);
    list = [...list]
      .sort((a, b) => a.scenario.id.localeCompare(b.scenario.id))
      .filter((_, i) => i % total === index - 1);
  }
  return list;
};

/** Loads, filters and runs scenarios against a target; reporters hear every result. */
export const runScenarios = async (o: RunOptions): Promise<RunReport> => {
  const { loaded, problems } = loadScenarios(o.paths, {
    rules: RULES.map((r) => r.id),
    tokens: await seededTokens(),
  });
  if (problems.length > 0)
    throw new Error(`invalid scenarios:\n${problems.map(formatProblem).join('\n')}`);
  return runLoaded({ ...o, loaded });
};

export interface RunLoadedOptions extends Omit<RunOptions, 'paths'> {
  readonly loaded: readonly LoadedScenario[];
  /** What the run is (default: the scenario library); named in reports. */
  readonly suite?: { readonly kind: 'client'; readonly command: string };
}

/** Filters and runs loaded scenarios (files, or a built-in suite) against a target. */
export const runLoaded = async (o: RunLoadedOptions): Promise<RunReport> => {
  const warn = o.warn ?? ((line: string) => console.error(line));
  const selected = selectScenarios(o.loaded, o);
  const sim = await hasSimApi(o.target);
  // Client commands run in their own process: they need a listening server.
  const served =
    o.target.serve && selected.some((s) => runsClient(s.scenario))
      ? await o.target.serve()
      : undefined;
  const reporters = multiplex(o.reporters, warn);
  reporters.onBegin({
    target: o.target.name,
    total: selected.length,
    out: o.out,
    ...(o.shard ? { shard: o.shard } : {}),
    ...(o.suite ? { suite: o.suite } : {}),
  });
  const results: ScenarioResult[] = new Array(selected.length);
  let next = 0;
  const worker = async () => {
    while (next < selected.length) {
      const i = next++;
      const s = selected[i]!;
      const client = runsClient(s.scenario);
      const target = client && served ? served.target : o.target;
      const r = await (
        client && !target.reachable
          ? Promise.resolve<ScenarioResult>({
              id: s.scenario.id,
              title: s.scenario.title,
              file: s.file,
              rules: s.scenario.rules,
              verdict: 'not_applicable',
              reason: 'runs a client command, which cannot reach this target (give --target URL)',
              steps: [],
              durationMs: 0,
            })
          : runScenario(s.scenario, s.file, target, sim)
      ).catch((error: unknown): ScenarioResult => ({
        id: s.scenario.id,
        title: s.scenario.title,
        file: s.file,
        rules: s.scenario.rules,
        verdict: 'failed',
        reason: String(error),
        steps: [],
        durationMs: 0,
      }));
      results[i] = r;
      reporters.onScenario(r);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, o.workers ?? 1) }, worker));
  } finally {
    await served?.close();
  }
  const fullLibrary =
    o.fullLibrary &&
    o.suite === undefined &&
    o.grep === undefined &&
    o.rule === undefined &&
    o.shard === undefined;
  const report: RunReport = {
    version: 1,
    target: o.target.name,
    ...(o.shard ? { shard: o.shard } : {}),
    fullLibrary,
    ...(o.suite ? { suite: o.suite } : {}),
    results,
    uncoveredRules: fullLibrary ? uncovered(results) : [],
  };
  await reporters.onEnd(report);
  return report;
};

/** Joins shards' JSON reports into one; the coverage check applies when the shards make a whole. */
export const mergeReports = (reports: readonly RunReport[]): RunReport => {
  const shards = reports.map((r) => r.shard).filter((s): s is string => s !== undefined);
  const totals = new Set(shards.map((s) => parseShard(s).total));
  const whole =
    totals.size === 1 &&
    new Set(shards).size === [...totals][0] &&
    shards.length === reports.length;
  const results = reports.flatMap((r) => r.results).sort((a, b) => a.id.localeCompare(b.id));
  return {
    version: 1,
    target: reports[0]?.target ?? '',
    fullLibrary: whole,
    results,
    uncoveredRules: whole ? uncovered(results) : [],
  };
};

export const failedRun = (r: RunReport): boolean =>
  r.results.some((x) => x.verdict === 'failed') || r.uncoveredRules.length > 0;
