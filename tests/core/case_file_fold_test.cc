// The fold: state and engine input as a function of the entries, with corrections, back-dated
// entries and impossible sequences.
#include <gtest/gtest.h>

#include "core/case_file_fold.h"
#include "tests/core/case_file_test_support.h"

namespace spoorboek::core {
namespace {

using testing::append;
using testing::day;
using testing::sick_report;
using testing::simple;

Result<CaseFold> fold(const std::vector<Entry>& file, const char* as_of = "2026-03-02") {
  return fold_case_file(file, day(as_of));
}

Date waiting_period_end(const CaseFold& folded) {
  const Timeline timeline = compute_timeline(folded.timeline_input);
  return timeline.wage_period->waiting_period_end;
}

TEST(CaseFileFold, EmptyFileHasNoSickness) {
  const auto folded = fold({});
  ASSERT_TRUE(folded.ok());
  EXPECT_EQ(folded->state.status, CaseStatus::no_sickness);
  EXPECT_FALSE(folded->has_timeline);
}

TEST(CaseFileFold, SickReportOpensTheCase) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));
  const auto folded = fold(file);
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->state.status, CaseStatus::sick);
  EXPECT_TRUE(folded->state.open());
  EXPECT_EQ(folded->state.first_sick_day, day("2026-01-05"));
  ASSERT_TRUE(folded->has_timeline);
  const auto& input = folded->timeline_input;
  EXPECT_TRUE(input.file_is_complete);
  EXPECT_EQ(input.as_of, day("2026-03-02"));
  ASSERT_EQ(input.periods.size(), 1u);
  EXPECT_FALSE(input.periods[0].end.has_value());
  EXPECT_EQ(folded->state.period_sources, std::vector<std::int64_t>{1});
}

// domain.md §1: D = 2022-01-03, fit 4-24 July 2022 (21 days): E moves to 2024-01-21.
TEST(CaseFileFold, FitGapMovesTheWaitingPeriod) {
  std::vector<Entry> file;
  append(file, sick_report("2022-01-03"));
  append(file, simple("recovery", "2022-07-04"));
  auto folded = fold(file, "2022-07-10");
  ASSERT_TRUE(folded.ok());
  EXPECT_EQ(folded->state.status, CaseStatus::recovered);
  EXPECT_EQ(folded->state.recovered_on, day("2022-07-04"));
  EXPECT_EQ(folded->timeline_input.periods[0].end, day("2022-07-03"));

  append(file, simple("relapse", "2022-07-25"));
  folded = fold(file, "2022-08-01");
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->state.status, CaseStatus::sick);
  EXPECT_EQ(waiting_period_end(*folded), day("2024-01-21"));
}

TEST(CaseFileFold, BackDatedFitGapChangesTheResult) {
  std::vector<Entry> file;
  append(file, sick_report("2022-01-03"));
  append(file, simple("recovery", "2022-07-04"));
  append(file, simple("relapse", "2022-07-25"));
  const auto before = fold(file, "2022-09-01");
  ASSERT_TRUE(before.ok());
  // Reported late: the employee was fit 1-10 March as well.
  append(file, simple("recovery", "2022-03-01"));
  append(file, simple("relapse", "2022-03-11", R"({"same_cause_as_before":true})"));
  const auto after = fold(file, "2022-09-01");
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(after->timeline_input.periods.size(), 3u);
  EXPECT_EQ(waiting_period_end(*after), add_days(waiting_period_end(*before), 10));
  EXPECT_EQ(after->state.period_sources, (std::vector<std::int64_t>{1, 5, 3}));
}

TEST(CaseFileFold, RelapseAfter28DaysIsANewCase) {
  std::vector<Entry> file;
  append(file, sick_report("2022-01-03"));
  append(file, simple("recovery", "2022-03-01"));
  append(file, simple("relapse", "2022-03-29"));  // fit 1-28 March: 28 days
  const auto folded = fold(file, "2022-04-01");
  ASSERT_FALSE(folded.ok());
  EXPECT_EQ(folded.error().code, "new_case");
  EXPECT_EQ(folded.error().field, "occurred_on");
  EXPECT_NE(folded.error().message.find("entry 3"), std::string::npos);
  EXPECT_NE(folded.error().message.find("28 days"), std::string::npos);

  file.pop_back();
  append(file, simple("relapse", "2022-03-28"));  // 27 days: the same case
  EXPECT_TRUE(fold(file, "2022-04-01").ok());
}

