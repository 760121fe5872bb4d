#!/usr/bin/env bash
# Web load benchmark: the Prabumulih dashboard with a logged-in session, /healthz as the ceiling in the
# same run, and the JSON measurement API with a bearer token. Usage: bench/web/run.sh [build-dir]
#
# Creates a throw-away demo database, starts `kinerja serve` on a free loopback port, logs in with curl,
# runs wrk against 127.0.0.1 only, samples the server's VmRSS/VmHWM during the dashboard run, measures
# the dashboard page + its three assets gzip'ed on the wire, prints a summary and stops the server.
# Record the figures in bench/RESULTS.md with the date and the machine.
#
# Knobs (environment):
#   WORKERS=2 IO_THREADS=2  server threads. Default chosen on the 2-core machine (2026-11-23, binary built
#                           05:33Z) from workers 1/2/3/4 x io-threads 1/2, 6-10 s runs on a quiet machine:
#                           the dashboard is CPU-bound in the workers, so 1 worker caps it at ~1 core
#                           (~1,100-1,200 req/s) and 2, 3 or 4 workers all land at ~1,750-1,850 req/s (within
#                           noise); a second I/O thread does not hurt the dashboard and lifts /healthz from
#                           ~25k to ~31k req/s, where the single I/O thread is the limit. Hence 2 + 2.
#   DURATION=15             seconds per wrk run (a 3 s warm-up of the dashboard precedes the runs)
#   CONNECTIONS=64          wrk connections; WRK_THREADS=2 wrk threads (wrk shares the 2 cores with the server)
#   PERF=1                  also record `perf record --call-graph dwarf` on the server during an extra dashboard run and
#                           print the top of the report (needs perf; output kept in $KEEP or the temp dir)
#   KEEP=DIR                keep the logs, wrk outputs and perf data in DIR
# The whole run is bounded: every curl has --max-time, every wrk/perf is wrapped in `timeout`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
bin=$(cd "$build" && pwd)/kinerja
[ -x "$bin" ] || { echo "kinerja binary not found at $bin" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not installed (apt-get install -y wrk)" >&2; exit 1; }

WORKERS=${WORKERS:-2}
IO_THREADS=${IO_THREADS:-2}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
PERF=${PERF:-0}

# Other work on the machine skews everything: say so before starting (the summary also splits the CPU).
b0=$(awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat); sleep 1
b1=$(awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)
idle_busy=$(awk -v d=$((b1 - b0)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", d / hz }')
awk -v b="$idle_busy" 'BEGIN { exit !(b > 0.2) }' &&
  echo "WARNING: the machine is already busy ($idle_busy cores before starting); figures will be low" >&2

if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; tmp=$(cd "$KEEP" && pwd); else tmp=$(mktemp -d); fi
server_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  [ -z "${KEEP:-}" ] && rm -rf "$tmp"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Run a private copy of the binary: other people rebuilding build/ mid-run would otherwise leave the
# server running a deleted file (perf then cannot resolve its symbols).
cp "$bin" "$tmp/kinerja"
bin_id="$(date -u -r "$bin" +%Y-%m-%dT%H:%M:%SZ) $(file "$tmp/kinerja" | grep -o 'BuildID\[sha1\]=[0-9a-f]*' | cut -c1-26)"
bin=$tmp/kinerja
"$bin" demo --db "$tmp/demo.db" >/dev/null

"$bin" serve --db "$tmp/demo.db" --bind 127.0.0.1 --port 0 --workers "$WORKERS" --io-threads "$IO_THREADS" \
  >"$tmp/serve.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(head -n1 "$tmp/serve.log" 2>/dev/null | grep -o 'http://127\.0\.0\.1:[0-9]*' | sed 's/.*://' || true)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "server exited:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "server did not print its port" >&2; cat "$tmp/serve.log" >&2; exit 1; }
base=http://127.0.0.1:$port
c() { curl -sS --max-time 10 "$@"; }
[ "$(c "$base/healthz")" = ok ] || { echo "/healthz did not answer ok" >&2; exit 1; }
rss_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$server_pid/status"; }
hwm_start=$(rss_kb VmHWM)

# --- browser login: GET /masuk (cookie kinerja_masuk + csrf), POST /masuk -> 303 + kinerja_sesi
jar=$tmp/cookies
c -c "$jar" -o "$tmp/masuk.html" "$base/masuk"
csrf=$(grep -o 'name="csrf" value="[^"]*"' "$tmp/masuk.html" | head -n1 | sed 's/.*value="//; s/"$//')
[ -n "$csrf" ] || { echo "no csrf field on /masuk" >&2; exit 1; }
status=$(c -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" \
  --data-urlencode login=head.prabumulih --data-urlencode password=kinerja-demo "$base/masuk")
sesi=$(awk '$6 == "kinerja_sesi" { print $7 }' "$jar")
{ [ "$status" = 303 ] && [ -n "$sesi" ]; } || { echo "login failed (HTTP $status)" >&2; exit 1; }

dash_path="/kantor/kpu-kota-prabumulih?tahun=2024"
dash_ok() {  # the session cookie still gives a 200 dashboard (not a redirect to /masuk)
  [ "$(c -o /dev/null -w '%{http_code}' -H "Cookie: kinerja_sesi=$sesi" "$base$dash_path")" = 200 ]
}
dash_ok || { echo "dashboard with the session cookie is not 200" >&2; exit 1; }

# --- API token
token=$(c -H 'Content-Type: application/json' -d '{"login":"head.prabumulih","password":"kinerja-demo"}' \
  "$base/api/v1/login" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "API login gave no token" >&2; exit 1; }
api_path="/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024"
[ "$(c -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base$api_path")" = 200 ] \
  || { echo "API measurement with the token is not 200" >&2; exit 1; }

hwm_login=$(rss_kb VmHWM)  # password hashing (libsodium crypto_pwhash, interactive limits) happens at login

# --- page weight on the wire: gzip'ed bodies (curl without --compressed reports the raw bytes) + headers
weight_body=0 weight_all=0 weight_lines=""
for p in "$dash_path" /static/pico.min.css /static/htmx.min.js /static/app.css; do
  hdrs=(-H "Accept-Encoding: gzip")
  [ "$p" = "$dash_path" ] && hdrs+=(-H "Cookie: kinerja_sesi=$sesi")
  read -r code body hdr < <(c "${hdrs[@]}" -D "$tmp/h" -o /dev/null -w '%{http_code} %{size_download} %{size_header}\n' "$base$p")
  enc=$(grep -i '^content-encoding:' "$tmp/h" | tr -d '\r' | awk '{print $2}')
  weight_body=$((weight_body + body)); weight_all=$((weight_all + body + hdr))
  weight_lines+=$(printf '    %-45s %s  %6d B body (%s) + %4d B headers\n' "$p" "$code" "$body" "${enc:-identity}" "$hdr")$'\n'
done

# --- wrk helpers; each run also records the server's CPU time (utime+stime) it used
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
busy_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
# Wait (at most 5 s) until the server is idle: after wrk stops, requests already queued for the workers
# are still computed for the closed connections, and would land in the next run's latencies.
settle() {
  local a b
  for _ in $(seq 25); do
    a=$(cpu_ticks); sleep 0.2; b=$(cpu_ticks)
    [ $((b - a)) -le 1 ] && return 0
  done
  echo "WARNING: the server was still busy 5 s after the previous run" >&2
  return 0
}
wrk_run() {  # name path [extra wrk args...]
  local name=$1 path=$2 t0 b0; shift 2
  settle
  t0=$(cpu_ticks) b0=$(busy_ticks)
  ( timeout $((DURATION + 30)) wrk -t"${WT:-$WRK_THREADS}" -c"${CONN:-$CONNECTIONS}" -d"${DURATION}s" --timeout 5s \
      --latency -H "Accept-Encoding: gzip" "$@" "$base$path" >"$tmp/wrk-$name.txt" 2>&1 || true
    times >"$tmp/times-$name.raw" )  # its second line: the children's user and sys time = wrk's CPU
  tail -n1 "$tmp/times-$name.raw" >"$tmp/times-$name.txt"
  echo $(( $(cpu_ticks) - t0 )) >"$tmp/cpu-$name.txt"
  echo $(( $(busy_ticks) - b0 )) >"$tmp/busy-$name.txt"
}
# Cores used during a run: server, wrk, everything else on the machine (other people's builds...).
cpu_split() {
  local s wrk_s busy
  s=$(secs "$1")
  wrk_s=$(awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub(/s$/, "", a[2]); n += a[1] * 60 + a[2] } print n }' \
    "$tmp/times-$1.txt")
  busy=$(cat "$tmp/busy-$1.txt")
  awk -v srv="$(cat "$tmp/cpu-$1.txt")" -v busy="$busy" -v hz="$hz" -v w="$wrk_s" -v s="$s" \
    'BEGIN { printf "server %.2f, wrk %.2f, other %.2f cores", srv / hz / s, w / s, (busy - srv) / hz / s - w / s }'
}
reqs() { awk '/requests in/ { print $1 }' "$tmp/wrk-$1.txt"; }
secs() { awk '/requests in/ { sub(/s,$/, "", $4); print $4 }' "$tmp/wrk-$1.txt"; }
cpu_ms_per_req() { awk -v t="$(cat "$tmp/cpu-$1.txt")" -v hz="$hz" -v n="$(reqs "$1")" \
  'BEGIN { if (n > 0) printf "%.3f", 1000 * t / hz / n; else print "n/a" }'; }
cpu_cores() { awk -v t="$(cat "$tmp/cpu-$1.txt")" -v hz="$hz" -v s="$(secs "$1")" \
  'BEGIN { if (s > 0) printf "%.2f", t / hz / s; else print "n/a" }'; }
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) }
                 else if (v ~ /m$/) { sub(/m$/,"",v); v*=60000 } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 }
                 printf "%.2f", v }'; }
