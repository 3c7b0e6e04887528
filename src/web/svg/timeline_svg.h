// The case page's picture of the 104 weeks: sick periods, fit gaps, maternity leave, the waiting
// period and its extension, every milestone with its status and date, today's line, and the shift
// each interruption caused, as one SVG element for inline use in an HTML page.
//
// Pure: no I/O, no clock (today is a parameter), no global state; the same arguments give the same
// bytes. The renderer holds no user-visible words: every word comes from TimelineSvgText, so the
// page fills it from the message catalogue in the user's language (keys below).
//
// What is drawn (x is calendar time, linear, from the first sick day D):
//   - an axis with a tick at the start of every 13th sick week (week 0, 13, ... 104). After a gap
//     the ticks stand further apart, which is the shift made visible; the axis runs on past week
//     104 to the end of the wage period (voluntary extension, late WIA application, wage sanction)
//     and to the last milestone date;
//   - the absence row: sick periods (an open one solid up to today and projected after it),
//     partial work (from TimelineSvgOptions) inside them, fit gaps and maternity leave, each in its
//     own pattern so that colour is never the only difference;
//   - the wage row: the waiting period up to E, the voluntary extension up to E', the wage payment
//     after it (late application, wage sanction), and a dashed line where week 104 would have
//     ended without interruptions;
//   - the shift row: under every interruption a bracket "+N days", and one from the unshifted end
//     to E with the total; labels that would overlap are staggered onto further lanes;
//   - one row per milestone, in process order: its window, its marker (a shape per status) at the
//     date it was done or else its due date, a thin line at the due date when it was done on
//     another day, a label with the date and status; done progress evaluations as small dots;
//   - today's line (at the right or left edge, marked outside, when today is off the axis);
//   - a legend of the patterns and marker shapes that occur.
// Periods of earlier cases in the input (before case_summary.first_period) are not drawn: the
// timeline is that of the latest case.
//
// Accessibility: role="img" with aria-labelledby naming a <title> and a <desc>; the desc is the
// full text alternative (the case in one sentence, the shift, the end of the waiting period, and
// every milestone with date and status). Every marker, bar and bracket also has a <title>.
//
// Styling: no style attributes and no <style> element (the page's Content-Security-Policy may
// forbid inline styles). Defaults are SVG presentation attributes (fill, stroke, font-size), which
// any stylesheet rule overrides. Classes:
//   tl, tl-wide | tl-compact                the root <svg>
//   tl-grid, tl-tick-label, tl-tick-date    axis: tick lines, "wk 13", the tick's date
//   tl-row-label, tl-row-guide              a row's name, the faint line along a milestone row
//   tl-sick, tl-sick-projected              sick period (bar); an open period's expected course
//   tl-partial-work                         working partially (hatched, over the sick bar)
//   tl-fit-gap, tl-maternity-leave          interruptions (dotted, striped)
//   tl-waiting-period, tl-extension, tl-wage-extra, tl-unshifted-end   the wage row
//   tl-shift, tl-shift-total, tl-shift-label                            brackets and their text
//   tl-milestone tl-status-<status>         a milestone row (<g>), status = core::status_name()
//   tl-marker tl-status-<status>            its marker (<g>, exactly one per milestone)
//   tl-window, tl-due-line, tl-date-label, tl-cycle   window band, due line, label, past evaluations
//   tl-today, tl-today-label, tl-today-outside        today's line and label
//   tl-legend, tl-legend-label, tl-pattern-*          legend; the strokes inside the patterns
// Data attributes for scripts and tests: data-milestone (milestone_key_name), data-status
// (status_name), data-date, data-from, data-to (ISO dates, inclusive), data-days (a shift).
//
// Phone layout: TimelineSvgOptions::compact draws 360 units wide with row names above their rows,
// so text stays legible when the SVG fills a phone's width (width="100%" and a viewBox). A page can
// emit both layouts and show one by a media query; give them distinct id_prefix values.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/timeline.h"