TEST(CaseFileFold, SicknessAroundMaternityLeaveWithTheSameCauseIsOneCase) {
  std::vector<Entry> file;
  append(file, sick_report("2023-01-02"));
  append(file, simple("maternity_leave", "2023-03-01", R"({"end":"2023-06-20"})"));
  auto folded = fold(file, "2023-04-01");
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->state.status, CaseStatus::maternity_leave);
  EXPECT_EQ(folded->timeline_input.periods[0].end, day("2023-02-28"));

  auto same = file;
  append(same, simple("relapse", "2023-06-21", R"({"same_cause_as_before":true})"));
  folded = fold(same, "2023-07-01");
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->state.status, CaseStatus::sick);

  auto other = file;
  append(other, simple("relapse", "2023-06-21", R"({"same_cause_as_before":false})"));
  folded = fold(other, "2023-07-01");
  ASSERT_FALSE(folded.ok());
  EXPECT_EQ(folded.error().code, "new_case");
}

struct ImpossibleCase {
  std::vector<std::string> lines;
  const char* code;
  const char* field;
  const char* names;  // the entry the message must name
};

class CaseFileFoldRefuses : public ::testing::TestWithParam<ImpossibleCase> {};

TEST_P(CaseFileFoldRefuses, NamesTheEntry) {
  std::vector<Entry> file;
  for (const auto& line : GetParam().lines) append(file, line);
  const auto folded = fold(file);
  ASSERT_FALSE(folded.ok());
  EXPECT_EQ(folded.error().code, GetParam().code) << folded.error().message;
  EXPECT_EQ(folded.error().field, GetParam().field) << folded.error().message;
  EXPECT_NE(folded.error().message.find(GetParam().names), std::string::npos)
      << folded.error().message;
}

const char* kPlan = R"({"goal":"own_work","case_manager":"C","employee_agreement":"agreed",
                        "activities":[{"description":"d","owner":"o","due":"2026-04-01"}]})";

std::string plan_adjustment(int replaces) {
  return R"({"replaces_seq":)" + std::to_string(replaces) +
         R"(,"adjustment_reason":"evaluation","goal":"own_work","case_manager":"C",
             "employee_agreement":"agreed",
             "activities":[{"description":"d","owner":"o","due":"2026-04-01"}]})";
}

INSTANTIATE_TEST_SUITE_P(
    Impossible, CaseFileFoldRefuses,
    ::testing::Values(
        ImpossibleCase{{simple("recovery", "2026-01-10")}, "before_sick_report", "occurred_on",
                       "entry 1 (recovery)"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("recovery", "2026-01-04")},
                       "before_sick_report", "occurred_on", "entry 2 (recovery)"},
        ImpossibleCase{{sick_report("2026-01-05"), sick_report("2026-01-08")},
                       "duplicate_sick_report", "type", "entry 2"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("recovery", "2026-01-20"),
                        simple("recovery", "2026-01-25")},
                       "no_open_sickness", "occurred_on", "entry 3"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("recovery", "2026-01-05")},
                       "impossible_sequence", "occurred_on", "entry 2"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("relapse", "2026-01-20")},
                       "relapse_while_sick", "occurred_on", "entry 2 (relapse)"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("recovery", "2026-01-20"),
                        simple("relapse", "2026-01-20")},
                       "impossible_sequence", "occurred_on", "entry 3"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("recovery", "2026-01-20"),
                        simple("partial_work", "2026-01-22",
                               R"({"percentage":50,"kind":"own_work"})")},
                       "no_open_sickness", "occurred_on", "entry 3 (partial_work)"},
        ImpossibleCase{{sick_report("2026-01-05"),
                        simple("maternity_leave", "2026-01-10", R"({"end":"2026-01-09"})")},
                       "end_before_start", "payload.end", "entry 2"},
        ImpossibleCase{{sick_report("2026-01-05"),
                        simple("maternity_leave", "2026-01-10", R"({"end":"2026-04-30"})"),
                        simple("relapse", "2026-02-01")},
                       "impossible_sequence", "occurred_on", "entry 3"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("plan_of_action", "2026-02-01", kPlan),
                        simple("plan_of_action", "2026-02-15", kPlan)},
                       "missing_field", "payload.replaces_seq", "entry 3 (plan_of_action)"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("plan_of_action", "2026-02-01", kPlan),
                        simple("plan_of_action", "2026-02-15", plan_adjustment(2).c_str()),
                        simple("plan_of_action", "2026-02-20", plan_adjustment(2).c_str())},
                       "not_current_version", "payload.replaces_seq", "entry 4"},
        ImpossibleCase{{sick_report("2026-01-05"),
                        simple("correction", "2026-01-06",
                               R"({"corrects_seq":5,"reason":"r","void":true})")},
                       "unknown_entry", "payload.corrects_seq", "entry 2 (correction)"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("recovery", "2026-01-20"),
                        simple("correction", "2026-01-21",
                               R"({"corrects_seq":2,"reason":"r","void":true})"),
                        simple("correction", "2026-01-22",
                               R"({"corrects_seq":3,"reason":"r","void":true})")},
                       "correction_of_correction", "payload.corrects_seq", "entry 4"},
        ImpossibleCase{{sick_report("2026-01-05"), simple("recovery", "2026-01-20"),
                        simple("correction", "2026-01-21",
                               R"({"corrects_seq":2,"reason":"r","void":true})"),
                        simple("correction", "2026-01-22",
                               R"({"corrects_seq":2,"reason":"r","void":true})")},
                       "already_voided", "payload.corrects_seq", "entry 4"},
        ImpossibleCase{{sick_report("2026-01-05"),
                        simple("maternity_leave", "2026-02-01", R"({"end":"2026-05-01"})"),
                        simple("correction", "2026-02-02",
                               R"({"corrects_seq":2,"reason":"r","new_payload":{}})")},
                       "missing_field", "payload.new_payload.end", "entry 3 (correction)"}));

