// How fast the completeness check runs, on one core.
// Requirement (issue 5): the check runs over 100,000 cases in under a second on one core.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "case_file_generator.h"
#include "core/case_file_fold.h"
#include "core/riv_check.h"

namespace spoorboek::bench {
namespace {

// A generated file with its fold and timeline, as the application has them after reading a case.
struct PreparedFile {
  GeneratedFile file;
  core::CaseFold fold;
  core::Timeline timeline;
};

constexpr std::size_t kDistinctFiles = 16384;
constexpr std::size_t kRequirementCases = 100000;

const std::vector<PreparedFile>& prepared_files() {
  static const std::vector<PreparedFile> files = [] {
    std::vector<PreparedFile> out;
    out.reserve(kDistinctFiles);
    CaseFileGenerator generator(kDefaultSeed);
    std::size_t entries = 0;
    while (out.size() < kDistinctFiles) {
      GeneratedFile file = generator.next();
      auto fold = core::fold_case_file(file.entries, kBenchAsOf);
      if (!fold.ok()) {
        std::fprintf(stderr, "generated file refused: %s\n", fold.error().message.c_str());
        std::abort();
      }
      PreparedFile prepared{std::move(file), std::move(*fold), {}};
      if (prepared.fold.has_timeline) {
        prepared.timeline = core::compute_timeline(prepared.fold.timeline_input);
      }
      entries += prepared.file.entries.size();
      out.push_back(std::move(prepared));
    }
    std::fprintf(stderr, "%zu distinct files, %.1f entries on average\n", out.size(),
                 static_cast<double>(entries) / static_cast<double>(out.size()));
    return out;
  }();
  return files;
}

core::CheckReport check(const PreparedFile& p) {
  return core::check_case_file(p.file.entries, p.fold,
                               p.fold.has_timeline ? &p.timeline : nullptr, p.file.parties,
                               kBenchAsOf);
}

// The check itself, on a file already read and folded (what Application::check_case adds to the
// read of a case), one file per iteration, cycling through the distinct files.
void BM_CheckCaseFile(benchmark::State& state) {
  const auto& files = prepared_files();
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(check(files[next]));
    if (++next == files.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckCaseFile);

// The requirement's figure: 100,000 checks in one iteration, one thread.
void BM_Check100kCases(benchmark::State& state) {
  const auto& files = prepared_files();
  for (auto _ : state) {
    int blocks = 0;
    for (std::size_t i = 0; i < kRequirementCases; ++i) {
      blocks += check(files[i % files.size()]).blocks;
    }
    benchmark::DoNotOptimize(blocks);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kRequirementCases));
}
BENCHMARK(BM_Check100kCases)->Unit(benchmark::kMillisecond);

// From the entries alone: fold, timeline and check (core::check_entries).
void BM_CheckEntries(benchmark::State& state) {
  const auto& files = prepared_files();
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        core::check_entries(files[next].file.entries, files[next].file.parties, kBenchAsOf));
    if (++next == files.size()) next = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckEntries);

}  // namespace
}  // namespace spoorboek::bench
