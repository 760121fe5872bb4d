#!/usr/bin/env bash
# Runs the benchmarks and times the commands a user waits for. Usage: bench/run.sh [build-dir]
# Record the figures in bench/RESULTS.md with the date and the machine.
set -euo pipefail
build=${1:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== achievement engine (one core)"
"$build/bench/bench_achievement" --benchmark_min_time=1

echo "== national roll-up from SQLite (553 offices = 331.800 actuals; then 2x and 4x)"
"$build/bench/bench_rollup"

# Median of 11 runs of a command, in milliseconds.
median_ms() {
  local times=()
  for _ in $(seq 11); do
    "$@" setup >/dev/null 2>&1 || true
    local t0 t1
    t0=$(date +%s%N)
    "$@" run >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 6p | awk '{printf "%.1f ms\n", $1/1000}'
}

demo_cmd() { if [ "$1" = setup ]; then rm -f "$out/demo.db"; else "$build/kinerja" demo --db "$out/demo.db"; fi; }
measure_cmd() {
  if [ "$1" = setup ]; then [ -f "$out/m.db" ] || "$build/kinerja" demo --db "$out/m.db"
  else "$build/kinerja" measure --db "$out/m.db" --satker kpu-kota-prabumulih --year 2024; fi
}
echo "== kinerja demo (median of 11): $(median_ms demo_cmd)"
echo "== kinerja measure Prabumulih 2024 (median of 11): $(median_ms measure_cmd)"

echo "== reports: Prabumulih LKj 2024 per format, then 553 offices × 3 formats in one batch"
"$build/bench/bench_report"

echo "== importer: understanding the seeds, and 5 MB of text"
"$build/bench/bench_import"
echo "== kinerja parse of the LKj seed, peak memory (KB):"
seeds="$(cd "$(dirname "$0")/../.." && pwd)/shared/seeds"
if [ -d "$seeds" ]; then
  /usr/bin/time -f "%M KB, %e s" "$build/kinerja" parse "$seeds/lkj-2024-kpu-kota-prabumulih.txt" --json >/dev/null
else
  echo "skipped: $seeds is absent (the shared reference documents, beside the repository)"
fi

echo "== renderers alone on the renderer tests' sample document"
"$build/bench/bench_render"
