// The 17 worked scenarios of research/poortwachter-rules.md §9 (Tables A and B, with the
// corrections at the top of that note: problem analysis S(42)+1, plan of action S(56)+1), and the
// scenario-specific checks of §9.3.
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "core/holidays.h"
#include "tests/core/timeline_test_support.h"

namespace spoorboek::core {
namespace {

using namespace spoorboek::core::testing;  // NOLINT(google-build-using-namespace)
using K = MilestoneKey;

struct Scenario {
  const char* id;
  std::function<TimelineInput()> input;
  // Table A: D, report to company doctor, problem analysis, plan of action, 42nd-week report
  // (statute / UWV working day), first-year evaluation window, track 2 latest.
  std::vector<std::string> table_a;
  // Table B: UWV letter window, RIV, WIA application deadline, UWV sanction decision, end of the
  // waiting period, first day after it, last day of a maximal (52-week) wage sanction.
  std::vector<std::string> table_b;
};

TimelineInput with_periods(std::vector<Period> periods) {
  TimelineInput input;
  input.periods = std::move(periods);
  input.as_of = d("2024-01-01");
  return input;
}

const std::vector<std::string> kNotReached(8, "—");

std::vector<Scenario> scenarios() {
  return {
      {"S1", [] { return with_periods({sick("2024-01-08")}); },
       {"2024-01-08", "2024-01-14", "2024-02-19", "2024-03-04", "2024-10-28", "2024-10-28",
        "2024-11-18", "2025-01-05", "2025-02-16"},
       {"2025-09-15", "2025-09-21", "2025-10-05", "2025-10-19", "2025-11-23", "2026-01-04",
        "2026-01-05", "2027-01-03"}},
      {"S2", [] { return with_periods({sick("2027-11-26")}); },
       {"2027-11-26", "2027-12-02", "2028-01-07", "2028-01-21", "2028-09-15", "2028-09-15",
        "2028-10-06", "2028-11-23", "2029-01-04"},
       {"2029-08-03", "2029-08-09", "2029-08-23", "2029-09-06", "2029-10-11", "2029-11-22",
        "2029-11-23", "2030-11-21"}},
      {"S3", [] { return with_periods({sick("2022-01-03", "2022-07-03"), sick("2022-07-25")}); },
       {"2022-01-03", "2022-01-09", "2022-02-14", "2022-02-28", "2022-11-14", "2022-11-14",
        "2022-12-05", "2023-01-22", "2023-03-05"},
       {"2023-10-02", "2023-10-08", "2023-10-22", "2023-11-05", "2023-12-10", "2024-01-21",
        "2024-01-22", "2025-01-19"}},
      {"S4", [] { return with_periods({sick("2023-09-04", "2023-11-19"), sick("2023-12-17")}); },
       {"2023-09-04", "2023-09-10", "2023-10-16", "2023-10-30", "2024-07-21", "2024-07-22",
        "2024-08-11", "2024-09-28", "2024-11-09"},
       {"2025-06-08", "2025-06-14", "2025-06-28", "2025-07-12", "2025-08-16", "2025-09-27",
        "2025-09-28", "2026-09-26"}},
      {"S5", [] { return with_periods({sick("2023-09-04", "2023-11-19"), sick("2023-12-18")}); },
       {"2023-12-18", "2023-12-24", "2024-01-29", "2024-02-12", "2024-10-07", "2024-10-07",
        "2024-10-28", "2024-12-15", "2025-01-26"},
       {"2025-08-25", "2025-08-31", "2025-09-14", "2025-09-28", "2025-11-02", "2025-12-14",
        "2025-12-15", "2026-12-13"}},
      {"S6",
       [] {
         return with_periods({sick("2024-04-02", "2024-06-30"), sick("2024-07-11", "2024-10-31"),
                              sick("2024-11-06", "2025-03-31"), sick("2025-04-21")});
       },
       {"2024-04-02", "2024-04-08", "2024-05-14", "2024-05-28", "2025-02-05", "2025-02-05",
        "2025-02-26", "2025-05-05", "2025-06-16"},
       {"2026-01-13", "2026-01-19", "2026-02-02", "2026-02-16", "2026-03-23", "2026-05-04",
        "2026-05-05", "2027-05-03"}},
      {"S7", [] { return with_periods({sick("2025-06-16")}); },
       {"2025-06-16", "2025-06-22", "2025-07-28", "2025-08-11", "2026-04-06", "2026-04-07",
        "2026-04-27", "2026-06-14", "2026-07-26"},
       {"2027-02-22", "2027-02-28", "2027-03-14", "2027-03-28", "2027-05-02", "2027-06-13",
        "2027-06-14", "2028-06-11"}},
      {"S8",
       [] {
         return with_periods({sick("2024-02-05", "2024-06-02", "back"),
                              leave("2024-06-03", "2024-09-22"), sick("2024-09-23", nullptr, "back")});
       },
       {"2024-02-05", "2024-02-11", "2024-03-18", "2024-04-01", "2025-03-17", "2025-03-17",
        "2025-04-07", "2025-05-25", "2025-07-06"},
       {"2026-02-02", "2026-02-08", "2026-02-22", "2026-03-08", "2026-04-12", "2026-05-24",
        "2026-05-25", "2027-05-23"}},
      {"S9",
       [] {
         return with_periods({sick("2024-02-05", "2024-06-02", "back"),
                              leave("2024-06-03", "2024-09-22"), sick("2024-09-23", nullptr, "knee")});
       },
       {"2024-09-23", "2024-09-29", "2024-11-04", "2024-11-18", "2025-07-14", "2025-07-14",
        "2025-08-04", "2025-09-21", "2025-11-02"},
       {"2026-06-01", "2026-06-07", "2026-06-21", "2026-07-05", "2026-08-09", "2026-09-20",
        "2026-09-21", "2027-09-19"}},
      {"S10",
       [] {
         auto input =
             with_periods({sick("2025-01-13", "2025-05-04"), leave("2025-05-05", "2025-08-24")});
         input.safety_net = SafetyNet::pregnancy;
         return input;
       },
       {"2025-01-13", "2025-01-19", "2025-02-24", "2025-03-10", "—", "—", "—", "—", "—"},
       kNotReached},
      {"S11", [] { return with_periods({sick("2023-06-05")}); },
       {"2023-06-05", "2023-06-11", "2023-07-17", "2023-07-31", "2024-03-25", "2024-03-25",
        "2024-04-15", "2024-06-02", "2024-07-14"},
       {"2025-02-10", "2025-02-16", "2025-03-02", "2025-03-16", "2025-04-20", "2025-06-01",
        "2025-06-02", "2026-05-31"}},
      {"S12", [] { return with_periods({sick("2024-09-02")}); },
       {"2024-09-02", "2024-09-08", "2024-10-14", "2024-10-28", "2025-06-23", "2025-06-23",
        "2025-07-14", "2025-08-31", "2025-10-12"},
       {"2026-05-11", "2026-05-17", "2026-05-31", "2026-06-14", "2026-07-19", "2026-08-30",
        "2026-08-31", "2027-08-29"}},
      {"S13", [] { return with_periods({sick("2024-01-08")}); },
       {"2024-01-08", "2024-01-14", "2024-02-19", "2024-03-04", "2024-10-28", "2024-10-28",
        "2024-11-18", "2025-01-05", "2025-02-16"},
       {"2025-09-15", "2025-09-21", "2025-10-05", "2025-10-19", "2025-11-23", "2026-01-04",
        "2026-01-05", "2027-01-03"}},
      {"S14", [] { return with_periods({sick("2025-09-01")}); },
       {"2025-09-01", "2025-09-07", "2025-10-13", "2025-10-27", "2026-06-22", "2026-06-22",
        "2026-07-13", "2026-08-30", "2026-10-11"},
       {"2027-05-10", "2027-05-16", "2027-05-30", "2027-06-13", "2027-07-18", "2027-08-29",
        "2027-08-30", "2028-08-27"}},
      {"S15", [] { return with_periods({sick("2025-02-03")}); },
       {"2025-02-03", "2025-02-09", "2025-03-17", "2025-03-31", "2025-11-24", "2025-11-24",
        "2025-12-15", "2026-02-01", "2026-03-15"},
       {"2026-10-12", "2026-10-18", "2026-11-01", "2026-11-15", "2026-12-20", "2027-01-31",
        "2027-02-01", "2028-01-30"}},
      {"S16", [] { return with_periods({sick("2025-03-06")}); },
       {"2025-03-06", "2025-03-12", "2025-04-17", "2025-05-01", "2025-12-25", "2025-12-29",
        "2026-01-15", "2026-03-04", "2026-04-15"},
       {"2026-11-12", "2026-11-18", "2026-12-02", "2026-12-16", "2027-01-20", "2027-03-03",
        "2027-03-04", "2028-03-01"}},
      {"S17",
       [] {
         auto input = with_periods({sick("2026-03-02", "2026-04-26")});
         input.safety_net = SafetyNet::organ_donation;
         return input;
       },
       {"2026-03-02", "2026-03-08", "2026-04-13", "2026-04-27", "—", "—", "—", "—", "—"},
       kNotReached},
  };
}

std::string uwv_working_day(const Timeline& t) {
  const auto& due = t.at(K::uwv_42_week_report).due;
  return due ? format_iso_date(next_working_day_on_or_after(*due)) : "—";
}

class ScenarioTest : public ::testing::TestWithParam<Scenario> {};

TEST_P(ScenarioTest, TableAFirstYear) {
  const Scenario& s = GetParam();
  TimelineInput input = s.input();
  const Timeline t = timeline_of(input);
  const std::vector<std::string> actual = {
      format_iso_date(t.case_summary.first_sick_day),
      due(t, K::company_doctor_report),
      due(t, K::problem_analysis),
      due(t, K::plan_of_action),
      due(t, K::uwv_42_week_report),
      uwv_working_day(t),
      from(t, K::first_year_evaluation),
      due(t, K::first_year_evaluation),
      due(t, K::track_2_start)};
  EXPECT_EQ(actual, s.table_a) << s.id;
}

TEST_P(ScenarioTest, TableBSecondYear) {
  const Scenario& s = GetParam();
  TimelineInput input = s.input();
  const Timeline t = timeline_of(input);
  std::vector<std::string> actual = {
      from(t, K::uwv_wia_letter),       due(t, K::uwv_wia_letter),
      due(t, K::reintegration_report),  due(t, K::wia_application),
      due(t, K::uwv_sanction_decision), due(t, K::waiting_period_end),
  };
  // WIA can start the day after the waiting period; the application window opens with the letter.
  const auto end = t.at(K::waiting_period_end).due;
  actual.push_back(end ? format_iso_date(add_days(*end, 1)) : "—");
  EXPECT_EQ(from(t, K::wia_application), from(t, K::uwv_wia_letter)) << s.id;

  // The last column: a maximal wage sanction of 52 weeks, decided in time.
  TimelineInput sanctioned = s.input();
  sanctioned.wage_sanction_weeks = end ? 52 : 0;
  const Timeline with_sanction = timeline_of(sanctioned);
  actual.push_back(end ? due(with_sanction, K::wage_continuation_end) : "—");
  EXPECT_EQ(actual, s.table_b) << s.id;
}

INSTANTIATE_TEST_SUITE_P(PoortwachterRules, ScenarioTest, ::testing::ValuesIn(scenarios()),
                         [](const auto& info) { return std::string(info.param.id); });

// ---- §9.3: what each scenario asserts beyond the tables -----------------------------------

TEST(ScenarioS1, ProgressEvaluationsEverySixWeeksAfterThePlan) {
  TimelineInput input = with_periods({sick("2024-01-08")});
  input.problem_analysis_date = d("2024-02-18");
  input.plan_of_action_date = d("2024-03-03");
  input.progress_evaluation_dates = {d("2024-04-14"), d("2024-05-26"), d("2024-07-07")};
  input.as_of = d("2024-08-10");
  const Timeline t = timeline_of(input);
  const auto cycles = progress_evaluation_cycles(input, t);
  ASSERT_EQ(cycles.size(), 4U);
  EXPECT_EQ(format_iso_date(cycles[0].due), "2024-04-14");
  EXPECT_EQ(format_iso_date(cycles[1].due), "2024-05-26");
  EXPECT_EQ(format_iso_date(cycles[2].due), "2024-07-07");
  EXPECT_EQ(format_iso_date(cycles[3].due), "2024-08-18");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(cycles[i].status, MilestoneStatus::done_on_time);
  EXPECT_EQ(cycles[3].status, MilestoneStatus::due_soon);
  EXPECT_EQ(due(t, K::progress_evaluation), "2024-08-18");
}

TEST(ScenarioS3, FitGapShiftsThe42WeekReportAndIsExplained) {
  TimelineInput input = with_periods({sick("2022-01-03", "2022-07-03"), sick("2022-07-25")});
  const Timeline t = timeline_of(input);
  TimelineInput continuous = with_periods({sick("2022-01-03")});
  EXPECT_EQ(due(timeline_of(continuous), K::uwv_42_week_report), "2022-10-24");
  EXPECT_EQ(due(t, K::uwv_42_week_report), "2022-11-14");
  const std::string en = explain_milestone(input, t, K::uwv_42_week_report, Language::en);
  EXPECT_NE(en.find("moved 21 days by the fit gap 4-24 July 2022"), std::string::npos) << en;
  const std::string nl = explain_milestone(input, t, K::uwv_42_week_report, Language::nl);
  EXPECT_NE(nl.find("21 dagen later door de herstelperiode 4-24 juli 2022"), std::string::npos) << nl;
  // The problem analysis came before the gap and does not move.
  EXPECT_EQ(explain_milestone(input, t, K::problem_analysis, Language::en).find("moved"),
            std::string::npos);
}

TEST(ScenarioS4, SundayDeadlineKeepsItsDateAndNamesTheLastWorkingDay) {
  TimelineInput input = with_periods({sick("2023-09-04", "2023-11-19"), sick("2023-12-17")});
  const Timeline t = timeline_of(input);
  EXPECT_EQ(t.case_summary.interruption_days, 27);
  EXPECT_EQ(format_iso_date(last_working_day_on_or_before(*t.at(K::uwv_42_week_report).due)),
            "2024-07-19");
  const std::string en = explain_milestone(input, t, K::uwv_42_week_report, Language::en);
  EXPECT_NE(en.find("That is a Sunday; act by Friday 19 July 2024"), std::string::npos) << en;
}

TEST(ScenarioS5, GapOf28DaysStartsANewCase) {
  TimelineInput input = with_periods({sick("2023-09-04", "2023-11-19"), sick("2023-12-18")});
  const Timeline t = timeline_of(input);
  EXPECT_EQ(t.case_summary.earlier_cases, 1);
  const auto cases = split_cases(input);
  ASSERT_EQ(cases.size(), 2U);
  EXPECT_EQ(format_iso_date(cases[0].first_sick_day), "2023-09-04");
  EXPECT_EQ(cases[0].counted_sick_days, 77);
  // The earlier case on its own: only its problem analysis and plan of action were due.
  TimelineInput first = with_periods({sick("2023-09-04", "2023-11-19")});
  const Timeline earlier = timeline_of(first);
  EXPECT_EQ(due(earlier, K::problem_analysis), "2023-10-16");
  EXPECT_EQ(due(earlier, K::plan_of_action), "2023-10-30");
  EXPECT_EQ(earlier.at(K::uwv_42_week_report).status, MilestoneStatus::not_applicable);
  // One day later relapse than S4 moves the end by 78 days.
  EXPECT_EQ(days_between(d("2025-09-27"), *t.at(K::waiting_period_end).due), 78);
}

TEST(ScenarioS6, EachShortGapIsTestedOnItsOwn) {
  TimelineInput input =
      with_periods({sick("2024-04-02", "2024-06-30"), sick("2024-07-11", "2024-10-31"),
                    sick("2024-11-06", "2025-03-31"), sick("2025-04-21")});
  const Timeline t = timeline_of(input);
  EXPECT_EQ(t.case_summary.interruption_days, 35);
  EXPECT_EQ(*t.at(K::waiting_period_end).due, add_days(d("2024-04-02"), 727 + 35));
  EXPECT_EQ(*t.at(K::uwv_42_week_report).due, add_days(d("2024-04-02"), 294 + 15));
}

TEST(ScenarioS7, PartialWorkIsNoGapAndHolidayNamesTheLastWorkingDay) {
  // Working 50% from 25 August 2025 is part of the sick period: the input is one period.
  TimelineInput input = with_periods({sick("2025-06-16")});
  const Timeline t = timeline_of(input);
  EXPECT_EQ(t.case_summary.interruption_days, 0);
  const std::string en = explain_milestone(input, t, K::uwv_42_week_report, Language::en);
  EXPECT_NE(en.find("That is a Tweede Paasdag; act by Thursday 2 April 2026"), std::string::npos)
      << en;
}

TEST(ScenarioS8, MaternityLeaveBetweenSameCauseSicknessIsBridged) {
  TimelineInput input = with_periods({sick("2024-02-05", "2024-06-02", "back"),
                                      leave("2024-06-03", "2024-09-22"),
                                      sick("2024-09-23", nullptr, "back")});
  const Timeline t = timeline_of(input);
  EXPECT_EQ(t.case_summary.interruption_days, 112);
  EXPECT_EQ(*t.at(K::waiting_period_end).due, add_days(d("2024-02-05"), 727 + 112));
  const auto gaps = case_interruptions(input, t);
  ASSERT_EQ(gaps.size(), 1U);
  EXPECT_TRUE(gaps[0].maternity_leave);
  const std::string en = explain_milestone(input, t, K::waiting_period_end, Language::en);
  EXPECT_NE(en.find("moved 112 days by the maternity leave 3 June-22 September 2024"),
            std::string::npos)
      << en;
}

TEST(ScenarioS9, DifferentCauseAfterTheLeaveStartsANewCase) {
  TimelineInput input = with_periods({sick("2024-02-05", "2024-06-02", "back"),
                                      leave("2024-06-03", "2024-09-22"),
                                      sick("2024-09-23", nullptr, "knee")});
  const Timeline t = timeline_of(input);
  EXPECT_EQ(format_iso_date(t.case_summary.first_sick_day), "2024-09-23");
  EXPECT_EQ(t.case_summary.earlier_cases, 1);
  ASSERT_EQ(split_cases(input)[0].counted_sick_days, 119);
}

TEST(ScenarioS10, PregnancyRelatedSicknessBeforeTheLeave) {
  TimelineInput input =
      with_periods({sick("2025-01-13", "2025-05-04"), leave("2025-05-05", "2025-08-24")});
  input.safety_net = SafetyNet::pregnancy;
  input.as_of = d("2025-10-01");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::uwv_safety_net_report), "2025-02-24");
  EXPECT_EQ(split_cases(input)[0].counted_sick_days, 112);
  EXPECT_EQ(t.at(K::uwv_42_week_report).status, MilestoneStatus::not_applicable);
  EXPECT_EQ(t.at(K::first_year_evaluation).status, MilestoneStatus::not_applicable);
  EXPECT_EQ(t.at(K::wia_application).status, MilestoneStatus::not_applicable);
  EXPECT_FALSE(t.wage_period);
  // Only sickness from the day after the leave could still continue this case.
  EXPECT_EQ(iso(t.case_summary.relapse_combines_until), "2025-08-25");
}

