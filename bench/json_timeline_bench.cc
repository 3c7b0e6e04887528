// The JSON side of `timeline --batch`, step by step: parse + validate a description, render a
// timeline, and the whole line (parse, validate, compute, render) as the batch command does it.
#include <benchmark/benchmark.h>

#include "bench_cases.h"
#include "case_generator.h"
#include "json/timeline_batch.h"
#include "json/timeline_json.h"

namespace spoorboek::bench {
namespace {

void BM_ParseAndValidateDescription(benchmark::State& state) {
  const auto& lines = bench_case_lines();
  core::TimelineInput input;
  std::size_t next = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const core::Status parsed = json::parse_timeline_input_into(lines[next], kBenchAsOf, input);
    benchmark::DoNotOptimize(parsed);
    bytes += lines[next].size();
    if (++next == lines.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ParseAndValidateDescription);

void BM_RenderTimeline(benchmark::State& state) {
  const auto& cases = bench_cases();
  std::vector<core::Timeline> timelines;
  timelines.reserve(cases.size());
  for (const core::TimelineInput& input : cases) timelines.push_back(core::compute_timeline(input));
  std::string out;
  std::size_t next = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    json::append_timeline_json(out, cases[next], timelines[next]);
    benchmark::DoNotOptimize(out.data());
    bytes += out.size();
    if (++next == cases.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_RenderTimeline);

void BM_BatchLine(benchmark::State& state) {
  const auto& lines = bench_case_lines();
  json::TimelineBatch batch(kBenchAsOf);
  std::string out;
  std::size_t next = 0;
  for (auto _ : state) {
    out.clear();
    benchmark::DoNotOptimize(batch.process_line(lines[next], out));
    if (++next == lines.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BatchLine);

}  // namespace
}  // namespace spoorboek::bench
