// Prints one closing line for CI, counted from the JSON reports of Vitest, the scenario library and Playwright:
// "tests: N passed, N failed" (skipped follow when any).
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = read('reports/out/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
const playwright = read('reports/out/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
}
const scenarios = read('reports/out/scenarios/report.json');
if (scenarios) {
  passed += scenarios.results.filter((r) => r.verdict === 'passed').length;
  failed +=
    scenarios.results.filter((r) => r.verdict === 'failed').length +
    (scenarios.uncoveredRules.length > 0 ? 1 : 0);
  skipped += scenarios.results.filter((r) => r.verdict === 'not_applicable').length;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
