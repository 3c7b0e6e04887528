// The deadline calendar: the engine's timelines of the cases an actor reaches, as iCalendar.
#include "app/application.h"
#include "app/policy.h"
#include "report/deadline_calendar.h"
#include "report/icalendar.h"

namespace spoorboek::app {

Result<std::string> Application::deadline_calendar(const Actor& actor, core::Language language,
                                                   const Moment& now) {
  if (auto allowed = authorize(actor, Action::list_cases); !allowed.ok()) return allowed.error();
  // The dashboard's listing: the actor's reach, open cases only (an ended case has no deadline
  // left to act on).
  auto cases = list_cases(actor, CaseQuery(now.today));
  if (!cases.ok()) return cases.error();
  report::Calendar calendar;
  calendar.name = language == core::Language::nl ? "Spoorboek – termijnen" : "Spoorboek – deadlines";
  calendar.timestamp = now.timestamp;
  for (const auto& row : *cases) {
    if (!row.first_sick_day) continue;  // opened, no sick report yet: no timeline
    auto entries = store_.load_entries(row.case_id);
    if (!entries.ok()) return entries.error();
    auto fold = core::fold_case_file(*entries, now.today);
    if (!fold.ok()) return fold.error();
    if (!fold->has_timeline) continue;
    const core::Timeline timeline = core::compute_timeline(fold->timeline_input);
    auto events = report::deadline_events(row.case_id, report::name_initials(row.employee_name),
                                           timeline, language);
    for (auto& event : events) calendar.events.push_back(std::move(event));
  }
  return report::write_calendar(calendar);
}

}  // namespace spoorboek::app
