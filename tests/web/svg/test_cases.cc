#include "tests/web/svg/test_cases.h"

#include <cstdlib>
#include <utility>

namespace spoorboek::web::svg::testing {
namespace {

core::Period sick(const char* from, const char* to = nullptr, std::string cause = {}) {
  core::Period period;
  period.start = day(from);
  if (to) period.end = day(to);
  period.cause = std::move(cause);
  return period;
}

core::Period leave(const char* from, const char* to) {
  core::Period period;
  period.kind = core::PeriodKind::maternity_leave;
  period.start = day(from);
  period.end = day(to);
  return period;
}

// S1 (D = 8 January 2024) in its second year: every first-year step on time, UWV's letter and
// the WIA application in time; the reintegration report only when `with_report`.
core::TimelineInput second_year_case(bool with_report) {
  core::TimelineInput input;
  input.periods = {sick("2024-01-08")};
  input.company_doctor_report_date = day("2024-01-11");
  input.problem_analysis_date = day("2024-02-15");
  input.plan_of_action_date = day("2024-02-28");
  input.progress_evaluation_dates = {day("2024-04-08"), day("2024-05-17"), day("2024-06-25")};
  input.uwv_42_week_report_date = day("2024-10-21");
  input.first_year_evaluation_date = day("2024-12-16");
  input.track_2_start_date = day("2025-01-20");
  input.uwv_letter_date = day("2025-09-16");
  if (with_report) input.reintegration_report_date = day("2025-09-30");
  input.wia_application_date = day("2025-10-10");
  return input;
}

}  // namespace

core::Date day(const char* iso) {
  const auto date = core::parse_iso_date(iso);
  if (!date) std::abort();  // a typo in a hand-written case
  return *date;
}

TimelineCase make_case(std::string name, core::TimelineInput input, core::Date today, std::string* error) {
  input.as_of = today;
  const core::Status status = core::validate_timeline_input(input);
  if (!status.ok() && error) *error = name + ": " + status.error().field + " " + status.error().message;
  TimelineCase result{std::move(name), std::move(input), {}, today, {}};
  if (status.ok()) result.timeline = core::compute_timeline(result.input);
  return result;
}

core::TimelineInput simple_case_input() {
  core::TimelineInput input;
  input.periods = {sick("2024-01-08")};
  input.company_doctor_report_date = day("2024-01-11");
  input.problem_analysis_date = day("2024-02-15");
  return input;
}

core::TimelineInput relapse_case_input() {
  core::TimelineInput input;
  input.periods = {sick("2022-01-03", "2022-07-03"), sick("2022-07-25")};
  input.company_doctor_report_date = day("2022-01-07");
  input.problem_analysis_date = day("2022-02-10");
  input.plan_of_action_date = day("2022-03-03");  // due 28 February: late
  input.progress_evaluation_dates = {day("2022-04-11"), day("2022-05-20")};
  return input;
}

core::TimelineInput new_case_input() {
  core::TimelineInput input;
  input.periods = {sick("2023-09-04", "2023-11-19"), sick("2023-12-18")};
  return input;
}

core::TimelineInput maternity_case_input() {
  core::TimelineInput input;
  input.periods = {sick("2024-02-05", "2024-06-02", "back"), leave("2024-06-03", "2024-09-22"),
                   sick("2024-09-23", nullptr, "back")};
  input.company_doctor_report_date = day("2024-02-08");
  input.problem_analysis_date = day("2024-03-14");
  input.plan_of_action_date = day("2024-03-28");
  return input;
}

core::TimelineInput extension_case_input() {
  core::TimelineInput input = second_year_case(true);
  input.voluntary_extension_weeks = 13;
  return input;
}

core::TimelineInput sanction_case_input() {
  // The reintegration report is missing: the shortcoming UWV sanctions.
  core::TimelineInput input = second_year_case(false);
  input.wage_sanction_weeks = 26;
  input.wage_sanction_decision_date = day("2025-11-03");
  return input;
}

core::TimelineInput ended_case_input() {
  core::TimelineInput input;
  input.periods = {sick("2025-01-13", "2025-05-04"), leave("2025-05-05", "2025-08-24")};
  input.safety_net = core::SafetyNet::pregnancy;
  input.company_doctor_report_date = day("2025-01-15");
  return input;
}

core::TimelineInput close_gaps_case_input() {
  core::TimelineInput input;
  input.periods = {sick("2024-01-08", "2024-01-20"), sick("2024-01-26", "2024-02-03"),
                   sick("2024-02-09", "2024-02-20"), sick("2024-02-22")};
  return input;
}

std::vector<TimelineCase> all_cases(std::string* error) {
  std::vector<TimelineCase> cases;
  cases.push_back(make_case("simple", simple_case_input(), day("2024-03-15"), error));
  cases.back().partial_work = {{day("2024-02-26"), std::nullopt, 50}};
  cases.push_back(make_case("relapse", relapse_case_input(), day("2022-10-01"), error));
  cases.push_back(make_case("new_case", new_case_input(), day("2024-02-01"), error));
  cases.push_back(make_case("maternity", maternity_case_input(), day("2024-11-01"), error));
  cases.push_back(make_case("extension", extension_case_input(), day("2026-01-20"), error));
  cases.push_back(make_case("sanction", sanction_case_input(), day("2026-03-02"), error));
  cases.push_back(make_case("ended", ended_case_input(), day("2025-06-02"), error));
  cases.push_back(make_case("close_gaps", close_gaps_case_input(), day("2024-04-02"), error));
  return cases;
}

}  // namespace spoorboek::web::svg::testing
