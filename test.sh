#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, integration, CLI, HTTP), then
# fuzzes the request parsers for FUZZ_SECONDS (default 30; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")"
./build.sh
build_dir=${BUILD_DIR:-build}
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
if [ "${FUZZ_SECONDS:-30}" != 0 ]; then
  fuzz/run.sh "${FUZZ_SECONDS:-30}"
fi
