#!/usr/bin/env bash
# `spoorboek timeline --batch` against `jq -c .` on the same JSON Lines file, side by side in one
# run. Requirement (issue 2): our batch is at least as fast as jq on 1,000,000 lines.
#
# Usage: bench/batch_vs_jq.sh [LINES]        (default 1000000)
# Env:   BUILD_DIR (default build), DATA_DIR (default ${TMPDIR:-/tmp}), RUNS (default 3)
# Needs: a built BUILD_DIR/spoorboek and BUILD_DIR/bench/gen_cases, jq; hyperfine if available.
set -euo pipefail
cd "$(dirname "$0")/.."

lines=${1:-1000000}
build_dir=${BUILD_DIR:-build}
data_dir=${DATA_DIR:-${TMPDIR:-/tmp}}
runs=${RUNS:-3}
as_of=2026-11-23
spoorboek="$build_dir/spoorboek"
gen_cases="$build_dir/bench/gen_cases"

for tool in "$spoorboek" "$gen_cases"; do
  [[ -x $tool ]] || { echo "error: $tool is missing; build first (./build.sh)" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "error: jq is missing (apt-get install -y jq)" >&2; exit 2; }

# The generator is deterministic: the same LINES give the same file, so it is made once.
cases="$data_dir/spoorboek-cases-$lines.jsonl"
if [[ ! -s $cases ]]; then
  echo "generating $lines descriptions into $cases"
  "$gen_cases" "$lines" > "$cases.tmp" && mv "$cases.tmp" "$cases"
fi
echo "input: $cases ($(wc -l < "$cases") lines, $(du -h "$cases" | cut -f1))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"

ours="$spoorboek timeline --batch $cases --as-of $as_of"
ours_one_thread="$ours -j 1"
theirs="jq -c . $cases"

# Every line must be accepted (exit 0), or we would time error objects instead of timelines.
# This run also brings the file into the page cache for both tools.
"$spoorboek" timeline --batch "$cases" --as-of "$as_of" > /dev/null ||
  { echo "error: spoorboek refused some generated lines" >&2; exit 1; }

if command -v hyperfine >/dev/null; then
  report="$data_dir/spoorboek-batch-vs-jq.json"
  hyperfine --runs "$runs" --export-json "$report" \
    --command-name "spoorboek timeline --batch" "$ours > /dev/null" \
    --command-name "spoorboek timeline --batch -j 1" "$ours_one_thread > /dev/null" \
    --command-name "jq -c ." "$theirs > /dev/null"
  ours_s=$(jq '.results[0].mean' "$report")
  ours_one_thread_s=$(jq '.results[1].mean' "$report")
  theirs_s=$(jq '.results[2].mean' "$report")
else
  # bash's own timer: the real time of the command, in seconds.
  seconds() { local TIMEFORMAT=%R; { time "$@" > /dev/null; } 2>&1; }
  ours_s=$(seconds $ours)
  ours_one_thread_s=$(seconds $ours_one_thread)
  theirs_s=$(seconds $theirs)
fi

awk -v ours="$ours_s" -v one="$ours_one_thread_s" -v theirs="$theirs_s" -v lines="$lines" \
    -v jobs="$(nproc)" 'BEGIN {
  printf "spoorboek timeline --batch (default -j, %d cores): %6.2f s (%.0f lines/s), jq/ours %.2f\n",
         jobs, ours, lines / ours, theirs / ours
  printf "spoorboek timeline --batch -j 1:                 %6.2f s (%.0f lines/s), jq/ours %.2f\n",
         one, lines / one, theirs / one
  printf "jq -c .:                                         %6.2f s (%.0f lines/s)\n",
         theirs, lines / theirs
  printf "requirement (default command at least as fast as jq): %s\n",
         ours <= theirs ? "met" : "NOT met"
}'
