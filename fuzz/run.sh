#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer + UndefinedBehaviorSanitizer) and runs
# each for SECONDS (default 60) from the seed corpus in fuzz/corpus. Exit 0 when no input
# crashed; a crashing input is left as fuzz/crash-* (libFuzzer's artifact) and the exit is 1.
#   fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build="${FUZZ_BUILD_DIR:-build-fuzz}"
sanitizers="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DSPOORBOEK_FUZZ=ON \
  -DSPOORBOEK_BUILD_TESTS=OFF -DSPOORBOEK_BUILD_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="$sanitizers" >/dev/null
ninja -C "$build" request_body_fuzzer
corpus="$build/corpus"
mkdir -p "$corpus"
cp fuzz/corpus/* "$corpus/"
"$build/fuzz/request_body_fuzzer" -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix=fuzz/ "$corpus" 2>&1 | tail -n 12
