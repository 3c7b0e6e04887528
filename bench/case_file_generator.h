// Realistic, reproducible case FILES (entries, as the store holds them) for the completeness
// check's benchmark: cases at every stage of the 104 weeks as of kBenchAsOf, with the steps a file
// has by then, some of them missing or late, conversations with short texts (a few with a medical
// term the privacy lint finds), track-1 attempts, track-2 activities, and the RIV's parts near the
// end. The same seed gives the same files everywhere (splitmix64, no std::*_distribution).
#pragma once

#include <cstdint>
#include <vector>

#include "case_generator.h"
#include "core/case_file.h"
#include "core/riv_check.h"

namespace spoorboek::bench {

struct GeneratedFile {
  std::vector<core::Entry> entries;  // ordered by seq; every payload valid for its type
  core::CaseParties parties;
};

class CaseFileGenerator {
 public:
  explicit CaseFileGenerator(std::uint64_t seed) : state_(seed) {}
  GeneratedFile next();

 private:
  std::uint64_t next_random();
  long between(long low, long high);
  bool chance(int percent) { return between(1, 100) <= percent; }

  std::uint64_t state_;
};

}  // namespace spoorboek::bench
