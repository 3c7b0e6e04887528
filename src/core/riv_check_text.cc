// The words of the completeness check: code, §13 number, legal basis, and the title and the
// action in Dutch and English, one row per check, so that a check cannot be half-described and
// every adapter (CLI, API, pages) says the same.
#include <array>

#include "core/riv_check.h"

namespace spoorboek::core {
namespace {

struct CheckText {
  std::string_view code;
  int number;
  std::string_view legal_basis;
  std::string_view title_nl;
  std::string_view title_en;
  std::string_view action_nl;
  std::string_view action_en;
};

constexpr std::array<CheckText, kCheckCount> kChecks{{
    {"RIV-A-administrative_data_missing", 1,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub a",
     "Administratieve gegevens van werknemer, werkgever of bedrijfsarts ontbreken",
     "Administrative data of employee, employer or company doctor are missing",
     "Vul de naam van werknemer en werkgever aan en leg vast welke bedrijfsarts de zaak begeleidt "
     "(melding aan de bedrijfsarts).",
     "Complete the names of employee and employer and record which company doctor guides the case "
     "(report to the company doctor)."},
    {"RIV-A-first_sick_day_missing", 5,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub e",
     "Het dossier heeft geen ziekmelding: de eerste ziektedag ontbreekt",
     "The file has no sick report: the first sick day is missing",
     "Leg de ziekmelding vast met de eerste ziektedag.",
     "Record the sick report with the first sick day."},
    {"RIV-A-problem_analysis_missing", 6,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub f; art. 2 lid 2",
     "De probleemanalyse ontbreekt", "The problem analysis is missing",
     "Vraag de bedrijfsarts nu om de probleemanalyse en leg die vast.",
     "Ask the company doctor for the problem analysis now and record it."},
    {"RIV-A-plan_of_action_missing", 8,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub g; art. 4 lid 1",
     "Het Plan van Aanpak ontbreekt", "The plan of action (Plan van Aanpak) is missing",
     "Stel met de werknemer het Plan van Aanpak op, of laat de bedrijfsarts in de probleemanalyse "
     "gemotiveerd vastleggen dat er geen duurzaam benutbare mogelijkheden zijn.",
     "Draw up the plan of action with the employee, or have the company doctor state, with "
     "reasons, in the problem analysis that there are no sustainable possibilities."},
    {"RIV-A-first_year_evaluation_missing", 9,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub h; art. 4 lid 2 sub b",
     "De eerstejaarsevaluatie ontbreekt", "The first-year evaluation is missing",
     "Houd de eerstejaarsevaluatie met de werknemer en leg de spoorkeuze met motivering vast.",
     "Hold the first-year evaluation with the employee and record the track decision with its "
     "reasons."},
    {"RIV-A-end_evaluation_missing", 10,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub h; Beleidsregels vorm art. "
     "2 lid 5",
     "De eindevaluatie ontbreekt", "The end evaluation is missing",
     "Stel met de werknemer de eindevaluatie op, na het actueel oordeel van de bedrijfsarts.",
     "Draw up the end evaluation with the employee, after the company doctor's current "
     "judgement."},
    {"RIV-A-current_judgement_missing", 11,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub j",
     "Het actueel oordeel van de bedrijfsarts ontbreekt",
     "The company doctor's current judgement (actueel oordeel) is missing",
     "Vraag de bedrijfsarts om het actueel oordeel: verloop, beperkingen en mogelijkheden, "
     "prognose.",
     "Ask the company doctor for the current judgement: course, limitations and possibilities, "
     "prognosis."},
    {"RIV-A-working_relationship_judgement_missing", 12,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub i; Beleidsregels vorm art. "
     "2 lid 9",
     "Het actueel oordeel bevat geen oordeel van de bedrijfsarts over de arbeidsverhouding",
     "The current judgement lacks the company doctor's judgement of the working relationship",
     "Vraag de bedrijfsarts het actueel oordeel aan te vullen met een oordeel over de "
     "arbeidsverhouding (de werkgever geeft het zijne in de eindevaluatie).",
     "Ask the company doctor to complete the current judgement with a judgement of the working "
     "relationship (the employer gives theirs in the end evaluation)."},
    {"RIV-A-employee_opinion_missing", 14,
     "Regeling procesgang eerste en tweede ziektejaar art. 6 lid 1 sub l; Beleidsregels vorm art. "
     "3 lid 3",
     "Het oordeel van de werknemer over het re-integratieverslag ontbreekt",
     "The employee's opinion on the re-integratieverslag is missing",
     "Vraag de werknemer om een zienswijze over het re-integratieverslag.",
     "Ask the employee for their view (zienswijze) on the re-integratieverslag."},
    {"RIV-A-medical_information_missing", 15, "Beleidsregels vorm art. 2 lid 2 sub e",
     "Er is geen medische informatie van de bedrijfsarts vastgelegd",
     "No medical information from the company doctor is recorded",
     "De bedrijfsarts stelt de medische informatie op en geeft die aan de werknemer; de werkgever "
     "stuurt die nooit zelf in.",
     "The company doctor draws up the medical information and gives it to the employee; the "
     "employer never submits it."},
    {"RIV-B-problem_analysis_late", 17,
     "Regeling procesgang eerste en tweede ziektejaar art. 2 lid 2 en 3; art. 5",
     "De probleemanalyse kwam te laat", "The problem analysis came late",
     "Leg de reden van de vertraging vast als gemotiveerde afwijking (art. 5), als die er was.",
     "Record the reason for the delay as a deviation with reasons (art. 5), if there was one."},
    {"RIV-B-plan_of_action_late", 18,
     "Regeling procesgang eerste en tweede ziektejaar art. 4 lid 1; art. 5",
     "Het Plan van Aanpak kwam later dan twee weken na de probleemanalyse",
     "The plan of action came more than two weeks after the problem analysis",
     "Leg de reden van de vertraging vast als gemotiveerde afwijking (art. 5), als die er was.",
     "Record the reason for the delay as a deviation with reasons (art. 5), if there was one."},
    {"RIV-B-plan_not_adjusted", 18,
     "Regeling procesgang eerste en tweede ziektejaar art. 4 lid 4 en 5",
     "Op een bijstelling van de probleemanalyse volgde geen bijstelling van het Plan van Aanpak",
     "A problem-analysis adjustment was not followed by a plan-of-action adjustment",
     "Stel het Plan van Aanpak bij op het nieuwe advies van de bedrijfsarts.",
     "Adjust the plan of action to the company doctor's new advice."},
    {"RIV-B-progress_evaluation_overdue", 19,
     "Regeling procesgang eerste en tweede ziektejaar art. 4 lid 2 sub b (praktijk: elke 6 weken)",
     "Een voortgangsevaluatie is te laat", "A progress evaluation is overdue",
     "Plan nu een voortgangsgesprek en leg het vast.",
     "Schedule a progress evaluation now and record it."},
    {"RIV-B-progress_evaluation_gap", 19,
     "Regeling procesgang eerste en tweede ziektejaar art. 4 lid 2 sub b (praktijk: elke 6 weken)",
     "Tussen twee evaluaties zat meer dan zes weken",
     "More than six weeks passed between two evaluations",
     "Evalueer voortaan ten minste elke zes weken.", "Evaluate at least every six weeks."},
    {"RIV-B-uwv_42_week_report_overdue", 20, "Ziektewet art. 38 lid 1",
     "De 42e-weeksmelding aan UWV is niet gedaan", "The 42nd-week report to UWV was not made",
     "Doe de 42e-weeksmelding nu bij UWV.", "Make the 42nd-week report to UWV now."},
    {"RIV-B-uwv_42_week_report_late", 20, "Ziektewet art. 38 lid 1",
     "De 42e-weeksmelding aan UWV was te laat", "The 42nd-week report to UWV was late",
     "Bewaar de bevestiging van UWV; de loondoorbetaling kan zijn verlengd.",
     "Keep UWV's confirmation; the wage period may have been extended."},
    {"RIV-B-first_year_evaluation_outside_window", 21,
     "Regeling procesgang eerste en tweede ziektejaar art. 4 lid 2 sub b (week 46-52)",
     "De eerstejaarsevaluatie viel buiten week 46-52",
     "The first-year evaluation was held outside weeks 46-52",
     "Leg de reden vast als gemotiveerde afwijking (art. 5).",
     "Record the reason as a deviation with reasons (art. 5)."},
    {"RIV-B-track_2_late", 22, "BW 7:658a lid 1; UWV Werkwijzer Poortwachter",
     "Spoor 2 is niet binnen zes weken na de eerstejaarsevaluatie gestart",
     "Track 2 did not start within six weeks of the first-year evaluation",
     "Start spoor 2, of leg de uitzondering met onderbouwing vast (zicht op structurele terugkeer "
     "binnen drie maanden).",
     "Start track 2, or record the exception with evidence (prospect of a structural return "
     "within three months)."},
    {"RIV-B-current_judgement_after_end_evaluation", 23,
     "Beleidsregels vorm art. 2; Werkwijzer Poortwachter",
     "Het actueel oordeel is van na de eindevaluatie",
     "The current judgement is dated after the end evaluation",
     "Stel de eindevaluatie (opnieuw) op na het actueel oordeel van de bedrijfsarts.",
     "Draw up the end evaluation (again) after the company doctor's current judgement."},
    {"RIV-B-reintegration_report_late", 23, "WIA art. 25 lid 3",
     "Het re-integratieverslag is niet op tijd klaar of aan de werknemer gegeven",
     "The re-integratieverslag was not ready or handed to the employee in time",
     "Maak het re-integratieverslag af en geef het de werknemer, met de datum van overhandiging.",
     "Complete the re-integratieverslag and hand it to the employee, recording the date."},
    {"RIV-B-wia_application_late", 23, "WIA art. 64 lid 3 en 6",
     "De WIA-aanvraag is te laat", "The WIA application is late",
     "Laat de werknemer de WIA-aanvraag nu indienen; te late dagen verlengen de "
     "loondoorbetaling.",
     "Have the employee apply for WIA now; late days extend the wage period."},
    {"RIV-B-therapeutic_work_too_long", 24, "Beleidsregels beoordelingskader poortwachter §8",
     "Therapeutisch werken zonder loonwaarde duurt langer dan zes weken",
     "Therapeutic work without wage value has lasted more than six weeks",
     "Bouw de werkzaamheden uit naar werk met loonwaarde of stel het plan bij.",
     "Build the work up to work with wage value, or adjust the plan."},
    {"RIV-B-partial_work_not_reevaluated", 25, "Beleidsregels beoordelingskader poortwachter §9",
     "Gedeeltelijke werkhervatting is al drie maanden niet opnieuw beoordeeld",
     "Partial work has not been re-evaluated for three months",
     "Beoordeel met de bedrijfsarts of de uren omhoog kunnen en leg de uitkomst vast.",
     "Review with the company doctor whether the hours can go up and record the outcome."},
    {"RIV-B-advice_outdated_while_stagnating", 26,
     "Beleidsregels beoordelingskader poortwachter §4",
     "De re-integratie stagneert en het advies van de bedrijfsarts is verouderd",
     "Reintegration is stagnating and the company doctor's advice is outdated",
     "Vraag de bedrijfsarts om een bijstelling van de probleemanalyse.",
     "Ask the company doctor to adjust the problem analysis."},
    {"RIV-C-problem_analysis_incomplete", 27,
     "Regeling procesgang eerste en tweede ziektejaar art. 2 lid 2; beoordelingskader §5",
     "De probleemanalyse noemt geen beperkingen of geen mogelijkheden",
     "The problem analysis names no limitations or no possibilities",
     "Vraag de bedrijfsarts de functionele beperkingen en mogelijkheden te beschrijven.",
     "Ask the company doctor to describe the functional limitations and possibilities."},
    {"RIV-C-no_possibilities_review_risk", 28, "Beleidsregels beoordelingskader poortwachter §6-7",
     "De bedrijfsarts ziet geen benutbare mogelijkheden: UWV toetst dit medisch",
     "The company doctor sees no usable possibilities: UWV reviews this medically",
     "Zorg voor een motivering en een datum van herbeoordeling in de probleemanalyse.",
     "Make sure the problem analysis gives reasons and a reassessment date."},
    {"RIV-C-plan_without_employee_view", 29,
     "Regeling procesgang eerste en tweede ziektejaar art. 4 lid 1",
     "Het Plan van Aanpak bevat de visie van de werknemer niet",
     "The plan of action lacks the employee's view",
     "Neem de visie van de werknemer op in een bijstelling van het plan.",
     "Include the employee's view in an adjustment of the plan."},
    {"RIV-C-track_1_ladder_incomplete", 30, "Beleidsregels beoordelingskader poortwachter §9",
     "Spoor 1 is niet volledig onderzocht (eigen werk, aangepast werk, ander werk intern)",
     "Track 1 was not fully explored (own job, adapted job, other internal job)",
     "Leg per stap vast wat is geprobeerd en met welke (niet-medische) uitkomst.",
     "Record for each step what was tried and its (non-medical) outcome."},
    {"RIV-C-track_2_advised_not_started", 30, "Beleidsregels beoordelingskader poortwachter §6",
     "De arbeidsdeskundige adviseert spoor 2, maar spoor 2 is niet gestart",
     "The occupational expert advises track 2, but track 2 has not started",
     "Start spoor 2 of leg gemotiveerd vast waarom niet.",
     "Start track 2 or record, with reasons, why not."},
    {"RIV-C-employee_proposal_unanswered", 31, "Beleidsregels beoordelingskader poortwachter §9",
     "Een voorstel van de werknemer voor passend werk is niet beantwoord",
     "An employee's proposal for suitable work has not been answered",
     "Beantwoord het voorstel; motiveer een afwijzing.",
     "Answer the proposal; give reasons for a rejection."},
    {"RIV-C-track_1_continued_despite_stagnation", 32,
     "Beleidsregels beoordelingskader poortwachter §5",
     "Eerstejaarsevaluatie: niet op koers, toch verder in spoor 1",
     "First-year evaluation: not on course, yet track 1 continues",
     "Onderbouw de keuze voor spoor 1 concreet of start spoor 2.",
     "Give concrete grounds for continuing track 1, or start track 2."},
    {"RIV-C-track_2_follow_up_missing", 33, "Beleidsregels beoordelingskader poortwachter §6 en §9",
     "Spoor 2 loopt zonder recente activiteit of verslag",
     "Track 2 runs without recent activity or report",
     "Leg de activiteiten, sollicitaties en voortgangsverslagen van spoor 2 vast.",
     "Record the track-2 activities, applications and progress reports."},
    {"RIV-C-refusal_without_follow_up", 34, "Beleidsregels beoordelingskader poortwachter §9",
     "Op een weigering van de werknemer volgde geen actie van de werkgever",
     "An employee's refusal was not followed by an employer action",
     "Spreek de werknemer aan, stel het plan bij of vraag een deskundigenoordeel aan.",
     "Talk to the employee, adjust the plan or request an expert opinion."},
    {"RIV-C-disagreement_without_expert_opinion", 35,
     "Beleidsregels beoordelingskader poortwachter §10; WIA art. 32",
     "Er is onenigheid over het plan, maar geen deskundigenoordeel aangevraagd",
     "There is disagreement over the plan, but no expert opinion was requested",
     "Vraag bij UWV een deskundigenoordeel aan.", "Request an expert opinion from UWV."},
    {"RIV-C-expert_opinion_unanswered", 35, "WIA art. 32",
     "Een aangevraagd deskundigenoordeel is niet vastgelegd als beantwoord",
     "A requested expert opinion is not recorded as answered",
     "Leg het antwoord van UWV vast, of vraag na waar het blijft.",
     "Record UWV's answer, or ask where it is."},
    {"RIV-C-medical_term_in_employer_text", 38,
     "AVG art. 9; UAVG art. 30; AP Beleidsregels De zieke werknemer",
     "Tekst die de werkgever leest bevat een medische term",
     "Text the employer reads contains a medical term",
     "Vervang de tekst met een correctie zonder medische gegevens; de bedrijfsarts legt medische "
     "feiten vast in het medische deel.",
     "Replace the text by a correction without medical data; the company doctor records medical "
     "facts in the medical part."},
    {"RIV-C-agreement_pending", 39, "Beleidsregels vorm art. 2 lid 3",
     "De werknemer heeft nog niet gereageerd op een plan of verslag",
     "The employee has not yet answered a plan or report",
     "Vraag de werknemer om instemming, of om een weigering met opmerkingen.",
     "Ask the employee to agree, or to refuse with remarks."},
    {"RIV-C-attach_reports", 40, "Beleidsregels beoordelingskader poortwachter §4",
     "Voeg de rapporten van deskundigen en van spoor 2 bij het re-integratieverslag",
     "Attach the expert and track-2 reports to the re-integratieverslag",
     "Neem het arbeidsdeskundig rapport, deskundigenoordelen en spoor-2-rapportages op in de "
     "bundel.",
     "Include the occupational expert's report, expert opinions and track-2 reports in the "
     "bundle."},
    {"RIV-C-wage_sanction_imposed", 0, "WIA art. 25 lid 9-14",
     "UWV heeft een loonsanctie opgelegd", "UWV imposed a wage sanction",
     "Herstel de tekortkoming en vraag UWV om een bekortingsverzoek te beoordelen.",
     "Repair the shortcoming and ask UWV to shorten the sanction."},
}};

const CheckText& text_of(CheckId check) { return kChecks[static_cast<std::size_t>(check)]; }

struct ElementText {
  std::string_view letter;
  std::string_view nl;
  std::string_view en;
};

constexpr std::array<ElementText, kRivElementCount> kElements{{
    {"a", "Administratieve gegevens", "Administrative data"},
    {"b", "Aard van het bedrijf", "Nature of the business"},
    {"c", "Functie van de werknemer", "The employee's function"},
    {"d", "Bekwaamheden van de werknemer", "The employee's competences"},
    {"e", "Eerste ziektedag", "First sick day"},
    {"f", "Probleemanalyse en bijstellingen", "Problem analysis and adjustments"},
    {"g", "Plan van Aanpak en bijstellingen", "Plan of action and adjustments"},
    {"h", "Eerstejaarsevaluatie en eindevaluatie", "First-year and end evaluation"},
    {"i", "Oordeel over de arbeidsverhouding", "Judgement of the working relationship"},
    {"j", "Actueel oordeel van de bedrijfsarts", "The company doctor's current judgement"},
    {"k", "Oordeel over passend werk bij de werkgever", "Judgement of suitable work at the employer"},
    {"l", "Oordeel van de werknemer", "The employee's opinion"},
    {"medical_information", "Medische informatie", "Medical information"},
}};

}  // namespace

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::block: return "BLOCK";
    case Severity::warn: return "WARN";
    case Severity::info: return "INFO";
  }
  return "INFO";
}

