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
  auto record = store_.find_case(case_id);
  if (!record.ok()) return record.error();
  auto entries = store_.load_entries(case_id);
  if (!entries.ok()) return entries.error();
  auto fold = core::fold_case_file(*entries, as_of);
  if (!fold.ok()) return fold.error();
  std::optional<core::Timeline> timeline;
  if (fold->has_timeline) timeline = core::compute_timeline(fold->timeline_input);
  return check_of(*record, *entries, *fold, timeline ? &*timeline : nullptr,
                  case_access(actor, *reach), as_of);
}

CaseCheck Application::check_of(const store::CaseRecord& record,
                                 const std::vector<core::Entry>& entries,
                                 const core::CaseFold& fold, const core::Timeline* timeline,
                                 const CaseAccess& access, core::Date as_of) const {
  // What UWV will judge is the whole file, so the check reads every payload (never a medical
  // part: core/riv_check.h); what the actor learns is filtered below.
  CaseCheck check;
  check.case_id = record.id;
  check.employee_name = record.employee_name;
  check.employer_name = record.employer_name;
  check.report = core::check_case_file(
      entries, fold, timeline, core::CaseParties{record.employee_name, record.employer_name}, as_of);
  for (auto& finding : check.report.findings) {
    if (finding.term.empty()) continue;
    bool reads_all = true;
    for (const auto seq : finding.entries) {
      const auto it = std::lower_bound(entries.begin(), entries.end(), seq,
                                       [](const core::Entry& e, std::int64_t s) { return e.seq < s; });
      reads_all = reads_all && it != entries.end() && access.reads(it->visibility);
    }
    if (!reads_all) finding.term.clear();
  }
  return check;
}

}  // namespace spoorboek::app
