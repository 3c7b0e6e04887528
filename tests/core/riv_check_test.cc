// The completeness check: a complete two-year file has no BLOCK finding, and for every check a
// hand-made file that violates exactly that check shows it (with its severity) while the
// complete file does not.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/riv_check.h"
#include "tests/core/case_file_test_support.h"

namespace spoorboek::core {
namespace {

using testing::day;

// A case file as named JSON lines, so that a test can drop, replace or add one step. "$NAME$" in
// a line is replaced by the seq the line named NAME received (versions name their predecessor).
class FileBuilder {
 public:
  FileBuilder& add(std::string name, std::string line) {
    lines_.emplace_back(std::move(name), std::move(line));
    return *this;
  }
  FileBuilder& drop(const std::string& name) {
    const auto size = lines_.size();
    std::erase_if(lines_, [&](const auto& line) { return line.first == name; });
    EXPECT_NE(size, lines_.size()) << "no line named " << name;
    return *this;
  }
  FileBuilder& replace(const std::string& name, std::string line) {
    for (auto& [n, l] : lines_) {
      if (n == name) {
        l = std::move(line);
        return *this;
      }
    }
    ADD_FAILURE() << "no line named " << name;
    return *this;
  }
  std::vector<Entry> build() const {
    std::vector<Entry> file;
    std::map<std::string, std::int64_t> seqs;
    for (const auto& [name, line] : lines_) {
      std::string json = line;
      for (const auto& [other, seq] : seqs) {
        const std::string placeholder = "$" + other + "$";
        for (auto at = json.find(placeholder); at != std::string::npos; at = json.find(placeholder)) {
          json.replace(at, placeholder.size(), std::to_string(seq));
        }
      }
      seqs[name] = testing::append(file, json).seq;
    }
    return file;
  }

 private:
  std::vector<std::pair<std::string, std::string>> lines_;
};

std::string line(const std::string& type, const std::string& date, const std::string& payload) {
  return R"({"type":")" + type + R"(","occurred_on":")" + date + R"(","payload":)" + payload + "}";
}

std::string analysis(const std::string& extra = "", const std::string& limitations = R"(["geen tillen boven 10 kg"])") {
  return R"({"author":"Dr. Jansen","limitations":)" + limitations +
         R"(,"possibilities":["licht administratief werk"],"prognosis":"herstel binnen een jaar verwacht",)"
         R"("advice":"opbouw in eigen werk")" + extra + "}";
}

std::string plan(const std::string& extra, const std::string& agreement = "agreed",
                 const std::string& view = R"(,"employee_view":"ik wil terug naar mijn eigen werk")") {
  return R"({"goal":"own_work_adapted","activities":[{"description":"opbouw uren","owner":"Piet",)"
         R"("due":"2024-04-01"}],"case_manager":"Carla")" + view +
         R"(,"employee_agreement":")" + agreement + "\"" + extra + "}";
}

std::string evaluation(const std::string& summary = "opbouw gaat volgens plan",
                       const std::string& agreement = "agreed") {
  return R"({"attendees":["Carla","Sam"],"summary":")" + summary +
         R"(","employee_agreement":")" + agreement + R"("})";
}

constexpr const char* kEvaluationDates[] = {
    "2024-03-26", "2024-04-30", "2024-06-04", "2024-07-09", "2024-08-13", "2024-09-17",
    "2024-10-22", "2024-11-26", "2024-12-31", "2025-02-04", "2025-03-11", "2025-04-15",
    "2025-05-20", "2025-06-24", "2025-07-29", "2025-09-02", "2025-10-07"};

constexpr const char* kTrack2ReportDates[] = {"2025-02-14", "2025-03-21", "2025-04-25",
                                              "2025-05-30", "2025-07-04", "2025-08-08",
                                              "2025-09-12", "2025-10-17"};

std::string judgement(const std::string& relationship = R"("working_relationship_view":"goed",)") {
  return R"({"author":"Dr. Jansen","course_of_incapacity":"langzaam herstel",)"
         R"("limitations":["geen zwaar werk"],"possibilities":["licht werk"],"prognosis":"beperkt",)" +
         relationship + R"("suitable_work_at_employer_view":"geen passend werk"})";
}