TEST(ScenarioS11, WageSanctionRepairLateDecisionAndNoDecision) {
  auto with_sanction = [](const char* decision, const char* repaired) {
    TimelineInput input = with_periods({sick("2023-06-05")});
    input.wage_sanction_weeks = 52;
    input.wage_sanction_decision_date = d(decision);
    if (repaired) input.wage_sanction_repaired_on = d(repaired);
    input.as_of = d("2026-06-01");
    return input;
  };
  {
    TimelineInput input = with_sanction("2025-04-20", nullptr);
    const Timeline t = timeline_of(input);
    EXPECT_EQ(iso(t.wage_period->sanction_from), "2025-06-02");
    EXPECT_EQ(due(t, K::wage_continuation_end), "2026-05-31");
  }
  {
    // Bekortingsverzoek 3 November 2025, UWV finds it repaired by 24 November: R + 42.
    TimelineInput input = with_sanction("2025-04-20", "2025-11-24");
    EXPECT_EQ(due(timeline_of(input), K::wage_continuation_end), "2026-01-05");
  }
  {
    // UWV decided 22 days after its deadline of 20 April: the sanction ends 22 days earlier.
    TimelineInput input = with_sanction("2025-05-12", nullptr);
    const Timeline t = timeline_of(input);
    EXPECT_EQ(due(t, K::wage_continuation_end), "2026-05-09");
    EXPECT_EQ(t.at(K::uwv_sanction_decision).status, MilestoneStatus::done_late);
  }
  {
    // A decision after the end of the waiting period imposes nothing (WIA 25 lid 11).
    TimelineInput input = with_sanction("2025-06-02", nullptr);
    const Timeline t = timeline_of(input);
    EXPECT_EQ(due(t, K::wage_continuation_end), "2025-06-01");
    EXPECT_EQ(t.wage_period->sanction_days, 0);
  }
}

