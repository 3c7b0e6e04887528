#!/usr/bin/env bash
# GET /api/v1/cases/{id}/timeline on `spoorboek serve` against nginx serving the same body as a
# static file, side by side in one run (wrk, alternating), plus the server's memory.
#
# Requirements checked: spoorboek's requests/s at least 0.5 x nginx's (worker_processes 1),
# spoorboek's p99 under 10 ms, and its resident memory (VmRSS and VmHWM) under 100 MB.
# Exit 0 when all are met, 1 when one is not, 2 on a set-up error.
#
# Usage: bench/http/timeline_vs_nginx.sh
#   BUILD_DIR=build-load  where spoorboek is (default: build-load)
#   DURATION=15s THREADS=2 CONNECTIONS=64 ROUNDS=2 WARMUP=3s   wrk settings
#   SERVE_ARGS="--threads 4"   extra options for spoorboek serve (default: none, its default)
# Manual: not part of ctest.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-$REPO/build-load}
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$REPO/$BUILD_DIR"
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-3s}
SERVE_ARGS=${SERVE_ARGS:-}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoorboek_bench_http_XXXXXX")
# shellcheck source=bench/http/lib.sh
source "$REPO/bench/http/lib.sh"

NGINX_PIDS=()
cleanup() {
  local pid
  for pid in "${NGINX_PIDS[@]}"; do
    kill -QUIT "$pid" 2>/dev/null || true  # graceful stop
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$SERVER_PID" ]]; then stop_server || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

ensure_tools nginx
NGINX=$(nginx_binary)
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, load average $(load_average)"
echo "# spoorboek $BIN; $($NGINX -v 2>&1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"

# (b) the demo database, the server, a case and its timeline as a static file.
make_demo_db
# shellcheck disable=SC2086
start_server $SERVE_ARGS
login
CASE_ID=""
for id in $(case_ids); do
  if api_get "/api/v1/cases/$id/timeline" > "$WORK/timeline.json" 2>/dev/null; then
    CASE_ID=$id
    break
  fi
done
[[ -n "$CASE_ID" ]] || die "no case with a timeline"
mkdir -p "$WORK/www"
mv "$WORK/timeline.json" "$WORK/www/timeline.json"
TIMELINE_PATH="/api/v1/cases/$CASE_ID/timeline"
echo "# case $CASE_ID: $(stat -c %s "$WORK/www/timeline.json") bytes of timeline JSON;" \
     "spoorboek on port $SERVER_PORT, pid $SERVER_PID, serve args: ${SERVE_ARGS:-(default)}"
read -r RSS_LOADED HWM_LOADED <<< "$(memory_kb "$SERVER_PID")"

# (c) nginx with 1 and with 2 worker processes, each its own child with its own run directory.
start_nginx() {  # workers -> sets NGINX_PORT
  local workers=$1 run="$WORK/nginx$1"
  mkdir -p "$run"
  NGINX_PORT=$(free_port)
  sed -e "s|@WORKERS@|$workers|; s|@USER@|$(id -un) $(id -gn)|; s|@PORT@|$NGINX_PORT|" \
      -e "s|@ROOT@|$WORK/www|; s|@RUN@|$run|g" "$REPO/bench/http/nginx.conf" > "$run/nginx.conf"
  "$NGINX" -p "$run" -e "$run/error.log" -c "$run/nginx.conf" 2>> "$run/error.log" &
  NGINX_PIDS+=($!)
  local i
  for i in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/timeline.json" && return 0
    sleep 0.1
  done
  cat "$run/error.log"
  die "nginx ($workers workers) did not start"
}
start_nginx 1
NGINX1_PORT=$NGINX_PORT
start_nginx 2
NGINX2_PORT=$NGINX_PORT

NGINX_URL1="http://127.0.0.1:$NGINX1_PORT/timeline.json"
NGINX_URL2="http://127.0.0.1:$NGINX2_PORT/timeline.json"
SPOORBOEK_URL="http://127.0.0.1:$SERVER_PORT$TIMELINE_PATH"
AUTH="Authorization: Bearer $TOKEN"

# The same bytes from both (nginx adds no charset to the body; the headers differ).
cmp -s <(curl -sf "$NGINX_URL1") <(curl -sf -H "$AUTH" "$SPOORBOEK_URL") ||
  die "nginx and spoorboek do not serve the same body"

# (d) wrk, alternating: nginx (1 worker), spoorboek, nginx (2 workers); ROUNDS times.
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --latency)
echo "# warm-up ($WARMUP each, not counted)"
"${WRK[@]}" -d"$WARMUP" "$NGINX_URL1" > /dev/null
"${WRK[@]}" -d"$WARMUP" "$NGINX_URL2" > /dev/null
"${WRK[@]}" -d"$WARMUP" -H "$AUTH" "$SPOORBOEK_URL" > /dev/null

