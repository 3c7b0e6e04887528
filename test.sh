#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, integration, CLI, HTTP), then the
# browser tests (tests/e2e/run.sh; E2E=0 skips them), then fuzzes the request parsers for
# FUZZ_SECONDS (default 30; 0 skips it).
#
# PostgreSQL: a throw-away cluster under /tmp (scripts/pg-test-cluster.sh, run as the postgres
# user) serves the tests that run on both backends, and is stopped and removed at the end. Every
# such test must run: SPOORBOEK_REQUIRE_POSTGRES=1 makes a missing cluster a failure, not a skip.
set -euo pipefail
cd "$(dirname "$0")"
./build.sh
build_dir=${BUILD_DIR:-build}
pg_dir=$(mktemp -d /tmp/spoorboek-test-pg.XXXXXX)
trap 'scripts/pg-test-cluster.sh stop "$pg_dir"' EXIT
SPOORBOEK_TEST_POSTGRES=$(scripts/pg-test-cluster.sh start "$pg_dir" "${PG_TEST_PORT:-55433}")
export SPOORBOEK_TEST_POSTGRES SPOORBOEK_REQUIRE_POSTGRES=1
echo "test.sh: PostgreSQL test cluster at $SPOORBOEK_TEST_POSTGRES"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
# The PDF documents and their pages as PNG (ctest report_page_images), for CI to keep.
if [ -d "$build_dir/pdf-pages" ]; then
  echo "test.sh: PDF documents and page images in $build_dir/pdf-pages (name, bytes):"
  (cd "$build_dir/pdf-pages" && find . -maxdepth 1 -type f -printf '  %f %s\n' | sort)
fi
if [ "${E2E:-1}" != 0 ]; then
  tests/e2e/run.sh "$build_dir"
fi
if [ "${FUZZ_SECONDS:-30}" != 0 ]; then
  fuzz/run.sh "${FUZZ_SECONDS:-30}"
fi
