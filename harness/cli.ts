import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inProcessTarget } from './in-process.ts';
import { formatProblem, loadScenarios } from './load.ts';
import type { RunReport } from './reporter.ts';
import { reportersByName } from './reporters/registry.ts';
import { failedRun, mergeReports, parseShard, runScenarios } from './runner.ts';
import { urlTarget } from './target.ts';

export const LIBRARY = 'scenarios';
export const DEFAULT_OUT = 'reports/out';

export const RUN_HELP = `provisim run [paths…] [options]     run scenarios (default: the whole library, scenarios/)
  --target URL            a server that claims the simulator's behaviour (default: in-process)
  --grep TEXT             only scenarios whose id or title contains TEXT
  --rule ID               only scenarios tagged with a rule, e.g. CCW-5
  --workers N             scenarios at once (default 1; each has its own world)
  --shard i/n             the i-th of n shards
  --reporter LIST         console,json,junit,html (default console,json,junit,html)
  --out DIR               where reports go (default reports/out)
provisim validate [paths…]          check scenario files (file, line and problem)
provisim merge-reports FILE… [--reporter LIST] [--out DIR]   join shards' report.json files`;

export const runCommand = async (args: string[]): Promise<number> => {
  if (args.includes('--help') || args.includes('-h')) {
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
    },
  });
  const workers = Number(values.workers ?? 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 32)
    throw new Error(`--workers must be a whole number from 1 to 32 (got ${values.workers})`);
  if (values.shard) parseShard(values.shard);
  const out = values.out ?? DEFAULT_OUT;
  const reporters = reportersByName(
    (values.reporter ?? 'console,json,junit,html')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    out,
  );
  const report = await runScenarios({
    paths: positionals.length > 0 ? positionals : [LIBRARY],
    target: values.target ? urlTarget(values.target) : inProcessTarget(),
    workers,
    reporters,
    out,
    fullLibrary: positionals.length === 0,
    ...(values.grep !== undefined ? { grep: values.grep } : {}),
    ...(values.rule !== undefined ? { rule: values.rule } : {}),
    ...(values.shard !== undefined ? { shard: values.shard } : {}),
  });
  return failedRun(report) ? 1 : 0;
};

export const validateCommand = (args: string[]): number => {
  const { loaded, problems } = loadScenarios(args.length > 0 ? args : [LIBRARY]);
  for (const p of problems) console.error(formatProblem(p));
  console.log(`${loaded.length} scenario files valid, ${problems.length} problems`);
  return problems.length > 0 ? 1 : 0;
};

export const mergeCommand = async (args: string[]): Promise<number> => {
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
