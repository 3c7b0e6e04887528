#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer + UndefinedBehaviorSanitizer) and runs
# each for SECONDS (default 60) from its seed corpus (fuzz/corpus, fuzz/corpus-hr). Exit 0 when
# no input crashed; a crashing input is left as fuzz/crash-* (libFuzzer's artifact) and the exit
# is 1.
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
ninja -C "$build" request_body_fuzzer hr_file_fuzzer
# Each target with its own seed corpus: the API's request bodies, the HR import's CSV files.
for target in request_body_fuzzer:corpus hr_file_fuzzer:corpus-hr; do
  name="${target%%:*}"
  corpus="$build/${target#*:}"
  mkdir -p "$corpus"
  cp "fuzz/${target#*:}"/* "$corpus/"
  "$build/fuzz/$name" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix=fuzz/ "$corpus" 2>&1 | tail -n 12
done