TEST(ScenarioS12, LateWiaApplicationExtendsTheWagePeriod) {
  TimelineInput input = with_periods({sick("2024-09-02")});
  input.uwv_letter_date = d("2026-05-11");
  input.wia_application_date = d("2026-07-06");
  input.as_of = d("2026-07-10");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::wia_application), "2026-06-14");
  EXPECT_EQ(t.at(K::wia_application).status, MilestoneStatus::done_late);
  EXPECT_EQ(t.wage_period->late_application_days, 22);
  EXPECT_EQ(due(t, K::wage_continuation_end), "2026-09-21");
  // UWV's decision deadline moves with the delay (WIA 25 lid 10, second sentence).
  EXPECT_EQ(due(t, K::uwv_sanction_decision), "2026-08-10");
  // The Sunday deadline is not moved (backward term, Atw art. 1 lid 2); act by Friday.
  EXPECT_EQ(format_iso_date(last_working_day_on_or_before(*t.at(K::wia_application).due)),
            "2026-06-12");
}

TEST(ScenarioS13, VoluntaryExtensionOf26Weeks) {
  for (bool as_date : {false, true}) {
    TimelineInput input = with_periods({sick("2024-01-08")});
    if (as_date) {
      input.voluntary_extension_end = d("2026-07-05");
    } else {
      input.voluntary_extension_weeks = 26;
    }
    const Timeline t = timeline_of(input);
    EXPECT_EQ(due(t, K::waiting_period_end), "2026-01-04");  // the wachttijd itself stays S(728)
    EXPECT_EQ(format_iso_date(t.wage_period->extended_end), "2026-07-05");
    EXPECT_EQ(due(t, K::wia_application), "2026-04-19");
    EXPECT_EQ(due(t, K::reintegration_report), "2026-04-05");
    EXPECT_EQ(due(t, K::uwv_sanction_decision), "2026-05-24");
    EXPECT_EQ(due(t, K::wage_continuation_end), "2026-07-05");
  }
}

