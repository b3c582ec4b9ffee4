import type { Reporter } from '../reporter.ts';

/** Progress as scenarios finish; on failure the step, its request, the answer and what differed. */
export const consoleReporter = (
  write: (line: string) => void = (l) => console.log(l),
): Reporter => {
  let done = 0;
  let total = 0;
  return {
    name: 'console',
    onBegin: (info) => {
      total = info.total;
      write(
        info.suite
          ? `provisim verify-client: ${info.total} cases for ${info.suite.command} (simulator: ${info.target})`
          : `provisim run: ${info.total} scenarios against ${info.target}${info.shard ? ` (shard ${info.shard})` : ''}`,
      );
    },
    onScenario: (r) => {
      done += 1;
      const mark = r.verdict === 'passed' ? 'ok  ' : r.verdict === 'failed' ? 'FAIL' : 'n/a ';
      write(
        `[${String(done).padStart(String(total).length)}/${total}] ${mark} ${r.id} (${r.rules.join(', ')})${r.reason ? `: ${r.reason}` : ''}`,
      );
      if (r.verdict !== 'failed') return;
      for (const step of r.steps.filter((s) => s.problems.length > 0)) {
        write(
          `       ${r.file}, step ${step.index + 1} (${step.name})${step.at ? ` at ${step.at}` : ''}`,
        );
        if (step.request)
          write(
            `       request: ${step.request.method} ${step.request.path}${step.request.body !== undefined ? ` ${JSON.stringify(step.request.body)}` : ''}`,
          );
        if (step.answer)
          write(
            `       answer:  ${step.answer.status} ${JSON.stringify(step.answer.body).slice(0, 400)}`,
          );
        if (step.command !== undefined) write(`       command: ${step.command}`);
        for (const p of step.problems) write(`       - ${p}`);
        if (step.journal?.length) {
          write(`       requests (${step.journal.length}):`);
          for (const line of step.journal.slice(0, 6)) write(`         ${line}`);
          if (step.journal.length > 6) write(`         … ${step.journal.length - 6} more`);
        }
        if (step.output) {
          write('       the client printed (last lines):');
          for (const line of step.output.split('\n').slice(-6)) write(`         | ${line}`);
        }
      }
    },
    onEnd: (report) => {
      const count = (v: string) => report.results.filter((r) => r.verdict === v).length;
      write(
        `${report.suite ? 'cases' : 'scenarios'}: ${count('passed')} passed, ${count('failed')} failed${count('not_applicable') ? `, ${count('not_applicable')} not applicable` : ''}`,
      );
      if (report.uncoveredRules.length > 0)
        write(`rules without a scenario (the run fails): ${report.uncoveredRules.join(', ')}`);
    },
  };
};
