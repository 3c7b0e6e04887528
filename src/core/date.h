// Calendar dates for the deadline engine.
//
// A Date is a day on std::chrono::sys_days. All arithmetic is in days, never in months or years:
// the law counts weeks and days, and month arithmetic gets leap years wrong (see
// research/poortwachter-rules.md §9 S2). Dates in files and APIs are ISO 8601 "YYYY-MM-DD".
#pragma once

#include <chrono>
#include <climits>
#include <cstdint>
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

// A Date or nothing, in four bytes: std::optional<Date> takes sixteen, and the deadline engine
// writes dozens per timeline on its hot path. Reads like std::optional<Date> and converts to and
// from it.
class OptionalDate {
 public:
  constexpr OptionalDate() = default;
  constexpr OptionalDate(std::nullopt_t) {}  // NOLINT(google-explicit-constructor)
  constexpr OptionalDate(Date date) : days_(encode(date)) {}  // NOLINT(google-explicit-constructor)
  constexpr OptionalDate(const std::optional<Date>& date)  // NOLINT(google-explicit-constructor)
      : days_(date ? encode(*date) : kNone) {}

  constexpr bool has_value() const { return days_ != kNone; }
  constexpr explicit operator bool() const { return has_value(); }
  // REQUIRES: has_value()
  constexpr Date operator*() const { return Date{std::chrono::days{days_}}; }
  constexpr Date value_or(Date fallback) const { return has_value() ? **this : fallback; }
  constexpr void reset() { days_ = kNone; }
  constexpr std::optional<Date> as_optional() const {
    return has_value() ? std::optional<Date>(**this) : std::nullopt;
  }
  constexpr operator std::optional<Date>() const { return as_optional(); }  // NOLINT
  friend constexpr bool operator==(OptionalDate, OptionalDate) = default;

 private:
  // Days since 1970-01-01; every supported date (kMinYear..kMaxYear) fits easily.
  static constexpr std::int32_t kNone = INT32_MIN;
  static constexpr std::int32_t encode(Date date) {
    return static_cast<std::int32_t>(date.time_since_epoch().count());
  }
  std::int32_t days_ = kNone;
};

// 0 = Monday ... 6 = Sunday.
inline unsigned iso_weekday_index(Date date) {
  return std::chrono::weekday{date}.iso_encoding() - 1;
}

}  // namespace spoorboek::core
