#include "core/date.h"

#include <gtest/gtest.h>

#include "core/holidays.h"

namespace spoorboek::core {
namespace {

TEST(ParseIsoDate, AcceptsRealCalendarDays) {
  const auto date = parse_iso_date("2028-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(format_iso_date(*date), "2028-02-29");
}

TEST(ParseIsoDate, RefusesImpossibleAndMalformedDates) {
  for (const char* text : {"2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
                           "2026-1-01", "2026-01-1", "20260101", "2026/01/01", "2026-01-01T00:00",
                           " 2026-01-01", "", "abcd-ef-gh", "1899-12-31", "2200-01-01"}) {
    EXPECT_FALSE(parse_iso_date(text)) << text;
  }
}

TEST(DayArithmetic, CrossesLeapDayWithoutMonthArithmetic) {
  // research/poortwachter-rules.md §9 S2: 104 weeks starting 2027-11-26 end on 2029-11-22.
  const Date first = *parse_iso_date("2027-11-26");
  EXPECT_EQ(format_iso_date(add_days(first, 727)), "2029-11-22");
  EXPECT_EQ(days_between(first, add_days(first, 728)), 728);
}

TEST(Holidays, KnowsTheAlgemeneTermijnenwetDays) {
  auto holiday = [](const char* text) { return dutch_public_holiday_name(*parse_iso_date(text)); };
  EXPECT_EQ(holiday("2026-04-03"), "Goede Vrijdag");
  EXPECT_EQ(holiday("2026-04-06"), "Tweede Paasdag");
  EXPECT_EQ(holiday("2026-05-14"), "Hemelvaartsdag");
  EXPECT_EQ(holiday("2026-05-25"), "Tweede Pinksterdag");
  EXPECT_EQ(holiday("2025-12-25"), "Eerste Kerstdag");
  EXPECT_EQ(holiday("2025-12-26"), "Tweede Kerstdag");
  EXPECT_EQ(holiday("2026-01-01"), "Nieuwjaarsdag");
  EXPECT_EQ(holiday("2026-05-05"), "Bevrijdingsdag");
  EXPECT_EQ(holiday("2026-04-27"), "Koningsdag");
  EXPECT_EQ(holiday("2025-04-26"), "Koningsdag");  // 27 April 2025 is a Sunday
  EXPECT_EQ(holiday("2013-04-30"), "Koninginnedag");
  EXPECT_EQ(holiday("2026-04-28"), "");
  EXPECT_EQ(format_iso_date(easter_sunday(2024)), "2024-03-31");
  EXPECT_EQ(format_iso_date(easter_sunday(2038)), "2038-04-25");
}

TEST(WorkingDays, SkipWeekendsAndHolidays) {
  // S16: Christmas 2025 falls on a Thursday; the next working day is Monday 29 December.
  EXPECT_EQ(format_iso_date(next_working_day_on_or_after(*parse_iso_date("2025-12-25"))),
            "2025-12-29");
  EXPECT_EQ(format_iso_date(last_working_day_on_or_before(*parse_iso_date("2025-12-25"))),
            "2025-12-24");
  // S7: Easter Monday 2026; the last working day before is Thursday (Good Friday is a holiday).
  EXPECT_EQ(format_iso_date(last_working_day_on_or_before(*parse_iso_date("2026-04-06"))),
            "2026-04-02");
  EXPECT_TRUE(is_working_day(*parse_iso_date("2024-10-28")));
}

}  // namespace
}  // namespace spoorboek::core
