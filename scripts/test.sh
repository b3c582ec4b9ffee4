#!/usr/bin/env bash
# `npm test`: type-check, lint (with the layer check), unit, process and scenario tests, browser tests.
set -euo pipefail
export NO_COLOR=1
step() { printf '\n== %s\n' "$1"; }
step "type-check"
npx tsc --noEmit
step "lint (layers included)"
npx eslint --max-warnings 0 .
step "unit, process and scenario tests"
npx vitest run
step "browser tests (Debian's Chromium)"
bash scripts/ensure-chromium.sh
npx playwright test
