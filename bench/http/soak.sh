#!/usr/bin/env bash
# Soak: mixed load on `spoorboek serve` for DURATION seconds (default 600) while its resident
# memory is sampled every 10 s into a CSV.
#
# Load (wrk + bench/http/soak.lua): ~90 % GETs of timelines and case files of READ_CASES cases,
# ~10 % POSTs of entries (no expected_seq) round-robin over the other cases the case manager
# reaches. The read cases take no appends, so the read work stays the same for the whole run and
# a growing RSS means a leak, not a bigger case file.
#
# Fails (exit 1) on: any non-2xx answer, any socket error (connect, read, write, timeout),
# `spoorboek verify` not passing after the run, spoorboek serve not exiting 0 on SIGTERM, or the
# mean VmRSS of the last minute more than 10 % above the mean of the second minute.
#
# Usage: bench/http/soak.sh [DURATION_SECONDS] [CSV_PATH]
#   BUILD_DIR=build-load THREADS=2 CONNECTIONS=16 READ_CASES=6 POST_PERCENT=10 TIMEOUT=10s
#   SERVE_ARGS="--threads 4"
# Manual: not part of ctest.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-$REPO/build-load}
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$REPO/$BUILD_DIR"
DURATION=${1:-600}
CSV=${2:-$BUILD_DIR/soak_rss.csv}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
READ_CASES=${READ_CASES:-6}
POST_PERCENT=${POST_PERCENT:-10}
TIMEOUT=${TIMEOUT:-10s}
SERVE_ARGS=${SERVE_ARGS:-}
SAMPLE_EVERY=10
[[ "$DURATION" =~ ^[0-9]+$ ]] || { echo "usage: $0 [DURATION_SECONDS] [CSV_PATH]" >&2; exit 2; }
((DURATION >= 180)) || echo "warning: under 180 s the second and the last minute overlap" >&2

WORK=$(mktemp -d "${TMPDIR:-/tmp}/spoorboek_soak_XXXXXX")
# shellcheck source=bench/http/lib.sh
source "$REPO/bench/http/lib.sh"
SAMPLER_PID=""
cleanup() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null && wait "$SAMPLER_PID" 2>/dev/null
  if [[ -n "$SERVER_PID" ]]; then stop_server || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

ensure_tools
echo "# soak of ${DURATION} s started $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores," \
     "load average $(load_average)"
make_demo_db
# shellcheck disable=SC2086
start_server $SERVE_ARGS
login

