import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from '../rules/catalog.ts';
import { inProcessTarget } from './in-process.ts';
import { formatProblem, loadScenarios } from './load.ts';
import type { RunReport } from './reporter.ts';
import { reportersByName } from './reporters/registry.ts';
import { failedRun, mergeReports, parseShard, runScenarios } from './runner.ts';
import { seededTokens } from './seeded-world.ts';
import { urlTarget } from './target.ts';
import { watchScenarios } from './watch.ts';

export const LIBRARY = 'scenarios';
export const DEFAULT_OUT = 'reports/out';

export const RUN_HELP = `Usage: provisim run [paths…] [options]
Runs scenarios (default: the whole library, scenarios/) and reports.
  --target URL            a server that claims the simulator's behaviour (default: in-process)
  --grep TEXT             only scenarios whose id or title contains TEXT
  --rule ID               only scenarios tagged with a rule, e.g. CCW-5
  --workers N             scenarios at once (default 1; each has its own world)
  --shard i/n             the i-th of n shards
  --reporter LIST         console,json,junit,html (default console,json,junit,html)
  --out DIR               where reports go (default reports/out)
  --watch                 after the run, re-run each scenario file that changes (Ctrl-C stops)
Exit: 0 all passed, 1 a scenario failed (or, on the whole library, a rule has no scenario),
2 invalid scenarios or options.`;

export const VALIDATE_HELP = `Usage: provisim validate [paths…]
Checks scenario files (default: scenarios/) without running them: the format, the rule IDs against
the catalogue (rules/catalog.json) and the tokens against the seeded world. Prints file:line:
problem for each, and exits 1 when there is one.`;

export const MERGE_HELP = `Usage: provisim merge-reports FILE… [--reporter LIST] [--out DIR]
Joins shards' report.json files into one report (default out: reports/out/merged); the rule
coverage check applies when the shards make a whole. Exit 1 when a scenario failed.`;

/** Whether the options (before a \`--\`) ask for help. */
export const wantsHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

const known = async () => ({ rules: RULES.map((r) => r.id), tokens: await seededTokens() });

export const runCommand = async (args: string[]): Promise<number> => {
  if (wantsHelp(args)) {
    console.log(RUN_HELP);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      grep: { type: 'string' },
      rule: { type: 'string' },
      workers: { type: 'string' },
      shard: { type: 'string' },
      reporter: { type: 'string' },
      out: { type: 'string' },
      watch: { type: 'boolean' },
    },
  });
  const workers = Number(values.workers ?? 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 32)
    throw new Error(`--workers must be a whole number from 1 to 32 (got ${values.workers})`);
  if (values.shard) parseShard(values.shard);
  const out = values.out ?? DEFAULT_OUT;
  const reporterNames = (values.reporter ?? 'console,json,junit,html')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  reportersByName(reporterNames, out);
  const paths = positionals.length > 0 ? positionals : [LIBRARY];
  const target = values.target ? urlTarget(values.target) : inProcessTarget();
  const run = (only?: string[]) =>
    runScenarios({
      paths: only ?? paths,
      target,
      workers,
      reporters: reportersByName(reporterNames, out),
      out,
      fullLibrary: only === undefined && positionals.length === 0,
      ...(values.grep !== undefined ? { grep: values.grep } : {}),
      ...(values.rule !== undefined ? { rule: values.rule } : {}),
      ...(values.shard !== undefined ? { shard: values.shard } : {}),
    });
  if (!values.watch) return failedRun(await run()) ? 1 : 0;
  await run().catch((error: unknown) =>
    console.error(`provisim run: ${error instanceof Error ? error.message : String(error)}`),
  );
  watchScenarios({
    paths,
    rerun: async (files) => void (await run(files)),
    log: (line) => console.log(line),
  });
  return new Promise<number>(() => undefined);
};

export const validateCommand = async (args: string[]): Promise<number> => {
  if (wantsHelp(args)) {
    console.log(VALIDATE_HELP);
    return 0;
  }
  const { loaded, problems } = loadScenarios(args.length > 0 ? args : [LIBRARY], await known());
  for (const p of problems) console.error(formatProblem(p));
  console.log(`${loaded.length} scenario files valid, ${problems.length} problems`);
  return problems.length > 0 ? 1 : 0;
};

export const mergeCommand = async (args: string[]): Promise<number> => {
  if (wantsHelp(args)) {
    console.log(MERGE_HELP);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { reporter: { type: 'string' }, out: { type: 'string' } },
  });
  if (positionals.length === 0)
    throw new Error('merge-reports needs the report.json files of the shards');
  const merged = mergeReports(
    positionals.map((f) => JSON.parse(readFileSync(f, 'utf8')) as RunReport),
  );
  const out = values.out ?? join(DEFAULT_OUT, 'merged');
  for (const r of reportersByName((values.reporter ?? 'console,json,junit,html').split(','), out)) {
    r.onBegin?.({ target: merged.target, total: merged.results.length, out });
    for (const x of merged.results) r.onScenario?.(x);
    await r.onEnd?.(merged);
  }
  return failedRun(merged) ? 1 : 0;
};
