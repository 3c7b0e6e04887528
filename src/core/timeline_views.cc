// The allocating views of a timeline: all cases, the interruptions of the case, and the history of
// progress evaluations. Kept apart from compute_timeline() so the hot path stays allocation-free.
#include <algorithm>

#include "core/timeline.h"
#include "core/timeline_case.h"

namespace spoorboek::core {

std::vector<CaseSpan> split_cases(const TimelineInput& input) {
  const auto& periods = input.periods;
  std::vector<CaseSpan> cases;
  std::size_t previous_sick = 0;
  bool have_sick = false;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (periods[i].kind != PeriodKind::sick) continue;
    const bool continues =
        have_sick &&
        detail::continues_case(periods[previous_sick],
                               std::span(periods).subspan(previous_sick + 1, i - previous_sick - 1),
                               periods[i]);
    if (!continues) cases.push_back(CaseSpan{i, i, periods[i].start, std::nullopt, 0});
    cases.back().last_period = i;
    have_sick = true;
    previous_sick = i;
  }
  for (CaseSpan& span : cases) {
    span.last_sick_day = periods[span.last_period].end;
    const Date until = span.last_sick_day ? *span.last_sick_day : input.as_of;
    span.counted_sick_days =
        detail::counted_sick_days_until(periods, span.first_period, span.last_period, until);
  }
  return cases;
}

std::vector<Interruption> case_interruptions(const TimelineInput& input, const Timeline& timeline) {
  std::vector<Interruption> result;
  const auto& periods = input.periods;
  std::optional<std::size_t> previous_sick;
  for (std::size_t i = timeline.case_summary.first_period; i <= timeline.case_summary.last_period;
       ++i) {
    if (periods[i].kind != PeriodKind::sick) continue;
    if (previous_sick) {
      const Period& previous = periods[*previous_sick];
      const Date first = add_days(*previous.end, 1);
      const Date last = add_days(periods[i].start, -1);
      // Between the two sick periods there are fit days, or (when bridged under WAZO) leave.
      const bool leave = detail::interruption_between(previous, periods[i]) >
                         detail::kMaxCombinableGap;
      result.push_back(Interruption{first, last, leave});
    }
    previous_sick = i;
  }
  return result;
}

std::vector<EvaluationCycle> progress_evaluation_cycles(const TimelineInput& input,
                                                        const Timeline& timeline) {
  std::vector<EvaluationCycle> cycles;
  const Milestone& plan = timeline.at(MilestoneKey::plan_of_action);
  if (!plan.done_on) return cycles;
  std::vector<Date> evaluations;
  for (Date d : input.progress_evaluation_dates) {
    if (d > *plan.done_on && d <= timeline.as_of) evaluations.push_back(d);
  }
  std::sort(evaluations.begin(), evaluations.end());
  Date anchor = *plan.done_on;
  for (Date done : evaluations) {
    const Date due = add_days(anchor, 42);
    cycles.push_back(EvaluationCycle{
        due, done, done <= due ? MilestoneStatus::done_on_time : MilestoneStatus::done_late});
    anchor = done;
  }
  const Milestone& next = timeline.at(MilestoneKey::progress_evaluation);
  if (next.due && next.status != MilestoneStatus::not_applicable) {
    cycles.push_back(EvaluationCycle{*next.due, std::nullopt, next.status});
  }
  return cycles;
}

}  // namespace spoorboek::core

namespace spoorboek::core {

const Milestone* next_open_milestone(const Timeline& timeline) {
  const Milestone* next = nullptr;
  for (const Milestone& m : timeline.milestones) {
    const bool open = m.status == MilestoneStatus::overdue ||
                      m.status == MilestoneStatus::due_soon ||
                      m.status == MilestoneStatus::upcoming;
    // UWV's own acts (its letter, its sanction decision) are dates to know, not steps the people
    // running the case can take.
    if (!open || !m.due || responsible_party(m.key) == Party::uwv) continue;
    if (!next || *m.due < *next->due) next = &m;
  }
  return next;
}

}  // namespace spoorboek::core
