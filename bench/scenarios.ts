// `npm run bench`, the scenario library (issue 17): the whole library (scenarios/) run in-process,
// as `provisim run --workers 2` runs it, timed from load to the last verdict. Goal: at most 5 s on
// 2 cores. The fastest of three rounds is shown, after one round to warm up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inProcessTarget } from '../harness/in-process.ts';
import { runScenarios } from '../harness/runner.ts';

const ROUNDS = 3;
const GOAL_MS = 5_000;

const runOnce = async (): Promise<{ ms: number; scenarios: number; failed: number }> => {
  const out = mkdtempSync(join(tmpdir(), 'provisim-bench-scenarios-'));
  try {
    const started = performance.now();
    const report = await runScenarios({
      paths: ['scenarios'],
      target: inProcessTarget(),
      reporters: [],
      out,
      workers: 2,
      fullLibrary: true,
      warn: () => undefined,
    });
    return {
      ms: performance.now() - started,
      scenarios: report.results.length,
      failed: report.results.filter((r) => r.verdict !== 'passed').length,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

export const benchScenarioLibrary = async (): Promise<void> => {
  await runOnce();
  const rounds = [];
  for (let i = 0; i < ROUNDS; i += 1) rounds.push(await runOnce());
  const best = rounds.reduce((a, b) => (b.ms < a.ms ? b : a));
  console.log(
    `\nScenario library, in-process, 2 workers: ${best.scenarios} scenarios in ${Math.round(best.ms)} ms ` +
      `(best of ${ROUNDS}; goal ≤ ${GOAL_MS} ms: ${best.ms <= GOAL_MS ? 'met' : 'NOT met'}; ` +
      `${best.failed} not passed)`,
  );
  console.log(
    `BENCH_SCENARIOS_JSON ${JSON.stringify({
      scenarios: best.scenarios,
      workers: 2,
      bestMs: Math.round(best.ms),
      roundsMs: rounds.map((r) => Math.round(r.ms)),
      goalMs: GOAL_MS,
      failed: best.failed,
    })}`,
  );
};
