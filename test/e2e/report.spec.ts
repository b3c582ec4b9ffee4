import { expect, test } from '@playwright/test';
import { renderHtml } from '../../harness/reporters/html-report.ts';
import type { RunReport } from '../../harness/reporter.ts';
import { RULES } from '../../rules/catalog.ts';

// 150 scenarios over the catalog's rules, three of them failing.
const report: RunReport = {
  version: 1,
  target: 'in-process',
  fullLibrary: true,
  uncoveredRules: [],
  results: Array.from({ length: 150 }, (_, i) => {
    const rule = RULES[i % RULES.length]!;
    const failed = i === 7 || i === 70 || i === 140;
    return {
      id: `scenario-${String(i).padStart(3, '0')}`,
      title: `Scenario ${i} proves ${rule.id}`,
      file: `scenarios/s${i}.yaml`,
      rules: [rule.id],
      verdict: failed ? ('failed' as const) : ('passed' as const),
      durationMs: 12,
      steps: [
        {
          index: 0,
          name: 'request',
          kind: 'request',
          at: '2026-01-01T00:00:00.000Z',
          request: { method: 'POST', path: '/v1/wholesale/customers' },
          answer: { status: failed ? 400 : 202, body: {} },
          problems: failed ? ['status: expected 202, got 400'] : [],
        },
        { index: 1, name: 'clock', kind: 'clock', at: '2026-01-01T00:05:00.000Z', problems: [] },
      ],
    };
  }),
};

test('the HTML conformance report at 150 scenarios: rules by area with titles, a failures filter, step timelines', async ({
  page,
}) => {
  await page.setContent(renderHtml(report));
  const failing = RULES[7 % RULES.length]!;
  const area = page.locator(`[data-area="${failing.area}"]`);
  await expect(area.locator('summary').first()).toContainText('failing');
  const rule = page.locator(`[data-rule="${failing.id}"]`);
  await expect(rule).toHaveAttribute('open', '');
  await expect(rule).toContainText(failing.title);
  await expect(rule).toContainText('scenario-007');
  const failed = page.locator('#s-scenario-007');
  await expect(failed).toHaveAttribute('open', '');
  await expect(failed.locator('ol.timeline li')).toHaveCount(2);
  await expect(failed).toContainText('status: expected 202, got 400');
  await expect(page.locator('#s-scenario-001')).toBeVisible();

  await page.getByLabel('Failures only').check();
  await expect(page.locator('#s-scenario-001')).toBeHidden();
  await expect(page.locator('#s-scenario-070')).toBeVisible();
  await page.getByLabel('Search').fill('scenario-140');
  await expect(page.locator('#s-scenario-007')).toBeHidden();
  await expect(page.locator('#s-scenario-140')).toBeVisible();
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Failures only').uncheck();
  await page.screenshot({ path: 'test/e2e/screenshots/conformance-report.png' });
});