rps() { awk '/^Requests\/sec:/ { print $2 }' "$tmp/wrk-$1.txt"; }
pct() { awk -v p="$2%" '$1 == p { print $2 }' "$tmp/wrk-$1.txt" | to_ms; }
errs() { grep -E 'Non-2xx|Socket errors' "$tmp/wrk-$1.txt" | tr -s ' ' | paste -sd';' - || true; }
total() { grep -E 'requests in' "$tmp/wrk-$1.txt" | sed 's/^ *//'; }

# warm-up (page caches, SQLite page cache, allocator)
DURATION=3 wrk_run warmup "$dash_path" -H "Cookie: kinerja_sesi=$sesi"
rss_idle=$(rss_kb VmRSS)
hwm_before=$(rss_kb VmHWM)

# --- dashboard, with VmRSS sampled every 100 ms
( max=0
  while kill -0 "$server_pid" 2>/dev/null; do
    v=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    [ "${v:-0}" -gt "$max" ] && max=$v && echo "$max" >"$tmp/rss_max"
    sleep 0.1
  done ) &
sampler_pid=$!
wrk_run dashboard "$dash_path" -H "Cookie: kinerja_sesi=$sesi"
kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
rss_max=$(cat "$tmp/rss_max" 2>/dev/null || echo 0)
hwm_after=$(rss_kb VmHWM)
dash_ok || { echo "WARNING: session no longer valid after the dashboard run; figures are suspect" >&2; }

