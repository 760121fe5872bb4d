#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# Runs each fuzzer (all five by default) for SECONDS over a copy of its committed corpus, one
# after the other and niced (the machine is shared), with the XML dictionary for DOCX/XLSX. A crash,
# leak or timeout stops with its input in BUILD_DIR/fuzz-artifacts/. The copies and logs are removed at
# the end unless FUZZ_WORK names a directory to keep them in; merge new inputs into the committed
# corpus with `<fuzzer> -merge=1 tests/fuzz/corpus/<target> $FUZZ_WORK/<target>`.
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_text_reader fuzz_docx_reader fuzz_xlsx_reader fuzz_pdf_reader fuzz_understand)
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
if [ -n "${FUZZ_WORK:-}" ]; then
  work=$FUZZ_WORK
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-fuzz-XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/$t"
  [ -x "$bin" ] || { echo "missing $bin (configure with CXX=clang++ -DKINERJA_FUZZ=ON)" >&2; exit 2; }
  rm -rf "${work:?}/$t"
  cp -r "$here/corpus/$t" "$work/$t"
  dict=()
  case "$t" in fuzz_docx_reader|fuzz_xlsx_reader) dict=(-dict="$here/xml.dict") ;; esac
  echo "== $t: ${seconds} s"
  # -timeout: one input may take a PDF's 5 s limit and more under ASan; -rss_limit_mb as libFuzzer's
  # default; the limits of fuzz_support.cpp keep single inputs far below it.
  nice -n 10 "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$t-" "${dict[@]}" "$work/$t" 2>"$work/$t.log" || {
    tail -n 60 "$work/$t.log"
    exit 1
  }
  grep -E "^stat::(number_of_executed_units|new_units_added|peak_rss_mb)" "$work/$t.log" || true
  grep -E "^#[0-9]+" "$work/$t.log" | tail -n 1
done
