// Names of the engine's enumerations: the stable English keys of the JSON contract and the Dutch
// legal terms of the UI. One table per enumeration so that a new value cannot be half-named.
#include <array>

#include "core/timeline.h"

namespace spoorboek::core {
namespace {

struct MilestoneNames {
  std::string_view key;
  std::string_view dutch;
  bool deviation_allowed;  // RPG art. 5 (first-year terms) or a documented UWV exception
  Party responsible;
  std::string_view legal_basis;
};

constexpr std::array<MilestoneNames, kMilestoneCount> kMilestoneNames{{
    {"company_doctor_report", "Ziekmelding aan de bedrijfsarts", true, Party::employer,
     "RPG art. 2 lid 1 (practice: first week)"},
    {"uwv_safety_net_report", "Ziekmelding vangnet aan UWV", false, Party::employer,
     "ZW art. 38a lid 3"},
    {"problem_analysis", "Probleemanalyse", true, Party::company_doctor, "RPG art. 2 lid 2"},
    {"plan_of_action", "Plan van Aanpak", true, Party::employer_and_employee, "RPG art. 4 lid 1"},
    {"progress_evaluation", "Voortgangsevaluatie", true, Party::employer_and_employee,
     "RPG art. 4 lid 2 b (practice: every 6 weeks)"},
    {"uwv_42_week_report", "42e-weeksmelding aan UWV", false, Party::employer, "ZW art. 38 lid 1"},
    {"first_year_evaluation", "Eerstejaarsevaluatie", true, Party::employer_and_employee,
     "RPG art. 4 lid 2 b"},
    {"track_2_start", "Start Spoor 2", true, Party::employer,
     "BW 7:658a lid 1; UWV Werkwijzer Poortwachter"},
    {"uwv_employment_end_report", "Ziekmelding bij einde dienstverband", false, Party::employer,
     "ZW art. 38 lid 2"},
    {"uwv_wia_letter", "Brief van UWV over de WIA-aanvraag", false, Party::uwv,
     "WIA art. 64 lid 2"},
    {"reintegration_report", "Re-integratieverslag", false, Party::employer_and_employee,
     "WIA art. 25 lid 3"},
    {"wia_application", "WIA-aanvraag", false, Party::employee, "WIA art. 64 lid 3"},
    {"uwv_sanction_decision", "Besluit UWV over een loonsanctie", false, Party::uwv,
     "WIA art. 25 lid 10"},
    {"waiting_period_end", "Einde wachttijd", false, Party::none, "WIA art. 23 lid 1"},
    {"wage_continuation_end", "Einde loondoorbetaling", false, Party::employer,
     "BW 7:629 lid 1 en lid 11"},
}};

const MilestoneNames& names_of(MilestoneKey key) {
  return kMilestoneNames[static_cast<std::size_t>(key)];
}

}  // namespace

std::string_view milestone_key_name(MilestoneKey key) { return names_of(key).key; }

std::string_view milestone_dutch_name(MilestoneKey key) { return names_of(key).dutch; }

bool deviation_allowed(MilestoneKey key) { return names_of(key).deviation_allowed; }

Party responsible_party(MilestoneKey key) { return names_of(key).responsible; }

std::string_view legal_basis(const Milestone& milestone) {
  // Two milestones rest on another article when their date came from another rule.
  if (milestone.rule == Rule::long_term_expected) return "RPG art. 2 lid 3";
  if (milestone.key == MilestoneKey::reintegration_report && milestone.rule == Rule::employment_end) {
    return "ZW art. 38 lid 2";
  }
  return names_of(milestone.key).legal_basis;
}

std::optional<MilestoneKey> milestone_key_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kMilestoneCount; ++i) {
    if (kMilestoneNames[i].key == name) return static_cast<MilestoneKey>(i);
  }
  return std::nullopt;
}

std::string_view party_name(Party party) {
  switch (party) {
    case Party::employer: return "employer";
    case Party::employee: return "employee";
    case Party::employer_and_employee: return "employer_and_employee";
    case Party::company_doctor: return "company_doctor";
    case Party::uwv: return "uwv";
    case Party::none: return "none";
  }
  return "none";
}

std::string_view status_name(MilestoneStatus status) {
  switch (status) {
    case MilestoneStatus::upcoming: return "upcoming";
    case MilestoneStatus::due_soon: return "due_soon";
    case MilestoneStatus::overdue: return "overdue";
    case MilestoneStatus::done_on_time: return "done_on_time";
    case MilestoneStatus::done_late: return "done_late";
    case MilestoneStatus::deviation: return "deviation";
    case MilestoneStatus::not_applicable: return "not_applicable";
    case MilestoneStatus::info: return "info";
  }
  return "info";
}

}  // namespace spoorboek::core

namespace spoorboek::core {

std::string_view not_applicable_reason_name(NotApplicableReason reason) {
  switch (reason) {
    case NotApplicableReason::none: return "none";
    case NotApplicableReason::case_ended_first: return "case_ended_first";
    case NotApplicableReason::no_safety_net: return "no_safety_net";
    case NotApplicableReason::safety_net_case: return "safety_net_case";
    case NotApplicableReason::employment_ended: return "employment_ended";
    case NotApplicableReason::employment_continues: return "employment_continues";
    case NotApplicableReason::not_sanctioned: return "not_sanctioned";
  }
  return "none";
}

}  // namespace spoorboek::core

namespace spoorboek::core {

std::string_view status_label(MilestoneStatus status, Language language) {
  const bool nl = language == Language::nl;
  switch (status) {
    case MilestoneStatus::upcoming: return nl ? "gepland" : "upcoming";
    case MilestoneStatus::due_soon: return nl ? "binnenkort" : "due soon";
    case MilestoneStatus::overdue: return nl ? "te laat" : "overdue";
    case MilestoneStatus::done_on_time: return nl ? "op tijd gedaan" : "done on time";
    case MilestoneStatus::done_late: return nl ? "te laat gedaan" : "done late";
    case MilestoneStatus::deviation: return nl ? "afwijking met reden" : "deviation with reason";
    case MilestoneStatus::not_applicable: return nl ? "niet van toepassing" : "not applicable";
    case MilestoneStatus::info: return nl ? "ter informatie" : "for information";
  }
  return {};
}

}  // namespace spoorboek::core
