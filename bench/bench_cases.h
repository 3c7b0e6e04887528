// The shared, pre-generated inputs of the benchmarks, built once per process so that the timed
// loops measure the work and not the generator.
#pragma once

#include <string>
#include <vector>

#include "core/timeline.h"

namespace spoorboek::bench {

// 16384 validated cases from CaseGenerator(kDefaultSeed).
const std::vector<core::TimelineInput>& bench_cases();

// The same cases as lines of the `timeline` input contract.
const std::vector<std::string>& bench_case_lines();

}  // namespace spoorboek::bench