TEST(ScenarioS14, EarlyIvaApplication) {
  TimelineInput input = with_periods({sick("2025-09-01")});
  input.early_iva_application_date = d("2025-11-10");
  input.as_of = d("2025-11-20");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(iso(t.early_iva_waiting_period_end), "2026-01-19");
  EXPECT_EQ(iso(t.early_iva_window_from), "2025-09-22");
  EXPECT_EQ(iso(t.early_iva_window_due), "2026-12-20");
}

TEST(ScenarioS15, SickAtTheEndOfAFixedTermContract) {
  TimelineInput input = with_periods({sick("2025-02-03")});
  input.employment_end_date = d("2025-06-30");
  input.as_of = d("2025-06-01");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::uwv_employment_end_report), "2025-06-30");
  EXPECT_EQ(due(t, K::reintegration_report), "2025-06-30");
  EXPECT_EQ(t.at(K::uwv_42_week_report).status, MilestoneStatus::not_applicable);
  EXPECT_EQ(t.at(K::first_year_evaluation).status, MilestoneStatus::not_applicable);
  EXPECT_EQ(due(t, K::waiting_period_end), "2027-01-31");
  EXPECT_EQ(due(t, K::wia_application), "2026-11-15");
}

TEST(ScenarioS16, ChristmasDay42WeekReport) {
  TimelineInput input = with_periods({sick("2025-03-06")});
  const Timeline t = timeline_of(input);
  EXPECT_EQ(uwv_working_day(t), "2025-12-29");
  EXPECT_EQ(format_iso_date(last_working_day_on_or_before(*t.at(K::uwv_42_week_report).due)),
            "2025-12-24");
}

TEST(ScenarioS17, OrganDonationThenFullyFit) {
  TimelineInput input = with_periods({sick("2026-03-02", "2026-04-26")});
  input.safety_net = SafetyNet::organ_donation;
  input.as_of = d("2026-06-01");
  const Timeline t = timeline_of(input);
  EXPECT_EQ(due(t, K::uwv_safety_net_report), "2026-04-13");
  EXPECT_EQ(split_cases(input)[0].counted_sick_days, 56);
  EXPECT_EQ(iso(t.case_summary.relapse_combines_until), "2026-05-24");
}

}  // namespace
}  // namespace spoorboek::core
