# Shared by bench/http/*.sh (sourced, not run): the tools, a demo server, login, memory, wrk.
# Expects REPO, BUILD_DIR and WORK (a temp directory) to be set by the caller.

BIN="${BIN:-$BUILD_DIR/spoorboek}"
SERVER_PID=""
SERVER_PORT=""
TOKEN=""

die() { echo "error: $*" >&2; exit 2; }

# wrk and nginx (nginx-light) with apt-get, only when missing; curl and jq are needed too.
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  [[ "${1:-}" == nginx ]] && { command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light); }
  command -v curl >/dev/null || missing+=(curl)
  command -v jq >/dev/null || missing+=(jq)
  if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

nginx_binary() { command -v nginx || echo /usr/sbin/nginx; }

# A free loopback TCP port (bound, read, released).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A demo database at $WORK/spoorboek.db.
make_demo_db() {
  [[ -x "$BIN" ]] || die "$BIN is missing: build it first (ninja -C $BUILD_DIR spoorboek)"
  DB="$WORK/spoorboek.db"
  "$BIN" demo --db "$DB" > "$WORK/demo.out" 2>&1 || { cat "$WORK/demo.out"; die "demo failed"; }
}

# Starts `spoorboek serve` on $DB (extra arguments passed on); sets SERVER_PID and SERVER_PORT.
start_server() {
  # Emptied first: a restarted server must not be read from its predecessor's output.
  : > "$WORK/serve.err"
  "$BIN" serve --db "$DB" --port 0 --no-access-log "$@" > "$WORK/serve.out" 2> "$WORK/serve.err" &
  SERVER_PID=$!
  local i
  for i in $(seq 1 300); do
    SERVER_PORT=$(sed -n 's/.*luistert op http:\/\/.*:\([0-9]*\) (listening).*/\1/p' "$WORK/serve.err")
    [[ -n "$SERVER_PORT" ]] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.err"; die "the server did not start"; }
    sleep 0.1
  done
  die "the server did not print its port within 30 s"
}

# SIGTERM, then the exit code of the server (graceful stop: 0).
stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  local rc=0
  wait "$SERVER_PID" || rc=$?
  SERVER_PID=""
  return $rc
}

# Logs in as casemanager@demo.test; sets TOKEN.
login() {
  TOKEN=$(curl -sS -f -X POST -H 'Content-Type: application/json' \
    -d '{"email":"casemanager@demo.test","password":"demo"}' \
    "http://127.0.0.1:$SERVER_PORT/api/v1/login" | jq -r .token)
  [[ -n "$TOKEN" && "$TOKEN" != null ]] || die "login failed"
}

api_get() {
  curl -sS -f -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$SERVER_PORT$1"
}

# The case ids the case manager reaches, one a line.
case_ids() {
  api_get "/api/v1/cases?limit=500" | jq -r '.cases[].case_id'
}

# "VmRSS VmHWM" of a process, in kB.
memory_kb() {
  awk '/^VmRSS:/ {rss = $2} /^VmHWM:/ {hwm = $2} END {print rss, hwm}' "/proc/$1/status"
}

# "RssAnon RssFile" of a process, in kB: heap and stacks against mapped code and files.
memory_parts_kb() {
  awk '/^RssAnon:/ {anon = $2} /^RssFile:/ {file = $2} END {print anon, file}' "/proc/$1/status"
}

kb_to_mb() { awk -v kb="$1" 'BEGIN {printf "%.1f", kb / 1024}'; }

# wrk latency ("812.00us", "1.23ms", "2.00s", "1.00m") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}

# From a wrk --latency output file: "req_per_s p50_ms p99_ms non_2xx socket_errors".
wrk_figures() {
  local file=$1 rps p50 p99 non2xx socket
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")
  socket=$(awk '/Socket errors:/ {s = 0; for (i = 3; i <= NF; i += 2) s += $(i + 1) + 0; print s}' "$file")
  echo "${rps:-0} $p50 $p99 ${non2xx:-0} ${socket:-0}"
}

# How many compiler processes (anyone's) are running now.
compilers_running() { ps -e -o comm= | grep -cxE 'cc1plus|clang(\+\+)?|clang-[0-9]+|ld|as' || true; }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