namespace spoorboek::web::svg {

// Named values for a message's "{name}" placeholders, as web::Catalogue::format() takes them.
using MessageValues = std::vector<std::pair<std::string, std::string>>;

// Every word the renderer shows. Both callbacks must be set; an unset one shows the key itself.
// With the page's catalogue: message = [&](auto key, auto& values) { return catalogue.format(
// language, key, values); }.
struct TimelineSvgText {
  // The catalogue text of `key` with each "{name}" replaced by its value (keys and their
  // placeholders: kTimelineSvgMessageKeys). Returns UTF-8; the renderer escapes it.
  std::function<std::string(std::string_view key, const MessageValues& values)> message;
  // A date as the user reads it on a label ("2 mrt. 2026" / "2 Mar 2026").
  std::function<std::string(core::Date date)> format_date;
};

// Working partially (still sick, no gap): the fold of the case file knows the spans, the engine's
// input does not, so the caller passes them. `last_day` absent: until the sick period ends.
struct PartialWorkSpan {
  core::Date first_day{};
  std::optional<core::Date> last_day;
  int percentage = 0;  // of the agreed hours
};

struct TimelineSvgOptions {
  bool compact = false;  // the phone layout
  // Prefix of every id in the SVG (title, desc, patterns), so that two SVGs on one page do not
  // collide. Characters other than ASCII letters, digits, '-' and '_' are dropped; an empty result
  // becomes "tl".
  std::string id_prefix = "tl";
  std::vector<PartialWorkSpan> partial_work;
};

// The message keys, in the order of the catalogue table; "{name}" marks a placeholder.
//   key                              nl / en
//   timeline.title                   Tijdlijn van de 104 weken / Timeline of the 104 weeks
//   timeline.desc.open               Ziek sinds {first_sick_day}; ziekteweek {week} op {date}. /
//                                    Sick since {first_sick_day}; sick week {week} on {date}.
//   timeline.desc.ended              Ziek van {first_sick_day} tot en met {last_sick_day}. /
//                                    Sick from {first_sick_day} to {last_sick_day}.
//   timeline.desc.shift              Onderbrekingen verschuiven alle latere termijnen met {days} dagen. /
//                                    Interruptions move every later deadline by {days} days.
//   timeline.desc.waiting_period_end Einde wachttijd: {date}. / End of the waiting period: {date}.
//   timeline.desc.wage_end           Loondoorbetaling tot en met {date}. / Wage payment up to and including {date}.
//   timeline.desc.milestone          {name}: {label}. / {name}: {label}.
//   timeline.label.due               uiterlijk {date} ({status}) / due {date} ({status})
//   timeline.label.window            {from} – {to} ({status}) / {from} – {to} ({status})
//   timeline.label.done              gedaan {date} ({status}) / done {date} ({status})
//   timeline.span                    {what}: {from} t/m {to} / {what}: {from} to {to}
//   timeline.partial_work            {percentage}% van de uren gewerkt / {percentage}% of the hours worked
//   timeline.axis.week               wk {week} / wk {week}
//   timeline.today                   Vandaag / Today
//   timeline.shift.days              +{days} dagen / +{days} days
//   timeline.shift.one_day           +1 dag / +1 day
//   timeline.shift.total             Verschuiving van het einde van de wachttijd /
//                                    Shift of the end of the waiting period
//   timeline.row.absence             Verzuim / Absence
//   timeline.row.wage_period         Wachttijd / Waiting period
//   timeline.row.shift               Verschuiving / Shift
//   timeline.legend.sick             Ziek / Sick
//   timeline.legend.sick_projected   Ziek (verwacht) / Sick (projected)
//   timeline.legend.partial_work     Gedeeltelijk aan het werk / Working partially
//   timeline.legend.fit_gap          Hersteld (onderbreking) / Fit (interruption)
//   timeline.legend.maternity_leave  Zwangerschaps- en bevallingsverlof / Pregnancy and maternity leave
//   timeline.legend.waiting_period   Wachttijd (104 weken) / Waiting period (104 weeks)
//   timeline.legend.extension        Vrijwillige verlenging / Voluntary extension
//   timeline.legend.wage_extra       Loon na de wachttijd (te late aanvraag, loonsanctie) /
//                                    Wages after the waiting period (late application, wage sanction)
//   timeline.legend.unshifted_end    Einde zonder onderbrekingen / End without interruptions
//   timeline.legend.window           Termijnvenster / Window
//   milestone.<milestone_key_name>   core::milestone_dutch_name() / e.g. Problem analysis
//   milestone_status.<status_name>   core::status_label(nl) / core::status_label(en)
// tests/web/svg/test_catalogue.h holds the same table as data.
inline constexpr std::array<std::string_view, 53> kTimelineSvgMessageKeys{
    "timeline.title",
    "timeline.desc.open",
    "timeline.desc.ended",
    "timeline.desc.shift",
    "timeline.desc.waiting_period_end",
    "timeline.desc.wage_end",
    "timeline.desc.milestone",
    "timeline.label.due",
    "timeline.label.window",
    "timeline.label.done",
    "timeline.span",
    "timeline.partial_work",
    "timeline.axis.week",
    "timeline.today",
    "timeline.shift.days",
    "timeline.shift.one_day",
    "timeline.shift.total",
    "timeline.row.absence",
    "timeline.row.wage_period",
    "timeline.row.shift",
    "timeline.legend.sick",
    "timeline.legend.sick_projected",
    "timeline.legend.partial_work",
    "timeline.legend.fit_gap",
    "timeline.legend.maternity_leave",
    "timeline.legend.waiting_period",
    "timeline.legend.extension",
    "timeline.legend.wage_extra",
    "timeline.legend.unshifted_end",
    "timeline.legend.window",
    "milestone.company_doctor_report",
    "milestone.uwv_safety_net_report",
    "milestone.problem_analysis",
    "milestone.plan_of_action",
    "milestone.progress_evaluation",
    "milestone.uwv_42_week_report",
    "milestone.first_year_evaluation",
    "milestone.track_2_start",
    "milestone.uwv_employment_end_report",
    "milestone.uwv_wia_letter",
    "milestone.reintegration_report",
    "milestone.wia_application",
    "milestone.uwv_sanction_decision",
    "milestone.waiting_period_end",
    "milestone.wage_continuation_end",
    "milestone_status.upcoming",
    "milestone_status.due_soon",
    "milestone_status.overdue",
    "milestone_status.done_on_time",
    "milestone_status.done_late",
    "milestone_status.deviation",
    "milestone_status.not_applicable",
    "milestone_status.info",
};

// The key of a milestone's name and of a status label: "milestone.problem_analysis",
// "milestone_status.overdue".
std::string milestone_message_key(core::MilestoneKey key);
std::string status_message_key(core::MilestoneStatus status);

// REQUIRES: `timeline` == compute_timeline(input) for a validated `input`. Statuses are the
// timeline's (as of timeline.as_of, which the page normally sets to today); `today` places the line.
// Returns one <svg> element (no XML declaration), well-formed whatever the callbacks return.
std::string render_timeline_svg(const core::TimelineInput& input, const core::Timeline& timeline,
                                core::Date today, const TimelineSvgText& text,
                                const TimelineSvgOptions& options = {});

}  // namespace spoorboek::web::svg