// The engine's own checks (here: cases before 1 July 2013 are not modelled) come back with the
// entry named.
TEST(CaseFileFold, EngineErrorsNameTheEntry) {
  std::vector<Entry> file;
  append(file, sick_report("2010-01-04"));
  const auto folded = fold(file);
  ASSERT_FALSE(folded.ok());
  EXPECT_FALSE(folded.error().code.empty());
  EXPECT_EQ(folded.error().field, "occurred_on");
  EXPECT_NE(folded.error().message.find("entry 1 (sick_report)"), std::string::npos)
      << folded.error().message;
}

TEST(CaseFileFold, CorrectionsReplaceOrVoid) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-06"));
  append(file, simple("recovery", "2026-01-20"));
  // The sick report was dated a day late, and the recovery did not happen.
  append(file, simple("correction", "2026-01-21",
                      R"({"corrects_seq":1,"reason":"first day was Monday","new_occurred_on":"2026-01-05"})"));
  append(file, simple("correction", "2026-01-22",
                      R"({"corrects_seq":2,"reason":"still sick","void":true})"));
  const auto folded = fold(file);
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->state.first_sick_day, day("2026-01-05"));
  EXPECT_EQ(folded->state.status, CaseStatus::sick);
  EXPECT_EQ(folded->state.voided, std::vector<std::int64_t>{2});
  EXPECT_EQ(folded->state.corrected, std::vector<std::int64_t>{1});
}

TEST(CaseFileFold, CorrectionReplacesAPayload) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));
  append(file, simple("voluntary_extension", "2026-02-01", R"({"weeks":13})"));
  append(file, simple("correction", "2026-02-02",
                      R"({"corrects_seq":2,"reason":"UWV set 26 weeks","new_payload":{"weeks":26}})"));
  const auto folded = fold(file);
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->timeline_input.voluntary_extension_weeks, 26);
}

TEST(CaseFileFold, StepsFeedTheEngine) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));
  append(file, simple("partial_work", "2026-01-20", R"({"percentage":40,"kind":"own_work"})"));
  append(file, simple("company_doctor_report", "2026-01-08"));
  append(file, simple("problem_analysis", "2026-02-10",
                      R"({"author":"A","limitations":[],"possibilities":[],"prognosis":"p",
                          "advice":"a"})"));
  append(file, simple("plan_of_action", "2026-02-20", kPlan));
  append(file, simple("plan_of_action", "2026-02-25", plan_adjustment(5).c_str()));
  append(file, simple("progress_evaluation", "2026-03-01",
                      R"({"attendees":["e"],"employee_agreement":"agreed"})"));
  append(file, simple("deviation", "2026-03-01",
                      R"({"milestone":"first_year_evaluation","reason":"employee abroad"})"));
  append(file, simple("safety_net", "2026-03-01", R"({"kind":"no_risk"})"));
  const auto folded = fold(file);
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  const auto& in = folded->timeline_input;
  EXPECT_EQ(folded->state.status, CaseStatus::working_partially);
  EXPECT_EQ(folded->state.partial_work_percentage, 40);
  EXPECT_EQ(in.company_doctor_report_date, day("2026-01-08"));
  EXPECT_EQ(in.problem_analysis_date, day("2026-02-10"));
  EXPECT_EQ(in.plan_of_action_date, day("2026-02-20"));
  EXPECT_EQ(folded->state.plan_of_action_versions, 2);
  EXPECT_EQ(folded->state.current_plan_seq, 6);
  EXPECT_EQ(in.progress_evaluation_dates, std::vector<Date>{day("2026-03-01")});
  ASSERT_EQ(in.deviations.size(), 1u);
  EXPECT_EQ(in.deviations[0].milestone, MilestoneKey::first_year_evaluation);
  EXPECT_EQ(in.safety_net, SafetyNet::no_risk);
  const Timeline timeline = compute_timeline(in);
  EXPECT_EQ(timeline.at(MilestoneKey::problem_analysis).done_on, day("2026-02-10"));
}

