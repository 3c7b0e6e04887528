// The four corrections of research/rules-verification.md, statuses, deviations, and property
// tests of the sick-day clock over random inputs.
#include <gtest/gtest.h>

#include <random>

#include "tests/core/timeline_test_support.h"

namespace spoorboek::core {
namespace {

using namespace spoorboek::core::testing;  // NOLINT(google-build-using-namespace)
using K = MilestoneKey;

TimelineInput case_from(std::vector<Period> periods, const char* as_of) {
  TimelineInput input;
  input.periods = std::move(periods);
  input.as_of = d(as_of);
  return input;
}

// ---- Correction 1: the problem analysis is due S(42)+1 (D+42), the plan S(56)+1 --------------

TEST(Correction1ProblemAnalysis, OnDayFortyTwoIsOnTimeAndTheDayAfterIsLate) {
  TimelineInput input = case_from({sick("2024-01-08")}, "2024-04-01");
  input.problem_analysis_date = d("2024-02-19");  // D + 42
  Timeline t = timeline_of(input);
  EXPECT_EQ(t.at(K::problem_analysis).status, MilestoneStatus::done_on_time);
  EXPECT_EQ(iso(t.at(K::problem_analysis).remind_on), "2024-02-18");  // S(42), the reminder
  input.problem_analysis_date = d("2024-02-20");
  t = timeline_of(input);
  EXPECT_EQ(t.at(K::problem_analysis).status, MilestoneStatus::done_late);
  // The plan is due two weeks after the analysis that was made.
  EXPECT_EQ(due(t, K::plan_of_action), "2024-03-05");
}

TEST(Correction1ProblemAnalysis, PlanDefaultsToDayFiftySixWithoutAnAnalysis) {
  TimelineInput input = case_from({sick("2024-01-08")}, "2024-01-20");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::plan_of_action), "2024-03-04");  // D + 56
  EXPECT_EQ(t.at(K::plan_of_action).rule, Rule::sick_day_plus_one);
}

TEST(Correction1ProblemAnalysis, LateExpectationMakesItDueAtOnce) {
  // RPG art. 2 lid 3: long-term absence only expected after six weeks (typical after a relapse).
  TimelineInput input = case_from({sick("2024-01-08")}, "2024-04-01");
  input.long_term_expected_on = d("2024-03-11");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::problem_analysis), "2024-03-11");
  EXPECT_EQ(legal_basis(t.at(K::problem_analysis)), "RPG art. 2 lid 3");
  EXPECT_NE(explain_milestone(input, t, K::problem_analysis, Language::nl).find("Onverwijld"),
            std::string::npos);
}

// ---- Correction 2: maternity-leave days are interruption unless sickness directly adjoins ----

TEST(Correction2MaternityLeave, FitDaysAfterTheLeaveStartANewCase) {
  TimelineInput input =
      case_from({sick("2024-02-05", "2024-06-02", "back"), leave("2024-06-03", "2024-09-22"),
                 sick("2024-09-30", nullptr, "back")},
                "2024-10-01");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(format_iso_date(t.case_summary.first_sick_day), "2024-09-30");
  EXPECT_EQ(t.case_summary.earlier_cases, 1);
}

TEST(Correction2MaternityLeave, FitDaysBeforeTheLeaveStartANewCase) {
  TimelineInput input = case_from({sick("2024-02-05", "2024-05-31"), leave("2024-06-03", "2024-09-22"),
                                   sick("2024-09-23")},
                                  "2024-10-01");
  EXPECT_EQ(format_iso_date(timeline_of(input).case_summary.first_sick_day), "2024-09-23");
}

TEST(Correction2MaternityLeave, UnknownCauseCombinesAndLeaveDaysAreNeverSickDays) {
  TimelineInput input = case_from({sick("2024-02-05", "2024-06-02"), leave("2024-06-03", "2024-09-22"),
                                   sick("2024-09-23")},
                                  "2024-10-01");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(format_iso_date(t.case_summary.first_sick_day), "2024-02-05");
  // 119 sick days before the leave + 9 from 23 September to 1 October.
  EXPECT_EQ(t.case_summary.counted_sick_days_as_of, 119 + 9);
}