// A complete two-year file: D = 2024-01-08, so the problem analysis is due 2024-02-19, the
// 42nd-week report 2024-10-28, the first-year evaluation in 2024-11-18 .. 2025-01-05, UWV's
// letter 2025-09-15 .. 2025-09-21, the RIV 2025-10-05, the WIA application 2025-10-19, E 2026-01-04.
FileBuilder complete_file() {
  FileBuilder b;
  b.add("sick", testing::sick_report("2024-01-08"));
  b.add("doctor", line("company_doctor_report", "2024-01-10", R"({"company_doctor":"Dr. Jansen"})"));
  b.add("pa", line("problem_analysis", "2024-02-12",
                   analysis(R"(,"medical":{"diagnosis":"burn-out, depressie"})")));
  b.add("plan", line("plan_of_action", "2024-02-20", plan("")));
  b.add("attempt_own", line("track_1_attempt", "2024-04-15",
                            R"({"option":"own_job_adapted","description":"eigen werk, minder uren",)"
                            R"("outcome":"failed","reason":"het werk bleek te zwaar"})"));
  b.add("attempt_other", line("track_1_attempt", "2024-09-01",
                              R"({"option":"other_job_internal","description":"receptie",)"
                              R"("outcome":"failed","reason":"geen vaste plek vrij"})"));
  for (std::size_t i = 0; i < std::size(kEvaluationDates); ++i) {
    b.add("eval" + std::to_string(i), line("progress_evaluation", kEvaluationDates[i], evaluation()));
  }
  b.add("report_42", line("uwv_42_week_report", "2024-10-21", "{}"));
  b.add("eje", line("first_year_evaluation", "2024-12-02",
                    R"({"track_decision":"start_track_2","reason":"geen passend werk intern",)"
                    R"("on_course":false})"));
  b.add("track_2", line("track_2_decision", "2024-12-20",
                        R"({"start":"2024-12-20","provider":"Werkfit","reason":"geen passend werk intern"})"));
  b.add("pa_adjustment", line("problem_analysis", "2025-08-01",
                              analysis(R"(,"replaces_seq":$pa$)")));
  b.add("plan_adjustment",
        line("plan_of_action", "2025-08-10",
             plan(R"(,"replaces_seq":$plan$,"adjustment_reason":"new_doctor_advice")")));
  b.add("ad_report", line("occupational_expert_report", "2024-11-20",
                          R"({"author":"A. Deskundige","question":"is er passend werk?",)"
                          R"("own_job_possible":"no","conclusion_track":"track_2","advice":"start spoor 2"})"));
  b.add("t2_0", line("track_2_activity", "2025-01-10", R"({"kind":"intake","description":"intakegesprek"})"));
  for (std::size_t i = 0; i < std::size(kTrack2ReportDates); ++i) {
    b.add("t2_" + std::to_string(i + 1),
          line("track_2_activity", kTrack2ReportDates[i],
               R"({"kind":"progress_report","description":"voortgang","assessment":"solliciteert actief"})"));
  }
  b.add("letter", line("uwv_wia_letter", "2025-09-16", "{}"));
  b.add("judgement", line("current_judgement", "2025-09-20", judgement()));
  b.add("end_evaluation", line("end_evaluation", "2025-09-27",
                               R"({"nature_of_business":"ambachtelijke bakkerij met winkel",)"
                               R"("reintegration_status":{"hours_per_week":0,"tasks":"geen","structural":false},)"
                               R"("summary_track_1":"eigen werk en receptie geprobeerd",)"
                               R"("summary_track_2":"spoor 2 via Werkfit",)"
                               R"("employer_view_working_relationship":"goed",)"
                               R"("employer_view_suitable_work":"geen passend werk"})"));
  b.add("opinion", line("employee_view", "2025-10-03",
                        R"({"subject":"reintegration_report","view":"ik ben het eens met het verslag"})"));
  b.add("riv", line("reintegration_report", "2025-10-03", R"({"handed_to_employee_on":"2025-10-03"})"));
  b.add("wia", line("wia_application", "2025-10-10", "{}"));
  return b;
}

const CaseParties kParties{"Sam de Vries", "Bakkerij Jansen"};

CheckReport check(const std::vector<Entry>& file, const char* as_of = "2025-10-20",
                  const CaseParties& parties = kParties) {
  auto report = check_entries(file, parties, day(as_of));
  EXPECT_TRUE(report.ok()) << report.error().field << ": " << report.error().message;
  return report.ok() ? *report : CheckReport{};
}

const Finding* find(const CheckReport& report, CheckId id) {
  for (const auto& finding : report.findings) {
    if (finding.check == id) return &finding;
  }
  return nullptr;
}

std::string describe(const CheckReport& report) {
  std::string text;
  for (const auto& f : report.findings) {
    text += std::string(severity_name(f.severity)) + " " + std::string(check_code(f.check)) + "\n";
  }
  return text;
}

// The finding is there with this severity, and the complete file does not have it.
void expect_only_in_violation(const CheckReport& report, CheckId id, Severity severity) {
  const Finding* finding = find(report, id);
  ASSERT_NE(finding, nullptr) << check_code(id) << " missing; findings:\n" << describe(report);
  EXPECT_EQ(finding->severity, severity) << check_code(id);
  EXPECT_EQ(find(check(complete_file().build()), id), nullptr) << check_code(id);
}

TEST(RivCheck, CompleteTwoYearFileHasNoBlock) {
  const CheckReport report = check(complete_file().build());
  EXPECT_TRUE(report.riv_phase);
  EXPECT_FALSE(report.has_block()) << describe(report);
  EXPECT_EQ(report.blocks, 0);
  EXPECT_EQ(report.warnings, 0) << describe(report);
  EXPECT_EQ(report.risk.score, 0);
  EXPECT_EQ(report.risk.level, RiskLevel::none);
  EXPECT_TRUE(report.risk.reasons.empty());
}

