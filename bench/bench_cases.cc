#include "bench_cases.h"

#include "case_generator.h"

namespace spoorboek::bench {
namespace {

constexpr std::size_t kCaseCount = 1 << 14;  // more than fits in L2, as in a real batch

}  // namespace

const std::vector<core::TimelineInput>& bench_cases() {
  static const std::vector<core::TimelineInput> cases = [] {
    CaseGenerator generator(kDefaultSeed);
    std::vector<core::TimelineInput> generated;
    generated.reserve(kCaseCount);
    for (std::size_t i = 0; i < kCaseCount; ++i) generated.push_back(generator.next());
    return generated;
  }();
  return cases;
}

const std::vector<std::string>& bench_case_lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> written;
    written.reserve(bench_cases().size());
    for (const core::TimelineInput& input : bench_cases()) {
      written.emplace_back();
      append_description_json(written.back(), input);
    }
    return written;
  }();
  return lines;
}

}  // namespace spoorboek::bench
