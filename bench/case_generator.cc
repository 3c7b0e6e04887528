#include "case_generator.h"

#include "core/holidays.h"

namespace spoorboek::bench {
namespace {

using core::add_days;
using core::Date;

constexpr Date kFirstPossibleStart =
    Date{std::chrono::year{2019} / std::chrono::January / std::chrono::day{7}};
constexpr long kStartSpreadDays = 2800;  // first sick days up to about mid 2026
constexpr long kMaternityLeaveDays = 112;

void append_date_member(std::string& out, const char* key, const std::optional<Date>& date) {
  if (!date) return;
  out.append(",\"").append(key).append("\":\"");
  core::append_iso_date(out, *date);
  out.push_back('"');
}

}  // namespace

// splitmix64: tiny, fast, and the same everywhere.
std::uint64_t CaseGenerator::next_random() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

long CaseGenerator::between(long low, long high) {
  return low + static_cast<long>(next_random() % static_cast<std::uint64_t>(high - low + 1));
}

core::TimelineInput CaseGenerator::draft() {
  core::TimelineInput input;
  input.as_of = kBenchAsOf;
  const int period_count = static_cast<int>(between(1, 4));
  Date start = core::next_working_day_on_or_after(
      add_days(kFirstPossibleStart, between(0, kStartSpreadDays)));
  while (true) {
    core::Period sick;
    sick.start = start;
    sick.cause = chance(50) ? "back" : "";
    input.periods.push_back(sick);
    const bool last = static_cast<int>(input.periods.size()) >= period_count;
    if (last && chance(70)) break;  // open: still sick
    const Date end = add_days(start, between(3, 300));
    input.periods.back().end = end;
    if (last) break;
    const long gap_kind = between(1, 100);
    if (gap_kind <= 55) {
      start = add_days(end, between(1, 27) + 1);  // short fit gap: same case
    } else if (gap_kind <= 80) {
      start = add_days(end, between(28, 200) + 1);  // long gap: a new case
    } else {
      core::Period leave;
      leave.kind = core::PeriodKind::maternity_leave;
      leave.start = add_days(end, 1);
      leave.end = add_days(end, kMaternityLeaveDays);
      input.periods.push_back(leave);
      if (static_cast<int>(input.periods.size()) >= period_count) break;
      start = add_days(*leave.end, 1);
    }
  }

  // Steps, dated from the first sick day of the latest period's case (approximately: the
  // engine decides; these only need to be plausible and not before the first period).
  const Date first = input.periods.front().start;
  if (chance(85)) input.company_doctor_report_date = add_days(first, between(1, 8));
  if (chance(80)) input.problem_analysis_date = add_days(first, between(20, 50));
  if (input.problem_analysis_date && chance(80)) {
    input.plan_of_action_date = add_days(*input.problem_analysis_date, between(7, 21));
    Date evaluation = *input.plan_of_action_date;
    for (long i = between(0, 4); i > 0; --i) {
      evaluation = add_days(evaluation, between(30, 50));
      input.progress_evaluation_dates.push_back(evaluation);
    }
  }
  if (chance(40)) input.uwv_42_week_report_date = add_days(first, between(280, 300));
  if (chance(30)) input.first_year_evaluation_date = add_days(first, between(310, 370));
  if (chance(15)) input.uwv_letter_date = add_days(first, between(610, 630));
  if (chance(15)) input.wia_application_date = add_days(first, between(620, 660));
  if (chance(5)) {
    input.wage_sanction_weeks = static_cast<int>(between(4, 52));
    input.wage_sanction_decision_date = add_days(first, between(650, 700));
  }
  if (chance(5)) input.voluntary_extension_weeks = static_cast<int>(between(13, 52));
  if (chance(3)) input.safety_net = core::SafetyNet::pregnancy;
  if (chance(5)) {
    input.deviations.push_back(
        core::Deviation{core::MilestoneKey::plan_of_action, "employee in hospital"});
  }
  return input;
}

core::TimelineInput CaseGenerator::next() {
  for (;;) {
    core::TimelineInput input = draft();
    // Some drafts break a rule (an extension of a case that ended before its waiting period):
    // draw again.
    if (core::validate_timeline_input(input).ok()) return input;
  }
}

void append_description_json(std::string& out, const core::TimelineInput& input) {
  out.append("{\"periods\":[");
  for (std::size_t i = 0; i < input.periods.size(); ++i) {
    const core::Period& period = input.periods[i];
    if (i > 0) out.push_back(',');
    out.append(period.kind == core::PeriodKind::sick ? R"({"kind":"sick")"
                                                     : R"({"kind":"maternity_leave")");
    append_date_member(out, "start", period.start);
    append_date_member(out, "end", period.end);
    if (!period.cause.empty()) out.append(R"(,"cause":")").append(period.cause).push_back('"');
    out.push_back('}');
  }
  out.push_back(']');
  append_date_member(out, "company_doctor_report_date", input.company_doctor_report_date);
  append_date_member(out, "problem_analysis_date", input.problem_analysis_date);
  append_date_member(out, "plan_of_action_date", input.plan_of_action_date);
  if (!input.progress_evaluation_dates.empty()) {
    out.append(R"(,"progress_evaluation_dates":[)");
    for (std::size_t i = 0; i < input.progress_evaluation_dates.size(); ++i) {
      if (i > 0) out.push_back(',');
      out.push_back('"');
      core::append_iso_date(out, input.progress_evaluation_dates[i]);
      out.push_back('"');
    }
    out.push_back(']');
  }
  append_date_member(out, "uwv_42_week_report_date", input.uwv_42_week_report_date);
  append_date_member(out, "first_year_evaluation_date", input.first_year_evaluation_date);
  append_date_member(out, "uwv_letter_date", input.uwv_letter_date);
  append_date_member(out, "wia_application_date", input.wia_application_date);
  out.append(R"(,"voluntary_extension_weeks":)")
      .append(std::to_string(input.voluntary_extension_weeks));
  out.append(R"(,"wage_sanction_weeks":)").append(std::to_string(input.wage_sanction_weeks));
  append_date_member(out, "wage_sanction_decision_date", input.wage_sanction_decision_date);
  if (input.safety_net == core::SafetyNet::pregnancy) out.append(R"(,"safety_net":"pregnancy")");
  if (!input.deviations.empty()) {
    out.append(R"(,"deviations":[)");
    for (std::size_t i = 0; i < input.deviations.size(); ++i) {
      if (i > 0) out.push_back(',');
      out.append(R"({"milestone":")")
          .append(core::milestone_key_name(input.deviations[i].milestone))
          .append(R"(","reason":")")
          .append(input.deviations[i].reason)
          .append("\"}");
    }
    out.push_back(']');
  }
  out.push_back('}');
}

}  // namespace spoorboek::bench