TEST(RivCheck, CodesAreStableAndUniqueAndDescribed) {
  for (std::size_t i = 0; i < kCheckCount; ++i) {
    const auto id = static_cast<CheckId>(i);
    const auto code = check_code(id);
    EXPECT_TRUE(code.starts_with("RIV-A-") || code.starts_with("RIV-B-") ||
                code.starts_with("RIV-C-"))
        << code;
    EXPECT_EQ(check_from_code(code), id);
    EXPECT_FALSE(check_legal_basis(id).empty()) << code;
    for (const auto language : {Language::nl, Language::en}) {
      EXPECT_FALSE(check_title(id, language).empty()) << code;
      EXPECT_FALSE(check_action(id, language).empty()) << code;
    }
  }
  EXPECT_EQ(check_code(CheckId::problem_analysis_missing), "RIV-A-problem_analysis_missing");
  EXPECT_EQ(check_number(CheckId::problem_analysis_missing), 6);
  EXPECT_FALSE(check_from_code("RIV-A-nonsense").has_value());
}

// --- A. Presence of the RIV elements ---

TEST(RivCheck, AdministrativeDataMissingWithoutEmployerName) {
  const CheckReport report = check(complete_file().build(), "2025-10-20", {"Sam de Vries", ""});
  expect_only_in_violation(report, CheckId::administrative_data_missing, Severity::block);
  EXPECT_EQ(find(report, CheckId::administrative_data_missing)->element,
            RivElement::a_administrative_data);
}

TEST(RivCheck, AdministrativeDataMissingWithoutNamedCompanyDoctor) {
  FileBuilder b;
  b.add("sick", testing::sick_report("2024-01-08"));
  b.add("doctor", line("company_doctor_report", "2024-01-10", "{}"));
  // Not before the doctor's first product, the problem analysis, is due (2024-02-19).
  EXPECT_EQ(find(check(b.build(), "2024-02-19"), CheckId::administrative_data_missing), nullptr);
  const CheckReport report = check(b.build(), "2024-02-20");
  const Finding* finding = find(report, CheckId::administrative_data_missing);
  ASSERT_NE(finding, nullptr) << describe(report);
  EXPECT_EQ(finding->severity, Severity::block);
  EXPECT_EQ(finding->entries, std::vector<std::int64_t>{2});
}

TEST(RivCheck, FirstSickDayMissingWithoutSickReport) {
  const CheckReport report = check({});
  expect_only_in_violation(report, CheckId::first_sick_day_missing, Severity::block);
  EXPECT_TRUE(report.has_block());
}

TEST(RivCheck, ProblemAnalysisMissing) {
  auto b = complete_file();
  b.drop("pa_adjustment").drop("pa");
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::problem_analysis_missing, Severity::block);
  const Finding* finding = find(report, CheckId::problem_analysis_missing);
  EXPECT_EQ(finding->milestone, MilestoneKey::problem_analysis);
  EXPECT_EQ(finding->due, day("2024-02-19"));
  EXPECT_EQ(finding->element, RivElement::f_problem_analysis);
}

TEST(RivCheck, ProblemAnalysisMissingOnlyOnceItsTermPassed) {
  FileBuilder b;
  b.add("sick", testing::sick_report("2024-01-08"));
  b.add("doctor", line("company_doctor_report", "2024-01-10", R"({"company_doctor":"Dr. Jansen"})"));
  EXPECT_EQ(find(check(b.build(), "2024-02-19"), CheckId::problem_analysis_missing), nullptr);
  EXPECT_NE(find(check(b.build(), "2024-02-20"), CheckId::problem_analysis_missing), nullptr);
}

TEST(RivCheck, PlanOfActionMissing) {
  auto b = complete_file();
  b.drop("plan_adjustment").drop("plan");
  expect_only_in_violation(check(b.build()), CheckId::plan_of_action_missing, Severity::block);
}

TEST(RivCheck, NoPlanNeededWhenTheAnalysisFindsNoSustainablePossibilities) {
  auto b = complete_file();
  b.drop("plan_adjustment").drop("plan");
  b.replace("pa_adjustment", line("problem_analysis", "2025-08-01",
                                  analysis(R"(,"replaces_seq":$pa$,"no_sustainable_possibilities":true)")));
  const CheckReport report = check(b.build());
  EXPECT_EQ(find(report, CheckId::plan_of_action_missing), nullptr) << describe(report);
}

TEST(RivCheck, FirstYearEvaluationMissing) {
  auto b = complete_file();
  b.drop("eje");
  expect_only_in_violation(check(b.build()), CheckId::first_year_evaluation_missing,
                           Severity::block);
}

TEST(RivCheck, EmployeeOpinionMissingBlocksOnceTheRivIsDue) {
  auto b = complete_file();
  b.drop("opinion");
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::employee_opinion_missing, Severity::block);
  EXPECT_EQ(find(report, CheckId::employee_opinion_missing)->element,
            RivElement::l_employee_opinion);
}