TEST(Correction2MaternityLeave, ShortGapIncludingNoLeaveStillCombinesUnderTheFourWeekRule) {
  // Sick, 10 fit days, sick again: the leave rule is irrelevant, the cause too.
  TimelineInput input = case_from({sick("2024-02-05", "2024-03-01", "a"), sick("2024-03-12", nullptr, "b")},
                                  "2024-04-01");
  EXPECT_EQ(timeline_of(input).case_summary.earlier_cases, 0);
}

// ---- Correction 3: a voluntary extension moves the wage period, not the wachttijd ------------

TEST(Correction3VoluntaryExtension, WaitingPeriodStaysAndDeadlinesCountBackFromTheUwvDate) {
  TimelineInput input = case_from({sick("2024-01-08")}, "2025-06-01");
  input.voluntary_extension_end = d("2026-04-05");  // 13 weeks
  const Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::waiting_period_end), "2026-01-04");
  EXPECT_EQ(due(t, K::uwv_wia_letter), "2025-09-21");  // still on S(623)
  EXPECT_EQ(due(t, K::reintegration_report), format_iso_date(add_days(d("2026-04-05"), -91)));
  EXPECT_EQ(due(t, K::wia_application), format_iso_date(add_days(d("2026-04-05"), -77)));
  EXPECT_EQ(due(t, K::uwv_sanction_decision), format_iso_date(add_days(d("2026-04-05"), -42)));
  EXPECT_EQ(due(t, K::wage_continuation_end), "2026-04-05");
}

// ---- Correction 4: a late WIA application may be deemed timely (WIA 64 lid 6) ---------------

TimelineInput late_application(const char* letter) {
  TimelineInput input = case_from({sick("2024-09-02")}, "2026-07-10");
  if (letter) input.uwv_letter_date = d(letter);
  input.wia_application_date = d("2026-07-06");  // 22 days after the deadline of 14 June
  return input;
}

TEST(Correction4LateApplication, NoLetterFromUwvMeansTimely) {
  TimelineInput input = late_application(nullptr);
  const Timeline t = timeline_of(input);
  EXPECT_EQ(t.at(K::wia_application).status, MilestoneStatus::done_on_time);
  EXPECT_TRUE(t.at(K::wia_application).deemed_timely);
  EXPECT_EQ(t.wage_period->late_application_days, 0);
  EXPECT_EQ(due(t, K::wage_continuation_end), "2026-08-30");
}

TEST(Correction4LateApplication, LateLetterAndApplicationWithinFourWeeksIsTimely) {
  TimelineInput input = late_application("2026-06-20");  // after S(623) = 2026-05-17
  EXPECT_EQ(timeline_of(input).wage_period->late_application_days, 0);
}

TEST(Correction4LateApplication, LateLetterButApplicationAfterFourWeeksIsLateAndFlagged) {
  TimelineInput input = late_application("2026-06-01");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(t.wage_period->late_application_days, 22);
  EXPECT_TRUE(t.wage_period->late_application_needs_review);
}

TEST(Correction4LateApplication, NoProtectionWhenThe42WeekReportCameAfterWeek81) {
  TimelineInput input = late_application(nullptr);
  input.uwv_42_week_report_date = d("2026-04-01");  // S(567) = 2026-03-22
  Timeline t = timeline_of(input);
  EXPECT_EQ(t.wage_period->late_application_days, 22);
  EXPECT_EQ(due(t, K::uwv_sanction_decision), "2026-08-10");  // (E + 22) - 42
  // The whole file is known and holds no report: the same.
  TimelineInput complete = late_application(nullptr);
  complete.file_is_complete = true;
  EXPECT_EQ(timeline_of(complete).wage_period->late_application_days, 22);
}

// ---- Statuses and deviations --------------------------------------------------------------

TEST(Statuses, FollowTheDateAsOf) {
  TimelineInput input = case_from({sick("2024-01-08")}, "2024-01-20");
  EXPECT_EQ(timeline_of(input).at(K::problem_analysis).status, MilestoneStatus::upcoming);
  input.as_of = d("2024-02-05");  // 14 days before 19 February
  EXPECT_EQ(timeline_of(input).at(K::problem_analysis).status, MilestoneStatus::due_soon);
  input.as_of = d("2024-02-20");
  EXPECT_EQ(timeline_of(input).at(K::problem_analysis).status, MilestoneStatus::overdue);
  EXPECT_EQ(timeline_of(input).at(K::waiting_period_end).status, MilestoneStatus::info);
  EXPECT_EQ(timeline_of(input).at(K::uwv_safety_net_report).status, MilestoneStatus::not_applicable);
}

