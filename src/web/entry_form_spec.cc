// The table of entry forms: for each step of domain.md §2, the inputs and where each one goes.
// The payload fields and options follow core's field lists (src/core/case_file_facts.cc).
#include "web/entry_form_spec.h"

#include <algorithm>

#include "core/timeline.h"

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

const std::vector<std::string_view> kYesPartlyNo{"yes", "partly", "no"};

// The deskundigenoordeel: who asked which of the four questions; the answer adds UWV's
// conclusion and the request it answers.
std::vector<FormItem> expert_opinion_items(bool answer) {
  std::vector<FormItem> items{
      InputSpec{"requested_by", K::choice, D::payload, {}, true, {"employer", "employee"}},
      InputSpec{"expert_question_kind", K::choice, D::payload, "question", true,
                {"work_capacity_own_work", "suitability_offered_work", "employee_efforts",
                 "employer_efforts"}}};
  if (answer) {
    items.push_back(InputSpec{"request", K::version, D::payload, "request_seq", false, {},
                              EntryType::expert_opinion, "stage", "requested"});
    items.push_back(InputSpec{"conclusion", K::text, D::payload, {}, true});
  }
  return items;
}

// The milestones whose term may be deviated from (core::deviation_allowed), by their key.
std::vector<std::string_view> deviation_milestones() {
  std::vector<std::string_view> keys;
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    const auto key = static_cast<core::MilestoneKey>(i);
    if (core::deviation_allowed(key)) keys.push_back(core::milestone_key_name(key));
  }
  return keys;
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
  // The leave may be recorded ahead of its start (core allows a future date for it only).
  specs.push_back({"maternity_leave", EntryType::maternity_leave, Audience::staff, false, false,
                   {InputSpec{"leave_end", K::date, D::payload, "end", true}}});
  specs.push_back({"company_doctor_report", EntryType::company_doctor_report, Audience::staff,
                   false, false, {InputSpec{"company_doctor", K::line}}});
  specs.push_back({"long_term_expected", EntryType::long_term_expected, Audience::staff, false,
                   false, {}});
  // Which vangnet situation applies is MEDICAL (the employer may know only that one applies, as
  // the sick report says): the company doctor records it.
  specs.push_back({"safety_net", EntryType::safety_net, Audience::staff, true, false,
                   {InputSpec{"safety_net_kind", K::choice, D::payload, "kind", true,
                              {"organ_donation", "pregnancy", "no_risk"}},
                    InputSpec{"uwv_reported_on", K::date}}});
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
  // The conversation with the GP (seed 001, documents-and-privacy.md §9): the entry is MEDICAL
  // as a whole and only the company doctor records it; what the GP said goes in its medical part.
  specs.push_back(
      {"gp_conversation", EntryType::gp_conversation, Audience::staff, true, false,
       {InputSpec{"preparation", K::checklist, D::payload, {}, false,
                  {"doctor_advice", "reintegration_history", "analysis_and_plan", "timeline"}},
        InputSpec{"attendees", K::lines, D::payload, {}, true},
        InputSpec{"gp_position", K::text, D::medical, {}, true},
        InputSpec{"medical_considerations", K::text, D::medical},
        InputSpec{"next_step", K::text, D::medical, {}, true}}});
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
  specs.push_back({"occupational_expert_report", EntryType::occupational_expert_report,
                   Audience::staff, false, false,
                   {InputSpec{"author", K::line, D::payload, {}, true},
                    InputSpec{"expert_question", K::text, D::payload, "question", true},
                    InputSpec{"own_job_possible", K::choice, D::payload, {}, true, kYesPartlyNo},
                    InputSpec{"own_job_adaptable", K::choice, D::payload, {}, false, kYesPartlyNo},
                    InputSpec{"other_internal_work", K::text},
                    InputSpec{"external_directions", K::lines},
                    InputSpec{"conclusion_track", K::choice, D::payload, {}, true,
                              {"track_1", "track_2", "both"}},
                    InputSpec{"advice", K::text, D::payload, {}, true}}});
  specs.push_back({"track_2_decision", EntryType::track_2_decision, Audience::staff, false, false,
                   {InputSpec{"start", K::date, D::payload, {}, true},
                    InputSpec{"provider", K::line, D::payload, {}, true},
                    InputSpec{"coach", K::line},
                    InputSpec{"reason", K::text, D::payload, {}, true}}});
  // Spoor 2 (documents-and-privacy.md §6.4): an activity, an application, a progress report. The
  // first is where a link by entry type leads.
  specs.push_back({"track_2_activity", EntryType::track_2_activity, Audience::staff, false, false,
                   {InputSpec{"activity_kind", K::choice, D::payload, "kind", true,
                              {"intake", "person_profile", "search_profile", "training",
                               "placement", "coaching"}},
                    InputSpec{"description", K::text, D::payload, {}, true}}});
  specs.push_back({"track_2_application", EntryType::track_2_activity, Audience::staff, false,
                   false,
                   {InputSpec{"employer_name", K::line, D::payload, {}, true},
                    InputSpec{"position", K::line, D::payload, {}, true},
                    InputSpec{"fits_search_profile", K::yes_no},
                    InputSpec{"description", K::text, D::payload, {}, true}},
                   {{"kind", "application"}}});
  specs.push_back({"track_2_progress_report", EntryType::track_2_activity, Audience::staff, false,
                   false,
                   {InputSpec{"description", K::text, D::payload, {}, true},
                    InputSpec{"applications_count", K::number},
                    InputSpec{"assessment", K::text, D::payload, {}, true},
                    InputSpec{"next_steps", K::text}},
                   {{"kind", "progress_report"}}});
  // The deskundigenoordeel (BW 7:629a): the request, and UWV's answer naming it.
  specs.push_back({"expert_opinion", EntryType::expert_opinion, Audience::staff, false, false,
                   expert_opinion_items(false), {{"stage", "requested"}}});
  specs.push_back({"expert_opinion_answer", EntryType::expert_opinion, Audience::staff, false,
                   false, expert_opinion_items(true), {{"stage", "answered"}}});
  // The actueel oordeel (about week 85-91) and the eindevaluatie, for the re-integratieverslag.
  specs.push_back({"current_judgement", EntryType::current_judgement, Audience::staff, false,
                   false,
                   {InputSpec{"author", K::line, D::payload, {}, true},
                    InputSpec{"course_of_incapacity", K::text, D::payload, {}, true},
                    InputSpec{"limitations", K::lines},
                    InputSpec{"possibilities", K::lines},
                    InputSpec{"prognosis", K::text, D::payload, {}, true},
                    InputSpec{"working_relationship_view", K::text},
                    InputSpec{"suitable_work_at_employer_view", K::text, D::payload, {}, true},
                    InputSpec{"medical_note", K::text, D::medical, "note"}}});
  specs.push_back({"end_evaluation", EntryType::end_evaluation, Audience::staff, false, false,
                   {InputSpec{"nature_of_business", K::text, D::payload, {}, true},
                    InputSpec{"reintegration_hours", K::number, D::payload,
                              "reintegration_status.hours_per_week", true},
                    InputSpec{"reintegration_tasks", K::text, D::payload,
                              "reintegration_status.tasks", true},
                    InputSpec{"reintegration_structural", K::yes_no, D::payload,
                              "reintegration_status.structural", true},
                    InputSpec{"summary_track_1", K::text, D::payload, {}, true},
                    InputSpec{"summary_track_2", K::text},
                    InputSpec{"employer_view_working_relationship", K::text, D::payload, {}, true},
                    InputSpec{"employer_view_suitable_work", K::text, D::payload, {}, true},
                    InputSpec{"employee_remarks", K::text}}});
  specs.push_back({"reintegration_report", EntryType::reintegration_report, Audience::staff,
                   false, false, {InputSpec{"handed_to_employee_on", K::date}}});
  specs.push_back({"uwv_wia_letter", EntryType::uwv_wia_letter, Audience::staff, false, false,
                   {}});
  specs.push_back({"wia_application", EntryType::wia_application, Audience::staff, false, false,
                   {}});
  // UWV's decisions and the end of the employment: the date is the day of the decision or the
  // last day of employment. An extension gives either the end date UWV set or its weeks.
  specs.push_back({"voluntary_extension", EntryType::voluntary_extension, Audience::staff, false,
                   false,
                   {InputSpec{"extension_weeks", K::number, D::payload, "weeks"},
                    InputSpec{"extension_end", K::date, D::payload, "end"}}});
  specs.push_back({"wage_sanction", EntryType::wage_sanction, Audience::staff, false, false,
                   {InputSpec{"sanction_weeks", K::number, D::payload, "weeks", true},
                    InputSpec{"repaired_on", K::date}}});
  specs.push_back({"employment_end", EntryType::employment_end, Audience::staff, false, false,
                   {InputSpec{"uwv_reported_on", K::date}}});
  // RPG art. 5 allows a reasoned deviation from the first-year terms only.
  specs.push_back({"deviation", EntryType::deviation, Audience::staff, false, false,
                   {InputSpec{"milestone", K::choice, D::payload, {}, true, deviation_milestones()},
                    InputSpec{"deviation_reason", K::text, D::payload, "reason", true}}});
  // A correction names the entry and either voids it or gives its right date; a changed content
  // is recorded through the API (the form would have to repeat the entry's own form).
  specs.push_back({"correction", EntryType::correction, Audience::staff, false, false,
                   {InputSpec{"corrects_seq", K::entry, D::payload, {}, true},
                    InputSpec{"correction_reason", K::text, D::payload, "reason", true},
                    InputSpec{"void", K::yes_no},
                    InputSpec{"new_occurred_on", K::date}}});
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

