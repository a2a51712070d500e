#!/usr/bin/env bash
# Builds the library, packs it as npm would publish it, installs the tarball into
# the example app, type-checks the app as a strict consumer would, and builds it
# twice: against React 19 (dist) and React 18 (dist-react18).
#
#   npm run example              build the example app
#   npm run example -- --serve   build it, then serve it at http://127.0.0.1:6180/ until Ctrl-C
#                                (ALGORIGHTS_EXAMPLE_PORT picks another port)
set -euo pipefail
cd "$(dirname "$0")/.."
serve=false
for argument in "$@"; do
  case "$argument" in
    --serve) serve=true ;;
    *) echo "example.sh: unknown option $argument (known: --serve)" >&2; exit 2 ;;
  esac
done
example=examples/consumer

# npm pack packs dist/ as it is: build it first, so a fresh clone packs the current source.
npm run --silent build
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

if [ "$serve" = true ]; then
  port=${ALGORIGHTS_EXAMPLE_PORT:-6180}
  echo "The example app (React 19) is at http://127.0.0.1:$port/ — Ctrl-C stops it."
  exec sirv "$example/dist" --host 127.0.0.1 --port "$port" --single --quiet
fi