TEST(Statuses, AStepDatedAfterAsOfHadNotHappenedYet) {
  TimelineInput input = case_from({sick("2024-01-08")}, "2024-02-10");
  input.problem_analysis_date = d("2024-02-15");
  EXPECT_EQ(timeline_of(input).at(K::problem_analysis).status, MilestoneStatus::due_soon);
}

TEST(Statuses, StepsOfAnEarlierCaseDoNotCountForTheNewOne) {
  TimelineInput input = case_from({sick("2024-01-08", "2024-03-31"), sick("2024-06-03")}, "2024-08-01");
  input.problem_analysis_date = d("2024-02-15");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(format_iso_date(t.case_summary.first_sick_day), "2024-06-03");
  EXPECT_EQ(t.at(K::problem_analysis).status, MilestoneStatus::overdue);
}

TEST(Deviations, StopFlaggingTheFirstYearTermAsLate) {
  TimelineInput input = case_from({sick("2024-01-08")}, "2024-04-01");
  input.deviations = {Deviation{K::plan_of_action, "employee in hospital until 1 April"}};
  EXPECT_EQ(timeline_of(input).at(K::plan_of_action).status, MilestoneStatus::deviation);
  input.plan_of_action_date = d("2024-03-25");
  EXPECT_EQ(timeline_of(input).at(K::plan_of_action).status, MilestoneStatus::deviation);
  input.plan_of_action_date = d("2024-03-01");
  EXPECT_EQ(timeline_of(input).at(K::plan_of_action).status, MilestoneStatus::done_on_time);
}

TEST(ProgressEvaluations, RollSixWeeksFromTheLastOneAndStopWhenTheCaseEnds) {
  TimelineInput input = case_from({sick("2024-01-08")}, "2024-06-01");
  input.plan_of_action_date = d("2024-03-01");
  input.progress_evaluation_dates = {d("2024-04-20")};
  Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::progress_evaluation), "2024-06-01");
  EXPECT_EQ(t.at(K::progress_evaluation).status, MilestoneStatus::due_soon);
  const auto cycles = progress_evaluation_cycles(input, t);
  ASSERT_EQ(cycles.size(), 2U);
  EXPECT_EQ(cycles[0].status, MilestoneStatus::done_late);  // due 12 April, held 20 April
  input.periods = {sick("2024-01-08", "2024-05-01")};
  EXPECT_EQ(timeline_of(input).at(K::progress_evaluation).status, MilestoneStatus::not_applicable);
}

// ---- Validation ---------------------------------------------------------------------------

Error validation_error(TimelineInput input) {
  const Status status = validate_timeline_input(input);
  EXPECT_FALSE(status.ok());
  return status.ok() ? Error{} : status.error();
}

TEST(Validation, RefusesWhatTheEngineCannotCompute) {
  EXPECT_EQ(validation_error(case_from({}, "2024-01-01")).field, "periods");
  EXPECT_EQ(validation_error(case_from({sick("2024-03-01", "2024-02-01")}, "2024-01-01")).field,
            "periods[0].end");
  EXPECT_EQ(validation_error(case_from({sick("2024-01-01", "2024-02-01"), sick("2024-01-20")}, "2024-01-01"))
                .code,
            "overlap");
  EXPECT_EQ(validation_error(case_from({sick("2024-01-01"), sick("2024-03-01", "2024-03-10")}, "2024-01-01"))
                .field,
            "periods[1].start");  // starts while the open period is still running
  Period open_leave = leave("2024-01-01", "2024-02-01");
  open_leave.end.reset();
  EXPECT_EQ(validation_error(case_from({sick("2023-10-01", "2023-12-31"), open_leave}, "2024-01-01")).field,
            "periods[1].end");
  EXPECT_EQ(validation_error(case_from({leave("2024-01-01", "2024-04-01")}, "2024-01-01")).field,
            "periods");
  EXPECT_EQ(validation_error(case_from({sick("2012-05-01")}, "2013-01-01")).code, "unsupported_date");

  TimelineInput sanction = case_from({sick("2024-01-08")}, "2024-01-09");
  sanction.wage_sanction_weeks = 53;
  EXPECT_EQ(validation_error(sanction).field, "wage_sanction_weeks");
  TimelineInput deviation = case_from({sick("2024-01-08")}, "2024-01-09");
  deviation.deviations = {Deviation{K::uwv_42_week_report, "no time"}};
  EXPECT_EQ(validation_error(deviation).field, "deviations[0].milestone");
  deviation.deviations = {Deviation{K::plan_of_action, "  "}};
  EXPECT_EQ(validation_error(deviation).field, "deviations[0].reason");
  TimelineInput early_step = case_from({sick("2024-01-08")}, "2024-01-09");
  early_step.problem_analysis_date = d("2023-12-01");
  EXPECT_EQ(validation_error(early_step).field, "problem_analysis_date");
  TimelineInput extension = case_from({sick("2024-01-08", "2024-03-01")}, "2024-01-09");
  extension.voluntary_extension_weeks = 13;
  EXPECT_EQ(validation_error(extension).code, "not_applicable");
  TimelineInput extension_before_end = case_from({sick("2024-01-08")}, "2024-01-09");
  extension_before_end.voluntary_extension_end = d("2026-01-04");
  EXPECT_EQ(validation_error(extension_before_end).field, "voluntary_extension_end");
}

