import { RULES } from '../../rules/catalog.ts';
import type { RunReport } from '../reporter.ts';
import type { ScenarioResult } from '../run-scenario.ts';

const esc = (t: string): string =>
  t.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const AREAS: Readonly<Record<string, string>> = {
  TPL: 'Onboarding templates',
  ORG: 'Customer organizations',
  USR: 'Users and CSV',
  FT: 'Flow-through provisioning (BroadWorks)',
  CCW: 'Cisco Commerce Workspace',
  SIM: 'The simulator',
};

type RuleVerdict = 'passed' | 'failed' | 'n/a' | 'none';

const ruleVerdict = (mine: readonly ScenarioResult[]): RuleVerdict =>
  mine.length === 0
    ? 'none'
    : mine.some((r) => r.verdict === 'failed')
      ? 'failed'
      : mine.every((r) => r.verdict === 'not_applicable')
        ? 'n/a'
        : 'passed';

const MARK: Readonly<Record<string, string>> = {
  passed: '✓ passed',
  failed: '✗ failed',
  not_applicable: '– not applicable',
  'n/a': '– not applicable',
  none: '✗ no scenario',
};

const CSS = `
body{font:14px/1.45 system-ui,"Segoe UI","DejaVu Sans",Arial,sans-serif;margin:0;color:#000000f2;background:#f7f7f7}
header{background:#fff;border-bottom:1px solid #0000001f;padding:14px 24px;position:sticky;top:0;z-index:1}
main{padding:16px 24px;max-width:1200px}
h1{font-size:22px;margin:0 0 6px}h2{font-size:18px;margin:22px 0 8px}
.summary{display:flex;gap:16px;flex-wrap:wrap;align-items:center}
.pill{padding:2px 10px;border-radius:12px;font-weight:600;font-size:13px}
.passed{color:#185e46}.failed,.none{color:#ab0a15}.na{color:#5c5c5c}
.pill.passed{background:#d9f2e3}.pill.failed,.pill.none{background:#fde2e1}.pill.na{background:#0000000f}
label{cursor:pointer}input[type=search]{font:inherit;padding:4px 8px;border:1px solid #00000080;border-radius:8px}
.area{background:#fff;border:1px solid #0000001f;border-radius:12px;margin:10px 0;padding:4px 14px}
.area>summary{font-weight:600;font-size:15px;padding:8px 0;cursor:pointer}
.rule{border-top:1px solid #0000001a;padding:6px 0}
.rule>summary{cursor:pointer;display:flex;gap:10px;align-items:baseline}
.rule code{font-weight:600}
ul.scen{margin:4px 0 8px;padding-left:22px}
.scenario{background:#fff;border:1px solid #0000001f;border-radius:12px;margin:10px 0;padding:6px 14px}
.scenario>summary{cursor:pointer;padding:6px 0}
ol.timeline{list-style:none;padding:0;margin:6px 0;border-left:2px solid #0000001f}
ol.timeline li{position:relative;padding:4px 0 4px 16px}
ol.timeline li::before{content:"";position:absolute;left:-6px;top:10px;width:10px;height:10px;border-radius:50%;background:#185e46}
ol.timeline li.f::before{background:#ab0a15}
.at{color:#5c5c5c;font-variant-numeric:tabular-nums}
.problem{color:#ab0a15}
pre{background:#0000000a;padding:8px;max-height:300px;overflow:auto;border-radius:8px}
body.failures-only .hide-ok{display:none}
`;

// The failures filter and the search; the page works without it (everything shown).
const SCRIPT = `
const only = document.getElementById('failures-only');
const search = document.getElementById('search');
const apply = () => {
  document.body.classList.toggle('failures-only', only.checked);
  const q = search.value.trim().toLowerCase();
  for (const el of document.querySelectorAll('[data-text]'))
    el.hidden = q !== '' && !el.dataset.text.includes(q);
};
only.addEventListener('change', apply);
search.addEventListener('input', apply);
apply();
`;

const timeline = (r: ScenarioResult): string =>
  r.steps
    .map((s) => {
      const head = `<span class="at">${esc(s.at ?? '')}</span> ${esc(s.name)}${s.request ? ` — <code>${esc(`${s.request.method} ${s.request.path}`)}</code>` : ''}${s.answer ? ` → ${s.answer.status}` : ''}`;
      const what =
        s.kind === 'client'
          ? ['what the client printed', s.output ?? '']
          : s.kind === 'requests'
            ? ['the requests judged', (s.journal ?? []).join('\n')]
            : s.request || s.answer
              ? [
                  'request and answer',
                  JSON.stringify({ request: s.request, answer: s.answer }, null, 2),
                ]
              : undefined;
      const command = s.command !== undefined ? ` — <code>${esc(s.command)}</code>` : '';
      const detail = what
        ? `${command}<details><summary>${what[0]}</summary><pre>${esc(what[1]!)}</pre></details>`
        : command;
      const problems = s.problems.map((p) => `<div class="problem">${esc(p)}</div>`).join('');
      return `<li class="${s.problems.length ? 'f' : 'p'}">${head}${detail}${problems}</li>`;
    })
    .join('');

