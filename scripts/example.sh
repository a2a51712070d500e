#!/usr/bin/env bash
# Packs the library as npm would publish it, installs the tarball into the
# example app, type-checks the app as a strict consumer would, and builds it
# twice: against React 19 (dist) and React 18 (dist-react18).
set -euo pipefail
cd "$(dirname "$0")/.."
example=examples/consumer
mkdir -p "$example/.pack"
tarball=$(npm pack --silent --pack-destination "$example/.pack" | tail -n 1)
mv -f "$example/.pack/$tarball" "$example/.pack/algorights.tgz"
rm -rf "$example/node_modules/algorights"

install() {
  (cd "$example" && npm install --prefer-offline --no-audit --no-fund --no-package-lock --loglevel=error "$@")
}

install
tsc -p "$example/tsconfig.json"
vite build --config "$example/vite.config.ts" --outDir dist
echo "example app built from the packed tarball with React 19: $example/dist"

install --no-save react@18.3.1 react-dom@18.3.1
vite build --config "$example/vite.config.ts" --outDir dist-react18
echo "example app built from the packed tarball with React 18: $example/dist-react18"
# Leave the example on the React its package.json names.
install
