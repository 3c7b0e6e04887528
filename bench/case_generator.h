// Realistic, reproducible case descriptions for the benchmarks.
//
// A case has 1-4 periods: a first sickness, then relapses after a short fit gap (1-27 days, same
// case), after a long one (28 days or more, a new case), or around a maternity leave; the last
// sick period is open in most cases. Most cases carry a few recorded steps (problem analysis,
// plan of action, evaluations, ...) so that the engine computes statuses as it does in real use.
// The same seed gives the same cases on every machine (no std::*_distribution, whose output
// differs between standard libraries).
#pragma once

#include <cstdint>
#include <string>

#include "core/timeline.h"

namespace spoorboek::bench {

// The as-of date of every generated case, and the one the batch script passes with --as-of.
inline constexpr core::Date kBenchAsOf =
    core::Date{std::chrono::year{2026} / std::chrono::November / std::chrono::day{23}};

// The seed of the benchmarks and of the batch script's input file.
inline constexpr std::uint64_t kDefaultSeed = 20261123;

class CaseGenerator {
 public:
  explicit CaseGenerator(std::uint64_t seed) : state_(seed) {}

  // The next case; guaranteed to pass core::validate_timeline_input() (already applied).
  core::TimelineInput next();

 private:
  std::uint64_t next_random();
  // A whole number in [low, high].
  long between(long low, long high);
  bool chance(int percent) { return between(1, 100) <= percent; }
  core::TimelineInput draft();

  std::uint64_t state_;
};

// Appends the case as one line of the `timeline` contract's input, without "as_of" and without
// a newline. REQUIRES: a generated case (only the keys the generator sets are written).
void append_description_json(std::string& out, const core::TimelineInput& input);

}  // namespace spoorboek::bench