TEST(Validation, SortsPeriodsGivenOutOfOrder) {
  TimelineInput input = case_from({sick("2022-07-25"), sick("2022-01-03", "2022-07-03")}, "2023-01-01");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::waiting_period_end), "2024-01-21");
}

// ---- Properties over random inputs ---------------------------------------------------------

class RandomCases : public ::testing::Test {
 protected:
  std::mt19937 random_{20261123};
  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
};

TEST_F(RandomCases, ShortFitGapsShiftTheEndByTheirSum) {
  for (int round = 0; round < 2000; ++round) {
    const Date first = add_days(d("2014-01-01"), uniform(0, 4000));
    std::vector<Period> periods;
    Date start = first;
    long gaps = 0;
    const int count = uniform(1, 6);
    for (int i = 0; i < count; ++i) {
      Period p;
      p.start = start;
      if (i + 1 < count) {
        p.end = add_days(start, uniform(0, 120));
        const int gap = uniform(1, 27);
        gaps += gap;
        start = add_days(*p.end, gap + 1);
      }
      periods.push_back(p);
    }
    TimelineInput input = case_from(periods, "2030-01-01");
    const Timeline t = timeline_of(input);
    ASSERT_EQ(t.case_summary.first_sick_day, first);
    ASSERT_EQ(*t.at(K::waiting_period_end).due, add_days(first, 727 + gaps)) << round;
    ASSERT_EQ(t.case_summary.interruption_days, gaps);
    ASSERT_EQ(*t.at(K::reintegration_report).due, add_days(first, 727 + gaps - 91));
  }
}

TEST_F(RandomCases, OneGapOf28DaysOrMoreRestartsTheCase) {
  for (int round = 0; round < 2000; ++round) {
    const Date first = add_days(d("2014-01-01"), uniform(0, 4000));
    const Date end = add_days(first, uniform(0, 500));
    const Date relapse = add_days(end, uniform(29, 400));  // a gap of 28 days or more
    TimelineInput input = case_from({Period{PeriodKind::sick, first, end, {}},
                                     Period{PeriodKind::sick, relapse, std::nullopt, {}}},
                                    "2030-01-01");
    const Timeline t = timeline_of(input);
    ASSERT_EQ(t.case_summary.first_sick_day, relapse);
    ASSERT_EQ(*t.at(K::waiting_period_end).due, add_days(relapse, 727));
  }
}

TEST_F(RandomCases, SplittingASickPeriodWithoutAGapChangesNothing) {
  // Partial work, a new doctor's note, any administrative split: adjoining periods are one.
  for (int round = 0; round < 1000; ++round) {
    const Date first = add_days(d("2014-01-01"), uniform(0, 4000));
    const Date split = add_days(first, uniform(0, 700));
    TimelineInput whole = case_from({Period{PeriodKind::sick, first, std::nullopt, {}}}, "2030-01-01");
    TimelineInput parts = case_from({Period{PeriodKind::sick, first, split, {}},
                                     Period{PeriodKind::sick, add_days(split, 1), std::nullopt, {}}},
                                    "2030-01-01");
    const Timeline a = timeline_of(whole);
    const Timeline b = timeline_of(parts);
    for (std::size_t k = 0; k < kMilestoneCount; ++k) {
      ASSERT_EQ(a.milestones[k].due, b.milestones[k].due) << round << " " << k;
    }
  }
}

