// The texts the timeline SVG asks for, in Dutch and English, as the tests and the sample tool use
// them: the proposal for the project's message catalogue (keys: kTimelineSvgMessageKeys).
// Milestone names are core's Dutch legal terms and English equivalents; status labels are core's.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "core/timeline.h"
#include "web/svg/timeline_svg.h"

namespace spoorboek::web::svg::testing {

struct CatalogueEntry {
  std::string_view key;
  std::string_view nl;
  std::string_view en;
};

inline constexpr std::array<CatalogueEntry, 45> kTimelineCatalogue{{
    {"timeline.title", "Tijdlijn van de 104 weken", "Timeline of the 104 weeks"},
    {"timeline.desc.open", "Ziek sinds {first_sick_day}; ziekteweek {week} op {date}.",
     "Sick since {first_sick_day}; sick week {week} on {date}."},
    {"timeline.desc.ended", "Ziek van {first_sick_day} tot en met {last_sick_day}.",
     "Sick from {first_sick_day} to {last_sick_day}."},
    {"timeline.desc.shift", "Onderbrekingen verschuiven alle latere termijnen met {days} dagen.",
     "Interruptions move every later deadline by {days} days."},
    {"timeline.desc.waiting_period_end", "Einde wachttijd: {date}.", "End of the waiting period: {date}."},
    {"timeline.desc.wage_end", "Loondoorbetaling tot en met {date}.", "Wage payment up to and including {date}."},
    {"timeline.desc.milestone", "{name}: {label}.", "{name}: {label}."},
    {"timeline.label.due", "uiterlijk {date} ({status})", "due {date} ({status})"},
    {"timeline.label.window", "{from} – {to} ({status})", "{from} – {to} ({status})"},
    {"timeline.label.done", "gedaan {date} ({status})", "done {date} ({status})"},
    {"timeline.span", "{what}: {from} t/m {to}", "{what}: {from} to {to}"},
    {"timeline.partial_work", "{percentage}% van de uren gewerkt", "{percentage}% of the hours worked"},
    {"timeline.axis.week", "wk {week}", "wk {week}"},
    {"timeline.today", "Vandaag", "Today"},
    {"timeline.shift.days", "+{days} dagen", "+{days} days"},
    {"timeline.shift.one_day", "+1 dag", "+1 day"},
    {"timeline.shift.total", "Verschuiving van het einde van de wachttijd",
     "Shift of the end of the waiting period"},
    {"timeline.row.absence", "Verzuim", "Absence"},
    {"timeline.row.wage_period", "Wachttijd", "Waiting period"},
    {"timeline.row.shift", "Verschuiving", "Shift"},
    {"timeline.legend.sick", "Ziek", "Sick"},
    {"timeline.legend.sick_projected", "Ziek (verwacht)", "Sick (projected)"},
    {"timeline.legend.partial_work", "Gedeeltelijk aan het werk", "Working partially"},
    {"timeline.legend.fit_gap", "Hersteld (onderbreking)", "Fit (interruption)"},
    {"timeline.legend.maternity_leave", "Zwangerschaps- en bevallingsverlof", "Pregnancy and maternity leave"},
    {"timeline.legend.waiting_period", "Wachttijd (104 weken)", "Waiting period (104 weeks)"},
    {"timeline.legend.extension", "Vrijwillige verlenging", "Voluntary extension"},
    {"timeline.legend.wage_extra", "Loon na de wachttijd (te late aanvraag, loonsanctie)",
     "Wages after the waiting period (late application, wage sanction)"},
    {"timeline.legend.unshifted_end", "Einde zonder onderbrekingen", "End without interruptions"},
    {"timeline.legend.window", "Termijnvenster", "Window"},
    // English names of the milestones (the Dutch ones are core::milestone_dutch_name()).
    {"milestone.company_doctor_report", "", "Report to the company doctor"},
    {"milestone.uwv_safety_net_report", "", "Safety-net report to UWV"},
    {"milestone.problem_analysis", "", "Problem analysis"},
    {"milestone.plan_of_action", "", "Plan of action"},
    {"milestone.progress_evaluation", "", "Progress evaluation"},
    {"milestone.uwv_42_week_report", "", "42nd-week report to UWV"},
    {"milestone.first_year_evaluation", "", "First-year evaluation"},
    {"milestone.track_2_start", "", "Start of track 2"},
    {"milestone.uwv_employment_end_report", "", "Sickness report at the end of employment"},
    {"milestone.uwv_wia_letter", "", "UWV letter about the WIA application"},
    {"milestone.reintegration_report", "", "Reintegration report"},
    {"milestone.wia_application", "", "WIA application"},
    {"milestone.uwv_sanction_decision", "", "UWV decision on a wage sanction"},
    {"milestone.waiting_period_end", "", "End of the waiting period"},
    {"milestone.wage_continuation_end", "", "End of wage continuation"},
}};

// The catalogue text of `key`, or empty when it has none.
std::string catalogue_text(std::string_view key, core::Language language);

// Each "{name}" replaced by its value, as web::Catalogue::format() does.
std::string substitute(std::string_view pattern, const MessageValues& values);

// "3 jan. 2022" / "3 Jan 2022".
std::string short_date(core::Date date, core::Language language);

// Text callbacks backed by the catalogue above; an unknown key comes back as "??key??".
TimelineSvgText catalogue_words(core::Language language);

}  // namespace spoorboek::web::svg::testing
