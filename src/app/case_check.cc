// The completeness check as a use case: authorised like reading the case file.
#include <algorithm>

#include "app/application.h"
#include "app/policy.h"

namespace spoorboek::app {

Result<CaseCheck> Application::check_case(const Actor& actor, std::int64_t case_id,
                                          core::Date as_of) {
  if (auto allowed = authorize(actor, Action::read_case); !allowed.ok()) return allowed.error();
  auto reach = reachable_case(actor, case_id);
  if (!reach.ok()) return reach.error();
  const CaseAccess access = case_access(actor, *reach);
  auto record = store_.find_case(case_id);
  if (!record.ok()) return record.error();
  auto entries = store_.load_entries(case_id);
  if (!entries.ok()) return entries.error();
  // What UWV will judge is the whole file, so the check reads every payload (never a medical
  // part: core/riv_check.h); what the actor learns is filtered below.
  auto report = core::check_entries(
      *entries, core::CaseParties{record->employee_name, record->employer_name}, as_of);
  if (!report.ok()) return report.error();

  for (auto& finding : report->findings) {
    if (finding.term.empty()) continue;
    bool reads_all = true;
    for (const auto seq : finding.entries) {
      const auto it = std::lower_bound(entries->begin(), entries->end(), seq,
                                       [](const core::Entry& e, std::int64_t s) { return e.seq < s; });
      reads_all = reads_all && it != entries->end() && access.reads(it->visibility);
    }
    if (!reads_all) finding.term.clear();
  }
  CaseCheck check;
  check.case_id = case_id;
  check.employee_name = record->employee_name;
  check.employer_name = record->employer_name;
  check.report = std::move(*report);
  return check;
}

}  // namespace spoorboek::app