TEST(RivCheck, EmployeeOpinionMissingWarnsWhileThereIsTime) {
  auto b = complete_file();
  b.drop("wia").drop("riv").drop("opinion");
  // UWV's letter window opened on 2025-09-15; the RIV is due on 2025-10-05.
  const CheckReport report = check(b.build(), "2025-09-17");
  EXPECT_TRUE(report.riv_phase);
  const Finding* finding = find(report, CheckId::employee_opinion_missing);
  ASSERT_NE(finding, nullptr) << describe(report);
  EXPECT_EQ(finding->severity, Severity::warn);
  EXPECT_EQ(finding->due, day("2025-10-05"));
}

TEST(RivCheck, RivElementsAreNotAskedForBeforeTheRivPhase) {
  auto b = complete_file();
  b.drop("wia").drop("riv").drop("opinion").drop("letter");
  const CheckReport report = check(b.build(), "2025-06-01");
  EXPECT_FALSE(report.riv_phase);
  EXPECT_EQ(find(report, CheckId::employee_opinion_missing), nullptr);
  EXPECT_EQ(find(report, CheckId::medical_information_missing), nullptr);
}

TEST(RivCheck, MedicalInformationMissing) {
  auto b = complete_file();
  b.replace("pa", line("problem_analysis", "2024-02-12", analysis()));
  expect_only_in_violation(check(b.build()), CheckId::medical_information_missing, Severity::info);
}


TEST(RivCheck, EndEvaluationMissing) {
  auto b = complete_file();
  b.drop("end_evaluation");
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::end_evaluation_missing, Severity::block);
  EXPECT_EQ(find(report, CheckId::end_evaluation_missing)->element, RivElement::h_evaluations);
}

TEST(RivCheck, CurrentJudgementMissing) {
  auto b = complete_file();
  b.drop("judgement");
  expect_only_in_violation(check(b.build()), CheckId::current_judgement_missing, Severity::block);
}

TEST(RivCheck, WorkingRelationshipJudgementMissing) {
  auto b = complete_file();
  b.replace("judgement", line("current_judgement", "2025-09-20", judgement("")));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::working_relationship_judgement_missing,
                           Severity::block);
  EXPECT_EQ(find(report, CheckId::working_relationship_judgement_missing)->element,
            RivElement::i_working_relationship);
}

TEST(RivCheck, CurrentJudgementAfterEndEvaluation) {
  auto b = complete_file();
  b.replace("judgement", line("current_judgement", "2025-09-30", judgement()));
  expect_only_in_violation(check(b.build()), CheckId::current_judgement_after_end_evaluation,
                           Severity::warn);
}

TEST(RivCheck, Track2AdvisedNotStarted) {
  auto b = complete_file();
  b.drop("track_2");
  expect_only_in_violation(check(b.build()), CheckId::track_2_advised_not_started, Severity::warn);
}

TEST(RivCheck, Track2FollowUpMissing) {
  auto b = complete_file();
  b.drop("t2_6").drop("t2_7").drop("t2_8");
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::track_2_follow_up_missing, Severity::warn);
  EXPECT_EQ(find(report, CheckId::track_2_follow_up_missing)->due, day("2025-08-15"));
}

TEST(RivCheck, DisagreementWithoutExpertOpinion) {
  auto b = complete_file();
  b.add("refused", line("plan_agreement", "2025-08-12",
                        R"({"plan_seq":$plan_adjustment$,"agreement":"refused","remarks":"te snel"})"));
  expect_only_in_violation(check(b.build()), CheckId::disagreement_without_expert_opinion,
                           Severity::warn);
  // A deskundigenoordeel asked (and answered) settles it.
  b.add("asked", line("expert_opinion", "2025-08-20",
                      R"({"stage":"requested","requested_by":"employer","question":"suitability_offered_work"})"));
  b.add("answer", line("expert_opinion", "2025-10-01",
                       R"({"stage":"answered","requested_by":"employer","question":"suitability_offered_work",)"
                       R"("conclusion":"het plan is passend","request_seq":$asked$})"));
  const CheckReport settled = check(b.build());
  EXPECT_EQ(find(settled, CheckId::disagreement_without_expert_opinion), nullptr);
  EXPECT_EQ(find(settled, CheckId::expert_opinion_unanswered), nullptr);
}

TEST(RivCheck, ExpertOpinionUnanswered) {
  auto b = complete_file();
  b.add("asked", line("expert_opinion", "2025-08-01",
                      R"({"stage":"requested","requested_by":"employee","question":"employer_efforts"})"));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::expert_opinion_unanswered, Severity::info);
  EXPECT_EQ(find(report, CheckId::expert_opinion_unanswered)->due, day("2025-09-26"));
}

TEST(RivCheck, ReportsToAttachAreListedInTheRivPhaseOnly) {
  const CheckReport report = check(complete_file().build());
  const Finding* finding = find(report, CheckId::attach_reports);
  ASSERT_NE(finding, nullptr);
  EXPECT_EQ(finding->severity, Severity::info);
  EXPECT_EQ(finding->entries.size(), 1u + 1u + std::size(kTrack2ReportDates));  // AD, intake, reports
  EXPECT_EQ(risk_points(*finding), 0);
  EXPECT_EQ(find(check(complete_file().build(), "2025-06-01"), CheckId::attach_reports), nullptr);
}

