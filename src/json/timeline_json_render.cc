// Writes a timeline as one line of JSON with plain appends (see json_text.h for why no DOM).
// Keys are written as literals in a fixed order, so the shape of the contract is visible here.
#include "core/holidays.h"
#include "json/json_text.h"
#include "json/timeline_json.h"

namespace spoorboek::json {
namespace {

using core::Date;
using core::MilestoneKey;

// Each helper appends one member: `opening` is the literal before the value, `{"key":` for the
// first member of an object and `,"key":` for the others.
void date_member(std::string& out, std::string_view opening, Date date) {
  out.append(opening);
  append_json_date(out, date);
}
// null when the date is unknown: the key stays, so readers can rely on it.
void date_or_null_member(std::string& out, std::string_view opening,
                         const std::optional<Date>& date) {
  out.append(opening);
  if (date) {
    append_json_date(out, *date);
  } else {
    out.append("null");
  }
}
// Left out when the date is unknown: for keys the contract marks optional.
void optional_date_member(std::string& out, std::string_view opening,
                          const std::optional<Date>& date) {
  if (date) date_member(out, opening, *date);
}
void number_member(std::string& out, std::string_view opening, long number) {
  out.append(opening);
  append_json_integer(out, number);
}
void text_member(std::string& out, std::string_view opening, std::string_view text) {
  out.append(opening);
  append_json_string(out, text);
}
// `opening` ends with '['; `append_item` writes one element.
template <class Items, class AppendItem>
void array_member(std::string& out, std::string_view opening, const Items& items,
                  AppendItem append_item) {
  out.append(opening);
  bool first = true;
  for (const auto& item : items) {
    if (!first) out.push_back(',');
    first = false;
    append_item(item);
  }
  out.push_back(']');
}

void append_case(std::string& out, const core::TimelineInput& input,
                 const core::Timeline& timeline) {
  const core::CaseSummary& summary = timeline.case_summary;
  date_member(out, R"("case":{"first_sick_day":)", summary.first_sick_day);
  date_or_null_member(out, R"(,"last_sick_day":)", summary.last_sick_day);
  optional_date_member(out, R"(,"relapse_combines_until":)", summary.relapse_combines_until);
  number_member(out, R"(,"counted_sick_days":)", summary.counted_sick_days_as_of);
  number_member(out, R"(,"interruption_days":)", summary.interruption_days);
  number_member(out, R"(,"earlier_cases":)", summary.earlier_cases);
  array_member(
      out, R"(,"interruptions":[)", core::case_interruptions(input, timeline),
      [&out](const core::Interruption& gap) {
        date_member(out, R"({"from":)", gap.first_day);
        date_member(out, R"(,"to":)", gap.last_day);
        number_member(out, R"(,"days":)", gap.days());
        out.append(gap.maternity_leave ? R"(,"kind":"maternity_leave"})" : R"(,"kind":"fit"})");
      });
  out.push_back('}');
}

void append_deadline(std::string& out, const core::MilestoneExplainer& explainer,
                     const core::Milestone& milestone) {
  append_json_string(out, core::milestone_key_name(milestone.key));
  out.push_back(':');
  if (milestone.from) {
    date_member(out, R"({"from":)", *milestone.from);
    date_or_null_member(out, R"(,"due":)", milestone.due);
  } else {
    date_or_null_member(out, R"({"due":)", milestone.due);
  }
  optional_date_member(out, R"(,"remind_on":)", milestone.remind_on);
  if (milestone.due && !core::is_working_day(*milestone.due)) {
    date_member(out, R"(,"last_working_day":)",
                core::last_working_day_on_or_before(*milestone.due));
  }
  if (milestone.due && milestone.key == MilestoneKey::uwv_42_week_report) {
    // UWV reads "the first day after week 42" as the first working day after it.
    date_member(out, R"(,"uwv_working_day":)", core::next_working_day_on_or_after(*milestone.due));
  }
  text_member(out, R"(,"responsible":)", core::party_name(core::responsible_party(milestone.key)));
  text_member(out, R"(,"legal_basis":)", core::legal_basis(milestone));
  text_member(out, R"(,"status":)", core::status_name(milestone.status));
  optional_date_member(out, R"(,"done_on":)", milestone.done_on);
  if (milestone.deemed_timely) out.append(R"(,"deemed_timely":true)");
  if (milestone.not_applicable_reason != core::NotApplicableReason::none) {
    text_member(out, R"(,"not_applicable_reason":)",
                core::not_applicable_reason_name(milestone.not_applicable_reason));
  }
  text_member(out, R"(,"explanation":)",
              explainer.explain(milestone.key, core::Language::en));
  text_member(out, R"(,"explanation_nl":)", explainer.explain(milestone.key, core::Language::nl));
  out.push_back('}');
}

void append_wage_period(std::string& out, const core::Timeline& timeline) {
  if (!timeline.wage_period) {
    out.append(R"("wage_period":null)");
    return;
  }
  const core::WagePeriod& wage = *timeline.wage_period;
  const std::optional<Date> wage_end = timeline.at(MilestoneKey::wage_continuation_end).due;
  date_member(out, R"("wage_period":{"waiting_period_end":)", wage.waiting_period_end);
  date_member(out, R"(,"extended_end":)", wage.extended_end);
  number_member(out, R"(,"late_application_days":)", wage.late_application_days);
  out.append(wage.late_application_needs_review ? R"(,"late_application_needs_review":true)"
                                                : R"(,"late_application_needs_review":false)");
  number_member(out, R"(,"sanction_days":)", wage.sanction_days);
  optional_date_member(out, R"(,"sanction_from":)", wage.sanction_from);
  date_or_null_member(out, R"(,"wage_continuation_end":)", wage_end);
  // WIA 43 b: no WIA benefit while the employer still owes wages under BW 7:629 lid 11.
  date_or_null_member(out, R"(,"wia_from":)",
                      wage_end ? std::optional<Date>(core::add_days(*wage_end, 1)) : std::nullopt);
  out.push_back('}');
}

void append_progress_evaluations(std::string& out, const core::TimelineInput& input,
                                 const core::Timeline& timeline) {
  array_member(out, R"("progress_evaluations":[)",
               core::progress_evaluation_cycles(input, timeline),
               [&out](const core::EvaluationCycle& cycle) {
                 date_member(out, R"({"due":)", cycle.due);
                 optional_date_member(out, R"(,"done_on":)", cycle.done_on);
                 text_member(out, R"(,"status":)", core::status_name(cycle.status));
                 out.push_back('}');
               });
}

void append_early_iva(std::string& out, const core::Timeline& timeline) {
  if (!timeline.early_iva_window_from && !timeline.early_iva_window_due) return;
  date_or_null_member(out, R"(,"early_iva":{"window_from":)", timeline.early_iva_window_from);
  date_or_null_member(out, R"(,"window_due":)", timeline.early_iva_window_due);
  optional_date_member(out, R"(,"waiting_period_end":)", timeline.early_iva_waiting_period_end);
  out.push_back('}');
}

}  // namespace

void append_timeline_json(std::string& out, const core::TimelineInput& input,
                          const core::Timeline& timeline) {
  date_member(out, R"({"first_sick_day":)", timeline.case_summary.first_sick_day);
  date_member(out, R"(,"as_of":)", timeline.as_of);
  out.push_back(',');
  append_case(out, input, timeline);
  out.append(R"(,"deadlines":{)");
  const core::MilestoneExplainer explainer(input, timeline);
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    if (i > 0) out.push_back(',');
    append_deadline(out, explainer, timeline.milestones[i]);
  }
  out.append("},");
  append_wage_period(out, timeline);
  out.push_back(',');
  append_progress_evaluations(out, input, timeline);
  append_early_iva(out, timeline);
  out.push_back('}');
}

void append_error_json(std::string& out, const core::Error& error, long line) {
  text_member(out, R"({"error":{"code":)", error.code);
  text_member(out, R"(,"field":)", error.field);
  text_member(out, R"(,"message":)", error.message);
  out.push_back('}');
  if (line > 0) number_member(out, R"(,"line":)", line);
  out.push_back('}');
}

}  // namespace spoorboek::json
