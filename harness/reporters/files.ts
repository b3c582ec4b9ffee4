import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, RunReport } from '../reporter.ts';
import type { ScenarioResult } from '../run-scenario.ts';
import { renderHtml } from './html-report.ts';

const write = (out: string, name: string, text: string): void => {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, name), text);
};

const xml = (t: string): string =>
  t.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** `report.json`: everything, for merge-reports and other tools. */
export const jsonReporter = (out: string): Reporter => ({
  name: 'json',
  onEnd: (r) => write(out, 'report.json', `${JSON.stringify(r, null, 2)}\n`),
});

const failure = (r: ScenarioResult): string => {
  const steps = r.steps.filter((s) => s.problems.length > 0);
  return steps.length > 0
    ? steps.map((s) => `step ${s.index + 1} (${s.name}): ${s.problems.join('; ')}`).join(' | ')
    : (r.reason ?? 'failed');
};

/** `junit.xml`: a test case per scenario, the failing step in the message. */
export const renderJunit = (report: RunReport): string => {
  const cases = report.results.map((r) => {
    const head = `    <testcase classname="${xml(r.file)}" name="${xml(`${r.id}: ${r.title} [${r.rules.join(', ')}]`)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
    if (r.verdict === 'passed') return `${head}/>`;
    if (r.verdict === 'not_applicable')
      return `${head}><skipped message="${xml(r.reason ?? 'not applicable')}"/></testcase>`;
    return `${head}><failure message="${xml(failure(r))}">${xml(JSON.stringify(r.steps.at(-1) ?? {}, null, 2))}</failure></testcase>`;
  });
  if (report.uncoveredRules.length > 0)
    cases.push(
      `    <testcase classname="rules" name="every catalog rule has a scenario"><failure message="${xml(`no scenario for ${report.uncoveredRules.join(', ')}`)}"/></testcase>`,
    );
  const failures =
    report.results.filter((r) => r.verdict === 'failed').length +
    (report.uncoveredRules.length > 0 ? 1 : 0);
  const skipped = report.results.filter((r) => r.verdict === 'not_applicable').length;
  const suite = report.suite ? 'client conformance' : 'scenarios';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="provisim" tests="${cases.length}" failures="${failures}">\n  <testsuite name="${suite}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
};
export const junitReporter = (out: string): Reporter => ({
  name: 'junit',
  onEnd: (r) => write(out, 'junit.xml', renderJunit(r)),
});

export { renderHtml };
export const htmlReporter = (out: string): Reporter => ({
  name: 'html',
  onEnd: (r) => write(out, 'index.html', renderHtml(r)),
});
