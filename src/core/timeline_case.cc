#include "core/timeline_case.h"

namespace spoorboek::core::detail {

bool continues_case(const Period& previous, std::span<const Period> leaves_between,
                    const Period& next) {
  if (interruption_between(previous, next) <= kMaxCombinableGap) return true;
  if (leaves_between.empty()) return false;
  // The leave (or a chain of adjoining leaves) must fill the whole interruption: sickness up to
  // the day before the leave and again from the day after it.
  Date expected_start = add_days(*previous.end, 1);
  for (const Period& leave : leaves_between) {
    if (leave.start != expected_start) return false;
    expected_start = add_days(*leave.end, 1);
  }
  if (expected_start != next.start) return false;
  // "tenzij de ongeschiktheid redelijkerwijs niet geacht kan worden voort te vloeien uit dezelfde
  // oorzaak": combined unless the causes are known and differ.
  const bool causes_differ =
      !previous.cause.empty() && !next.cause.empty() && previous.cause != next.cause;
  return !causes_differ;
}

CaseRange latest_case(std::span<const Period> periods) {
  CaseRange range;
  bool have_sick = false;
  std::size_t previous_sick = 0;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (periods[i].kind != PeriodKind::sick) continue;
    if (!have_sick) {
      range.first = i;
      have_sick = true;
    } else {
      const Period& previous = periods[previous_sick];
      const auto leaves = periods.subspan(previous_sick + 1, i - previous_sick - 1);
      if (continues_case(previous, leaves, periods[i])) {
        range.interruption_days += interruption_between(previous, periods[i]);
      } else {
        range.first = i;
        range.interruption_days = 0;
        ++range.earlier_cases;
      }
    }
    previous_sick = i;
    range.last = i;
  }
  return range;
}

std::optional<Date> sick_day(std::span<const Period> periods, std::size_t first, std::size_t last,
                             long n) {
  for (std::size_t i = first; i <= last; ++i) {
    const Period& p = periods[i];
    if (p.kind != PeriodKind::sick) continue;
    if (!p.end) return add_days(p.start, n - 1);
    const long length = days_between(p.start, *p.end) + 1;
    if (n <= length) return add_days(p.start, n - 1);
    n -= length;
  }
  return std::nullopt;
}

long counted_sick_days_until(std::span<const Period> periods, std::size_t first, std::size_t last,
                             Date day) {
  long count = 0;
  for (std::size_t i = first; i <= last; ++i) {
    const Period& p = periods[i];
    if (p.kind != PeriodKind::sick || p.start > day) continue;
    const Date end = p.end && *p.end < day ? *p.end : day;
    count += days_between(p.start, end) + 1;
  }
  return count;
}

}  // namespace spoorboek::core::detail
