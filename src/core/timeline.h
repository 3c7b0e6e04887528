// The deadline engine: from the sick periods and recorded steps of one employee to every
// statutory deadline of the Wet verbetering poortwachter, with its status and the reason for
// its date.
//
// Rules: ../shared/domain.md §1 (the engine's conventions), research/poortwachter-rules.md and its
// corrections in research/rules-verification.md.
//
// The clock. D is the first sick day of a case; S(n) is the calendar date of the n-th counted
// sick day. Two sick periods belong to one case when the interruption between them is 27 days
// or less, or when the first ends the day before a maternity leave, the second starts the day
// after it and the cause is not known to differ. Interruption days (fit days and leave days) are
// never counted, so every later milestone moves by their number. The timeline is that of the
// case holding the latest sick period.
//
// compute_timeline() is pure, allocation-free and fast (millions per second): explanations are
// rendered on demand by explain_milestone(), and the case split of all periods by split_cases().
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace spoorboek::core {

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

enum class PeriodKind : std::uint8_t { sick, maternity_leave };

// `end` is the last sick (or leave) day, inclusive; only the last sick period may be open.
// Working partially is still sickness: it is part of a sick period, not a gap.
struct Period {
  PeriodKind kind = PeriodKind::sick;
  Date start{};
  std::optional<Date> end;
  std::string cause;  // optional label; only compared across a maternity leave (empty = unknown)
  friend bool operator==(const Period&, const Period&) = default;
};

// The ZW "vangnet" situations that change what the employer reports to UWV (ZW 29 lid 2 e-g).
enum class SafetyNet : std::uint8_t {
  none,
  organ_donation,  // ZW 29 lid 2 e
  pregnancy,       // ZW 29a: sickness caused by pregnancy or childbirth
  no_risk,         // ZW 29b: no-riskpolis
};

// Every deadline the engine schedules. The order is the order of the process.
enum class MilestoneKey : std::uint8_t {
  company_doctor_report,      // employer reports the sickness to the company doctor
  uwv_safety_net_report,      // ZW 38a: vangnet report to UWV
  problem_analysis,           // probleemanalyse
  plan_of_action,             // plan van aanpak
  progress_evaluation,        // rolling: at least every 6 weeks after the plan
  uwv_42_week_report,         // 42e-weeksmelding
  first_year_evaluation,      // eerstejaarsevaluatie
  track_2_start,              // start spoor 2
  uwv_employment_end_report,  // ZW 38 lid 2: sick at the end of employment
  uwv_wia_letter,             // UWV's letter about the WIA application
  reintegration_report,       // re-integratieverslag, eindevaluatie, actueel oordeel
  wia_application,            // WIA-aanvraag (by the employee)
  uwv_sanction_decision,      // UWV's last day to impose a wage sanction
  waiting_period_end,         // E = S(728): last day of the wachttijd
  wage_continuation_end,      // last day of the employer's wage duty
  count_
};
inline constexpr std::size_t kMilestoneCount = static_cast<std::size_t>(MilestoneKey::count_);

// Stable English key, as used in the JSON contract ("problem_analysis").
std::string_view milestone_key_name(MilestoneKey key);
std::optional<MilestoneKey> milestone_key_from_name(std::string_view name);
// The Dutch legal term for the UI ("Probleemanalyse").
std::string_view milestone_dutch_name(MilestoneKey key);

// RPG art. 5: the employer and employee may deviate, with reasons, from the terms of the first
// year. Only the milestones for which deviation_allowed() is true accept one.
struct Deviation {
  MilestoneKey milestone = MilestoneKey::problem_analysis;
  std::string reason;
  friend bool operator==(const Deviation&, const Deviation&) = default;
};
bool deviation_allowed(MilestoneKey key);

struct TimelineInput {
  std::vector<Period> periods;  // see validate_timeline_input() for the invariants

  // Steps taken (dates); absent means "not done" unless stated otherwise.
  std::optional<Date> long_term_expected_on;  // RPG 2 lid 3: doctor first expects long absence
  std::optional<Date> company_doctor_report_date;
  std::optional<Date> uwv_safety_net_report_date;
  std::optional<Date> problem_analysis_date;
  std::optional<Date> plan_of_action_date;
  std::vector<Date> progress_evaluation_dates;  // any order
  std::optional<Date> uwv_42_week_report_date;
  std::optional<Date> first_year_evaluation_date;
  std::optional<Date> track_2_start_date;
  std::optional<Date> uwv_employment_end_report_date;
  std::optional<Date> uwv_letter_date;  // UWV's WIA letter, as received
  std::optional<Date> reintegration_report_date;
  std::optional<Date> wia_application_date;

  // Voluntary extension of the wage period (WIA 24): the end date UWV set, or else a number of
  // weeks as an input convenience. E' = the end date, or E + 7 * weeks.
  int voluntary_extension_weeks = 0;
  std::optional<Date> voluntary_extension_end;

  // Wage sanction (loonsanctie, WIA 25 lid 9-14), as UWV decided it.
  int wage_sanction_weeks = 0;                      // 0..52
  std::optional<Date> wage_sanction_decision_date;  // the day UWV decided
  std::optional<Date> wage_sanction_repaired_on;    // the day UWV found the shortcoming repaired

  std::optional<Date> employment_end_date;  // last day of employment
  SafetyNet safety_net = SafetyNet::none;
  std::optional<Date> early_iva_application_date;  // WIA 23 lid 6 / 66

  std::vector<Deviation> deviations;

  // True when the input is the whole case file, so that a step without a date is known not to
  // have been taken. It matters for WIA 64 lid 6: the "deemed timely" rule does not protect a
  // late WIA application when the 42nd-week report was not made before week 81. In a bare
  // timeline request (false) an absent report date is unknown and does not trigger that.
  bool file_is_complete = false;

  Date as_of{};  // statuses are computed as of this day
  friend bool operator==(const TimelineInput&, const TimelineInput&) = default;
};

// Checks the invariants compute_timeline() relies on and puts the periods in order.
// Guarantees on success: periods sorted by start, at least one sick period, no two periods
// overlap, every end >= its start, every leave has an end, only the last period may be open,
// the first sick day is on or after kEarliestFirstSickDay, step dates are not before the
// first period, 0 <= voluntary_extension_weeks <= 520, 0 <= wage_sanction_weeks <= 52, every
// deviation names a milestone that allows one and gives a reason, the extension end is after
// the waiting period. Error fields name the offending input ("periods[2].end").
Status validate_timeline_input(TimelineInput& input);

// The WIA terms changed on 1 July 2013 (Verzamelwet SZW 2013: RIV 15 -> 13 weeks, application
// 13 -> 11 weeks, UWV letter 87 -> 89 weeks). Cases under the older rules are not modelled.
inline constexpr Date kEarliestFirstSickDay =
    Date{std::chrono::year{2013} / std::chrono::July / std::chrono::day{1}};

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

enum class Party : std::uint8_t {
  employer,
  employee,
  employer_and_employee,
  company_doctor,
  uwv,
  none,
};
std::string_view party_name(Party party);

enum class MilestoneStatus : std::uint8_t {
  upcoming,        // not done, due in more than 14 days
  due_soon,        // not done, due within 14 days (or the window is open and ends within 14)
  overdue,         // not done, due date passed
  done_on_time,    // done on or before the due date
  done_late,       // done after the due date
  deviation,       // a deviation with a recorded reason (RPG art. 5): not flagged as late
  not_applicable,  // does not apply to this case (see NotApplicableReason)
  info,            // a date to know, not an act to perform (end of the waiting period)
};
std::string_view status_name(MilestoneStatus status);
enum class Language : std::uint8_t;
// What a person reads: "te laat" / "overdue".
std::string_view status_label(MilestoneStatus status, Language language);

enum class NotApplicableReason : std::uint8_t {
  none,
  case_ended_first,     // the case ended before the milestone was reached
  no_safety_net,        // only for the ZW safety-net cases
  safety_net_case,      // ZW 38 lid 4: no 42nd-week report for ZW 29 lid 2 e-g
  employment_ended,     // the employer's duty ended with the employment
  employment_continues, // no end-of-employment report without an end of employment
  not_sanctioned,       // no wage sanction decided (or decided too late, WIA 25 lid 11)
};
std::string_view not_applicable_reason_name(NotApplicableReason reason);

// How a date was obtained, so that explain_milestone() can say it in words.
enum class Rule : std::uint8_t {
  none,
  sick_day_plus_one,      // S(n) + 1
  days_after_first_sick_day,  // D + n (calendar days)
  sick_day,               // S(n)
  sick_day_window,        // S(n) ... S(m)
  after_problem_analysis, // problem analysis + 14
  long_term_expected,     // RPG 2 lid 3: onverwijld
  rolling_evaluation,     // last plan / evaluation + 42
  after_first_year_evaluation,  // first-year evaluation (or S(364)) + 42
  before_end,             // E' - k (k in days)
  employment_end,         // the last day of employment
  end_of_waiting_period,  // S(728)
  wage_period_end,        // E' + late + sanction
};

// Kept small (36 bytes; dates as OptionalDate): compute_timeline() writes fifteen of them per
// timeline on its hot path. Who acts and on what legal basis follow from the key and rule:
// responsible_party(), legal_basis().
struct Milestone {
  MilestoneKey key{};
  MilestoneStatus status{};
  NotApplicableReason not_applicable_reason = NotApplicableReason::none;
  OptionalDate from;       // start of the window, for windowed milestones
  OptionalDate due;        // the legal (or convention) last day
  OptionalDate remind_on;  // an earlier target (problem analysis: S(42))
  OptionalDate done_on;    // when the step was taken, if it was
  Rule rule = Rule::none;
  int rule_n = 0;                // n of S(n), or k of E' - k, or the offset in days
  int rule_m = 0;                // m of a window S(n) ... S(m)
  bool deemed_timely = false;    // WIA 64 lid 6 applied to a WIA application after the due date
};

// Who must act for this milestone.
Party responsible_party(MilestoneKey key);
// The article the milestone's date rests on, e.g. "RPG art. 2 lid 2" (static text).
std::string_view legal_basis(const Milestone& milestone);

struct CaseSummary {
  std::size_t first_period = 0;  // index into the validated input.periods
  std::size_t last_period = 0;   // inclusive; the latest sick period
  Date first_sick_day{};         // D
  std::optional<Date> last_sick_day;  // set when the case has ended (last sick period closed)
  // For an ended case: the last day on which a new sickness would still continue this case (27
  // fit days, or the day after a maternity leave that directly follows the sickness).
  std::optional<Date> relapse_combines_until;
  long counted_sick_days_as_of = 0;   // counted sick days up to and including as_of
  long interruption_days = 0;         // uncounted days between D and the last period's start
  int earlier_cases = 0;              // how many earlier cases the periods formed
};

struct WagePeriod {
  Date waiting_period_end{};            // E = S(728)
  Date extended_end{};                  // E' (== E without a voluntary extension)
  long late_application_days = 0;       // BW 7:629 lid 11 a
  bool late_application_needs_review = false;  // late letter, application > 4 weeks after it
  long sanction_days = 0;               // days of wage sanction actually due
  std::optional<Date> sanction_from;    // first day of the sanction, if any
};

struct Timeline {
  CaseSummary case_summary;
  std::array<Milestone, kMilestoneCount> milestones{};
  std::optional<WagePeriod> wage_period;  // absent when the case ended before S(728)
  // Early IVA (WIA 23 lid 6): the application window, and the shortened waiting period's last day
  // when an application date was given.
  std::optional<Date> early_iva_window_from;
  std::optional<Date> early_iva_window_due;
  std::optional<Date> early_iva_waiting_period_end;
  Date as_of{};

  const Milestone& at(MilestoneKey key) const { return milestones[static_cast<std::size_t>(key)]; }
  Milestone& at(MilestoneKey key) { return milestones[static_cast<std::size_t>(key)]; }
};

// REQUIRES: validate_timeline_input(input) succeeded and input was not changed since.
Timeline compute_timeline(const TimelineInput& input);

// The deadline that needs attention first: among the milestones still open (overdue, due soon,
// upcoming, in that order of urgency), the one with the earliest due date; nullptr when none is
// open. UWV's own acts are left out. This is what dashboards show as "next deadline".
const Milestone* next_open_milestone(const Timeline& timeline);

// The sick week (1-based) the case is in as of the timeline's date; 0 before the first sick day.
inline long sick_week_as_of(const Timeline& timeline) {
  return (timeline.case_summary.counted_sick_days_as_of + 6) / 7;
}

// The calendar date of the n-th counted sick day of the case, or nullopt when the case ended
// before it. REQUIRES: n >= 1; a summary produced by compute_timeline() for this input.
std::optional<Date> sick_day(const TimelineInput& input, const CaseSummary& summary, long n);

// One case formed by the periods: the indices of its periods and its first and last sick days.
struct CaseSpan {
  std::size_t first_period = 0;
  std::size_t last_period = 0;
  Date first_sick_day{};
  std::optional<Date> last_sick_day;
  long counted_sick_days = 0;  // total, or up to as_of for an open case
};
// All cases the periods form, oldest first. REQUIRES: a validated input.
std::vector<CaseSpan> split_cases(const TimelineInput& input);

// An interruption inside a case: fit days, or a maternity leave bridged under WAZO.
struct Interruption {
  Date first_day{};
  Date last_day{};
  bool maternity_leave = false;
  long days() const { return days_between(first_day, last_day) + 1; }
};
// The interruptions of the timeline's case, oldest first.
std::vector<Interruption> case_interruptions(const TimelineInput& input, const Timeline& timeline);

// One progress evaluation cycle: due 42 days after the plan or the previous evaluation.
struct EvaluationCycle {
  Date due{};
  std::optional<Date> done_on;
  MilestoneStatus status = MilestoneStatus::upcoming;
};
// Every cycle from the plan of action up to as_of, with the next one open.
std::vector<EvaluationCycle> progress_evaluation_cycles(const TimelineInput& input,
                                                        const Timeline& timeline);

enum class Language : std::uint8_t { nl, en };

// One line saying how the milestone's date was computed, e.g. "End of sick week 6 plus one day
// (S(42)+1); moved 21 days by the fit gap 4-24 July 2022."
std::string explain_milestone(const TimelineInput& input, const Timeline& timeline,
                              MilestoneKey key, Language language);

// The same for many milestones of one timeline: the case's interruptions are found once.
// REQUIRES: input and timeline outlive the explainer.
class MilestoneExplainer {
 public:
  MilestoneExplainer(const TimelineInput& input, const Timeline& timeline);
  std::string explain(MilestoneKey key, Language language) const;

 private:
  const TimelineInput& input_;
  const Timeline& timeline_;
  std::vector<Interruption> interruptions_;
};

// "3 januari 2022" / "3 January 2022".
std::string format_long_date(Date date, Language language);

}  // namespace spoorboek::core
