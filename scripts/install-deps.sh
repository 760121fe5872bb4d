#!/usr/bin/env bash
# Installs the Debian 12 packages Kinerja needs, only those that are missing, so a second run costs a
# dpkg query and nothing else. Usage: scripts/install-deps.sh run|test
#   run   what building and serving the binary needs (scripts/packages-run.txt); `make run`
#   test  that and what the tests need (scripts/packages-test.txt: LibreOffice, Chromium, GoogleTest, ...)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode=${1:-test}
case "$mode" in
  run) lists=("$here/packages-run.txt") ;;
  test) lists=("$here/packages-run.txt" "$here/packages-test.txt") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

packages=()
for list in "${lists[@]}"; do
  while read -r p; do
    # An npm already on the PATH (NodeSource, nvm) serves; Debian's would conflict with NodeSource's.
    if [[ "$p" == nodejs || "$p" == npm ]] && command -v npm >/dev/null 2>&1; then continue; fi
    packages+=("$p")
  done < <(sed -e 's/#.*//' "$list" | tr -s ' \t' '\n' | grep -v '^$')
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Memasang paket yang belum ada: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Front-end assets (Pico CSS, htmx) come from npm and are embedded in the binary at build time; the
# browser tests also need playwright-core (a devDependency: Debian's Chromium, no browser download).
cd "$here/../web"
need=(node_modules/@picocss/pico node_modules/htmx.org)
npm_args=(--omit=dev)
if [ "$mode" = test ]; then
  need+=(node_modules/playwright-core)
  npm_args=()
fi
stale=0
[ package-lock.json -nt node_modules ] && stale=1
for d in "${need[@]}"; do [ -d "$d" ] || stale=1; done
if [ $stale -eq 1 ]; then
  npm ci --no-audit --no-fund --loglevel=error "${npm_args[@]}"
fi
