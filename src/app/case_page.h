// The case page of the browser UI as one query: the case file as the actor may read it, with the
// engine's timeline, what to do next, who recorded each entry and who works on the case.
//
// Built on one Application::get_case_file (which carries the timeline), so policy.h alone
// decides whether the actor reaches the case ("not_found" otherwise, as for a case that does not
// exist) and which visibility classes of its entries the actor reads. Contract:
// - `next_steps` are the milestones still to be done (upcoming, due soon, overdue), overdue first,
//   then by due date, at most kMaxNextSteps; `form` names the entry type that records the step
//   only when the actor may append that type (policy.h CaseAccess::may_append);
// - `author_names` maps an entry's actor id ("user:12") to that user's display name, for the
//   entries whose author is a user that still exists; others keep their id;
// - `assignees` are the display names of the people named on the case, the line manager of the
//   employee and the reintegration offices assigned to it;
// - `partial_work` are the spans of partial work, read from the partial-work entries the actor
//   reads (not voided), each ending the day before the next partial work, recovery or relapse;
// - `check` is the completeness check of the file as of the page's date (Application::check_case);
// - `own_file` is true when the actor is the employee whose file it is.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/application.h"

namespace spoorboek::app {

inline constexpr std::size_t kMaxNextSteps = 5;

struct NextStep {
  MilestoneView milestone;
  std::optional<core::EntryType> form;  // the entry that records the step, when the actor may add it
};

struct PartialWorkPeriod {
  core::Date first_day{};
  std::optional<core::Date> last_day;  // open: until the sick period ends
  int percentage = 0;
};

struct CasePageData {
  CaseFileView file;
  CaseTimeline timeline;
  bool own_file = false;
  std::vector<core::EntryType> appendable;  // every entry type the actor may add, in enum order
  std::vector<NextStep> next_steps;
  std::map<std::string, std::string> author_names;
  std::vector<std::string> assignees;
  std::vector<PartialWorkPeriod> partial_work;
  CaseCheck check;
};

// The user id of an entry's actor ("user:12" -> 12); none for other actors ("cli:root").
std::optional<std::int64_t> user_id_of(std::string_view actor);

// The entry type that records a milestone, when one does (the waiting period's end, for one,
// is a date to know, not a step anybody records).
std::optional<core::EntryType> entry_type_recording(core::MilestoneKey key);

class CasePages {
 public:
  // REQUIRES: both outlive the object.
  CasePages(store::Store& store, Application& application) : store_(store), app_(application) {}

  Result<CasePageData> case_page(const Actor& actor, std::int64_t case_id, core::Date as_of,
                                 core::Language language);

 private:
  Result<std::map<std::string, std::string>> author_names(const CaseFileView& file);
  Result<std::vector<std::string>> assignees(const store::CaseReach& reach);

  store::Store& store_;
  Application& app_;
};

}  // namespace spoorboek::app
