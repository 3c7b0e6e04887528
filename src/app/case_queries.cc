// Use cases that read: one case file, and the dashboard of all cases.
#include <algorithm>

#include "app/application.h"
#include "app/case_rows.h"
#include "app/policy.h"
#include "app/prepare_append.h"

namespace spoorboek::app {
namespace {

bool contains(const std::vector<std::int64_t>& seqs, std::int64_t seq) {
  return std::find(seqs.begin(), seqs.end(), seq) != seqs.end();
}

EntryView view_of(const core::Entry& entry, const core::CaseState& state,
                  const CaseAccess& access, const security::FieldKey* medical_key) {
  EntryView view;
  view.seq = entry.seq;
  view.type = entry.type;
  view.occurred_on = entry.occurred_on;
  view.recorded_at = entry.recorded_at;
  view.actor = entry.actor;
  view.visibility = entry.visibility;
  view.hash = entry.hash;
  view.voided = contains(state.voided, entry.seq);
  view.corrected = contains(state.corrected, entry.seq);
  view.redacted = !access.reads(entry.visibility);
  view.type_hidden = view.redacted && entry.visibility == core::Visibility::medical;
  view.payload = view.redacted ? "{}" : entry.payload;
  view.has_medical = entry.medical.has_value();
  if (view.has_medical && access.reads(core::Visibility::medical)) {
    auto plain = detail::open_medical(medical_key, entry);
    // A part that does not open (no key, or a changed row) is shown as unreadable, never as
    // something else; verify reports the changed row.
    view.medical = plain.ok() ? *plain : std::string(R"({"unreadable":true})");
  }
  return view;
}

}  // namespace

Result<std::vector<store::CaseRead>> Application::list_case_reads(const Actor& actor,
                                                                 std::int64_t case_id) {
  if (auto allowed = authorize(actor, Action::read_case); !allowed.ok()) return allowed.error();
  auto reach = reachable_case(actor, case_id);
  if (!reach.ok()) return reach.error();
  const bool own_file = actor.employee_id && *actor.employee_id == reach->employee_id;
  if (!case_access(actor, *reach).assign && !own_file) {
    return core::make_error("forbidden", "", "your role may not see who read this file");
  }
  return store_.list_case_reads(case_id);
}

Result<std::string> Application::case_version(const Actor& actor, std::int64_t case_id) {
  if (auto allowed = authorize(actor, Action::read_case); !allowed.ok()) return allowed.error();
  // One query: this runs before every cached read.
  auto reach = reachable_case(actor, case_id);
  if (!reach.ok()) return reach.error();
  return reach->last_hash;
}

Result<CaseTimeline> Application::get_timeline(const Actor& actor, std::int64_t case_id,
                                               core::Date as_of) {
  if (auto allowed = authorize(actor, Action::read_case); !allowed.ok()) return allowed.error();
  if (auto reach = reachable_case(actor, case_id); !reach.ok()) return reach.error();
  auto entries = store_.load_entries(case_id);
  if (!entries.ok()) return entries.error();
  auto fold = core::fold_case_file(*entries, as_of);
  if (!fold.ok()) return fold.error();
  CaseTimeline result;
  result.case_id = case_id;
  result.has_timeline = fold->has_timeline;
  if (!fold->has_timeline) return result;
  result.input = std::move(fold->timeline_input);
  result.timeline = core::compute_timeline(result.input);
  return result;
}

Result<CaseFileView> Application::get_case_file(const Actor& actor, std::int64_t case_id,
                                                core::Date as_of, core::Language language,
                                                bool with_check) {
  if (auto allowed = authorize(actor, Action::read_case); !allowed.ok()) return allowed.error();
  auto reach = reachable_case(actor, case_id);
  if (!reach.ok()) return reach.error();
  const CaseAccess access = case_access(actor, *reach);
  auto record = store_.find_case(case_id);
  if (!record.ok()) return record.error();
  auto entries = store_.load_entries(case_id);
  if (!entries.ok()) return entries.error();
  auto fold = core::fold_case_file(*entries, as_of);
  if (!fold.ok()) return fold.error();

  CaseFileView view;
  view.reach = *reach;
  view.record = std::move(*record);
  view.state = fold->state;
  view.as_of = as_of;
  view.reads_medical = access.reads(core::Visibility::medical);
  for (const auto& entry : *entries) {
    view.entries.push_back(view_of(entry, fold->state, access, medical_key_));
  }
  if (!fold->has_timeline) {
    if (with_check) view.check = check_of(view.record, *entries, *fold, nullptr, access, as_of);
    return view;
  }

  const core::TimelineInput& input = fold->timeline_input;
  core::Timeline timeline = core::compute_timeline(input);
  if (with_check) view.check = check_of(view.record, *entries, *fold, &timeline, access, as_of);
  view.has_timeline = true;
  view.sick_week = core::sick_week_as_of(timeline);
  if (timeline.wage_period) {
    view.waiting_period_end = timeline.wage_period->waiting_period_end;
  }
  view.wage_continuation_end = timeline.at(core::MilestoneKey::wage_continuation_end).due;
  if (const auto* next = core::next_open_milestone(timeline)) view.next_deadline = next->key;
  const core::MilestoneExplainer explainer(input, timeline);
  for (const auto& milestone : timeline.milestones) {
    MilestoneView m;
    m.key = milestone.key;
    m.status = milestone.status;
    m.responsible = core::responsible_party(milestone.key);
    m.legal_basis = std::string(core::legal_basis(milestone));
    m.from = milestone.from;
    m.due = milestone.due;
    m.done_on = milestone.done_on;
    m.explanation = explainer.explain(milestone.key, language);
    view.milestones.push_back(std::move(m));
  }
  view.timeline_input = std::move(fold->timeline_input);
  view.timeline = std::move(timeline);
  return view;
}

Result<std::vector<CaseRow>> Application::list_cases(const Actor& actor, const CaseQuery& query) {
  auto page = list_case_page(actor, query);
  if (!page.ok()) return page.error();
  return std::move(page->rows);
}

Result<CasePage> Application::list_case_page(const Actor& actor, const CaseQuery& query) {
  if (auto allowed = authorize(actor, Action::list_cases); !allowed.ok()) return allowed.error();
  store::CaseFilter filter;
  if (query.due_within_days) {
    if (*query.due_within_days < 0) {
      return core::make_error("out_of_range", "due_within_days", "must be 0 or more");
    }
    filter.due_on_or_before = core::add_days(query.as_of, *query.due_within_days);
  }
  if (query.overdue) {
    // Due before today: the day itself is still in time.
    const core::Date yesterday = core::add_days(query.as_of, -1);
    if (!filter.due_on_or_before || yesterday < *filter.due_on_or_before) {
      filter.due_on_or_before = yesterday;
    }
  }
  if (query.status) {
    if (!core::case_status_from_name(*query.status)) {
      return core::make_error("invalid", "status", "unknown case status '" + *query.status + "'");
    }
    filter.status = query.status;
  }
  if (query.limit < -1 || query.offset < 0) {
    return core::make_error("out_of_range", query.offset < 0 ? "offset" : "limit",
                            "must be 0 or more");
  }
  filter.employer_id = query.employer_id;
  filter.assignee_id = query.assignee_id;
  filter.reach = reach_filter(actor);
  // Ended cases are left out by the store, so that it pages: a dashboard of a million cases
  // reads one page and a count, never the whole list.
  filter.open_only = !query.include_closed && !query.status;
  filter.limit = query.limit;
  filter.offset = query.offset;
  CasePage page;
  auto listings = store_.list_cases(filter);
  if (!listings.ok()) return listings.error();
  page.total = static_cast<std::int64_t>(listings->size());
  if (query.limit >= 0 || query.offset > 0) {
    auto total = store_.count_cases(filter);
    if (!total.ok()) return total.error();
    page.total = *total;
  }
  page.rows.reserve(listings->size());
  for (const auto& listing : *listings) page.rows.push_back(detail::case_row(listing, query.as_of));
  return page;
}

}  // namespace spoorboek::app
