// Writes a timeline as one line of JSON with plain appends (see json_text.h for why no DOM).
// Keys are written as literals in a fixed order, so the shape of the contract is visible here.
#include "core/holidays.h"
#include "json/json_text.h"
#include "json/timeline_json.h"

namespace spoorboek::json {
namespace {

using core::Date;
using core::MilestoneKey;

void append_optional_date(std::string& out, const std::optional<Date>& date) {
  if (date) {
    append_json_date(out, *date);
  } else {
    out.append("null");
  }
}

// Appends `,"key":"YYYY-MM-DD"` only when the date is known: optional keys are left out.
void append_date_member_if(std::string& out, std::string_view key, const std::optional<Date>& date) {
  if (!date) return;
  out.push_back(',');
  append_json_string(out, key);
  out.push_back(':');
  append_json_date(out, *date);
}

void append_case(std::string& out, const core::TimelineInput& input,
                 const core::Timeline& timeline) {
  const core::CaseSummary& summary = timeline.case_summary;
  out.append(R"("case":{"first_sick_day":)");
  append_json_date(out, summary.first_sick_day);
  out.append(R"(,"last_sick_day":)");
  append_optional_date(out, summary.last_sick_day);
  out.append(R"(,"counted_sick_days":)");
  append_json_integer(out, summary.counted_sick_days_as_of);
  out.append(R"(,"interruption_days":)");
  append_json_integer(out, summary.interruption_days);
  out.append(R"(,"earlier_cases":)");
  append_json_integer(out, summary.earlier_cases);
  out.append(R"(,"interruptions":[)");
  bool first = true;
  for (const core::Interruption& gap : core::case_interruptions(input, timeline)) {
    if (!first) out.push_back(',');
    first = false;
    out.append(R"({"from":)");
    append_json_date(out, gap.first_day);
    out.append(R"(,"to":)");
    append_json_date(out, gap.last_day);
    out.append(R"(,"days":)");
    append_json_integer(out, gap.days());
    out.append(gap.maternity_leave ? R"(,"kind":"maternity_leave"})" : R"(,"kind":"fit"})");
  }
  out.append("]}");
}

void append_deadline(std::string& out, const core::TimelineInput& input,
                     const core::Timeline& timeline, const core::Milestone& milestone) {
  append_json_string(out, core::milestone_key_name(milestone.key));
  out.push_back(':');
  out.push_back('{');
  if (milestone.from) {
    out.append(R"("from":)");
    append_json_date(out, *milestone.from);
    out.push_back(',');
  }
  out.append(R"("due":)");
  append_optional_date(out, milestone.due);
  append_date_member_if(out, "remind_on", milestone.remind_on);
  if (milestone.due && !core::is_working_day(*milestone.due)) {
    append_date_member_if(out, "last_working_day",
                          core::last_working_day_on_or_before(*milestone.due));
  }
  if (milestone.due && milestone.key == MilestoneKey::uwv_42_week_report) {
    // UWV reads "the first day after week 42" as the first working day after it.
    append_date_member_if(out, "uwv_working_day",
                          core::next_working_day_on_or_after(*milestone.due));
  }
  out.append(R"(,"responsible":)");
  append_json_string(out, core::party_name(milestone.responsible));
  out.append(R"(,"legal_basis":)");
  append_json_string(out, milestone.legal_basis);
  out.append(R"(,"status":)");
  append_json_string(out, core::status_name(milestone.status));
  append_date_member_if(out, "done_on", milestone.done_on);
  if (milestone.deemed_timely) out.append(R"(,"deemed_timely":true)");
  if (milestone.not_applicable_reason != core::NotApplicableReason::none) {
    out.append(R"(,"not_applicable_reason":)");
    append_json_string(out, core::not_applicable_reason_name(milestone.not_applicable_reason));
  }
  out.append(R"(,"explanation":)");
  append_json_string(out, core::explain_milestone(input, timeline, milestone.key,
                                                  core::Language::en));
  out.append(R"(,"explanation_nl":)");
  append_json_string(out, core::explain_milestone(input, timeline, milestone.key,
                                                  core::Language::nl));
  out.push_back('}');
}

void append_wage_period(std::string& out, const core::Timeline& timeline) {
  out.append(R"("wage_period":)");
  if (!timeline.wage_period) {
    out.append("null");
    return;
  }
  const core::WagePeriod& wage = *timeline.wage_period;
  const std::optional<Date> wage_end = timeline.at(MilestoneKey::wage_continuation_end).due;
  out.append(R"({"waiting_period_end":)");
  append_json_date(out, wage.waiting_period_end);
  out.append(R"(,"extended_end":)");
  append_json_date(out, wage.extended_end);
  out.append(R"(,"late_application_days":)");
  append_json_integer(out, wage.late_application_days);
  out.append(R"(,"late_application_needs_review":)");
  out.append(wage.late_application_needs_review ? "true" : "false");
  out.append(R"(,"sanction_days":)");
  append_json_integer(out, wage.sanction_days);
  append_date_member_if(out, "sanction_from", wage.sanction_from);
  out.append(R"(,"wage_continuation_end":)");
  append_optional_date(out, wage_end);
  // WIA 43 b: no WIA benefit while the employer still owes wages under BW 7:629 lid 11.
  out.append(R"(,"wia_from":)");
  append_optional_date(out, wage_end ? std::optional<Date>(core::add_days(*wage_end, 1))
                                     : std::nullopt);
  out.push_back('}');
}

void append_progress_evaluations(std::string& out, const core::TimelineInput& input,
                                 const core::Timeline& timeline) {
  out.append(R"("progress_evaluations":[)");
  bool first = true;
  for (const core::EvaluationCycle& cycle : core::progress_evaluation_cycles(input, timeline)) {
    if (!first) out.push_back(',');
    first = false;
    out.append(R"({"due":)");
    append_json_date(out, cycle.due);
    append_date_member_if(out, "done_on", cycle.done_on);
    out.append(R"(,"status":)");
    append_json_string(out, core::status_name(cycle.status));
    out.push_back('}');
  }
  out.push_back(']');
}

void append_early_iva(std::string& out, const core::Timeline& timeline) {
  if (!timeline.early_iva_window_from && !timeline.early_iva_window_due) return;
  out.append(R"(,"early_iva":{"window_from":)");
  append_optional_date(out, timeline.early_iva_window_from);
  out.append(R"(,"window_due":)");
  append_optional_date(out, timeline.early_iva_window_due);
  append_date_member_if(out, "waiting_period_end", timeline.early_iva_waiting_period_end);
  out.push_back('}');
}

}  // namespace

void append_timeline_json(std::string& out, const core::TimelineInput& input,
                          const core::Timeline& timeline) {
  out.append(R"({"first_sick_day":)");
  append_json_date(out, timeline.case_summary.first_sick_day);
  out.append(R"(,"as_of":)");
  append_json_date(out, timeline.as_of);
  out.push_back(',');
  append_case(out, input, timeline);
  out.append(R"(,"deadlines":{)");
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    if (i > 0) out.push_back(',');
    append_deadline(out, input, timeline, timeline.milestones[i]);
  }
  out.append("},");
  append_wage_period(out, timeline);
  out.push_back(',');
  append_progress_evaluations(out, input, timeline);
  append_early_iva(out, timeline);
  out.push_back('}');
}

void append_error_json(std::string& out, const core::Error& error, long line) {
  out.append(R"({"error":{"code":)");
  append_json_string(out, error.code);
  out.append(R"(,"field":)");
  append_json_string(out, error.field);
  out.append(R"(,"message":)");
  append_json_string(out, error.message);
  out.push_back('}');
  if (line > 0) {
    out.append(R"(,"line":)");
    append_json_integer(out, line);
  }
  out.push_back('}');
}

}  // namespace spoorboek::json