// --- B. Timing (from the deadline engine) ---

TEST(RivCheck, ProblemAnalysisLate) {
  auto b = complete_file();
  b.replace("pa", line("problem_analysis", "2024-02-26", analysis(R"(,"medical":{"x":"y"})")));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::problem_analysis_late, Severity::warn);
  EXPECT_EQ(find(report, CheckId::problem_analysis_late)->due, day("2024-02-19"));
}

TEST(RivCheck, ARecordedDeviationIsNotLate) {
  auto b = complete_file();
  b.replace("pa", line("problem_analysis", "2024-02-26", analysis(R"(,"medical":{"x":"y"})")));
  b.add("deviation", line("deviation", "2024-02-15",
                          R"({"milestone":"problem_analysis","reason":"bedrijfsarts met verlof"})"));
  EXPECT_EQ(find(check(b.build()), CheckId::problem_analysis_late), nullptr);
}

TEST(RivCheck, PlanOfActionLate) {
  auto b = complete_file();
  b.replace("plan", line("plan_of_action", "2024-03-05", plan("")));
  expect_only_in_violation(check(b.build()), CheckId::plan_of_action_late, Severity::warn);
}

TEST(RivCheck, PlanNotAdjustedAfterAnAnalysisAdjustment) {
  auto b = complete_file();
  b.drop("plan_adjustment");
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::plan_not_adjusted, Severity::warn);
  EXPECT_EQ(find(report, CheckId::plan_not_adjusted)->entries.size(), 2u);
}

TEST(RivCheck, ProgressEvaluationOverdue) {
  auto b = complete_file();
  b.drop("eval16");  // the last one, 2025-10-07: the cycle from 2025-09-02 ran out on 2025-10-14
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::progress_evaluation_overdue, Severity::warn);
  EXPECT_EQ(find(report, CheckId::progress_evaluation_overdue)->due, day("2025-10-14"));
}

TEST(RivCheck, ProgressEvaluationGap) {
  auto b = complete_file();
  b.drop("eval5");  // 2024-08-13 to 2024-10-22 is ten weeks
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::progress_evaluation_gap, Severity::info);
  const Finding* finding = find(report, CheckId::progress_evaluation_gap);
  EXPECT_EQ(finding->due, day("2024-09-24"));
  ASSERT_EQ(finding->entries.size(), 1u);
}

TEST(RivCheck, Uwv42WeekReportOverdue) {
  auto b = complete_file();
  b.drop("report_42");
  expect_only_in_violation(check(b.build()), CheckId::uwv_42_week_report_overdue, Severity::block);
}

TEST(RivCheck, Uwv42WeekReportLate) {
  auto b = complete_file();
  b.replace("report_42", line("uwv_42_week_report", "2024-11-05", "{}"));
  expect_only_in_violation(check(b.build()), CheckId::uwv_42_week_report_late, Severity::warn);
}

TEST(RivCheck, FirstYearEvaluationOutsideWindowLate) {
  auto b = complete_file();
  b.replace("eje", line("first_year_evaluation", "2025-01-20",
                        R"({"track_decision":"start_track_2","reason":"geen passend werk","on_course":false})"));
  b.replace("track_2", line("track_2_decision", "2025-01-27",
                            R"({"start":"2025-01-27","provider":"Werkfit","reason":"geen passend werk"})"));
  expect_only_in_violation(check(b.build()), CheckId::first_year_evaluation_outside_window,
                           Severity::warn);
}

TEST(RivCheck, FirstYearEvaluationOutsideWindowEarly) {
  auto b = complete_file();
  b.replace("eje", line("first_year_evaluation", "2024-11-01",
                        R"({"track_decision":"start_track_2","reason":"geen passend werk","on_course":false})"));
  expect_only_in_violation(check(b.build()), CheckId::first_year_evaluation_outside_window,
                           Severity::warn);
}

TEST(RivCheck, Track2Late) {
  auto b = complete_file();
  b.replace("track_2", line("track_2_decision", "2025-02-20",
                            R"({"start":"2025-02-20","provider":"Werkfit","reason":"geen passend werk"})"));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::track_2_late, Severity::warn);
  EXPECT_EQ(find(report, CheckId::track_2_late)->due, day("2025-01-13"));
}

TEST(RivCheck, Track2NotStartedAfterAMotivatedTrack1DecisionIsInfo) {
  auto b = complete_file();
  b.drop("track_2");
  b.replace("eje", line("first_year_evaluation", "2024-12-02",
                        R"({"track_decision":"continue_track_1","reason":"terugkeer binnen drie maanden",)"
                        R"("on_course":true})"));
  const CheckReport report = check(b.build());
  const Finding* finding = find(report, CheckId::track_2_late);
  ASSERT_NE(finding, nullptr) << describe(report);
  EXPECT_EQ(finding->severity, Severity::info);
}