std::string_view risk_level_name(RiskLevel level) {
  switch (level) {
    case RiskLevel::none: return "none";
    case RiskLevel::low: return "low";
    case RiskLevel::medium: return "medium";
    case RiskLevel::high: return "high";
  }
  return "none";
}

std::string_view check_code(CheckId check) { return text_of(check).code; }

std::optional<CheckId> check_from_code(std::string_view code) {
  for (std::size_t i = 0; i < kCheckCount; ++i) {
    if (kChecks[i].code == code) return static_cast<CheckId>(i);
  }
  return std::nullopt;
}

int check_number(CheckId check) { return text_of(check).number; }

std::string_view check_legal_basis(CheckId check) { return text_of(check).legal_basis; }

std::string_view check_title(CheckId check, Language language) {
  return language == Language::nl ? text_of(check).title_nl : text_of(check).title_en;
}

std::string_view check_action(CheckId check, Language language) {
  return language == Language::nl ? text_of(check).action_nl : text_of(check).action_en;
}

std::string_view riv_element_letter(RivElement element) {
  return kElements[static_cast<std::size_t>(element)].letter;
}

std::string_view riv_element_name(RivElement element, Language language) {
  const auto& text = kElements[static_cast<std::size_t>(element)];
  return language == Language::nl ? text.nl : text.en;
}

}  // namespace spoorboek::core
