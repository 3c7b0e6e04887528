// Deadlines as events: the engine's due dates, open milestones only, initials, no names.
#include "report/deadline_calendar.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/core/timeline_test_support.h"

namespace spoorboek::report {
namespace {

using core::MilestoneKey;
using core::MilestoneStatus;
using core::testing::d;
using core::testing::sick;

TEST(NameInitials, TakesTheFirstCharacterOfEveryWord) {
  EXPECT_EQ(name_initials("Jan de Vries"), "J.d.V.");
  EXPECT_EQ(name_initials("Anne-Marie Öztürk"), "A.M.Ö.");
  EXPECT_EQ(name_initials("  Piet   Jansen "), "P.J.");
  EXPECT_EQ(name_initials(""), "");
  EXPECT_EQ(name_initials("12 34"), "");
}

core::Timeline open_case_timeline(core::TimelineInput& input) {
  input.periods = {sick("2026-01-05")};
  input.problem_analysis_date = d("2026-02-10");
  input.as_of = d("2026-03-20");
  return core::testing::timeline_of(input);
}

TEST(DeadlineEvents, OneEventPerOpenMilestoneOnTheEnginesDueDate) {
  core::TimelineInput input;
  const core::Timeline timeline = open_case_timeline(input);
  const auto events = deadline_events(12, "J.d.V.", timeline, core::Language::nl);
  ASSERT_FALSE(events.empty());
  std::size_t expected = 0;
  for (const auto& milestone : timeline.milestones) {
    const std::string uid = deadline_uid(12, milestone.key);
    const auto event = std::find_if(events.begin(), events.end(),
                                    [&](const CalendarEvent& e) { return e.uid == uid; });
    const bool open = milestone.status == MilestoneStatus::upcoming ||
                      milestone.status == MilestoneStatus::due_soon ||
                      milestone.status == MilestoneStatus::overdue ||
                      milestone.status == MilestoneStatus::info;
    if (open && milestone.due) {
      ++expected;
      ASSERT_NE(event, events.end()) << uid;
      EXPECT_EQ(event->date, *milestone.due) << uid;
      EXPECT_NE(event->summary.find(core::milestone_dutch_name(milestone.key)), std::string::npos);
    } else {
      EXPECT_EQ(event, events.end()) << uid << " should not be on the calendar";
    }
  }
  EXPECT_EQ(events.size(), expected);
  // The problem analysis was done: not on the calendar; the plan of action is.
  EXPECT_EQ(timeline.at(MilestoneKey::problem_analysis).status, MilestoneStatus::done_on_time);
  EXPECT_TRUE(std::none_of(events.begin(), events.end(), [](const CalendarEvent& e) {
    return e.uid == "spoorboek-case-12-problem_analysis";
  }));
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const CalendarEvent& e) {
    return e.uid == "spoorboek-case-12-waiting_period_end";
  }));
}

TEST(DeadlineEvents, SummaryNamesTheCaseAndInitialsInTheUsersLanguage) {
  core::TimelineInput input;
  input.periods = {sick("2026-01-05")};
  input.as_of = d("2026-03-20");  // the problem analysis (due by week 6) is overdue
  const core::Timeline timeline = core::testing::timeline_of(input);
  ASSERT_EQ(timeline.at(MilestoneKey::problem_analysis).status, MilestoneStatus::overdue);
  const auto nl = deadline_events(12, "J.d.V.", timeline, core::Language::nl);
  const auto en = deadline_events(12, "J.d.V.", timeline, core::Language::en);
  ASSERT_EQ(nl.size(), en.size());
  const auto find = [](const std::vector<CalendarEvent>& events, std::string_view uid) {
    return *std::find_if(events.begin(), events.end(),
                         [&](const CalendarEvent& e) { return e.uid == uid; });
  };
  const CalendarEvent pa_nl = find(nl, "spoorboek-case-12-problem_analysis");
  const CalendarEvent pa_en = find(en, "spoorboek-case-12-problem_analysis");
  EXPECT_EQ(pa_nl.summary, "Te laat: Probleemanalyse – dossier 12 (J.d.V.)");
  EXPECT_EQ(pa_en.summary, "Overdue: Probleemanalyse – case 12 (J.d.V.)");
  EXPECT_NE(pa_nl.description.find("Status: te laat."), std::string::npos) << pa_nl.description;
  EXPECT_NE(pa_nl.description.find("Grondslag: RPG art. 2"), std::string::npos)
      << pa_nl.description;
  EXPECT_NE(pa_en.description.find("Legal basis: "), std::string::npos);
  EXPECT_EQ(pa_nl.date, *timeline.at(MilestoneKey::problem_analysis).due);
}

}  // namespace
}  // namespace spoorboek::report
