import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../rules/catalog.ts';
import type { Reporter, RunReport } from '../reporter.ts';
import type { ScenarioResult } from '../run-scenario.ts';

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

/** `index.html`: the rule × scenario matrix, and each scenario's steps on the virtual clock. */
export const renderHtml = (report: RunReport): string => {
  const cell = (r: ScenarioResult) =>
    r.verdict === 'passed'
      ? '<td class="p">✓</td>'
      : r.verdict === 'failed'
        ? '<td class="f">✗</td>'
        : '<td class="n">–</td>';
  const head = report.results
    .map((r) => `<th><a href="#${xml(r.id)}" title="${xml(r.title)}">${xml(r.id)}</a></th>`)
    .join('');
  // The client suite covers a few rules; the library all of them (a rule without scenario shows).
  const rules = report.suite
    ? RULES.filter((rule) => report.results.some((r) => r.rules.includes(rule.id)))
    : RULES;
  const rows = rules
    .map((rule) => {
      const mine = report.results.filter((r) => r.rules.includes(rule.id));
      const verdict =
        mine.length === 0
          ? 'none'
          : mine.some((r) => r.verdict === 'failed')
            ? 'failed'
            : mine.every((r) => r.verdict === 'not_applicable')
              ? 'n/a'
              : 'passed';
      const cells = report.results
        .map((r) => (r.rules.includes(rule.id) ? cell(r) : '<td></td>'))
        .join('');
      return `<tr class="${verdict}"><th title="${xml(rule.title)}">${rule.id}</th><td>${verdict}</td>${cells}</tr>`;
    })
    .join('\n');
  const timelines = report.results
    .map((r) => {
      const steps = r.steps
        .map(
          (s) =>
            `<li class="${s.problems.length ? 'f' : 'p'}"><code>${xml(s.at ?? '')}</code> ${xml(s.name)}${s.request ? ` — <code>${xml(`${s.request.method} ${s.request.path}`)}</code>` : ''}${s.answer ? ` → ${s.answer.status}` : ''}${s.command !== undefined ? ` — <code>${xml(s.command)}</code>` : ''}<details><summary>${s.kind === 'client' ? 'what the client printed' : s.kind === 'requests' ? 'the requests judged' : 'request and answer'}</summary><pre>${xml(s.kind === 'client' ? (s.output ?? '') : s.kind === 'requests' ? (s.journal ?? []).join('\n') : JSON.stringify({ request: s.request, answer: s.answer }, null, 2))}</pre></details>${s.problems.map((p) => `<div class="problem">${xml(p)}</div>`).join('')}</li>`,
        )
        .join('');
      return `<section id="${xml(r.id)}"><h3>${xml(r.id)} <small>${xml(r.verdict)}</small></h3><p>${xml(r.title)} (${xml(r.rules.join(', '))}) — <code>${xml(r.file)}</code>${r.reason ? ` — ${xml(r.reason)}` : ''}</p><ol>${steps}</ol></section>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>provisim ${report.suite ? 'client ' : ''}conformance</title><style>
body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:2px 6px;font-size:12px}
.p{color:#1e6b34}.f{color:#b00020}.n{color:#888}tr.failed th,tr.none th{background:#fdecea}tr.passed th{background:#e6f4ea}
.problem{color:#b00020}pre{background:#f6f8fa;padding:8px;max-height:300px;overflow:auto}</style></head><body>
<h1>provisim ${report.suite ? 'client ' : ''}conformance</h1><p>${report.suite ? `Client <code>${xml(report.suite.command)}</code> against ` : 'Target '}<code>${xml(report.target)}</code>: ${report.results.filter((r) => r.verdict === 'passed').length} passed, ${report.results.filter((r) => r.verdict === 'failed').length} failed, ${report.results.filter((r) => r.verdict === 'not_applicable').length} not applicable.${report.uncoveredRules.length ? ` Rules without a scenario: ${xml(report.uncoveredRules.join(', '))}.` : ''}</p>
<h2>Rules × ${report.suite ? 'cases' : 'scenarios'}</h2><div style="overflow:auto"><table><thead><tr><th>rule</th><th>verdict</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>
<h2>Scenarios</h2>${timelines}</body></html>\n`;
};
export const htmlReporter = (out: string): Reporter => ({
  name: 'html',
  onEnd: (r) => write(out, 'index.html', renderHtml(r)),
});
