#!/usr/bin/env bash
# Installs what is missing and builds build/spoorboek (and the tests and benchmarks).
# BUILD_DIR and BUILD_TYPE may be set to build elsewhere or in Debug.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-deps.sh
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null
cmake --build "$build_dir"
