#!/usr/bin/env bash
# Browser end-to-end test of Kinerja: Debian's Chromium driven by playwright-core.
#
#   tests/e2e/run.sh path/to/kinerja
#
# Needs /usr/bin/chromium (apt-get install -y chromium) and web/node_modules/playwright-core
# (cd web && npm ci). Installs nothing and downloads no browser. Screenshots go to $E2E_OUT
# (default build/e2e-screenshots). Exit status: 0 when every journey passed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [[ $# -lt 1 || -z "$1" ]]; then
  echo "usage: $0 path/to/kinerja" >&2
  exit 2
fi
bin="$1"
if [[ ! -x "$bin" ]]; then
  echo "e2e: kinerja binary not found or not executable: $bin" >&2
  exit 1
fi
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  echo "e2e: Chromium not found at $chromium; install it with: apt-get install -y chromium" >&2
  exit 1
fi
if [[ ! -f "$root/web/node_modules/playwright-core/package.json" ]]; then
  echo "e2e: playwright-core is missing from web/node_modules; run: (cd $root/web && npm ci)" >&2
  exit 1
fi
if ! command -v node >/dev/null 2>&1; then
  echo "e2e: node not found; install it with: apt-get install -y nodejs" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 18 )); then
  echo "e2e: Node.js 18 or newer is needed, found $(node --version)" >&2
  exit 1
fi

export KINERJA_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
export CHROMIUM="$chromium"
export E2E_OUT="${E2E_OUT:-$root/build/e2e-screenshots}"
exec node "$here/browser.test.mjs"
