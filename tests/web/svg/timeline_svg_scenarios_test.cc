// The worked cases of domain.md §1 and research/poortwachter-rules.md §9 as pictures: bars where
// the periods are, the shift each interruption caused, the wage period's extensions.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/case_file_fold.h"
#include "tests/core/case_file_test_support.h"
#include "tests/web/svg/svg_test_support.h"
#include "web/svg/timeline_svg_layout.h"

namespace spoorboek::web::svg {
namespace {

using core::Language;
using core::MilestoneKey;
using testing::axis_of;
using testing::day;
using testing::kRounding;
using testing::make_case;
using testing::number;
using testing::Rendered;
using testing::spans_from;
using testing::TimelineCase;
using testing::with_class;
using testing::XmlElement;

TimelineCase worked(const char* name, core::TimelineInput input, const char* today) {
  std::string error;
  TimelineCase c = make_case(name, std::move(input), day(today), &error);
  EXPECT_EQ(error, "");
  return c;
}

// The one element of `css_class` spanning from..to (data attributes), or a test failure.
const XmlElement* span(const Rendered& out, std::string_view css_class, const char* from, const char* to) {
  const auto found = spans_from(out.root(), css_class, from);
  EXPECT_EQ(found.size(), 1u) << css_class << " from " << from;
  if (found.size() != 1) return nullptr;
  EXPECT_EQ(found[0]->attr("data-to"), to) << css_class << " from " << from;
  return found[0];
}

TEST(TimelineSvgScenarios, EveryBarStandsOnItsDaysInEveryCase) {
  std::string error;
  for (const TimelineCase& c : testing::all_cases(&error)) {
    const Rendered out = testing::render(c);
    const testing::Axis axis = axis_of(out.root());
    int bars = 0;
    for (const char* css_class : {"tl-sick", "tl-sick-projected", "tl-partial-work", "tl-fit-gap",
                                  "tl-maternity-leave", "tl-waiting-period", "tl-extension", "tl-wage-extra"}) {
      for (const XmlElement* bar : with_class(out.root(), css_class)) {
        if (bar->name != "g") continue;  // the legend's swatches are rects of the same class
        const auto from = core::parse_iso_date(bar->attr("data-from"));
        const auto to = core::parse_iso_date(bar->attr("data-to"));
        ASSERT_TRUE(from && to) << c.name << " " << css_class;
        const XmlElement* rect = bar->child("rect");
        ASSERT_NE(rect, nullptr);
        EXPECT_NEAR(number(rect->attr("x")), axis.start_of(*from), kRounding) << c.name << " " << css_class;
        EXPECT_NEAR(number(rect->attr("width")), axis.day_width * static_cast<double>(core::days_between(*from, *to) + 1),
                    2 * kRounding)
            << c.name << " " << css_class;
        ASSERT_NE(bar->child("title"), nullptr);
        ++bars;
      }
    }
    EXPECT_GE(bars, 2) << c.name;
  }
  EXPECT_EQ(error, "");
}

TEST(TimelineSvgScenarios, SimpleCaseIsSickUpToTodayAndProjectedToTheEndOfTheWaitingPeriod) {
  TimelineCase c = worked("simple", testing::simple_case_input(), "2024-03-15");
  c.partial_work = {{day("2024-02-26"), std::nullopt, 50}};
  const Rendered out = testing::render(c);
  span(out, "tl-sick", "2024-01-08", "2024-03-15");
  span(out, "tl-sick-projected", "2024-03-16", "2026-01-04");
  span(out, "tl-waiting-period", "2024-01-08", "2026-01-04");
  const XmlElement* partial = span(out, "tl-partial-work", "2024-02-26", "2024-03-15");
  ASSERT_NE(partial, nullptr);
  EXPECT_EQ(partial->child("title")->text, "50% van de uren gewerkt: 26 feb. 2024 t/m 15 mrt. 2024");
  EXPECT_TRUE(with_class(out.root(), "tl-fit-gap").empty());
  EXPECT_TRUE(with_class(out.root(), "tl-shift").empty());
  EXPECT_TRUE(with_class(out.root(), "tl-unshifted-end").empty());
}

TEST(TimelineSvgScenarios, ARelapseWithinFourWeeksShiftsEveryLaterDateByTheFitDays) {
  // S3 (domain.md §1): fit 4-24 July 2022, 21 days; E moves from 31 December 2023 to 21 January 2024.
  const TimelineCase c = worked("relapse", testing::relapse_case_input(), "2022-10-01");
  const Rendered out = testing::render(c);
  span(out, "tl-sick", "2022-01-03", "2022-07-03");
  span(out, "tl-fit-gap", "2022-07-04", "2022-07-24");
  span(out, "tl-sick", "2022-07-25", "2022-10-01");
  span(out, "tl-waiting-period", "2022-01-03", "2024-01-21");

  const auto shifts = with_class(out.root(), "tl-shift");
  ASSERT_EQ(shifts.size(), 2u);
  EXPECT_EQ(shifts[0]->attr("data-from"), "2022-07-04");
  EXPECT_EQ(shifts[0]->attr("data-days"), "21");
  EXPECT_EQ(shifts[0]->child("text")->text, "+21 dagen");
  // And the end of the waiting period, from where it would have been to where it is.
  EXPECT_TRUE(shifts[1]->has_class("tl-shift-total"));
  EXPECT_EQ(shifts[1]->attr("data-from"), "2024-01-01");
  EXPECT_EQ(shifts[1]->attr("data-to"), "2024-01-21");
  EXPECT_EQ(shifts[1]->child("text")->text, "+21 dagen");
  const auto unshifted = with_class(out.root(), "tl-unshifted-end");
  ASSERT_FALSE(unshifted.empty());
  EXPECT_EQ(unshifted[0]->attr("data-date"), "2023-12-31");

  // Week 104 is labelled with its last day, the end of the waiting period; week 26 ends before
  // the gap, week 39 three weeks later than it would have.
  const auto tick_dates = with_class(out.root(), "tl-tick-date");
  ASSERT_EQ(tick_dates.size(), 9u);
  EXPECT_EQ(tick_dates[0]->text, "3 jan. 2022");
  EXPECT_EQ(tick_dates[2]->text, "3 jul. 2022");
  EXPECT_EQ(tick_dates[3]->text, "23 okt. 2022");
  EXPECT_EQ(tick_dates[8]->text, "21 jan. 2024");
  const XmlElement* end = testing::milestone_row(out.root(), MilestoneKey::waiting_period_end);
  EXPECT_EQ(with_class(*end, "tl-marker")[0]->attr("data-date"), "2024-01-21");
  EXPECT_NE(out.root().child("desc")->text.find("met 21 dagen"), std::string::npos);
  EXPECT_EQ(testing::render(c, Language::en).root().child("desc")->text.find("Sick since 3 Jan 2022; sick week"), 0u);
}

TEST(TimelineSvgScenarios, AGapOfTwentyEightDaysStartsANewCaseAndTheOldOneIsNotDrawn) {
  // S5: fit 20 November to 17 December 2023 (28 days): the case starts again on 18 December.
  const TimelineCase c = worked("new_case", testing::new_case_input(), "2024-02-01");
  const Rendered out = testing::render(c);
  EXPECT_TRUE(spans_from(out.root(), "tl-sick", "2023-09-04").empty());
  span(out, "tl-sick", "2023-12-18", "2024-02-01");
  EXPECT_TRUE(with_class(out.root(), "tl-fit-gap").empty());
  EXPECT_TRUE(with_class(out.root(), "tl-shift").empty());
  EXPECT_EQ(with_class(out.root(), "tl-grid").front()->attr("data-date"), "2023-12-18");
}

TEST(TimelineSvgScenarios, AMaternityLeaveBetweenTwoSickPeriodsShiftsByItsLength) {
  // S8: sick, leave 3 June - 22 September 2024 (112 days), sick again with the same cause.
  const TimelineCase c = worked("maternity", testing::maternity_case_input(), "2024-11-01");
  const Rendered out = testing::render(c);
  span(out, "tl-maternity-leave", "2024-06-03", "2024-09-22");
  EXPECT_TRUE(with_class(out.root(), "tl-fit-gap").empty());
  const auto shifts = with_class(out.root(), "tl-shift");
  ASSERT_EQ(shifts.size(), 2u);
  EXPECT_EQ(shifts[0]->attr("data-days"), "112");
  EXPECT_EQ(shifts[0]->child("text")->text, "+112 dagen");
  span(out, "tl-waiting-period", "2024-02-05", "2026-05-24");
}

TEST(TimelineSvgScenarios, AVoluntaryExtensionRunsTheAxisPastWeek104) {
  const TimelineCase c = worked("extension", testing::extension_case_input(), "2026-01-20");
  const Rendered out = testing::render(c);
  // S1: E = 4 January 2026; 13 weeks more: E' = 5 April 2026.
  span(out, "tl-waiting-period", "2024-01-08", "2026-01-04");
  const XmlElement* extension = span(out, "tl-extension", "2026-01-05", "2026-04-05");
  ASSERT_NE(extension, nullptr);
  const auto grid = with_class(out.root(), "tl-grid");
  EXPECT_EQ(grid.back()->attr("data-date"), "2026-01-05");  // week 104 ends on E
  const double week_104 = number(grid.back()->attr("x1"));
  const XmlElement* rect = extension->child("rect");
  EXPECT_NEAR(number(rect->attr("x")), week_104, kRounding);
  EXPECT_NEAR(number(rect->attr("width")), axis_of(out.root()).day_width * 91, 2 * kRounding);
  // Every step was taken: the markers say so.
  for (MilestoneKey key : {MilestoneKey::problem_analysis, MilestoneKey::plan_of_action,
                           MilestoneKey::first_year_evaluation, MilestoneKey::reintegration_report,
                           MilestoneKey::wia_application}) {
    EXPECT_TRUE(with_class(*testing::milestone_row(out.root(), key), "tl-marker")[0]->has_class("tl-status-done_on_time"))
        << core::milestone_key_name(key);
  }
  // The past progress evaluations are dots on their row.
  EXPECT_EQ(with_class(*testing::milestone_row(out.root(), MilestoneKey::progress_evaluation), "tl-cycle").size(), 3u);
}

TEST(TimelineSvgScenarios, AWageSanctionExtendsTheWagePeriodNotTheWaitingPeriod) {
  const TimelineCase c = worked("sanction", testing::sanction_case_input(), "2026-03-02");
  const Rendered out = testing::render(c);
  span(out, "tl-waiting-period", "2024-01-08", "2026-01-04");
  const auto wage_end = c.timeline.at(MilestoneKey::wage_continuation_end).due;
  ASSERT_TRUE(wage_end.has_value());
  const std::string last_day = core::format_iso_date(*wage_end);
  span(out, "tl-wage-extra", "2026-01-05", last_day.c_str());
  EXPECT_GE(core::days_between(day("2026-01-04"), *wage_end), 26 * 7 - 42);
  EXPECT_NE(out.root().child("desc")->text.find("Loondoorbetaling tot en met"), std::string::npos);
}

TEST(TimelineSvgScenarios, ACaseThatEndedBeforeALeaveHasNoWaitingPeriodNorProjection) {
  // S10: sick until the day before a pregnancy leave, not sick after it.
  const TimelineCase c = worked("ended", testing::ended_case_input(), "2025-06-02");
  const Rendered out = testing::render(c);
  span(out, "tl-sick", "2025-01-13", "2025-05-04");
  span(out, "tl-maternity-leave", "2025-05-05", "2025-08-24");
  EXPECT_TRUE(with_class(out.root(), "tl-waiting-period").empty());
  EXPECT_TRUE(with_class(out.root(), "tl-sick-projected").empty());
  EXPECT_TRUE(with_class(out.root(), "tl-shift").empty());
  EXPECT_EQ(out.root().child("desc")->text.rfind("Ziek van 13 jan. 2025 tot en met 4 mei 2025.", 0), 0u);
}

TEST(TimelineSvgScenarios, ShiftLabelsOfGapsCloseTogetherDoNotOverlap) {
  const TimelineCase c = worked("close_gaps", testing::close_gaps_case_input(), "2024-04-02");
  for (const TimelineSvgOptions& options : testing::both_layouts()) {
    const Rendered out = testing::render(c, Language::nl, options);
    const auto labels = with_class(out.root(), "tl-shift-label");
    ASSERT_EQ(labels.size(), 4u);  // three gaps and the total
    std::map<std::string, int> lines;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      ++lines[labels[i]->attr("y")];
      for (std::size_t j = i + 1; j < labels.size(); ++j) {
        if (labels[i]->attr("y") != labels[j]->attr("y")) continue;
        const double half_i = layout::estimated_text_width(labels[i]->text, number(labels[i]->attr("font-size"))) / 2;
        const double half_j = layout::estimated_text_width(labels[j]->text, number(labels[j]->attr("font-size"))) / 2;
        EXPECT_GE(std::abs(number(labels[i]->attr("x")) - number(labels[j]->attr("x"))), half_i + half_j)
            << labels[i]->text << " and " << labels[j]->text;
      }
    }
    EXPECT_GE(lines.size(), 2u) << "the labels were staggered";
  }
}

TEST(TimelineSvgScenarios, ACaseFileFoldsIntoTheSamePicture) {
  // S3 as the case page gets it: from the entries of the file, through the fold.
  using core::testing::append;
  using core::testing::sick_report;
  using core::testing::simple;
  std::vector<core::Entry> file;
  append(file, sick_report("2022-01-03"));
  append(file, simple("recovery", "2022-07-04"));
  append(file, simple("relapse", "2022-07-25"));
  const auto folded = core::fold_case_file(file, day("2022-10-01"));
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  ASSERT_TRUE(folded->has_timeline);
  const core::Timeline timeline = core::compute_timeline(folded->timeline_input);
  const std::string svg = render_timeline_svg(folded->timeline_input, timeline, day("2022-10-01"),
                                              testing::catalogue_words(Language::nl));
  const TimelineCase direct = worked("relapse", testing::relapse_case_input(), "2022-10-01");
  const auto parsed = testing::parse_xml(svg);
  ASSERT_TRUE(parsed.ok) << parsed.error;
  const auto fold_gaps = with_class(parsed.root, "tl-fit-gap");
  ASSERT_EQ(fold_gaps.size(), 2u);  // the bar and its legend swatch
  EXPECT_EQ(fold_gaps[0]->attr("data-from"), "2022-07-04");
  EXPECT_EQ(fold_gaps[0]->attr("data-to"), "2022-07-24");
  EXPECT_EQ(spans_from(parsed.root, "tl-waiting-period", "2022-01-03")[0]->attr("data-to"), "2024-01-21");
}

}  // namespace
}  // namespace spoorboek::web::svg
