// Small builders for engine tests: readable inputs ("sick from 2024-01-08") and date strings out.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/timeline.h"

namespace spoorboek::core::testing {

inline Date d(const char* iso) {
  const auto date = parse_iso_date(iso);
  if (!date) ADD_FAILURE() << "bad date in test: " << iso;
  return date.value_or(Date{});
}

inline Period sick(const char* from, const char* to = nullptr, std::string cause = {}) {
  Period p;
  p.kind = PeriodKind::sick;
  p.start = d(from);
  if (to) p.end = d(to);
  p.cause = std::move(cause);
  return p;
}

inline Period leave(const char* from, const char* to) {
  Period p;
  p.kind = PeriodKind::maternity_leave;
  p.start = d(from);
  p.end = d(to);
  return p;
}

// "—" for an absent date, as in the scenario tables.
inline std::string iso(const std::optional<Date>& date) {
  return date ? format_iso_date(*date) : "—";
}

// Validates (the engine's precondition) and computes; fails the test on invalid input.
inline Timeline timeline_of(TimelineInput& input) {
  const Status status = validate_timeline_input(input);
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().field + ": " + status.error().message);
  return compute_timeline(input);
}

inline std::string due(const Timeline& t, MilestoneKey key) { return iso(t.at(key).due); }
inline std::string from(const Timeline& t, MilestoneKey key) { return iso(t.at(key).from); }

}  // namespace spoorboek::core::testing