TEST(CaseFileFold, CorrectionTakesTheVisibilityOfItsTarget) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));
  append(file, simple("problem_analysis", "2026-02-10",
                      R"({"author":"A","limitations":[],"possibilities":[],"prognosis":"p",
                          "advice":"a"})"));
  const auto draft = parse_entry_draft(simple(
      "correction", "2026-02-11", R"({"corrects_seq":2,"reason":"r","void":true})"));
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(entry_visibility(*draft, file), Visibility::functional);
  const auto plain = parse_entry_draft(simple("recovery", "2026-02-11"));
  EXPECT_EQ(entry_visibility(*plain, file), Visibility::absence);
}

}  // namespace
}  // namespace spoorboek::core

namespace spoorboek::core {
namespace {

TEST(CaseFileFold, ExtensionLapsesWhenTheCaseEndsBeforeTheWaitingPeriod) {
  std::vector<Entry> file;
  append(file, sick_report("2024-01-01"));
  append(file, simple("voluntary_extension", "2025-09-01", R"({"weeks":26})"));
  auto folded = fold(file, "2025-09-02");
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->timeline_input.voluntary_extension_weeks, 26);
  append(file, simple("recovery", "2025-10-01"));
  folded = fold(file, "2025-10-02");
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_TRUE(folded->state.voluntary_extension_lapsed);
  EXPECT_EQ(folded->timeline_input.voluntary_extension_weeks, 0);
}

TEST(CaseFileFold, ExtensionEndingBeforeTheWaitingPeriodIsRefused) {
  std::vector<Entry> file;
  append(file, sick_report("2024-01-01"));
  append(file, simple("voluntary_extension", "2025-09-01", R"({"end":"2025-10-01"})"));
  const auto folded = fold(file, "2025-09-02");
  ASSERT_FALSE(folded.ok());
  EXPECT_EQ(folded.error().field, "payload.end");
  EXPECT_NE(folded.error().message.find("entry 2 (voluntary_extension)"), std::string::npos);
}

}  // namespace
}  // namespace spoorboek::core

namespace spoorboek::core {
namespace {

using testing::append;
using testing::day;
using testing::sick_report;
using testing::simple;

std::string agreement(int plan_seq, const char* answer, const char* remarks = nullptr) {
  std::string payload = R"({"plan_seq":)" + std::to_string(plan_seq) + R"(,"agreement":")" +
                        answer + "\"";
  if (remarks) payload += R"(,"remarks":")" + std::string(remarks) + "\"";
  return payload + "}";
}

// The employee answers a version of the plan; an adjustment (a new version) needs a new answer,
// and an answer to a version that is not the current one is refused.
TEST(CaseFileFold, TheEmployeeAgreesToTheCurrentPlanVersion) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));
  const std::string plan = R"({"goal":"own_work","case_manager":"C","employee_agreement":"pending",)"
                           R"("activities":[{"description":"d","owner":"o","due":"2026-04-01"}]})";
  append(file, simple("plan_of_action", "2026-02-20", plan.c_str()));  // 2
  auto folded = fold_case_file(file, day("2026-03-02"));
  ASSERT_TRUE(folded.ok());
  EXPECT_EQ(folded->state.current_plan_agreement, "");

  append(file, simple("plan_agreement", "2026-02-21", agreement(2, "agreed").c_str()));
  folded = fold_case_file(file, day("2026-03-02"));
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->state.current_plan_agreement, "agreed");

  std::string adjustment = plan;
  adjustment.insert(1, R"("replaces_seq":2,"adjustment_reason":"evaluation",)");
  append(file, simple("plan_of_action", "2026-02-25", adjustment.c_str()));  // 4
  folded = fold_case_file(file, day("2026-03-02"));
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->state.current_plan_agreement, "");

  std::vector<Entry> stale = file;
  append(stale, simple("plan_agreement", "2026-02-26", agreement(2, "agreed").c_str()));
  const auto refused = fold_case_file(stale, day("2026-03-02"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "not_current_version");
  EXPECT_EQ(refused.error().field, "payload.plan_seq");

  append(file, simple("plan_agreement", "2026-02-26",
                      agreement(4, "refused", "the hours are too many").c_str()));
  folded = fold_case_file(file, day("2026-03-02"));
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->state.current_plan_agreement, "refused");
}

