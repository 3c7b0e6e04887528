// compute_timeline(): every milestone of domain.md §1 for the case holding the latest sick period.
//
// Kept free of allocation: the hot path is millions of timelines per second (bulk recomputation);
// words are added later by explain_milestone().
#include <algorithm>

#include "core/timeline.h"
#include "core/timeline_case.h"

namespace spoorboek::core {
namespace {

using detail::CaseRange;

constexpr long kDueSoonDays = 14;

// The engine's view of one case while it computes: the clock and the recorded facts that belong
// to this case (steps dated before D belong to an earlier case; steps after as_of had not
// happened yet as of that day).
class CaseClock {
 public:
  CaseClock(const TimelineInput& input, const CaseRange& range)
      : input_(input), range_(range),
        first_sick_day_(input.periods[range.first].start),
        last_sick_day_(input.periods[range.last].end) {
    compute_clock_days();
    for (const Deviation& deviation : input.deviations) {
      deviation_mask_ |= 1U << static_cast<unsigned>(deviation.milestone);
    }
  }

  // S(n). The days the engine asks for are computed once, in one pass over the periods.
  std::optional<Date> S(long n) const {
    const int index = clock_day_index(n);
    if (index >= 0) return clock_days_[static_cast<std::size_t>(index)];
    return detail::sick_day(input_.periods, range_.first, range_.last, n);
  }
  std::optional<Date> S_plus_one(long n) const {
    const auto day = S(n);
    return day ? std::optional<Date>(add_days(*day, 1)) : std::nullopt;
  }
  Date first_sick_day() const { return first_sick_day_; }
  const std::optional<Date>& last_sick_day() const { return last_sick_day_; }

  // Whether the case was still running the day before `due` (so that a deadline of the form
  // S(n)+1 or date+k is reached).
  bool reaches(Date due) const { return !last_sick_day_ || *last_sick_day_ >= add_days(due, -1); }

  std::optional<Date> fact(const std::optional<Date>& date) const {
    if (!date || *date < first_sick_day_ || *date > input_.as_of) return std::nullopt;
    return date;
  }

  bool has_deviation(MilestoneKey key) const {
    return (deviation_mask_ >> static_cast<unsigned>(key)) & 1U;
  }

  bool employment_ended_before(Date due) const {
    return input_.employment_end_date && *input_.employment_end_date < due;
  }

 private:
  // Every n for which the engine needs S(n), ascending.
  static constexpr std::array<long, 12> kClockDays{7,   42,  56,  91,  294, 316,
                                                   364, 476, 567, 617, 623, 728};
  static constexpr int clock_day_index(long n) {
    for (std::size_t i = 0; i < kClockDays.size(); ++i) {
      if (kClockDays[i] == n) return static_cast<int>(i);
    }
    return -1;
  }

  void compute_clock_days() {
    std::size_t next = 0;
    long counted = 0;  // sick days before the current period
    for (std::size_t i = range_.first; i <= range_.last && next < kClockDays.size(); ++i) {
      const Period& p = input_.periods[i];
      if (p.kind != PeriodKind::sick) continue;
      const long length = p.end ? days_between(p.start, *p.end) + 1 : kOpenLength;
      while (next < kClockDays.size() && kClockDays[next] <= counted + length) {
        clock_days_[next] = add_days(p.start, kClockDays[next] - counted - 1);
        ++next;
      }
      counted += length;
    }
  }
  static constexpr long kOpenLength = 1L << 40;

