#!/usr/bin/env bash
# Installs the Debian 12 packages Kinerja needs, only those that are missing, so a second run
# costs a dpkg query and nothing else. Called by `make run` and `make test`.
set -euo pipefail
packages=(
  g++ cmake ninja-build ccache pkg-config python3 clang-format
  libsqlite3-dev sqlite3
  libboost1.81-dev libboost-json1.81-dev
  libfmt-dev libcli11-dev libexpected-dev libsodium-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Memasang paket yang belum ada: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