TEST(RivCheck, ReintegrationReportLate) {
  auto b = complete_file();
  b.replace("riv", line("reintegration_report", "2025-10-08", R"({"handed_to_employee_on":"2025-10-08"})"));
  expect_only_in_violation(check(b.build()), CheckId::reintegration_report_late, Severity::warn);
}

TEST(RivCheck, ReintegrationReportHandedOverLate) {
  auto b = complete_file();
  b.replace("riv", line("reintegration_report", "2025-10-03", R"({"handed_to_employee_on":"2025-10-09"})"));
  expect_only_in_violation(check(b.build()), CheckId::reintegration_report_late, Severity::warn);
}

TEST(RivCheck, WiaApplicationLate) {
  auto b = complete_file();
  b.replace("wia", line("wia_application", "2025-10-25", "{}"));
  const CheckReport report = check(b.build(), "2025-10-30");
  const Finding* finding = find(report, CheckId::wia_application_late);
  ASSERT_NE(finding, nullptr) << describe(report);
  EXPECT_EQ(finding->severity, Severity::warn);
  EXPECT_EQ(find(check(complete_file().build(), "2025-10-30"), CheckId::wia_application_late),
            nullptr);
}

TEST(RivCheck, TherapeuticWorkTooLong) {
  auto b = complete_file();
  b.add("therapeutic", line("partial_work", "2025-08-15", R"({"percentage":20,"kind":"therapeutic"})"));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::therapeutic_work_too_long, Severity::warn);
  EXPECT_EQ(find(report, CheckId::therapeutic_work_too_long)->due, day("2025-09-26"));
}

TEST(RivCheck, PartialWorkNotReevaluated) {
  auto b = complete_file();
  b.add("partial", line("partial_work", "2025-06-01", R"({"percentage":50,"kind":"own_work"})"));
  expect_only_in_violation(check(b.build()), CheckId::partial_work_not_reevaluated, Severity::info);
}

TEST(RivCheck, AdviceOutdatedWhileStagnating) {
  auto b = complete_file();
  b.drop("plan_adjustment").drop("pa_adjustment");
  expect_only_in_violation(check(b.build()), CheckId::advice_outdated_while_stagnating,
                           Severity::warn);
}

// --- C. Content and quality ---

TEST(RivCheck, ProblemAnalysisIncomplete) {
  auto b = complete_file();
  b.replace("pa_adjustment", line("problem_analysis", "2025-08-01",
                                  analysis(R"(,"replaces_seq":$pa$)", "[]")));
  expect_only_in_violation(check(b.build()), CheckId::problem_analysis_incomplete, Severity::warn);
}

TEST(RivCheck, NoPossibilitiesIsAReviewRisk) {
  auto b = complete_file();
  b.replace("pa_adjustment", line("problem_analysis", "2025-08-01",
                                  analysis(R"(,"replaces_seq":$pa$,"no_sustainable_possibilities":true)")));
  expect_only_in_violation(check(b.build()), CheckId::no_possibilities_review_risk, Severity::warn);
}

TEST(RivCheck, PlanWithoutEmployeeView) {
  auto b = complete_file();
  b.replace("plan_adjustment",
            line("plan_of_action", "2025-08-10",
                 plan(R"(,"replaces_seq":$plan$,"adjustment_reason":"new_doctor_advice")", "agreed", "")));
  expect_only_in_violation(check(b.build()), CheckId::plan_without_employee_view, Severity::warn);
}

TEST(RivCheck, Track1LadderIncomplete) {
  auto b = complete_file();
  // Neither an attempt at other work inside nor an occupational expert who looked for it.
  b.drop("attempt_other").drop("ad_report");
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::track_1_ladder_incomplete, Severity::warn);
}

TEST(RivCheck, EmployeeProposalUnanswered) {
  auto b = complete_file();
  b.add("proposal", line("track_1_attempt", "2025-05-01",
                         R"({"option":"employee_proposal","description":"werk in de winkel",)"
                         R"("outcome":"ongoing"})"));
  expect_only_in_violation(check(b.build()), CheckId::employee_proposal_unanswered, Severity::warn);
}

TEST(RivCheck, Track1ContinuedDespiteStagnation) {
  auto b = complete_file();
  b.replace("eje", line("first_year_evaluation", "2024-12-02",
                        R"({"track_decision":"continue_track_1","reason":"we proberen nog iets",)"
                        R"("on_course":false})"));
  expect_only_in_violation(check(b.build()), CheckId::track_1_continued_despite_stagnation,
                           Severity::warn);
}

TEST(RivCheck, RefusalWithoutFollowUp) {
  auto b = complete_file();
  b.drop("eval16");
  b.add("refusal", line("track_1_attempt", "2025-09-05",
                        R"({"option":"other_job_internal","description":"magazijn",)"
                        R"("outcome":"declined_by_employee","reason":"te ver reizen"})"));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::refusal_without_follow_up, Severity::warn);
  // A conversation after the refusal is the follow-up.
  b.add("talk", line("reintegration_interview", "2025-09-20", evaluation()));
  EXPECT_EQ(find(check(b.build()), CheckId::refusal_without_follow_up), nullptr);
}

