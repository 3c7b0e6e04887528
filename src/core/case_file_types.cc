// Names and default visibility of the entry types, in one table so that a new type cannot be
// half-described.
#include <array>

#include "core/case_file.h"

namespace spoorboek::core {
namespace {

struct EntryTypeInfo {
  std::string_view name;
  std::string_view dutch;
  Visibility visibility;
};

// The visibility follows documents-and-privacy.md §0: what the employer may register is ABSENCE,
// the company doctor's functional advice is FUNCTIONAL, and which safety-net situation applies is
// MEDICAL (the employer may know that one applies, not which: AP "De zieke werknemer" §4). So is
// the conversation with the GP as a whole: the employer may not register appointments with
// doctors (AP §5; documents-and-privacy.md §9.2), only the doctor's resulting functional advice.
// The occupational expert's answers and the actueel oordeel are functional (§6.2, §8.5).
constexpr std::array<EntryTypeInfo, kEntryTypeCount> kEntryTypes{{
    {"sick_report", "Ziekmelding", Visibility::absence},
    {"recovery", "Hersteldmelding", Visibility::absence},
    {"relapse", "Terugval (hernieuwde ziekmelding)", Visibility::absence},
    {"partial_work", "Gedeeltelijke werkhervatting", Visibility::absence},
    {"maternity_leave", "Zwangerschaps- en bevallingsverlof", Visibility::absence},
    {"long_term_expected", "Langdurig verzuim verwacht", Visibility::functional},
    {"company_doctor_report", "Melding aan de bedrijfsarts", Visibility::admin},
    {"problem_analysis", "Probleemanalyse", Visibility::functional},
    {"plan_of_action", "Plan van Aanpak", Visibility::admin},
    {"progress_evaluation", "Voortgangsevaluatie", Visibility::admin},
    {"reintegration_interview", "Re-integratiegesprek", Visibility::admin},
    {"uwv_42_week_report", "42e-weeksmelding", Visibility::admin},
    {"first_year_evaluation", "Eerstejaarsevaluatie", Visibility::admin},
    {"track_1_attempt", "Spoor 1: werkaanbod", Visibility::admin},
    {"track_2_decision", "Start Spoor 2", Visibility::admin},
    {"uwv_wia_letter", "Brief van UWV over de WIA-aanvraag", Visibility::admin},
    {"reintegration_report", "Re-integratieverslag", Visibility::admin},
    {"wia_application", "WIA-aanvraag", Visibility::admin},
    {"voluntary_extension", "Vrijwillige verlenging loondoorbetaling", Visibility::admin},
    {"wage_sanction", "Loonsanctie", Visibility::admin},
    {"employment_end", "Einde dienstverband", Visibility::admin},
    {"safety_net", "Vangnetsituatie", Visibility::medical},
    {"deviation", "Gemotiveerde afwijking van een termijn", Visibility::admin},
    {"correction", "Correctie", Visibility::admin},
    {"plan_agreement", "Instemming met het Plan van Aanpak", Visibility::admin},
    {"employee_view", "Zienswijze van de werknemer", Visibility::admin},
    {"file_copy_request", "Verzoek om een afschrift van het dossier", Visibility::admin},
    {"gp_conversation", "Gesprek met de huisarts", Visibility::medical},
    {"expert_opinion", "Deskundigenoordeel", Visibility::admin},
    {"occupational_expert_report", "Arbeidsdeskundig rapport", Visibility::functional},
    {"current_judgement", "Actueel oordeel", Visibility::functional},
    {"end_evaluation", "Eindevaluatie van het Plan van Aanpak", Visibility::admin},
    {"track_2_activity", "Spoor 2-activiteit", Visibility::admin},
}};

constexpr std::array<std::string_view, 5> kVisibilityNames{
    "ADMIN", "ABSENCE", "FUNCTIONAL", "MEDICAL", "EMPLOYEE_OWN"};

const EntryTypeInfo& info_of(EntryType type) {
  return kEntryTypes[static_cast<std::size_t>(type)];
}

}  // namespace

std::string_view entry_type_name(EntryType type) { return info_of(type).name; }

std::string_view entry_type_dutch_name(EntryType type) { return info_of(type).dutch; }

Visibility default_visibility(EntryType type) { return info_of(type).visibility; }

std::optional<EntryType> entry_type_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kEntryTypeCount; ++i) {
    if (kEntryTypes[i].name == name) return static_cast<EntryType>(i);
  }
  return std::nullopt;
}

std::string_view visibility_name(Visibility visibility) {
  return kVisibilityNames[static_cast<std::size_t>(visibility)];
}

std::optional<Visibility> visibility_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kVisibilityNames.size(); ++i) {
    if (kVisibilityNames[i] == name) return static_cast<Visibility>(i);
  }
  return std::nullopt;
}

Status check_entry_date(EntryType type, Date occurred_on, Date today) {
  if (type == EntryType::maternity_leave || occurred_on <= today) return ok_status();
  return make_error("future_date", "occurred_on",
                    format_iso_date(occurred_on) + " is after today (" + format_iso_date(today) +
                        "): record facts once they have happened");
}

}  // namespace spoorboek::core