# --- ceiling and API in the same server process, then the dashboard's service time at 1 connection
wrk_run healthz /healthz
wrk_run api "$api_path" -H "Authorization: Bearer $token"
CONN=1 WT=1 DURATION=5 wrk_run dashboard-1conn "$dash_path" -H "Cookie: kinerja_sesi=$sesi"
rss_end=$(rss_kb VmRSS)

# --- optional profile of the dashboard
if [ "$PERF" = 1 ]; then
  command -v perf >/dev/null || { echo "perf not installed" >&2; exit 1; }
  timeout $((DURATION + 20)) perf record -q --call-graph dwarf,16384 -F 499 -o "$tmp/perf.data" -p "$server_pid" -- sleep "$DURATION" \
    >/dev/null 2>&1 &
  perf_pid=$!
  sleep 0.5
  wrk_run dashboard-perf "$dash_path" -H "Cookie: kinerja_sesi=$sesi"
  wait "$perf_pid" || true
  perf report -i "$tmp/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null \
    | grep -E '^ +[0-9]+\.[0-9]+%' | head -n 20 | cut -c1-150 >"$tmp/perf-self.txt" || true
  # inclusive time of the application's own functions and the libraries' entry points
  perf report -i "$tmp/perf.data" --children --sort symbol --stdio -g none 2>/dev/null \
    | grep -E '^ +[0-9]+\.[0-9]+%' | grep -E 'kinerja::|\] (deflate|sqlite3_prepare_v2|sqlite3_step) *$' \
    | grep -v 'asio\|__invoke\|std::function\|_M_invoke\|_Function_handler\|guarded<' | head -n 25 | cut -c1-150 >"$tmp/perf-children.txt" || true