TEST(RivCheck, MedicalTermInEmployerText) {
  auto b = complete_file();
  b.replace("eval3", line("progress_evaluation", "2024-07-09",
                          evaluation("Sam heeft nog veel last van rugklachten")));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::medical_term_in_employer_text, Severity::warn);
  const Finding* finding = find(report, CheckId::medical_term_in_employer_text);
  EXPECT_EQ(finding->field, "payload.summary");
  EXPECT_EQ(finding->term, "klachten");
  ASSERT_EQ(finding->entries.size(), 1u);
  // Privacy findings are no ground for a wage sanction.
  EXPECT_EQ(risk_points(*finding), 0);
}

TEST(RivCheck, TheLintReadsEscapedTextAsWritten) {
  auto b = complete_file();
  // In the stored JSON the line break is the escape "\n": the word after it is still a word.
  b.replace("eval3", line("progress_evaluation", "2024-07-09",
                          evaluation(R"(eerste regel\nPijnstillers helpen)")));
  const Finding* finding = find(check(b.build()), CheckId::medical_term_in_employer_text);
  ASSERT_NE(finding, nullptr);
  EXPECT_EQ(finding->term, "pijnstiller");
}

TEST(RivCheck, TheMedicalPartIsNotLinted) {
  // The complete file's analysis carries "burn-out, depressie" in its medical part.
  const auto file = complete_file().build();
  ASSERT_TRUE(file[2].medical.has_value());
  EXPECT_EQ(find(check(file), CheckId::medical_term_in_employer_text), nullptr);
}

TEST(RivCheck, AgreementPending) {
  auto b = complete_file();
  b.replace("plan_adjustment",
            line("plan_of_action", "2025-08-10",
                 plan(R"(,"replaces_seq":$plan$,"adjustment_reason":"new_doctor_advice")", "pending")));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::agreement_pending, Severity::warn);
  // The employee's answer settles it.
  b.add("answer", line("plan_agreement", "2025-08-12", R"({"plan_seq":$plan_adjustment$,"agreement":"agreed"})"));
  EXPECT_EQ(find(check(b.build()), CheckId::agreement_pending), nullptr);
}

TEST(RivCheck, WageSanctionImposedIsTheHighestRisk) {
  auto b = complete_file();
  b.add("sanction", line("wage_sanction", "2025-10-15", R"({"weeks":26})"));
  const CheckReport report = check(b.build());
  expect_only_in_violation(report, CheckId::wage_sanction_imposed, Severity::info);
  EXPECT_EQ(report.risk.score, 100);
  EXPECT_EQ(report.risk.level, RiskLevel::high);
}

// --- Risk, order, corrections, elements ---

TEST(RivCheck, RiskAddsUpBlocksAndWarningsWithTheirReasons) {
  auto b = complete_file();
  b.drop("report_42");  // BLOCK: 25
  b.replace("plan", line("plan_of_action", "2024-03-05", plan("")));  // WARN: 10
  const CheckReport report = check(b.build());
  EXPECT_EQ(report.risk.score, 35) << describe(report);
  EXPECT_EQ(report.risk.level, RiskLevel::medium);
  ASSERT_EQ(report.risk.reasons.size(), 2u);
  EXPECT_EQ(report.risk.reasons[0], (RiskReason{CheckId::uwv_42_week_report_overdue, 25}));
  EXPECT_EQ(report.risk.reasons[1], (RiskReason{CheckId::plan_of_action_late, 10}));
  // BLOCK findings come first.
  EXPECT_EQ(report.findings.front().severity, Severity::block);
}

TEST(RivCheck, RiskIsCappedAt100) {
  FileBuilder b;
  b.add("sick", testing::sick_report("2024-01-08"));
  const CheckReport report = check(b.build(), "2025-10-20", {"", ""});
  EXPECT_GE(report.blocks, 4) << describe(report);
  EXPECT_EQ(report.risk.score, 100);
}

TEST(RivCheck, AVoidedStepCountsAsMissing) {
  auto b = complete_file();
  b.add("void", line("correction", "2025-10-15", R"({"corrects_seq":$report_42$,"void":true,"reason":"dubbel"})"));
  expect_only_in_violation(check(b.build()), CheckId::uwv_42_week_report_overdue, Severity::block);
}

TEST(RivCheck, ACorrectionReplacesTheContentThatIsChecked) {
  auto b = complete_file();
  b.add("fix", line("correction", "2025-10-15",
                    R"({"corrects_seq":$pa_adjustment$,"reason":"aangevuld","new_payload":)" +
                        analysis(R"(,"replaces_seq":$pa$)", "[]") + "}"));
  expect_only_in_violation(check(b.build()), CheckId::problem_analysis_incomplete, Severity::warn);
}

