// Internal to the engine: which periods form one case (samentelling), and the sick-day clock S(n)
// over that case. Shared by validation, compute_timeline() and the explanations.
//
// REQUIRES everywhere: periods sorted by start, non-overlapping, only the last one open (the
// guarantees of validate_timeline_input()).
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "core/timeline.h"

namespace spoorboek::core::detail {

// Whether the sick period `next` continues the case of the sick period `previous`, given the leave
// periods strictly between them: an interruption of at most 27 days (BW 7:629 lid 10, WIA 23 lid 3,
// ZW 38 lid 1), or a maternity leave that the sickness directly precedes and follows with a cause
// not known to differ (WAZO; rules-verification.md §3.3).
bool continues_case(const Period& previous, std::span<const Period> leaves_between,
                    const Period& next);

// Uncounted days between two sick periods of one case.
inline long interruption_between(const Period& previous, const Period& next) {
  return days_between(*previous.end, next.start) - 1;
}

inline constexpr long kMaxCombinableGap = 27;

// The periods of the case that holds the latest sick period.
struct CaseRange {
  std::size_t first = 0;  // index of the case's first sick period
  std::size_t last = 0;   // index of the latest sick period
  long interruption_days = 0;
  int earlier_cases = 0;
};
CaseRange latest_case(std::span<const Period> periods);

// S(n) over the sick periods in [first, last]: the date of the n-th counted sick day, or nullopt
// when the case ended before it. REQUIRES n >= 1.
std::optional<Date> sick_day(std::span<const Period> periods, std::size_t first, std::size_t last,
                             long n);

// Counted sick days of the case up to and including `day`.
long counted_sick_days_until(std::span<const Period> periods, std::size_t first, std::size_t last,
                             Date day);

}  // namespace spoorboek::core::detail
