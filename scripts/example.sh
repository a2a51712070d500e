#!/usr/bin/env bash
# Packs the library as npm would publish it, installs the tarball into the
# example app, and builds the app: proof that what we publish works in an app.
set -euo pipefail
cd "$(dirname "$0")/.."
example=examples/consumer
mkdir -p "$example/.pack"
tarball=$(npm pack --silent --pack-destination "$example/.pack" | tail -n 1)
mv -f "$example/.pack/$tarball" "$example/.pack/algorights.tgz"
rm -rf "$example/node_modules/algorights"
# The example's dependencies are the library's own, already in npm's cache from the root install.
(cd "$example" && npm install --prefer-offline --no-audit --no-fund --no-package-lock --loglevel=error)
# Type-check as a strict consumer would, against the published declarations.
tsc -p "$example/tsconfig.json"
vite build --config "$example/vite.config.ts"
echo "example app built from the packed tarball: $example/dist"