TEST(RivCheck, SeesTheFileAsItStoodOnItsDate) {
  // As of 2025-09-01 the WIA application (2025-10-10) had not happened: the RIV is not due yet,
  // so the elements still to come are not asked for.
  const CheckReport report = check(complete_file().build(), "2025-09-01");
  EXPECT_FALSE(report.riv_phase);
  EXPECT_EQ(find(report, CheckId::end_evaluation_missing), nullptr);
  EXPECT_FALSE(report.has_block()) << describe(report);
}

TEST(RivCheck, CheckCaseFileMatchesCheckEntries) {
  const auto file = complete_file().build();
  const auto fold = fold_case_file(file, day("2025-10-20"));
  ASSERT_TRUE(fold.ok());
  const Timeline timeline = compute_timeline(fold->timeline_input);
  const CheckReport direct = check_case_file(file, *fold, &timeline, kParties, day("2025-10-20"));
  const CheckReport via = check(file);
  EXPECT_EQ(direct.findings, via.findings);
}

TEST(RivElements, NameTheEntriesOfEachElement) {
  const auto file = complete_file().build();
  const RivElements elements = riv_elements(file);
  EXPECT_EQ(elements.of(RivElement::e_first_sick_day), std::vector<std::int64_t>{1});
  EXPECT_EQ(elements.of(RivElement::a_administrative_data), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(elements.of(RivElement::f_problem_analysis).size(), 2u);
  EXPECT_EQ(elements.of(RivElement::g_plan_of_action).size(), 2u);
  EXPECT_EQ(elements.of(RivElement::h_evaluations).size(), 2u);  // first-year and end evaluation
  EXPECT_EQ(elements.of(RivElement::b_nature_of_business).size(), 1u);
  EXPECT_EQ(elements.of(RivElement::i_working_relationship).size(), 2u);
  EXPECT_EQ(elements.of(RivElement::j_current_judgement).size(), 1u);
  EXPECT_EQ(elements.of(RivElement::k_suitable_work).size(), 2u);
  EXPECT_EQ(elements.of(RivElement::l_employee_opinion).size(), 1u);
  EXPECT_EQ(elements.of(RivElement::medical_information), std::vector<std::int64_t>{3});
  EXPECT_TRUE(elements.of(RivElement::c_function).empty());
  // Two track-1 attempts, the track-2 decision, 17 progress evaluations, the occupational
  // expert's report and nine track-2 activities.
  EXPECT_EQ(elements.attachments.size(), 30u);
  for (std::size_t i = 0; i < kRivElementCount; ++i) {
    const auto element = static_cast<RivElement>(i);
    EXPECT_FALSE(riv_element_letter(element).empty());
    EXPECT_FALSE(riv_element_name(element, Language::nl).empty());
  }
}

TEST(RivElements, LeaveOutVoidedEntries) {
  auto b = complete_file();
  b.add("void", line("correction", "2025-10-15", R"({"corrects_seq":$opinion$,"void":true,"reason":"dubbel"})"));
  EXPECT_TRUE(riv_elements(b.build()).of(RivElement::l_employee_opinion).empty());
}

// --- The privacy lint's matcher ---

TEST(MedicalLexicon, MatchesWholeWordsIgnoringCase) {
  EXPECT_EQ(find_medical_term("Hij heeft een BURN-OUT gehad"), "burn-out");
  EXPECT_EQ(find_medical_term("Depressief sinds de zomer"), "depressi");
  EXPECT_EQ(find_medical_term("She was diagnosed last year"), "diagnos");
  EXPECT_EQ(find_medical_term("uses a beta blocker daily"), "beta blocker");
  EXPECT_EQ(find_medical_term("Afspraak bij de huisarts op dinsdag"), "huisarts");
}

TEST(MedicalLexicon, MatchesDutchCompoundsBySuffix) {
  EXPECT_EQ(find_medical_term("veel rugklachten"), "klachten");
  EXPECT_EQ(find_medical_term("last van hoofdpijn"), "hoofdpijn");
  EXPECT_EQ(find_medical_term("buikpijn"), "pijn");
}

TEST(MedicalLexicon, IsUtf8Aware) {
  EXPECT_EQ(find_medical_term("BÈTABLOKKERS voorgeschreven"), "bètablokker");
  // A multi-byte letter is part of the word: "kankerë" is no match for "kanker".
  EXPECT_TRUE(find_medical_term("kankerë").empty());
}

TEST(MedicalLexicon, LeavesOrdinaryWorkTextAlone) {
  for (const char* text :
       {"opbouw in eigen werk, 4 uur per dag", "therapeutisch werken op de afdeling",
        "arbeidstherapie is gestart", "overleg met de bedrijfsarts en de arbeidsdeskundige",
        "klachtenregeling van het bedrijf", "pijnlijk dat het niet lukte",
        "het bedrijf heeft een hartelijke sfeer", "operations manager"}) {
    EXPECT_TRUE(find_medical_term(text).empty()) << text << " matched " << find_medical_term(text);
  }
}

}  // namespace
}  // namespace spoorboek::core
