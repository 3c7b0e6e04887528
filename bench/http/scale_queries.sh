#!/usr/bin/env bash
# The dashboard queries and the case page at scale (issue 6), over HTTP with wrk, on a database
# filled by `spoorboek demo --scale N`, either backend:
#
#   bench/http/scale_queries.sh DB            # DB: an SQLite file or a postgresql:// URI
#
# For PostgreSQL set SPOORBOEK_KEY_FILE to the key the demo made. Measures, each for DURATION
# seconds (default 20) with wrk -t2 -cCONNECTIONS (default 8) --latency:
#   1. an employer's cases due within 14 days: the demo case manager of the largest employer's
#      listing (GET /api/v1/cases?due_within_days=14, a page of 50 and the total);
#   2. an arbo service's overdue cases across 100 employers: the demo company doctor's listing
#      (GET /api/v1/cases?overdue=true, a page of 50 and the total);
#   3. the case page: GET /api/v1/cases/{id} (the case file with its timeline and completeness
#      check) for the 200 longest files the case manager reaches, in turn;
#   4. the same case files as the browser's HTML page (/cases/{id});
#   5./6. the browser's dashboard page (/dashboard) of the company doctor and of the case manager;
#   7. sustained appends: POST /api/v1/cases/{id}/entries of a reintegration interview dated today,
#      as the administrator, round-robin over the 200 open cases with the fewest entries outside the
#      case manager's employer and the arbo service's 100 (so that a run's appends change neither
#      what 1-6 measure nor the cases the next run appends to); each its own transaction, as a
#      user's append is
#      (bench/http/soak.lua with SOAK_POST_PERCENT=100). The entries written are counted in the
#      database before and after.
# On PostgreSQL it also writes the plans PostgreSQL used for these requests (auto_explain, one
# request each) to $WORK/plans.txt.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
WORK="${WORK:-$(mktemp -d /tmp/spoorboek-scale-bench.XXXXXX)}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-8}"
DB="${1:?usage: scale_queries.sh DB (an SQLite file or a postgresql:// URI)}"
source "$REPO/bench/http/lib.sh"
ensure_tools

