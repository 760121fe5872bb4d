#!/usr/bin/env bash
# Installs the Debian 12 packages Kinerja needs, only those that are missing, so a second run
# costs a dpkg query and nothing else. Called by `make run` and `make test`.
set -euo pipefail
packages=(
  g++ cmake ninja-build ccache pkg-config python3 clang-format
  libsqlite3-dev sqlite3
  libboost1.81-dev libboost-json1.81-dev
  libfmt-dev libcli11-dev libexpected-dev libsodium-dev libkainjow-mustache-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium
  libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-noto-core libzip-dev libpugixml-dev
  poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui qpdf
)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
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

# Front-end assets (Pico CSS, htmx) come from npm and are embedded in the binary at build time.
cd "$(dirname "$0")/../web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