  const TimelineInput& input_;
  const CaseRange& range_;
  Date first_sick_day_;
  std::optional<Date> last_sick_day_;
  std::array<std::optional<Date>, kClockDays.size()> clock_days_{};
  std::uint32_t deviation_mask_ = 0;
};

MilestoneStatus status_of(const Milestone& m, Date as_of, bool deviation) {
  if (m.done_on) {
    if (!m.due || *m.done_on <= *m.due || m.deemed_timely) return MilestoneStatus::done_on_time;
    return deviation ? MilestoneStatus::deviation : MilestoneStatus::done_late;
  }
  if (deviation) return MilestoneStatus::deviation;
  if (!m.due) return MilestoneStatus::upcoming;
  if (as_of > *m.due) return MilestoneStatus::overdue;
  if (days_between(as_of, *m.due) <= kDueSoonDays) return MilestoneStatus::due_soon;
  return MilestoneStatus::upcoming;
}

void set_not_applicable(Milestone& m, NotApplicableReason reason) {
  m.status = MilestoneStatus::not_applicable;
  m.not_applicable_reason = reason;
}

// Fills status from the dates, unless the milestone was already marked not applicable. A step
// that was done although it did not apply keeps its date and counts as done on time.
void settle(Milestone& m, const CaseClock& clock, Date as_of) {
  if (m.not_applicable_reason != NotApplicableReason::none) {
    m.status = m.done_on ? MilestoneStatus::done_on_time : MilestoneStatus::not_applicable;
    return;
  }
  m.status = status_of(m, as_of, clock.has_deviation(m.key));
}

// Records when the step was taken (as far as it belongs to this case and had happened by as_of)
// and settles the status.
inline void settle_done(Milestone& m, const CaseClock& clock, const std::optional<Date>& done,
                        Date as_of) {
  m.done_on = clock.fact(done);
  settle(m, clock, as_of);
}

// A deadline S(n)+1 that only exists when the case reaches day n.
void due_day_after_sick_day(Milestone& m, const CaseClock& clock, long n) {
  m.rule = Rule::sick_day_plus_one;
  m.rule_n = static_cast<int>(n);
  m.due = clock.S_plus_one(n);
  if (!m.due) m.not_applicable_reason = NotApplicableReason::case_ended_first;
}

void window_of_sick_days(Milestone& m, const CaseClock& clock, long from_n, long due_n) {
  m.rule = Rule::sick_day_window;
  m.rule_n = static_cast<int>(from_n);
  m.rule_m = static_cast<int>(due_n);
  m.from = clock.S(from_n);
  m.due = clock.S(due_n);
  if (!m.due) m.not_applicable_reason = NotApplicableReason::case_ended_first;
}

// The last day the sanction runs: `days` days from the day after `base_end`, not counting days of
// maternity leave (WIA 25 lid 9: it starts after a running leave and pauses during one).
Date sanction_last_day(const TimelineInput& input, Date base_end, long days, Date& first_day) {
  Date day = add_days(base_end, 1);
  auto leave_covering = [&](Date d) -> const Period* {
    for (const Period& p : input.periods) {
      if (p.kind == PeriodKind::maternity_leave && p.start <= d && d <= *p.end) return &p;
    }
    return nullptr;
  };
  if (const Period* leave = leave_covering(day)) day = add_days(*leave->end, 1);
  first_day = day;
  Date last = add_days(day, days - 1);
  // Every leave that starts inside the running sanction pushes its end by the leave's overlap.
  for (const Period& p : input.periods) {
    if (p.kind != PeriodKind::maternity_leave || p.start <= first_day || p.start > last) continue;
    last = add_days(last, days_between(p.start, *p.end) + 1);
  }
  return last;
}

}  // namespace

std::optional<Date> sick_day(const TimelineInput& input, const CaseSummary& summary, long n) {
  return detail::sick_day(input.periods, summary.first_period, summary.last_period, n);
}

Timeline compute_timeline(const TimelineInput& input) {
  Timeline t;
  t.as_of = input.as_of;
  for (std::size_t i = 0; i < kMilestoneCount; ++i) t.milestones[i].key = static_cast<MilestoneKey>(i);

  const CaseRange range = detail::latest_case(input.periods);
  const CaseClock clock(input, range);
  const Date D = clock.first_sick_day();
  const Date as_of = input.as_of;

  CaseSummary& summary = t.case_summary;
  summary.first_period = range.first;
  summary.last_period = range.last;
  summary.first_sick_day = D;
  summary.last_sick_day = clock.last_sick_day();
  summary.counted_sick_days_as_of =
      detail::counted_sick_days_until(input.periods, range.first, range.last, as_of);
  summary.interruption_days = range.interruption_days;
  if (summary.last_sick_day) {
    Date until = add_days(*summary.last_sick_day, detail::kMaxCombinableGap + 1);
    // A leave that starts the day after the sickness keeps the case open until the day after it.
    Date next = add_days(*summary.last_sick_day, 1);
    for (std::size_t i = range.last + 1; i < input.periods.size(); ++i) {
      const Period& leave = input.periods[i];
      if (leave.kind != PeriodKind::maternity_leave || leave.start != next) break;
      next = add_days(*leave.end, 1);
    }
    if (next > until) until = next;
    summary.relapse_combines_until = until;
  }
  summary.earlier_cases = range.earlier_cases;

  // Report to the company doctor: within the first week (practice; the duty is RPG art. 2 lid 1).
  {
    Milestone& m = t.at(MilestoneKey::company_doctor_report);
    m.rule = Rule::sick_day;
    m.rule_n = 7;
    m.due = clock.S(7);
    if (!m.due) m.not_applicable_reason = NotApplicableReason::case_ended_first;
    settle_done(m, clock, input.company_doctor_report_date, as_of);
  }

  // Safety-net report to UWV (ZW 38a lid 3): within six weeks for organ donation, pregnancy and
  // no-risk cases.
  {
    Milestone& m = t.at(MilestoneKey::uwv_safety_net_report);
    if (input.safety_net == SafetyNet::none) {
      m.not_applicable_reason = NotApplicableReason::no_safety_net;
    } else {
      m.rule = Rule::days_after_first_sick_day;
      m.rule_n = 42;
      m.due = add_days(D, 42);
    }
    settle_done(m, clock, input.uwv_safety_net_report_date, as_of);
  }

  // Problem analysis: "binnen zes weken na de eerste dag" = S(42)+1, reminder at S(42); at once
  // when the company doctor only later expects long-term absence (RPG art. 2 lid 3).
  {
    Milestone& m = t.at(MilestoneKey::problem_analysis);
    due_day_after_sick_day(m, clock, 42);
    m.remind_on = clock.S(42);
    if (m.due && input.long_term_expected_on && *input.long_term_expected_on > *m.due) {
      m.due = input.long_term_expected_on;
      m.rule = Rule::long_term_expected;
    }
    settle_done(m, clock, input.problem_analysis_date, as_of);
  }

  // Plan of action: two weeks after the problem analysis; S(56)+1 while none is recorded.
  const auto problem_analysis_done = t.at(MilestoneKey::problem_analysis).done_on;
  {
    Milestone& m = t.at(MilestoneKey::plan_of_action);
    if (problem_analysis_done) {
      m.rule = Rule::after_problem_analysis;
      m.rule_n = 14;
      m.due = add_days(*problem_analysis_done, 14);
      if (!clock.reaches(*m.due)) m.not_applicable_reason = NotApplicableReason::case_ended_first;
    } else {
      due_day_after_sick_day(m, clock, 56);
    }
    settle_done(m, clock, input.plan_of_action_date, as_of);
  }

  // The waiting period and the wage period; the second year counts back from E'.
  const auto E = clock.S(728);
  long late_days = 0;
  std::optional<Date> extended_end;
  if (E) {
    extended_end = input.voluntary_extension_end
                       ? *input.voluntary_extension_end
                       : add_days(*E, 7L * input.voluntary_extension_weeks);
  }

  // Progress evaluations: at least every six weeks after the plan (rolling).
  {
    const Milestone& plan = t.at(MilestoneKey::plan_of_action);
    Milestone& m = t.at(MilestoneKey::progress_evaluation);
    m.rule = Rule::rolling_evaluation;
    m.rule_n = 42;
    std::optional<Date> anchor = plan.done_on;
    if (anchor) {
      for (Date evaluation : input.progress_evaluation_dates) {
        if (evaluation >= *anchor && evaluation <= as_of) anchor = evaluation;
      }
      m.done_on = anchor != plan.done_on ? anchor : std::nullopt;
    } else if (plan.due && plan.not_applicable_reason == NotApplicableReason::none) {
      anchor = plan.due;
    }
    if (!anchor) {
      m.not_applicable_reason = NotApplicableReason::case_ended_first;
    } else {
      m.from = anchor;
      m.due = add_days(*anchor, 42);
      if (!clock.reaches(*m.due) || (extended_end && *m.due > *extended_end)) {
        m.not_applicable_reason = NotApplicableReason::case_ended_first;
      }
    }
    // A rolling deadline is never "done": the last evaluation only moves the next one.
    const auto last_evaluation = m.done_on;
    m.done_on.reset();
    settle(m, clock, as_of);
    m.done_on = last_evaluation;
  }

  // 42nd-week report (ZW 38 lid 1): not for ZW-benefit cases (lid 4), not after employment ended.
  {
    Milestone& m = t.at(MilestoneKey::uwv_42_week_report);
    due_day_after_sick_day(m, clock, 294);
    if (input.safety_net != SafetyNet::none) {
      m.not_applicable_reason = NotApplicableReason::safety_net_case;
    } else if (m.due && clock.employment_ended_before(*m.due)) {
      m.not_applicable_reason = NotApplicableReason::employment_ended;
    }
    settle_done(m, clock, input.uwv_42_week_report_date, as_of);
  }

  // First-year evaluation: weeks 46-52 on the sick-day clock (engine convention).
  {
    Milestone& m = t.at(MilestoneKey::first_year_evaluation);
    window_of_sick_days(m, clock, 316, 364);
    if (m.due && clock.employment_ended_before(*m.due)) {
      m.not_applicable_reason = NotApplicableReason::employment_ended;
    }
    settle_done(m, clock, input.first_year_evaluation_date, as_of);
  }

  // Track 2: at the latest six weeks after the first-year evaluation (UWV Werkwijzer).
  {
    const Milestone& evaluation = t.at(MilestoneKey::first_year_evaluation);
    Milestone& m = t.at(MilestoneKey::track_2_start);
    m.rule = Rule::after_first_year_evaluation;
    m.rule_n = 42;
    const std::optional<Date> anchor =
        evaluation.done_on ? evaluation.done_on.as_optional() : clock.S(364);
    if (!anchor) {
      m.not_applicable_reason = NotApplicableReason::case_ended_first;
    } else {
      m.due = add_days(*anchor, 42);
      if (!clock.reaches(*m.due)) {
        m.not_applicable_reason = NotApplicableReason::case_ended_first;
      } else if (clock.employment_ended_before(*m.due)) {
        m.not_applicable_reason = NotApplicableReason::employment_ended;
      }
    }
    settle_done(m, clock, input.track_2_start_date, as_of);
  }

  // Sick at the end of employment (ZW 38 lid 2): report to UWV on the last day of employment.
  const bool employment_ends_in_case =
      input.employment_end_date && *input.employment_end_date >= D &&
      (!clock.last_sick_day() || *input.employment_end_date <= *clock.last_sick_day());
  {
    Milestone& m = t.at(MilestoneKey::uwv_employment_end_report);
    if (employment_ends_in_case) {
      m.rule = Rule::employment_end;
      m.due = input.employment_end_date;
    } else {
      m.not_applicable_reason = NotApplicableReason::employment_continues;
    }
    settle_done(m, clock, input.uwv_employment_end_report_date, as_of);
  }

  // UWV's letter about the WIA application: after 88 weeks, at the latest when 89 have passed.
  {
    Milestone& m = t.at(MilestoneKey::uwv_wia_letter);
    window_of_sick_days(m, clock, 617, 623);
    settle_done(m, clock, input.uwv_letter_date, as_of);
  }

  // WIA application: from the letter to E'-77; WIA 64 lid 6 may deem a late one timely.
  {
    Milestone& m = t.at(MilestoneKey::wia_application);
    m.from = clock.S(617);
    if (!extended_end) {
      m.not_applicable_reason = NotApplicableReason::case_ended_first;
    } else {
      m.rule = Rule::before_end;
      m.rule_n = 77;
      m.due = add_days(*extended_end, -77);
    }
    m.done_on = clock.fact(input.wia_application_date);
    if (m.due && m.done_on && *m.done_on > *m.due) {
      // Lid 6 does not protect when the employer made no 42nd-week report before week 81.
      const auto week_81 = clock.S(567);
      const Milestone& report = t.at(MilestoneKey::uwv_42_week_report);
      const bool report_required = report.not_applicable_reason == NotApplicableReason::none;
      const bool report_too_late =
          report_required && week_81 &&
          (input.uwv_42_week_report_date ? *input.uwv_42_week_report_date >= *week_81
                                         : input.file_is_complete);
      const auto letter = input.uwv_letter_date;
      const auto latest_letter = clock.S(623);
      bool deemed_timely = false;
      if (!report_too_late) {
        if (!letter) {
          deemed_timely = true;
        } else if (latest_letter && *letter > *latest_letter &&
                   *m.done_on <= add_days(*letter, 28)) {
          deemed_timely = true;
        }
      }
      m.deemed_timely = deemed_timely;
      if (!deemed_timely) late_days = days_between(*m.due, *m.done_on);
    }
    settle(m, clock, as_of);
  }

  // The reintegration report: E'-91, or the last day of employment when the employee leaves sick
  // after at least six weeks (ZW 38 lid 2).
  {
    Milestone& m = t.at(MilestoneKey::reintegration_report);
    const bool leaves_sick = employment_ends_in_case &&
                             days_between(D, *input.employment_end_date) >= 42 &&
                             (!extended_end ||
                              *input.employment_end_date < add_days(*extended_end, -91));
    if (leaves_sick) {
      m.rule = Rule::employment_end;
      m.due = input.employment_end_date;
    } else if (extended_end) {
      m.rule = Rule::before_end;
      m.rule_n = 91;
      m.due = add_days(*extended_end, -91);
    } else {
      m.not_applicable_reason = NotApplicableReason::case_ended_first;
    }
    settle_done(m, clock, input.reintegration_report_date, as_of);
  }

  // UWV's decision on a wage sanction: six weeks before the (late-extended) end (WIA 25 lid 10).
  WagePeriod wage;
  if (extended_end) {
    wage.waiting_period_end = *E;
    wage.extended_end = *extended_end;
    wage.late_application_days = late_days;
    const Milestone& application = t.at(MilestoneKey::wia_application);
    wage.late_application_needs_review =
        late_days > 0 && input.uwv_letter_date && clock.S(623) &&
        *input.uwv_letter_date > *clock.S(623) && application.done_on &&
        *application.done_on > add_days(*input.uwv_letter_date, 28);
  }
  {
    Milestone& m = t.at(MilestoneKey::uwv_sanction_decision);
    if (!extended_end) {
      m.not_applicable_reason = NotApplicableReason::case_ended_first;
    } else {
      m.rule = Rule::before_end;
      m.rule_n = 42;
      m.due = add_days(*extended_end, late_days - 42);
      m.done_on = clock.fact(input.wage_sanction_decision_date);
      // A decision that never came (or came after the end) means no sanction (lid 11).
      const Date base_end = add_days(*extended_end, late_days);
      if (!m.done_on && as_of > base_end) {
        m.not_applicable_reason = NotApplicableReason::not_sanctioned;
      }
    }
    settle(m, clock, as_of);
    // Not deciding is UWV's choice, not a missed step of the employer: never "overdue".
    if (m.status == MilestoneStatus::overdue) m.status = MilestoneStatus::info;
  }

  // Wage sanction (WIA 25 lid 9-14) and the end of the wage duty (BW 7:629 lid 11).
  if (extended_end) {
    const Date base_end = add_days(*extended_end, late_days);
    const Date decision_due = add_days(base_end, -42);
    const auto decision = input.wage_sanction_decision_date;
    const bool sanctioned = input.wage_sanction_weeks > 0 && (!decision || *decision <= base_end);
    if (sanctioned) {
      long days = 7L * input.wage_sanction_weeks;
      if (decision && *decision > decision_due) days -= days_between(decision_due, *decision);
      if (input.wage_sanction_repaired_on) {
        days = std::min(days, days_between(base_end, add_days(*input.wage_sanction_repaired_on, 42)));
      }
      days = std::max(days, 0L);
      if (days > 0) {
        Date first_day{};
        const Date last_day = sanction_last_day(input, base_end, days, first_day);
        wage.sanction_days = days;
        wage.sanction_from = first_day;
        t.at(MilestoneKey::wage_continuation_end).due = last_day;
      }
    }
    if (!t.at(MilestoneKey::wage_continuation_end).due) {
      t.at(MilestoneKey::wage_continuation_end).due = base_end;
    }
    t.wage_period = wage;
  }
  {
    Milestone& m = t.at(MilestoneKey::waiting_period_end);
    m.rule = Rule::end_of_waiting_period;
    m.rule_n = 728;
    m.due = E;
    if (E) {
      m.status = MilestoneStatus::info;
    } else {
      set_not_applicable(m, NotApplicableReason::case_ended_first);
    }
  }
  {
    Milestone& m = t.at(MilestoneKey::wage_continuation_end);
    m.rule = Rule::wage_period_end;
    if (m.due) {
      m.status = MilestoneStatus::info;
    } else {
      set_not_applicable(m, NotApplicableReason::case_ended_first);
    }
  }

  // Early IVA (WIA 23 lid 6, 66): apply from week 4 to week 68; the shortened waiting period lasts
  // at least 13 weeks and ends at least 10 weeks after the application.
  t.early_iva_window_from = add_days(D, 21);
  t.early_iva_window_due = clock.S(476);
  if (const auto applied = clock.fact(input.early_iva_application_date)) {
    const auto thirteen_weeks = clock.S(91);
    Date end = add_days(*applied, 70);
    if (thirteen_weeks && *thirteen_weeks > end) end = *thirteen_weeks;
    t.early_iva_waiting_period_end = end;
  }
  return t;
}

}  // namespace spoorboek::core