TEST(CaseFileFold, AnAgreementBeforeAnyPlanIsRefused) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));
  append(file, simple("plan_agreement", "2026-02-21", agreement(1, "agreed").c_str()));
  const auto folded = fold_case_file(file, day("2026-03-02"));
  ASSERT_FALSE(folded.ok());
  EXPECT_EQ(folded.error().code, "not_current_version");
}

std::string expert_opinion(const char* stage, std::optional<int> request_seq = std::nullopt) {
  std::string payload = std::string(R"({"stage":")") + stage +
                        R"(","requested_by":"employer","question":"employee_efforts")";
  if (std::string(stage) == "answered") payload += R"(,"conclusion":"insufficient efforts")";
  if (request_seq) payload += R"(,"request_seq":)" + std::to_string(*request_seq);
  return payload + "}";
}

// UWV answers a request: an answer that names its request must name an earlier request of the
// file; one that names none is accepted (the request may predate the file's keeping).
TEST(CaseFileFold, AnExpertOpinionAnswerNamesAnEarlierRequest) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));                                        // 1
  append(file, simple("expert_opinion", "2026-02-02", expert_opinion("requested").c_str()));  // 2
  append(file, simple("track_2_activity", "2026-02-03",
                      R"({"kind":"intake","description":"first meeting"})"));  // 3
  for (const int wrong : {1, 3, 9}) {
    std::vector<Entry> refused_file = file;
    append(refused_file,
           simple("expert_opinion", "2026-02-20", expert_opinion("answered", wrong).c_str()));
    const auto refused = fold(refused_file);
    ASSERT_FALSE(refused.ok()) << wrong;
    EXPECT_EQ(refused.error().code, "unknown_request") << wrong;
    EXPECT_EQ(refused.error().field, "payload.request_seq") << wrong;
    EXPECT_NE(refused.error().message.find("entry 4 (expert_opinion)"), std::string::npos)
        << refused.error().message;
  }
  std::vector<Entry> unnamed = file;
  append(unnamed, simple("expert_opinion", "2026-02-20", expert_opinion("answered").c_str()));
  EXPECT_TRUE(fold(unnamed).ok());

  // An answer dated before its request is refused; so is one whose request was voided.
  std::vector<Entry> early = file;
  append(early, simple("expert_opinion", "2026-02-01", expert_opinion("answered", 2).c_str()));
  EXPECT_EQ(fold(early).error().code, "unknown_request");

  append(file, simple("expert_opinion", "2026-02-20", expert_opinion("answered", 2).c_str()));  // 4
  const auto folded = fold(file);
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  std::vector<Entry> voided = file;
  append(voided, simple("correction", "2026-02-21",
                        R"({"corrects_seq":2,"reason":"never sent","void":true})"));
  const auto after_void = fold(voided);
  ASSERT_FALSE(after_void.ok());
  EXPECT_EQ(after_void.error().code, "unknown_request");
}

TEST(CaseFileEntryPayload, ARefusalOrRemarksNeedTheirWords) {
  EXPECT_FALSE(parse_entry_draft(simple("plan_agreement", "2026-03-02",
                                        agreement(2, "refused").c_str()))
                   .ok());
  EXPECT_TRUE(parse_entry_draft(simple("plan_agreement", "2026-03-02",
                                       agreement(2, "refused", "too much").c_str()))
                  .ok());
  EXPECT_FALSE(parse_entry_draft(simple("employee_view", "2026-03-02",
                                        R"({"subject":"plan_of_action"})"))
                   .ok());
}

}  // namespace
}  // namespace spoorboek::core
