#!/usr/bin/env bash
# The browser tests: installs what is missing (scripts/install-e2e-deps.sh, then `npm ci` when
# node_modules is missing or older than package-lock.json), makes a demo database in a temporary
# folder, starts `<build>/spoorboek serve` on a free port, runs specs/*.test.js with Node's test
# runner (playwright-core driving Debian's chromium), stops the server with SIGTERM (it must exit
# 0), and lists the screenshots. Exits non-zero when a spec fails.
#
#   tests/e2e/run.sh [BUILD_DIR] [SPEC...]     BUILD_DIR defaults to build; SPEC: specs/login.test.js
#
# Screenshots go to <build>/e2e-screenshots/, traces and HTML of failed tests to
# <build>/e2e-failures/. E2E_NICE (default 10) is the niceness everything runs at.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$here/../.." && pwd)

# Beside benchmarks and builds: the server, node and chromium all run niced.
want_nice=${E2E_NICE:-10}
if [[ $(nice) -lt $want_nice ]]; then
  exec nice -n $((want_nice - $(nice))) "$0" "$@"
fi

BUILD_DIR=$(cd "${1:-$REPO/build}" && pwd)
shift || true
specs=("$@")

"$REPO/scripts/install-e2e-deps.sh"

# npm ci when node_modules is missing or was installed from another package-lock.json.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
stamp="$here/node_modules/.spoorboek-lock.sha256"
lock_sum=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sum" ]]; then
  echo "e2e: npm ci"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sum" > "$stamp"
fi

WORK=$(mktemp -d -t spoorboek-e2e.XXXXXX)
# shellcheck source=../../bench/http/lib.sh
source "$REPO/bench/http/lib.sh"   # make_demo_db, start_server, stop_server (and die)

cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

make_demo_db
start_server
base_url="http://127.0.0.1:$SERVER_PORT"
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$base_url/healthz" && break
  sleep 0.1
done
curl -fsS -o /dev/null "$base_url/healthz" || { cat "$WORK/serve.err"; die "no /healthz"; }
echo "e2e: spoorboek serve on $base_url (demo database in $WORK)"

screenshots="$BUILD_DIR/e2e-screenshots"
failures="$BUILD_DIR/e2e-failures"
rm -rf "$screenshots" "$failures"
mkdir -p "$screenshots"

if [[ ${#specs[@]} -eq 0 ]]; then
  specs=("$here"/specs/*.test.js)
fi

started=$SECONDS
test_rc=0
# One spec file at a time (they share the demo database and the server's login throttle).
if ! (
  cd "$here"
  E2E_BASE_URL="$base_url" E2E_SCREENSHOTS="$screenshots" E2E_FAILURES="$failures" \
    node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}"
) 2>&1 | tee "$WORK/node-test.out"; then
  test_rc=1
fi

server_rc=0
stop_server || server_rc=$?
if [[ $server_rc -ne 0 ]]; then
  echo "e2e: spoorboek serve exited with $server_rc after SIGTERM (expected 0)"
  tail -20 "$WORK/serve.err"
fi

echo "e2e: screenshots in $screenshots (name, bytes):"
(cd "$screenshots" && find . -maxdepth 1 -type f -printf '  %f %s\n' | sort)
if [[ -d "$failures" ]]; then
  echo "e2e: traces and HTML of the failed tests (todo ones too) in $failures (open a trace: npx playwright-core show-trace FILE):"
  (cd "$failures" && find . -maxdepth 1 -type f -printf '  %f %s\n' | sort)
fi

# Node's spec reporter ends with "ℹ pass N" and "ℹ fail N" (the TAP one with "# pass N").
# (An alternation, not [ℹ#]: in the C locale a bracket holds bytes, and ℹ is three.)
passed=$(sed -En 's/^(ℹ|#) pass ([0-9]+)$/\2/p' "$WORK/node-test.out" | tail -1)
failed=$(sed -En 's/^(ℹ|#) fail ([0-9]+)$/\2/p' "$WORK/node-test.out" | tail -1)
echo "e2e: $(( SECONDS - started )) s for the specs"
echo "e2e: ${passed:-0} passed, ${failed:-0} failed"
if [[ $test_rc -ne 0 || $server_rc -ne 0 || -z "$passed" || "${failed:-1}" != 0 ]]; then
  exit 1
fi