fi

# --- summary
rps_dash=$(rps dashboard) rps_health=$(rps healthz)
ratio=$(awk -v d="$rps_dash" -v h="$rps_health" 'BEGIN { if (h > 0) printf "%.1f%%", 100 * d / h; else print "n/a" }')
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
echo "== Kinerja web load benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, 127.0.0.1)"
echo "   machine busy before starting: $idle_busy cores (load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   binary: $bin (built $bin_id)"
echo "   server: kinerja serve --workers $WORKERS --io-threads $IO_THREADS (pid $server_pid)"
echo "   load:   wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency -H 'Accept-Encoding: gzip' (wrk runs on the same cores)"
printf '   %-30s %9s %8s %8s %10s %6s  %s\n' "" "req/s" "p50 ms" "p99 ms" "CPU ms/req" "cores" "requests / errors"
for n in dashboard healthz api dashboard-1conn; do
  label=$n
  [ $n = dashboard ] && label="dashboard (session cookie)"
  [ $n = healthz ] && label="/healthz (ceiling)"
  [ $n = api ] && label="API measurement (bearer)"
  [ $n = dashboard-1conn ] && label="dashboard, 1 connection, 5 s"
  printf '   %-30s %9s %8s %8s %10s %6s  %s %s\n' "$label" "$(rps $n)" "$(pct $n 50)" "$(pct $n 99)" \
    "$(cpu_ms_per_req $n)" "$(cpu_cores $n)" "$(total $n)" "$(errs $n)"
done
echo "   (CPU ms/req and cores: the server's utime+stime during the run)"
echo "   CPU during the dashboard run: $(cpu_split dashboard); during /healthz: $(cpu_split healthz)"
echo "   dashboard / healthz: $ratio"
echo "   server RSS: max VmRSS sampled during the dashboard run $(mb "$rss_max") (idle after warm-up $(mb "$rss_idle"),"
echo "               at the end $(mb "$rss_end")); VmHWM: at start $(mb "$hwm_start"), after the two logins $(mb "$hwm_login"),"
echo "               before the dashboard run $(mb "$hwm_before"), after it $(mb "$hwm_after")"
echo "   page weight (gzip, on the wire): $weight_body B bodies, $weight_all B with response headers"
printf '%s' "$weight_lines"
if [ "$PERF" = 1 ]; then
  echo "   perf (dashboard, $(rps dashboard-perf) req/s while recording), top self time:"
  sed 's/^/     /' "$tmp/perf-self.txt"
  echo "   inclusive (children / self) time of the application's functions:"
  sed 's/^/     /' "$tmp/perf-children.txt"
fi
[ -n "${KEEP:-}" ] && echo "   outputs kept in $tmp"
exit 0
