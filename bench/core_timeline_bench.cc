// How many timelines the deadline engine computes per second on one core.
// Requirement (issue 2): at least 5 million per second for cases of 1-4 periods.
#include <benchmark/benchmark.h>

#include "bench_cases.h"
#include "core/timeline.h"

namespace spoorboek::bench {
namespace {

// Cycles through the mixed cases so that branch predictors and caches see a realistic stream.
void BM_ComputeTimeline(benchmark::State& state) {
  const auto& cases = bench_cases();
  std::size_t next = 0;
  for (auto _ : state) {
    core::Timeline timeline = core::compute_timeline(cases[next]);
    benchmark::DoNotOptimize(timeline);
    if (++next == cases.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ComputeTimeline);

// The same, per number of periods: where the time goes when the mix changes.
void BM_ComputeTimelineByPeriods(benchmark::State& state) {
  std::vector<const core::TimelineInput*> cases;
  for (const core::TimelineInput& input : bench_cases()) {
    if (static_cast<long>(input.periods.size()) == state.range(0)) cases.push_back(&input);
  }
  std::size_t next = 0;
  for (auto _ : state) {
    core::Timeline timeline = core::compute_timeline(*cases[next]);
    benchmark::DoNotOptimize(timeline);
    if (++next == cases.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ComputeTimelineByPeriods)->ArgName("periods")->DenseRange(1, 4);

// validate_timeline_input() runs once per description in the batch command.
void BM_ValidateTimelineInput(benchmark::State& state) {
  const auto& cases = bench_cases();
  std::vector<core::TimelineInput> copies(cases.begin(), cases.begin() + 1024);
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(core::validate_timeline_input(copies[next]));
    if (++next == copies.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ValidateTimelineInput);

// Both explanations of every milestone of one timeline, as the JSON output carries them.
void BM_ExplainAllMilestones(benchmark::State& state) {
  const auto& cases = bench_cases();
  std::vector<core::Timeline> timelines;
  timelines.reserve(cases.size());
  for (const core::TimelineInput& input : cases) timelines.push_back(core::compute_timeline(input));
  std::size_t next = 0;
  for (auto _ : state) {
    for (std::size_t key = 0; key < core::kMilestoneCount; ++key) {
      for (const core::Language language : {core::Language::en, core::Language::nl}) {
        benchmark::DoNotOptimize(core::explain_milestone(
            cases[next], timelines[next], static_cast<core::MilestoneKey>(key), language));
      }
    }
    if (++next == cases.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ExplainAllMilestones);

}  // namespace
}  // namespace spoorboek::bench
