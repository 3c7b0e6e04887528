#include "app/case_page.h"

#include <algorithm>
#include <charconv>

#include "app/policy.h"
#include "core/case_file_facts.h"

namespace spoorboek::app {
namespace {

using core::EntryType;
using core::MilestoneKey;
using core::MilestoneStatus;

bool still_to_do(MilestoneStatus status) {
  return status == MilestoneStatus::upcoming || status == MilestoneStatus::due_soon ||
         status == MilestoneStatus::overdue;
}

// Overdue steps first (they are the ones that cost a wage sanction), then the soonest.
std::vector<NextStep> next_steps(const CaseFileView& file, const CaseAccess& access) {
  std::vector<NextStep> steps;
  for (const auto& milestone : file.milestones) {
    if (!still_to_do(milestone.status)) continue;
    NextStep step{milestone, std::nullopt};
    const auto type = entry_type_recording(milestone.key);
    if (type && access.may_append(*type)) step.form = type;
    steps.push_back(std::move(step));
  }
  std::stable_sort(steps.begin(), steps.end(), [](const NextStep& a, const NextStep& b) {
    const bool a_late = a.milestone.status == MilestoneStatus::overdue;
    const bool b_late = b.milestone.status == MilestoneStatus::overdue;
    if (a_late != b_late) return a_late;
    return a.milestone.due.value_or(core::Date::max()) < b.milestone.due.value_or(core::Date::max());
  });
  if (steps.size() > kMaxNextSteps) steps.resize(kMaxNextSteps);
  return steps;
}

bool ends_partial_work(EntryType type) {
  return type == EntryType::partial_work || type == EntryType::recovery ||
         type == EntryType::relapse;
}

// Read from the entries as the actor sees them: a redacted payload ("{}") yields nothing.
std::vector<PartialWorkPeriod> partial_work_periods(const CaseFileView& file) {
  std::vector<const EntryView*> relevant;
  for (const auto& entry : file.entries) {
    if (!entry.voided && !entry.redacted && ends_partial_work(entry.type)) relevant.push_back(&entry);
  }
  std::stable_sort(relevant.begin(), relevant.end(), [](const EntryView* a, const EntryView* b) {
    return a->occurred_on < b->occurred_on;
  });
  std::vector<PartialWorkPeriod> periods;
  for (std::size_t i = 0; i < relevant.size(); ++i) {
    if (relevant[i]->type != EntryType::partial_work) continue;
    auto facts = core::read_entry_facts(EntryType::partial_work, relevant[i]->payload);
    if (!facts.ok()) continue;
    PartialWorkPeriod period{relevant[i]->occurred_on, std::nullopt, facts->percentage};
    if (i + 1 < relevant.size()) {
      period.last_day = core::add_days(relevant[i + 1]->occurred_on, -1);
      if (*period.last_day < period.first_day) continue;
    }
    periods.push_back(period);
  }
  return periods;
}

}  // namespace

std::optional<std::int64_t> user_id_of(std::string_view actor) {
  constexpr std::string_view kPrefix = "user:";
  if (!actor.starts_with(kPrefix)) return std::nullopt;
  actor.remove_prefix(kPrefix.size());
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(actor.data(), actor.data() + actor.size(), id);
  if (error != std::errc() || end != actor.data() + actor.size()) return std::nullopt;
  return id;
}

std::optional<core::EntryType> entry_type_recording(core::MilestoneKey key) {
  switch (key) {
    case MilestoneKey::company_doctor_report: return EntryType::company_doctor_report;
    case MilestoneKey::uwv_safety_net_report: return EntryType::safety_net;
    case MilestoneKey::problem_analysis: return EntryType::problem_analysis;
    case MilestoneKey::plan_of_action: return EntryType::plan_of_action;
    case MilestoneKey::progress_evaluation: return EntryType::progress_evaluation;
    case MilestoneKey::uwv_42_week_report: return EntryType::uwv_42_week_report;
    case MilestoneKey::first_year_evaluation: return EntryType::first_year_evaluation;
    case MilestoneKey::track_2_start: return EntryType::track_2_decision;
    case MilestoneKey::uwv_employment_end_report: return EntryType::employment_end;
    case MilestoneKey::uwv_wia_letter: return EntryType::uwv_wia_letter;
    case MilestoneKey::reintegration_report: return EntryType::reintegration_report;
    case MilestoneKey::wia_application: return EntryType::wia_application;
    case MilestoneKey::uwv_sanction_decision:
    case MilestoneKey::waiting_period_end:
    case MilestoneKey::wage_continuation_end:
    case MilestoneKey::count_:
      return std::nullopt;
  }
  return std::nullopt;
}

Result<CasePageData> CasePages::case_page(const Actor& actor, std::int64_t case_id,
                                          core::Date as_of, core::Language language) {
  // One read and fold of the file: its view carries the reach, the timeline the page draws and
  // the completeness check.
  auto file = app_.get_case_file(actor, case_id, as_of, language, /*with_check=*/true);
  if (!file.ok()) return file.error();
  const store::CaseReach& reach = file->reach;
  const CaseAccess access = case_access(actor, reach);

  CasePageData page;
  page.own_file = actor.employee_id && *actor.employee_id == reach.employee_id;
  for (std::size_t i = 0; i < core::kEntryTypeCount; ++i) {
    const auto type = static_cast<EntryType>(i);
    if (access.may_append(type)) page.appendable.push_back(type);
  }
  page.next_steps = next_steps(*file, access);
  page.partial_work = partial_work_periods(*file);
  auto names = author_names(*file);
  if (!names.ok()) return names.error();
  page.author_names = std::move(*names);
  auto people = assignees(reach);
  if (!people.ok()) return people.error();
  page.assignees = std::move(*people);
  page.check = std::move(*file->check);
  page.timeline.case_id = case_id;
  page.timeline.has_timeline = file->has_timeline;
  page.timeline.input = std::move(file->timeline_input);
  page.timeline.timeline = std::move(file->timeline);
  page.file = std::move(*file);
  return page;
}

Result<std::map<std::string, std::string>> CasePages::author_names(const CaseFileView& file) {
  std::map<std::string, std::string> names;
  for (const auto& entry : file.entries) {
    if (names.contains(entry.actor)) continue;
    const auto id = user_id_of(entry.actor);
    if (!id) continue;
    auto user = store_.find_user(*id);
    if (user.ok()) {
      names.emplace(entry.actor, user->display_name);
    } else if (user.error().code != "not_found") {
      return user.error();
    }
  }
  return names;
}

Result<std::vector<std::string>> CasePages::assignees(const store::CaseReach& reach) {
  std::vector<std::int64_t> user_ids = reach.assignee_ids;
  if (reach.manager_user_id) user_ids.push_back(*reach.manager_user_id);
  std::vector<std::string> names;
  for (const auto id : user_ids) {
    auto user = store_.find_user(id);
    if (!user.ok()) {
      if (user.error().code == "not_found") continue;
      return user.error();
    }
    if (std::find(names.begin(), names.end(), user->display_name) == names.end()) {
      names.push_back(user->display_name);
    }
  }
  for (const auto id : reach.provider_ids) {
    auto provider = store_.find_provider(id);
    if (!provider.ok()) {
      if (provider.error().code == "not_found") continue;
      return provider.error();
    }
    names.push_back(provider->name);
  }
  return names;
}

}  // namespace spoorboek::app
