#!/usr/bin/env bash
# `npm test`: build, type-check, lint (with the layer check), unit, process and scenario tests, browser tests.
# Ends with one line "tests: N passed, N failed" counted from both runners.
set -euo pipefail
export NO_COLOR=1
mkdir -p reports/out
rm -f reports/out/vitest.json reports/out/playwright.json reports/out/scenarios/report.json
step() { printf '\n== %s\n' "$1"; }
step "build (dist/, anew: the CLI, the process and scenario tests and the packaging test use it)"
rm -rf dist
npm run --silent build
step "type-check"
npx tsc --noEmit
step "format (prettier --check)"
npx prettier --check . > /dev/null || { npx prettier --list-different .; echo "Not formatted: run npx prettier --write ."; exit 1; }
step "lint (layers included)"
npx eslint --max-warnings 0 .
step "unit, process and scenario tests"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/out/vitest.json || status=$?
if [ "$status" = 0 ]; then
  step "scenario library (reports in reports/out/scenarios: junit.xml, index.html, report.json)"
  node bin/provisim.mjs run --workers 2 --out reports/out/scenarios || status=$?
fi
if [ "$status" = 0 ]; then
  step "browser tests (Debian's Chromium)"
  bash scripts/ensure-chromium.sh
  PLAYWRIGHT_JSON_OUTPUT_NAME=reports/out/playwright.json npx playwright test --reporter=list,json || status=$?
fi
echo
node scripts/summarize-tests.mjs
exit "$status"