TEST_F(RandomCases, BridgedLeaveShiftsByItsLengthAndADifferentCauseRestarts) {
  for (int round = 0; round < 1000; ++round) {
    const Date first = add_days(d("2014-01-01"), uniform(0, 4000));
    const Date end = add_days(first, uniform(0, 300));
    const Date leave_end = add_days(end, uniform(112, 180));
    TimelineInput same = case_from({Period{PeriodKind::sick, first, end, "x"},
                                    Period{PeriodKind::maternity_leave, add_days(end, 1), leave_end, {}},
                                    Period{PeriodKind::sick, add_days(leave_end, 1), std::nullopt, "x"}},
                                   "2030-01-01");
    const long leave_days = days_between(end, leave_end);
    ASSERT_EQ(*timeline_of(same).at(K::waiting_period_end).due, add_days(first, 727 + leave_days));
    TimelineInput other = same;
    other.periods[2].cause = "y";
    ASSERT_EQ(timeline_of(other).case_summary.first_sick_day, add_days(leave_end, 1));
  }
}

TEST_F(RandomCases, MilestonesKeepTheirOrder) {
  for (int round = 0; round < 2000; ++round) {
    const Date first = add_days(d("2014-01-01"), uniform(0, 4000));
    std::vector<Period> periods{Period{PeriodKind::sick, first, add_days(first, uniform(0, 200)), {}}};
    periods.push_back(Period{PeriodKind::sick, add_days(*periods[0].end, uniform(1, 28)), std::nullopt, {}});
    TimelineInput input = case_from(periods, "2030-01-01");
    const Timeline t = timeline_of(input);
    const auto at = [&](K key) { return *t.at(key).due; };
    ASSERT_LT(at(K::company_doctor_report), at(K::problem_analysis));
    ASSERT_LT(at(K::problem_analysis), at(K::plan_of_action));
    ASSERT_LT(at(K::plan_of_action), at(K::uwv_42_week_report));
    ASSERT_LT(at(K::uwv_42_week_report), at(K::first_year_evaluation));
    ASSERT_LT(at(K::first_year_evaluation), at(K::uwv_wia_letter));
    ASSERT_LT(at(K::reintegration_report), at(K::wia_application));
    ASSERT_LT(at(K::wia_application), at(K::uwv_sanction_decision));
    ASSERT_LT(at(K::uwv_sanction_decision), at(K::waiting_period_end));
    ASSERT_EQ(days_between(at(K::first_year_evaluation), at(K::waiting_period_end)) >= 364, true);
  }
}

}  // namespace
}  // namespace spoorboek::core

namespace spoorboek::core {
namespace {

using namespace spoorboek::core::testing;  // NOLINT(google-build-using-namespace)

TEST(NextOpenMilestone, IsTheEarliestOpenDeadline) {
  TimelineInput input;
  input.periods = {sick("2024-01-08")};
  input.as_of = d("2024-03-10");
  input.company_doctor_report_date = d("2024-01-09");
  input.problem_analysis_date = d("2024-02-10");
  Timeline t = timeline_of(input);
  const Milestone* next = next_open_milestone(t);
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->key, MilestoneKey::plan_of_action);  // due 24 February: overdue
  EXPECT_EQ(next->status, MilestoneStatus::overdue);
  EXPECT_EQ(sick_week_as_of(t), 9);
  input.periods = {sick("2024-01-08", "2024-01-20")};
  t = timeline_of(input);
  EXPECT_EQ(next_open_milestone(t), nullptr);  // recovered: nothing is open any more
  // In the last weeks only UWV's decision on a sanction is still to come: not a step for us.
  input.periods = {sick("2024-01-08")};
  input.as_of = d("2025-12-01");
  input.plan_of_action_date = d("2024-02-20");
  input.progress_evaluation_dates = {d("2025-11-01")};
  input.uwv_42_week_report_date = d("2024-10-20");
  input.first_year_evaluation_date = d("2024-12-20");
  input.track_2_start_date = d("2025-01-10");
  input.reintegration_report_date = d("2025-10-01");
  input.wia_application_date = d("2025-10-10");
  t = timeline_of(input);
  ASSERT_NE(next_open_milestone(t), nullptr);
  EXPECT_EQ(next_open_milestone(t)->key, MilestoneKey::progress_evaluation);
}

}  // namespace
}  // namespace spoorboek::core
