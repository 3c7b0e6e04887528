#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, integration, CLI).
set -euo pipefail
cd "$(dirname "$0")"
./build.sh
build_dir=${BUILD_DIR:-build}
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
