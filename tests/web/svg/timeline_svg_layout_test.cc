#include "web/svg/timeline_svg_layout.h"

#include <gtest/gtest.h>

#include "tests/web/svg/test_cases.h"

namespace spoorboek::web::svg::layout {
namespace {

using testing::day;

TEST(DayScale, MapsDaysLinearlyAndClampsOutsideTheAxis) {
  // 100 days over 200 units: 2 units a day.
  const DayScale scale(day("2024-01-01"), day("2024-04-09"), 100, 300);
  EXPECT_DOUBLE_EQ(scale.day_width(), 2);
  EXPECT_DOUBLE_EQ(scale.start_of(day("2024-01-01")), 100);
  EXPECT_DOUBLE_EQ(scale.end_of(day("2024-01-01")), 102);
  EXPECT_DOUBLE_EQ(scale.middle_of(day("2024-01-11")), 121);
  EXPECT_DOUBLE_EQ(scale.end_of(day("2024-04-09")), 300);
  EXPECT_DOUBLE_EQ(scale.start_of(day("2023-06-01")), 100);
  EXPECT_DOUBLE_EQ(scale.start_of(day("2025-01-01")), 300);
  EXPECT_DOUBLE_EQ(scale.middle_of(day("2025-01-01")), 299);
  EXPECT_TRUE(scale.contains(day("2024-04-09")));
  EXPECT_FALSE(scale.contains(day("2024-04-10")));
}

TEST(WeekTicks, FollowTheSickDayClockAndMoveWithAGap) {
  std::string error;
  const auto simple = testing::make_case("simple", testing::simple_case_input(), day("2024-03-15"), &error);
  const auto relapse = testing::make_case("relapse", testing::relapse_case_input(), day("2022-10-01"), &error);
  ASSERT_EQ(error, "");
  const auto plain = week_ticks(simple.input, simple.timeline);
  ASSERT_EQ(plain.size(), 9u);
  EXPECT_EQ(plain[0].week, 0);
  EXPECT_EQ(plain[0].date, day("2024-01-08"));
  EXPECT_EQ(plain[1].date, day("2024-04-08"));  // D + 91
  EXPECT_EQ(plain[8].week, 104);
  EXPECT_EQ(plain[8].date, day("2026-01-05"));  // the day after E (S1: 4 January 2026)

  // S3: 21 fit days in July 2022. Week 26 ends before the gap, week 39 after it.
  const auto shifted = week_ticks(relapse.input, relapse.timeline);
  EXPECT_EQ(shifted[2].date, day("2022-07-04"));
  EXPECT_EQ(shifted[3].date, core::add_days(day("2022-01-03"), 7 * 39 + 21));
  EXPECT_EQ(shifted[8].date, day("2024-01-22"));  // E moved from 31 December 2023 to 21 January 2024
}

TEST(WeekTicks, RunOnAtCalendarPaceAfterACaseEnded) {
  std::string error;
  const auto ended = testing::make_case("ended", testing::ended_case_input(), day("2025-06-02"), &error);
  ASSERT_EQ(error, "");
  const auto ticks = week_ticks(ended.input, ended.timeline);
  // Sick 13 January to 4 May 2025 is 112 days: week 13 lies inside, week 26 after the end.
  EXPECT_EQ(ticks[1].date, core::add_days(day("2025-01-13"), 91));
  EXPECT_EQ(ticks[2].date, core::add_days(day("2025-05-04"), 182 - 112 + 1));
}

TEST(AssignLanes, PutsOverlappingLabelsOnFurtherLanesAndReusesFreeOnes) {
  const std::vector<Extent> extents{{0, 50}, {40, 90}, {60, 100}, {97, 120}, {200, 260}};
  const std::vector<int> lanes = assign_lanes(extents, 6);
  EXPECT_EQ(lanes, (std::vector<int>{0, 1, 0, 1, 0}));
  // Order of the input does not matter for the result of each extent.
  const std::vector<int> reversed = assign_lanes({{200, 260}, {97, 120}, {60, 100}, {40, 90}, {0, 50}}, 6);
  EXPECT_EQ(reversed, (std::vector<int>{0, 1, 0, 1, 0}));
}

TEST(EstimatedTextWidth, GrowsWithCharactersAndFontSize) {
  EXPECT_DOUBLE_EQ(estimated_text_width("", 12), 0);
  EXPECT_GT(estimated_text_width("+21 dagen", 11), estimated_text_width("+1 dag", 11));
  EXPECT_DOUBLE_EQ(estimated_text_width("één", 10), estimated_text_width("een", 10));
  EXPECT_GT(estimated_text_width("wk 13", 12), estimated_text_width("wk 13", 10));
}

}  // namespace
}  // namespace spoorboek::web::svg::layout