bool form_offered(const EntryFormSpec& spec, const app::Actor& actor, const app::CaseAccess& access,
                  const store::CaseReach& reach) {
  if (!access.may_append(spec.type)) return false;
  if (spec.medical_only && !access.reads(core::Visibility::medical)) return false;
  const bool own_file = actor.roles.has(app::Role::employee) && actor.employee_id &&
                        *actor.employee_id == reach.employee_id;
  const auto roles = actor.roles.list();
  const bool staff = std::any_of(roles.begin(), roles.end(),
                                 [](app::Role role) { return role != app::Role::employee; });
  return spec.audience == Audience::own_employee ? own_file : staff;
}

const EntryFormSpec* form_for_type(core::EntryType type, const app::Actor& actor,
                                   const app::CaseAccess& access, const store::CaseReach& reach) {
  const EntryFormSpec* named = find_entry_form(core::entry_type_name(type));
  if (named && named->type == type && form_offered(*named, actor, access, reach)) return named;
  for (const auto& spec : entry_form_specs()) {
    if (spec.type == type && spec.audience == Audience::own_employee &&
        form_offered(spec, actor, access, reach)) {
      return &spec;
    }
  }
  return nullptr;
}

std::string group_cell_name(std::string_view group, int row, std::string_view column) {
  return std::string(group) + "_" + std::to_string(row) + "_" + std::string(column);
}

std::string group_rows_name(std::string_view group) { return std::string(group) + "_rows"; }

}  // namespace spoorboek::web
