// Calendar dates for the deadline engine.
//
// A Date is a day on std::chrono::sys_days. All arithmetic is in days, never in months or years:
// the law counts weeks and days, and month arithmetic gets leap years wrong (see
// research/poortwachter-rules.md §9 S2). Dates in files and APIs are ISO 8601 "YYYY-MM-DD".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace spoorboek::core {

using Date = std::chrono::sys_days;

// The supported range of years. Outside it a date is refused as input, which also keeps day
// arithmetic far from any overflow.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2199;

// Parses exactly "YYYY-MM-DD" naming a real calendar day within [kMinYear, kMaxYear].
// Returns nullopt for anything else ("2026-02-30", "2026-2-3", "2026-02-03T00:00").
std::optional<Date> parse_iso_date(std::string_view text);

// "YYYY-MM-DD".
std::string format_iso_date(Date date);
// Appends "YYYY-MM-DD" to out; no allocation beyond out's growth (for bulk output).
void append_iso_date(std::string& out, Date date);

constexpr Date add_days(Date date, long days) { return date + std::chrono::days{days}; }
// Number of days from `from` to `to` (negative when `to` is earlier).
constexpr long days_between(Date from, Date to) { return (to - from).count(); }

// 0 = Monday ... 6 = Sunday.
inline unsigned iso_weekday_index(Date date) {
  return std::chrono::weekday{date}.iso_encoding() - 1;
}

}  // namespace spoorboek::core
