#!/usr/bin/env bash
# Sets up a fresh machine for algorights: npm packages (Node 22 comes with them,
# as the `node` devDependency), and with --browser, Chromium and CJK fonts.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n▸ %s\n' "$*"; }

if ! command -v npm >/dev/null 2>&1; then
  echo "npm was not found. Install Node.js 18 or newer (with npm); the project then brings its own Node 22." >&2
  exit 1
fi

if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (npm ci), with Node 22 for the tools"
  npm ci --no-audit --no-fund --loglevel=error
fi

node_major=$(node_modules/.bin/node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 22 ]; then
  echo "The project's Node is $node_major; the tools need 22. Run: rm -rf node_modules && npm ci" >&2
  exit 1
fi

[ "${1:-}" = "--browser" ] || exit 0

run_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    run_as_root apt-get update -qq || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive run_as_root apt-get install -y -qq "$@" >/dev/null
}

chromium="${ALGORIGHTS_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ -n "${ALGORIGHTS_CHROMIUM:-}" ]; then
    echo "ALGORIGHTS_CHROMIUM points to $chromium, which is not an executable." >&2
    exit 1
  fi
  say "Installing Chromium from the system's packages (apt-get install chromium)"
  if ! apt_install chromium; then
    echo "Chromium is missing and could not be installed with apt-get. Either install your system's" >&2
    echo "chromium package, or set ALGORIGHTS_CHROMIUM to a Chromium binary (for example Playwright's own)." >&2
    exit 1
  fi
fi

if command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh-tw | grep -q . && fc-list :lang=zh-cn | grep -q .; then
  :
else
  say "Installing CJK fonts (fonts-noto-cjk), so that Chinese renders in the browser"
  if ! apt_install fonts-noto-cjk fontconfig; then
    echo "warning: CJK fonts could not be installed; Chinese text may render as boxes in screenshots." >&2
  fi
fi

if command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi 'emoji'; then
  :
else
  say "Installing an emoji font (fonts-noto-color-emoji), so that emoji in tags and labels render in the browser"
  if ! apt_install fonts-noto-color-emoji fontconfig; then
    echo "warning: an emoji font could not be installed; emoji may render as boxes in screenshots." >&2
  fi
fi
