#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to find.
# `npm test` runs bootstrap first; run this directly only on a set-up machine.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf reports
# Each step prints how long the one before it took, so a slow CI run shows where its time went.
started=$SECONDS
last=""
step() {
  [ -n "$last" ] && printf '   (%s: %d s)\n' "$last" "$((SECONDS - started))"
  last="$*"; started=$SECONDS
  printf '\n━━ %s\n' "$*"
}

step "Type check"
npm run --silent typecheck
step "Unit and component tests (jsdom)"
npm run --silent test:unit
step "Library build"
npm run --silent build
step "Package checks (publint, attw)"
npm run --silent lint:package
step "Size budgets"
npm run --silent size
step "Storybook build"
npm run --silent build:storybook
# Every story's play function runs in the end-to-end sweep (e2e/storybook/every-story.spec.ts), in every
# locale, on a 390 px screen, with axe; `npm run test:stories` runs them alone while developing.
step "Example app from the packed tarball"
npm run --silent example
step "End-to-end tests (Playwright, with axe)"
npm run --silent test:e2e
step "All tests passed"
node scripts/test-summary.mjs