const verdictClass = (v: string): string => (v === 'not_applicable' || v === 'n/a' ? 'na' : v);

/**
 * `index.html`, readable at hundreds of scenarios: the rules grouped by area, each with its title
 * and its scenarios; a filter for failures and a search; each scenario's step timeline on the
 * virtual clock, folded until opened (failures open).
 */
export const renderHtml = (report: RunReport): string => {
  const count = (v: string) => report.results.filter((r) => r.verdict === v).length;
  // The client suite covers a few rules; the library all of them (a rule without scenario shows).
  const covered = report.suite
    ? RULES.filter((rule) => report.results.some((r) => r.rules.includes(rule.id)))
    : RULES;
  const areas = [...new Set(covered.map((r) => r.area))];
  const title = `provisim ${report.suite ? 'client ' : ''}conformance`;
  const against = report.suite
    ? `Client <code>${esc(report.suite.command)}</code> against <code>${esc(report.target)}</code>`
    : `Target <code>${esc(report.target)}</code>`;
  const byRule = (id: string) => report.results.filter((r) => r.rules.includes(id));
  const areaHtml = areas
    .map((area) => {
      const rules = covered.filter((r) => r.area === area);
      const verdicts = rules.map((r) => ruleVerdict(byRule(r.id)));
      const bad = verdicts.filter((v) => v === 'failed' || v === 'none').length;
      const items = rules
        .map((rule, i) => {
          const mine = byRule(rule.id);
          const v = verdicts[i]!;
          const list = mine
            .map(
              (s) =>
                `<li class="${verdictClass(s.verdict)}${s.verdict === 'failed' ? '' : ' hide-ok'}"><a href="#s-${esc(s.id)}">${esc(s.id)}</a> ${esc(s.title)} <span class="${verdictClass(s.verdict)}">${MARK[s.verdict]}</span></li>`,
            )
            .join('');
          return `<details class="rule${v === 'failed' || v === 'none' ? '' : ' hide-ok'}" data-rule="${esc(rule.id)}" data-text="${esc(`${rule.id} ${rule.title} ${mine.map((s) => s.id).join(' ')}`.toLowerCase())}"${v === 'failed' || v === 'none' ? ' open' : ''}><summary><code>${esc(rule.id)}</code> <span>${esc(rule.title)}</span> <span class="pill ${verdictClass(v)}">${MARK[v]}</span> <span class="at">${mine.length} scenario${mine.length === 1 ? '' : 's'}</span></summary><ul class="scen">${list || '<li class="none">No scenario proves this rule.</li>'}</ul></details>`;
        })
        .join('');
      return `<details class="area" open data-area="${esc(area)}"><summary>${esc(area)} · ${esc(AREAS[area] ?? area)} <span class="at">${rules.length} rules${bad ? `, <span class="failed">${bad} failing</span>` : ''}</span></summary>${items}</details>`;
    })
    .join('\n');
  const scenarios = report.results
    .map((r) => {
      const failed = r.verdict === 'failed';
      return `<details class="scenario${failed ? '' : ' hide-ok'}" id="s-${esc(r.id)}" data-text="${esc(`${r.id} ${r.title} ${r.rules.join(' ')} ${r.file}`.toLowerCase())}"${failed ? ' open' : ''}><summary><code>${esc(r.id)}</code> ${esc(r.title)} <span class="pill ${verdictClass(r.verdict)}">${MARK[r.verdict]}</span> <span class="at">${esc(r.rules.join(', '))} · ${r.steps.length} steps · ${Math.round(r.durationMs)} ms</span></summary><p class="at"><code>${esc(r.file)}</code>${r.reason ? ` — ${esc(r.reason)}` : ''}</p><ol class="timeline">${timeline(r)}</ol></details>`;
    })
    .join('\n');
  const gap = report.uncoveredRules.length
    ? `<span class="pill none">Rules without a scenario: ${esc(report.uncoveredRules.join(', '))}</span>`
    : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${CSS}</style></head><body>
<header><h1>${title}</h1><div class="summary"><span>${against}</span><span class="pill passed">${count('passed')} passed</span><span class="pill failed">${count('failed')} failed</span><span class="pill na">${count('not_applicable')} not applicable</span>${gap}<label><input type="checkbox" id="failures-only"> Failures only</label><label>Search <input type="search" id="search" placeholder="rule, scenario, file"></label></div></header>
<main><h2>Rules by area</h2>${areaHtml}
<h2>${report.suite ? 'Cases' : 'Scenarios'} (${report.results.length})</h2>${scenarios}</main><script>${SCRIPT}</script></body></html>
`;
};
