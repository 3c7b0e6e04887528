// The table of entry forms: for each step of domain.md §2, the inputs and where each one goes.
// The payload fields and options follow core's field lists (src/core/case_file_facts.cc).
#include "web/entry_form_spec.h"

namespace spoorboek::web {
namespace {

using core::EntryType;
using D = Destination;
using K = InputKind;

const std::vector<std::string_view> kAgreement{"agreed", "agreed_with_remarks", "refused",
                                               "pending"};

InputSpec agreement() {
  return {"employee_agreement", K::choice, D::payload, {}, true, kAgreement};
}

GroupSpec actions(std::string_view name) {
  return {name, D::payload,
          {{"description", K::line, D::payload, {}, true},
           {"owner", K::line, D::payload, {}, true},
           {"due", K::date, D::payload, {}, true}}};
}

// A reintegration interview or progress evaluation with the topics of seed 000: what core has no
// field for is written into the summary.
std::vector<FormItem> conversation_items() {
  return {
      InputSpec{"attendees", K::lines, D::payload, {}, true},
      InputSpec{"work_capacity", K::text, D::summary},
      InputSpec{"suitable_tasks", K::text, D::summary},
      InputSpec{"end_goal", K::text, D::summary},
      GroupSpec{"schedule", D::summary,
                {{"period", K::line, D::summary},
                 {"hours", K::line, D::summary},
                 {"activities", K::line, D::summary}}},
      InputSpec{"barriers", K::text, D::summary},
      actions("actions"),
      InputSpec{"what_if", K::text, D::summary},
      InputSpec{"notes", K::text, D::summary},
      InputSpec{"employee_view", K::text},
      agreement(),
      InputSpec{"next_evaluation_on", K::date},
      InputSpec{"medical_note", K::text, D::medical, "note"},
  };
}

std::vector<EntryFormSpec> build_specs() {
  std::vector<EntryFormSpec> specs;
  specs.push_back({"recovery", EntryType::recovery, Audience::staff, false, false, {}});
  specs.push_back({"relapse", EntryType::relapse, Audience::staff, false, false,
                   {InputSpec{"same_cause_as_before", K::yes_no}}});
  specs.push_back({"partial_work", EntryType::partial_work, Audience::staff, false, false,
                   {InputSpec{"percentage", K::number, D::payload, {}, true},
                    InputSpec{"kind", K::choice, D::payload, {}, true,
                              {"therapeutic", "own_work", "suitable_work"}}}});
  specs.push_back({"company_doctor_report", EntryType::company_doctor_report, Audience::staff,
                   false, false, {InputSpec{"company_doctor", K::line}}});
  specs.push_back({"long_term_expected", EntryType::long_term_expected, Audience::staff, false,
                   false, {}});
  specs.push_back({"problem_analysis", EntryType::problem_analysis, Audience::staff, false, false,
                   {InputSpec{"replaces_seq", K::version, D::payload, {}, false, {},
                              EntryType::problem_analysis},
                    InputSpec{"author", K::line, D::payload, {}, true},
                    InputSpec{"limitations", K::lines},
                    InputSpec{"possibilities", K::lines},
                    InputSpec{"prognosis", K::text, D::payload, {}, true},
                    InputSpec{"advice", K::text, D::payload, {}, true},
                    InputSpec{"no_sustainable_possibilities", K::yes_no},
                    InputSpec{"medical_note", K::text, D::medical, "note"}}});
  specs.push_back({"plan_of_action", EntryType::plan_of_action, Audience::staff, false, false,
                   {InputSpec{"replaces_seq", K::version, D::payload, {}, false, {},
                              EntryType::plan_of_action},
                    InputSpec{"adjustment_reason", K::choice, D::payload, {}, false,
                              {"evaluation", "new_doctor_advice", "situation_change",
                               "stagnation", "first_year_evaluation"}},
                    InputSpec{"goal", K::choice, D::payload, {}, true,
                              {"own_work", "own_work_adapted", "other_work_internal",
                               "work_external"}},
                    actions("activities"),
                    InputSpec{"case_manager", K::line, D::payload, {}, true},
                    InputSpec{"employee_view", K::text},
                    agreement()}});
  specs.push_back({"reintegration_interview", EntryType::reintegration_interview, Audience::staff,
                   false, false, conversation_items()});
  specs.push_back({"progress_evaluation", EntryType::progress_evaluation, Audience::staff, false,
                   false, conversation_items()});
  specs.push_back(
      {"gp_conversation", EntryType::progress_evaluation, Audience::staff, true, false,
       {InputSpec{"preparation", K::checklist, D::medical, {}, false,
                  {"doctor_advice", "reintegration_history", "analysis_and_plan", "timeline"}},
        InputSpec{"attendees", K::lines, D::payload, {}, true},
        InputSpec{"gp_position", K::text, D::medical, {}, true},
        InputSpec{"medical_considerations", K::text, D::medical},
        InputSpec{"next_step", K::text, D::medical, {}, true},
        agreement()}});
  specs.push_back({"uwv_42_week_report", EntryType::uwv_42_week_report, Audience::staff, false,
                   false, {InputSpec{"reference", K::line}}});
  specs.push_back({"first_year_evaluation", EntryType::first_year_evaluation, Audience::staff,
                   false, false,
                   {InputSpec{"track_decision", K::choice, D::payload, {}, true,
                              {"continue_track_1", "start_track_2", "neither"}},
                    InputSpec{"reason", K::text, D::payload, {}, true},
                    InputSpec{"on_course", K::yes_no, D::payload, {}, true}}});
  specs.push_back({"track_1_attempt", EntryType::track_1_attempt, Audience::staff, false, false,
                   {InputSpec{"option", K::choice, D::payload, {}, true,
                              {"own_job_partial", "own_job_adapted", "other_job_internal",
                               "employee_proposal"}},
                    InputSpec{"description", K::text, D::payload, {}, true},
                    InputSpec{"outcome", K::choice, D::payload, {}, true,
                              {"ongoing", "success_structural", "partial", "failed",
                               "declined_by_employee", "rejected_by_employer"}},
                    InputSpec{"reason", K::text}}});
  specs.push_back({"track_2_decision", EntryType::track_2_decision, Audience::staff, false, false,
                   {InputSpec{"start", K::date, D::payload, {}, true},
                    InputSpec{"provider", K::line, D::payload, {}, true},
                    InputSpec{"coach", K::line},
                    InputSpec{"reason", K::text, D::payload, {}, true}}});
  specs.push_back({"reintegration_report", EntryType::reintegration_report, Audience::staff,
                   false, false, {InputSpec{"handed_to_employee_on", K::date}}});
  specs.push_back({"wia_application", EntryType::wia_application, Audience::staff, false, false,
                   {}});
  // The employee's own forms: their view (zienswijze), their answer to the current plan of
  // action, a request for a copy of the file, and their WIA application. The first one of a type
  // is where a link by entry type leads the employee.
  specs.push_back({"employee_opinion", EntryType::employee_view, Audience::own_employee, false,
                   false,
                   {InputSpec{"subject", K::choice, D::payload, {}, true,
                              {"plan_of_action", "reintegration", "reintegration_report", "other"}},
                    InputSpec{"employee_view", K::text, D::payload, "view", true}}});
  specs.push_back({"plan_agreement", EntryType::plan_agreement, Audience::own_employee, false,
                   false,
                   {InputSpec{"plan", K::version, D::payload, "plan_seq", true, {},
                              EntryType::plan_of_action},
                    InputSpec{"employee_agreement", K::choice, D::payload, "agreement", true,
                              {"agreed", "agreed_with_remarks", "refused"}},
                    InputSpec{"employee_view", K::text, D::payload, "remarks"}}});
  specs.push_back({"file_copy_request", EntryType::file_copy_request, Audience::own_employee,
                   false, false,
                   {InputSpec{"documents", K::choice, D::payload, {}, true,
                              {"whole_file", "plan_of_action", "problem_analysis",
                               "reintegration_report"}},
                    InputSpec{"note", K::text}}});
  specs.push_back({"own_wia_application", EntryType::wia_application, Audience::own_employee,
                   false, false, {}});
  return specs;
}

}  // namespace

const std::vector<EntryFormSpec>& entry_form_specs() {
  static const std::vector<EntryFormSpec> specs = build_specs();
  return specs;
}

const EntryFormSpec* find_entry_form(std::string_view slug) {
  for (const auto& spec : entry_form_specs()) {
    if (spec.slug == slug) return &spec;
  }
  return nullptr;
}

const EntryFormSpec& sick_report_form() {
  static const EntryFormSpec spec{
      "sick_report", EntryType::sick_report, Audience::staff, false, false,
      {InputSpec{"employee_id", K::employee, D::none, {}, true},
       InputSpec{"expected_duration", K::choice, D::payload, {}, true,
                 {"up_to_1_week", "1_to_6_weeks", "over_6_weeks", "unknown"}},
       InputSpec{"safety_net_applies", K::yes_no, D::payload, {}, true},
       InputSpec{"work_accident", K::yes_no, D::payload, {}, true},
       InputSpec{"third_party_liability", K::yes_no, D::payload, {}, true},
       InputSpec{"contact_phone", K::phone},
       GroupSpec{"appointments", D::payload,
                 {{"on", K::date, D::payload, {}, true},
                  {"with", K::choice, D::payload, {}, true,
                   {"employer", "company_doctor", "case_manager"}}}}}};
  return spec;
}

std::string group_cell_name(std::string_view group, int row, std::string_view column) {
  return std::string(group) + "_" + std::to_string(row) + "_" + std::string(column);
}

std::string group_rows_name(std::string_view group) { return std::string(group) + "_rows"; }

}  // namespace spoorboek::web