# Read cases: the first READ_CASES with a timeline; write cases: every other one that takes an
# entry (probed with one append).
TODAY=$(date +%Y-%m-%d)
entry() {
  printf '{"type":"reintegration_interview","occurred_on":"%s","payload":{"attendees":["Casemanager"],"summary":"%s","employee_agreement":"agreed"}}' "$TODAY" "$1"
}
READ=()
WRITE=()
for id in $(case_ids); do
  if ((${#READ[@]} < READ_CASES)) && api_get "/api/v1/cases/$id/timeline" > /dev/null 2>&1; then
    READ+=("$id")
  elif curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -d "$(entry probe)" \
      "http://127.0.0.1:$SERVER_PORT/api/v1/cases/$id/entries"; then
    WRITE+=("$id")
  fi
done
((${#READ[@]} > 0 && ${#WRITE[@]} > 0)) || die "no cases to read (${#READ[@]}) or write (${#WRITE[@]})"
join() { local IFS=,; echo "$*"; }
echo "# server pid $SERVER_PID port $SERVER_PORT (serve args: ${SERVE_ARGS:-default});" \
     "reads: cases $(join "${READ[@]}"); appends: cases $(join "${WRITE[@]}")"

# RSS every SAMPLE_EVERY seconds while wrk runs.
echo "elapsed_s,vmrss_kb,vmhwm_kb,rssanon_kb,rssfile_kb,load1,compilers" > "$CSV"
sample() {
  local start=$SECONDS
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    read -r rss hwm <<< "$(memory_kb "$SERVER_PID")"
    read -r anon file <<< "$(memory_parts_kb "$SERVER_PID")"
    # compilers: others' compiler processes running (the load average counts the soak's too)
    echo "$((SECONDS - start)),$rss,$hwm,$anon,$file,$(cut -d' ' -f1 /proc/loadavg),$(compilers_running)" \
      >> "$CSV"
    sleep "$SAMPLE_EVERY"
  done
}
sample &
SAMPLER_PID=$!

WRK_OUT="$WORK/wrk.txt"
SOAK_TOKEN=$TOKEN SOAK_READ_CASES=$(join "${READ[@]}") SOAK_WRITE_CASES=$(join "${WRITE[@]}") \
SOAK_TODAY=$TODAY SOAK_POST_PERCENT=$POST_PERCENT \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "$TIMEOUT" --latency \
      -s "$REPO/bench/http/soak.lua" "http://127.0.0.1:$SERVER_PORT" > "$WRK_OUT" || true
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
read -r RSS_END HWM_END <<< "$(memory_kb "$SERVER_PID")"
cat "$WRK_OUT"

STATUS=0
fail() { echo "FAIL: $*"; STATUS=1; }
grep -q "Requests/sec:" "$WRK_OUT" || fail "wrk did not finish"
if grep -q "Non-2xx or 3xx responses" "$WRK_OUT"; then
  fail "$(grep "Non-2xx or 3xx responses" "$WRK_OUT" | xargs)"
fi
if grep -q "Socket errors" "$WRK_OUT"; then fail "$(grep "Socket errors" "$WRK_OUT" | xargs)"; fi

SERVER_RC=0
stop_server || SERVER_RC=$?
((SERVER_RC == 0)) || fail "spoorboek serve exited with $SERVER_RC on SIGTERM"
if "$BIN" verify --db "$DB" > "$WORK/verify.out" 2>&1; then
  echo "spoorboek verify: passed ($(tail -1 "$WORK/verify.out"))"
else
  cat "$WORK/verify.out"
  fail "spoorboek verify"
fi

# Memory: the second minute (60 <= t < 120) against the last (t > end - 60), and the slope of a
# least-squares line through every sample from the second minute on.
END=$(tail -1 "$CSV" | cut -d, -f1)
read -r SECOND LAST SLOPE PEAK N2 NL <<< "$(awk -F, -v end="$END" 'NR > 1 {
    t = $1; r = $2; if ($3 > peak) peak = $3
    if (t >= 60 && t < 120) { s2 += r; n2++ }
    if (t > end - 60) { sl += r; nl++ }
    if (t >= 60) { n++; st += t; sr += r; stt += t * t; str += t * r }
  } END {
    slope = (n > 1 && n * stt - st * st != 0) ? (n * str - st * sr) / (n * stt - st * st) : 0
    printf "%.0f %.0f %.3f %d %d %d\n", (n2 ? s2 / n2 : 0), (nl ? sl / nl : 0), slope * 60, peak, n2, nl
  }' "$CSV")"
GROWTH=$(awk -v a="$SECOND" -v b="$LAST" 'BEGIN {printf "%.1f", a ? (b - a) * 100 / a : 0}')
echo "VmRSS mean of the second minute: $(kb_to_mb "$SECOND") MB ($N2 samples);" \
     "of the last minute: $(kb_to_mb "$LAST") MB ($NL samples); growth $GROWTH %"
echo "VmRSS slope from the second minute on: $SLOPE kB/min; peak VmHWM $(kb_to_mb "$PEAK") MB;" \
     "VmRSS at the end $(kb_to_mb "$RSS_END") MB (VmHWM $(kb_to_mb "$HWM_END") MB)"
# Where it went (not a criterion): anonymous memory (heap, arenas, stacks) against file-backed
# pages (the code of the binary and its libraries, faulted in as paths are first used).
read -r ANON2 ANONL FILE2 FILEL <<< "$(awk -F, -v end="$END" 'NR > 1 {
    if ($1 >= 60 && $1 < 120) { a2 += $4; f2 += $5; n2++ }
    if ($1 > end - 60) { al += $4; fl += $5; nl++ }
  } END { if (!n2) n2 = 1; if (!nl) nl = 1
    printf "%.0f %.0f %.0f %.0f\n", a2 / n2, al / nl, f2 / n2, fl / nl }' "$CSV")"
echo "  of which RssAnon $(kb_to_mb "$ANON2") -> $(kb_to_mb "$ANONL") MB," \
     "RssFile $(kb_to_mb "$FILE2") -> $(kb_to_mb "$FILEL") MB (second minute -> last minute)"
echo "samples: $CSV"
awk -v g="$GROWTH" 'BEGIN {exit !(g > 10)}' && fail "memory grew by $GROWTH % (limit 10 %)"

echo "# soak finished $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(load_average)"
if ((STATUS == 0)); then echo "SOAK PASSED"; else echo "SOAK FAILED"; fi
exit $STATUS