declare -A SUM_RPS=() RUNS=() WORST_P99=()
RESULTS=()
run_wrk() {  # name url [wrk args...]
  local name=$1 url=$2
  shift 2
  local out="$WORK/wrk_${name}_$((${RUNS[$name]:-0} + 1)).txt"
  "${WRK[@]}" -d"$DURATION" "$@" "$url" > "$out" &
  local wrk_pid=$!
  # Others' compilers running halfway through the run (the load average counts ours too).
  sleep "$(awk -v d="$DURATION" 'BEGIN {print (d + 0) / 2}')"
  local compilers
  compilers=$(compilers_running)
  wait "$wrk_pid"
  read -r rps p50 p99 non2xx socket <<< "$(wrk_figures "$out")"
  RESULTS+=("$(printf '%-18s %10.0f %9.3f %9.3f %8s %8s %9s   %s' "$name" "$rps" "$p50" "$p99" \
    "$non2xx" "$socket" "$compilers" "$(load_average)")")
  SUM_RPS[$name]=$(awk -v a="${SUM_RPS[$name]:-0}" -v b="$rps" 'BEGIN {print a + b}')
  RUNS[$name]=$((${RUNS[$name]:-0} + 1))
  WORST_P99[$name]=$(awk -v a="${WORST_P99[$name]:-0}" -v b="$p99" 'BEGIN {print (b > a ? b : a)}')
  echo "${RESULTS[-1]}"
}
echo "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
printf '%-18s %10s %9s %9s %8s %8s %9s   %s\n' run req/s p50_ms p99_ms non2xx sockerr compilers \
  "load after (1 5 15 min)"
for round in $(seq 1 "$ROUNDS"); do
  run_wrk nginx_w1 "$NGINX_URL1"
  run_wrk spoorboek "$SPOORBOEK_URL" -H "$AUTH"
  run_wrk nginx_w2 "$NGINX_URL2"
done

read -r RSS_AFTER HWM_AFTER <<< "$(memory_kb "$SERVER_PID")"

# (e) the summary and the requirements.
mean() { awk -v s="${SUM_RPS[$1]}" -v n="${RUNS[$1]}" 'BEGIN {printf "%.0f", s / n}'; }
SB=$(mean spoorboek)
N1=$(mean nginx_w1)
N2=$(mean nginx_w2)
RATIO1=$(awk -v a="$SB" -v b="$N1" 'BEGIN {printf "%.2f", a / b}')
RATIO2=$(awk -v a="$SB" -v b="$N2" 'BEGIN {printf "%.2f", a / b}')
echo
echo "mean req/s: spoorboek $SB, nginx (1 worker) $N1, nginx (2 workers) $N2"
echo "ratio spoorboek/nginx: $RATIO1 (1 worker), $RATIO2 (2 workers)"
echo "spoorboek worst p99 of the runs: ${WORST_P99[spoorboek]} ms"
echo "spoorboek memory after loading: VmRSS $(kb_to_mb "$RSS_LOADED") MB, VmHWM $(kb_to_mb "$HWM_LOADED") MB"
echo "spoorboek memory after the load: VmRSS $(kb_to_mb "$RSS_AFTER") MB, VmHWM $(kb_to_mb "$HWM_AFTER") MB"

STATUS=0
verdict() {  # label ok?
  if [[ $2 == 1 ]]; then echo "requirement $1: met"; else echo "requirement $1: NOT met"; STATUS=1; fi
}
verdict "ratio >= 0.5 (vs nginx, 1 worker: $RATIO1)" "$(awk -v r="$RATIO1" 'BEGIN {print (r >= 0.5)}')"
verdict "spoorboek p99 < 10 ms (${WORST_P99[spoorboek]} ms)" \
  "$(awk -v p="${WORST_P99[spoorboek]}" 'BEGIN {print (p < 10)}')"
verdict "resident memory < 100 MB (peak VmHWM $(kb_to_mb "$HWM_AFTER") MB)" \
  "$(awk -v k="$HWM_AFTER" 'BEGIN {print (k < 100 * 1024)}')"

# Clean stops: nginx on SIGQUIT, spoorboek on SIGTERM (exit 0).
SERVER_RC=0
stop_server || SERVER_RC=$?
[[ $SERVER_RC -eq 0 ]] || { echo "spoorboek serve exited with $SERVER_RC on SIGTERM"; STATUS=1; }
echo "# done, load average $(load_average)"
exit $STATUS
