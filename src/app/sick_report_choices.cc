#include "app/sick_report_choices.h"

#include <algorithm>
#include <set>

#include "app/policy.h"
#include "app/prepare_append.h"

namespace spoorboek::app {
namespace {

// The employers whose staff lists can hold someone the actor may report: every employer the
// actor's case reach names, and the actor's own (a line manager reaches a team, not an employer).
std::set<std::int64_t> candidate_employers(const Actor& actor,
                                           const std::vector<store::Employer>& employers) {
  const store::CaseReachFilter reach = reach_filter(actor);
  std::set<std::int64_t> ids(reach.employer_ids.begin(), reach.employer_ids.end());
  if (actor.employer_id) ids.insert(*actor.employer_id);
  if (reach.unrestricted) {
    for (const auto& employer : employers) ids.insert(employer.id);
  }
  return ids;
}

}  // namespace

core::Result<std::vector<ReportableEmployee>> employees_to_report_sick(store::Store& store,
                                                                       const Actor& actor) {
  if (auto allowed = authorize(actor, Action::open_case); !allowed.ok()) return allowed.error();
  auto employers = store.list_employers();
  if (!employers.ok()) return employers.error();
  const auto wanted = candidate_employers(actor, *employers);
  std::vector<ReportableEmployee> choices;
  for (const auto& employer : *employers) {
    if (!wanted.contains(employer.id)) continue;
    auto staff = store.list_employees(employer.id);
    if (!staff.ok()) return staff.error();
    for (const auto& employee : *staff) {
      store::CaseReach reach;  // the reach a new case of this employee would have
      reach.employer_id = employee.employer_id;
      reach.employee_id = employee.id;
      reach.manager_user_id = employee.manager_user_id;
      if (!case_access(actor, reach).may_append(core::EntryType::sick_report)) continue;
      store::CaseFilter filter;
      filter.employee_id = employee.id;
      auto cases = store.list_cases(filter);
      if (!cases.ok()) return cases.error();
      const bool open = std::any_of(cases->begin(), cases->end(), [](const auto& listing) {
        return detail::summary_is_open(listing.summary);
      });
      choices.push_back({employee.id, employee.name, employee.personnel_number, employer.name, open});
    }
  }
  std::stable_sort(choices.begin(), choices.end(), [](const auto& a, const auto& b) {
    return std::tie(a.employer_name, a.name) < std::tie(b.employer_name, b.name);
  });
  return choices;
}

}  // namespace spoorboek::app