is_postgres() { [[ "$DB" == postgresql://* || "$DB" == postgres://* ]]; }

# Runs one SQL query on the database (psql, or python's sqlite3 for a file); prints the rows.
sql() {
  if is_postgres; then
    psql "$DB" -XAtq -F ' ' -c "$1"
  else
    python3 - "$DB" "$1" <<'PY'
import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print(" ".join(str(v) for v in row))
PY
  fi
}

echo "database: $(sql 'SELECT count(*) FROM cases') cases, $(sql 'SELECT count(*) FROM entries') entries, $(sql 'SELECT count(*) FROM employers') employers"

start_server --threads 2
trap 'stop_server >/dev/null 2>&1 || true' EXIT
BASE="http://127.0.0.1:$SERVER_PORT"

token_of() {
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"demo\"}" "$BASE/api/v1/login" | jq -r .token
}
MANAGER=$(token_of casemanager@demo.test)
DOCTOR=$(token_of doctor@demo.test)
[[ -n "$MANAGER" && "$MANAGER" != null && -n "$DOCTOR" && "$DOCTOR" != null ]] || die "demo login failed"

manager_employer=$(curl -sf -H "Authorization: Bearer $MANAGER" "$BASE/api/v1/me" | jq -r '.employer_id')
doctor_employers=$(curl -sf -H "Authorization: Bearer $DOCTOR" "$BASE/api/v1/me" | jq -r '.provider_id')
echo "case manager: employer $manager_employer ($(sql "SELECT count(*) FROM cases c JOIN employees e ON e.id = c.employee_id WHERE e.employer_id = $manager_employer") cases)"
echo "company doctor: provider $doctor_employers serving $(sql "SELECT count(*) FROM provider_employers WHERE provider_id = $doctor_employers") employers ($(sql "SELECT count(*) FROM case_summaries s JOIN provider_employers p ON p.employer_id = s.employer_id WHERE p.provider_id = $doctor_employers") cases)"

# The longest files the case manager reaches, for the case page.
sql "SELECT s.case_id FROM case_summaries s WHERE s.employer_id = $manager_employer ORDER BY s.last_seq DESC, s.case_id LIMIT 200" > "$WORK/case_ids.txt"
echo "case pages: $(wc -l < "$WORK/case_ids.txt") files of $(sql "SELECT min(last_seq) || '-' || max(last_seq) FROM (SELECT last_seq FROM case_summaries WHERE employer_id = $manager_employer ORDER BY last_seq DESC LIMIT 200) t") entries"

cat > "$WORK/cases.lua" <<'LUA'
local ids = {}
local prefix = os.getenv("PAGE_PREFIX")
for line in io.lines(os.getenv("CASE_IDS")) do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i % #ids + 1
  return wrk.format("GET", prefix .. ids[i])
end
LUA

# wrk's summary and percentiles of one measurement, labelled.
measure() {
  local label="$1"; shift
  echo "== $label"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" 2>&1 \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency  ' || true
}

check_ok() {
  local code
  code=$(curl -s -o "$WORK/last.body" -w '%{http_code}' "$@")
  [[ "$code" == 200 ]] || { head -c 400 "$WORK/last.body"; die "HTTP $code for $*"; }
}

due_path="/api/v1/cases?due_within_days=14&limit=50"
overdue_path="/api/v1/cases?overdue=true&limit=50"
check_ok -H "Authorization: Bearer $MANAGER" "$BASE$due_path"
echo "due within 14 days: total $(jq .total "$WORK/last.body"), page $(jq '.cases | length' "$WORK/last.body")"
check_ok -H "Authorization: Bearer $DOCTOR" "$BASE$overdue_path"
echo "overdue across the arbo service: total $(jq .total "$WORK/last.body"), page $(jq '.cases | length' "$WORK/last.body")"
first_case=$(head -1 "$WORK/case_ids.txt")
check_ok -H "Authorization: Bearer $MANAGER" "$BASE/api/v1/cases/$first_case"
echo "case file $first_case: $(jq '.entries | length' "$WORK/last.body") entries, $(wc -c < "$WORK/last.body") bytes"
check_ok -H "Cookie: spoorboek_session=$MANAGER" "$BASE/cases/$first_case"
echo "case page $first_case (HTML): $(wc -c < "$WORK/last.body") bytes"
check_ok -H "Cookie: spoorboek_session=$DOCTOR" "$BASE/dashboard"
echo "company doctor's dashboard (HTML): $(wc -c < "$WORK/last.body") bytes"

if is_postgres; then
  # The plans of one request each, as PostgreSQL ran them (auto_explain, this database only,
  # new connections only: the server is restarted for it and after it).
  stop_server >/dev/null
  dbname=$(sql "SELECT current_database()")
  psql "$DB" -Xq -c "ALTER DATABASE \"$dbname\" SET session_preload_libraries = 'auto_explain'" \
    -c "ALTER DATABASE \"$dbname\" SET auto_explain.log_min_duration = 0" \
    -c "ALTER DATABASE \"$dbname\" SET auto_explain.log_analyze = on" \
    -c "ALTER DATABASE \"$dbname\" SET auto_explain.log_buffers = on"
  log_file=$(sql "SELECT pg_current_logfile()" 2>/dev/null || true)
  data_dir=$(sql "SHOW data_directory")
  server_log="${PG_SERVER_LOG:-$(dirname "$data_dir")/server.log}"
  lines_before=$(wc -l < "$server_log" 2>/dev/null || echo 0)
  start_server --threads 2
  BASE="http://127.0.0.1:$SERVER_PORT"
  MANAGER=$(token_of casemanager@demo.test)
  DOCTOR=$(token_of doctor@demo.test)
  for path_auth in "$due_path|$MANAGER" "$overdue_path|$DOCTOR" "/api/v1/cases/$first_case|$MANAGER"; do
    for pass in 1 2; do curl -sf -H "Authorization: Bearer ${path_auth#*|}" "$BASE${path_auth%|*}" > /dev/null; done
  done
  stop_server >/dev/null
  psql "$DB" -Xq -c "ALTER DATABASE \"$dbname\" RESET session_preload_libraries" \
    -c "ALTER DATABASE \"$dbname\" RESET auto_explain.log_min_duration" \
    -c "ALTER DATABASE \"$dbname\" RESET auto_explain.log_analyze" \
    -c "ALTER DATABASE \"$dbname\" RESET auto_explain.log_buffers"
  tail -n +"$((lines_before + 1))" "$server_log" > "$WORK/plans.txt" || true
  echo "plans: $WORK/plans.txt ($(grep -c 'duration:' "$WORK/plans.txt" || true) statements)"
  start_server --threads 2
  BASE="http://127.0.0.1:$SERVER_PORT"
  MANAGER=$(token_of casemanager@demo.test)
  DOCTOR=$(token_of doctor@demo.test)
fi

if ! is_postgres; then
  # SQLite has no auto_explain: the plans of the two listings' statements as SqliteStore builds
  # them (src/store/sqlite_store.cc, case_filter_sql and list_cases/count_cases; keep in step).
  reach_in=$(sql "SELECT employer_id FROM provider_employers WHERE provider_id = $doctor_employers" | paste -sd,)
  due_day=$(date -d '+14 days' +%F)
  yesterday=$(date -d 'yesterday' +%F)
  listing="SELECT s.case_id FROM case_summaries s JOIN employees e ON e.id = s.employee_id JOIN employers r ON r.id = s.employer_id WHERE 1 = 1"
  {
    for query in \
      "$listing AND s.next_deadline_due <= '$due_day' AND s.status <> 'recovered' AND s.employer_id IN ($manager_employer) ORDER BY s.next_deadline_due IS NULL, s.next_deadline_due, s.case_id LIMIT 50 OFFSET 0" \
      "SELECT count(*) FROM case_summaries s WHERE 1 = 1 AND s.next_deadline_due <= '$due_day' AND s.status <> 'recovered' AND s.employer_id IN ($manager_employer)" \
      "$listing AND s.next_deadline_due <= '$yesterday' AND s.status <> 'recovered' AND s.employer_id IN ($reach_in) ORDER BY s.next_deadline_due IS NULL, s.next_deadline_due, s.case_id LIMIT 50 OFFSET 0" \
      "SELECT count(*) FROM case_summaries s WHERE 1 = 1 AND s.next_deadline_due <= '$yesterday' AND s.status <> 'recovered' AND s.employer_id IN ($reach_in)" \
      "SELECT seq FROM entries WHERE case_id = $first_case ORDER BY seq"; do
      echo "$query" | cut -c1-220
      sql "EXPLAIN QUERY PLAN $query" | sed 's/^/    /'
    done
  } > "$WORK/plans.txt"
  echo "plans: $WORK/plans.txt"
fi

measure "1. employer's cases due within 14 days (GET /api/v1/cases?due_within_days=14&limit=50, case manager)" \
  -H "Authorization: Bearer $MANAGER" "$BASE$due_path"
measure "2. arbo service's overdue cases across its employers (GET /api/v1/cases?overdue=true&limit=50, company doctor)" \
  -H "Authorization: Bearer $DOCTOR" "$BASE$overdue_path"
CASE_IDS="$WORK/case_ids.txt" PAGE_PREFIX="/api/v1/cases/" \
  measure "3. case file with timeline and check (GET /api/v1/cases/{id}, 200 longest files in turn)" \
  -H "Authorization: Bearer $MANAGER" -s "$WORK/cases.lua" "$BASE"
CASE_IDS="$WORK/case_ids.txt" PAGE_PREFIX="/cases/" \
  measure "4. case page HTML (GET /cases/{id}, the same files)" \
  -H "Cookie: spoorboek_session=$MANAGER" -s "$WORK/cases.lua" "$BASE"
ADMIN=$(token_of admin@demo.test)
[[ -n "$ADMIN" && "$ADMIN" != null ]] || die "demo administrator login failed"
measure "5. the company doctor's dashboard page (GET /dashboard: 50 cases a page, overdue and due this week, stages, agenda)" \
  -H "Cookie: spoorboek_session=$DOCTOR" "$BASE/dashboard"
measure "6. the case manager's dashboard page (GET /dashboard)" \
  -H "Cookie: spoorboek_session=$MANAGER" "$BASE/dashboard"

open_cases=$(sql "SELECT case_id FROM case_summaries WHERE status <> 'recovered' AND employer_id <> $manager_employer AND employer_id NOT IN (SELECT employer_id FROM provider_employers WHERE provider_id = $doctor_employers) ORDER BY last_seq, case_id LIMIT 200" | paste -sd,)
entries_before=$(sql "SELECT count(*) FROM entries")
SOAK_TOKEN=$ADMIN SOAK_READ_CASES=$open_cases SOAK_WRITE_CASES=$open_cases SOAK_TODAY=$(date +%F) \
SOAK_POST_PERCENT=100 \
  measure "7. sustained appends (POST /api/v1/cases/{id}/entries, administrator, $(tr ',' '\n' <<< "$open_cases" | wc -l) open cases of other employers in turn)" \
  -s "$REPO/bench/http/soak.lua" "$BASE"
entries_after=$(sql "SELECT count(*) FROM entries")
echo "entries written: $((entries_after - entries_before)) in ${DURATION} s = $(((entries_after - entries_before) / DURATION))/s"
echo "server memory: $(grep -E 'VmHWM' /proc/"$SERVER_PID"/status | tr -s ' ')"
