#include "app/dashboard.h"

#include <algorithm>
#include <set>
#include <utility>

#include "app/case_rows.h"
#include "app/policy.h"
#include "core/case_file_fold.h"
#include "core/utf8.h"

namespace spoorboek::app {
namespace {

// The stages follow the milestones of domain.md §1: the problem analysis by week 6, the plan of
// action by week 8, the 42nd-week report, the first-year evaluation in weeks 46-52, track 2 in the
// second year, and the re-integratieverslag and WIA application from week 91.
std::vector<Stage> empty_stages() {
  return {{"week_1_6", 1, 6, 0},     {"week_7_8", 7, 8, 0},     {"week_9_42", 9, 42, 0},
          {"week_43_52", 43, 52, 0}, {"week_53_91", 53, 91, 0}, {"week_92_104", 92, 104, 0},
          {"week_105", 105, 100000, 0}};
}

constexpr core::MilestoneKey kDoctorSteps[] = {core::MilestoneKey::problem_analysis,
                                               core::MilestoneKey::reintegration_report};

// The medical agenda's preselection (fill_agenda). An agenda item is a doctor's step that is
// open as of today and due by today + kAgendaDays; whether a step is open takes the case's fold,
// so the store first picks the cases where one can be, from their summaries:
// - the summary's next deadline is the earliest due open step of the case
//   (core::next_open_milestone; only UWV's own acts are left out, and the doctor's steps are not
//   UWV's), so a case with an item has its next deadline due by today + kAgendaDays too. The
//   summary is written with the case's last entry, but days passing without entries change no
//   step's due date and close no open step (upcoming only turns due soon, then overdue), so an
//   older summary still names the earliest open step (tests/app/dashboard_test.cc checks the
//   agenda on later days);
// - in the order of the process, the problem analysis is open only while the next deadline is
//   the analysis itself or a step due before it: the report to the company doctor (week 1), the
//   safety-net report to UWV (day 42), the report of an end of employment, or the plan of action
//   (due before an analysis that the company doctor's later "long-term expected" moved on): the
//   keys below, with the re-integratieverslag itself;
// - the re-integratieverslag is due 91 days before the end of the (possibly extended) waiting
//   period, so never before waiting_period_end - 91: the cases whose waiting period ends by
//   today + kAgendaDays + 91 are candidates whatever their next deadline (a progress evaluation
//   is often due first).
// What this leaves out: a problem analysis still open after the plan of action was made (its
// progress evaluations fall due first), and a re-integratieverslag due on an early end of
// employment (ZW 38 lid 2) while another step is due before it; the case page and the
// completeness check show both. Ended cases have no next deadline in their summary (a missed
// step of an ended case cannot be repaired, prepare_append.cc), so they are never candidates.
// The candidates are bounded: at most kAgendaCandidates, soonest next deadline first.
const std::vector<std::string> kAnalysisStageKeys = {
    "company_doctor_report", "uwv_safety_net_report",  "problem_analysis",
    "plan_of_action",        "uwv_employment_end_report", "reintegration_report"};
constexpr int kReportBeforeEndDays = 91;  // re-integratieverslag: E' - 91 (timeline.cc)

bool is_open(core::MilestoneStatus status) {
  return status == core::MilestoneStatus::upcoming || status == core::MilestoneStatus::due_soon ||
         status == core::MilestoneStatus::overdue;
}

// Listings come ordered by (next deadline, none last; case id); candidates keep that order.
bool listed_before(const CaseRow& a, const CaseRow& b) {
  if (a.next_deadline_due != b.next_deadline_due) {
    if (!a.next_deadline_due) return false;
    if (!b.next_deadline_due) return true;
    return *a.next_deadline_due < *b.next_deadline_due;
  }
  return a.case_id < b.case_id;
}

}  // namespace

bool searchable(std::string_view text) {
  // Every backend can compare it: PostgreSQL refuses text that is not UTF-8 or holds NUL.
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) return false;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = core::utf8_sequence_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

Result<std::vector<CaseRow>> Dashboards::rows(store::CaseFilter filter, std::int64_t limit,
                                             std::int64_t offset, core::Date today,
                                             std::int64_t* total) {
  filter.limit = limit;
  filter.offset = offset;
  auto listings = store_.list_cases(filter);
  if (!listings.ok()) return listings.error();
  std::vector<CaseRow> result;
  result.reserve(listings->size());
  for (const auto& listing : *listings) result.push_back(detail::case_row(listing, today));
  if (total) {
    // A list shorter than its limit is the whole rest: counted without another query.
    if (offset == 0 && static_cast<std::int64_t>(result.size()) < limit) {
      *total = static_cast<std::int64_t>(result.size());
    } else {
      auto counted = store_.count_cases(filter);
      if (!counted.ok()) return counted.error();
      *total = *counted;
    }
  }
  return result;
}

Status Dashboards::list_page(const store::CaseFilter& base, std::int64_t page, core::Date today,
                             Dashboard& board) {
  auto total = store_.count_cases(base);
  if (!total.ok()) return total.error();
  board.cases_total = *total;
  board.page_count =
      std::max<std::int64_t>(1, (*total + kDashboardPageSize - 1) / kDashboardPageSize);
  board.page = std::clamp<std::int64_t>(page, 1, board.page_count);
  auto listed = rows(base, kDashboardPageSize, (board.page - 1) * kDashboardPageSize, today);
  if (!listed.ok()) return listed.error();
  board.cases = std::move(*listed);
  return core::ok_status();
}

Status Dashboards::rank_by_risk(const Actor& actor, const store::CaseFilter& base,
                                std::int64_t page, core::Date today, Dashboard& board) {
  auto checked = rows(base, kRiskCheckLimit, 0, today, &board.risk_matching);
  if (!checked.ok()) return checked.error();
  board.risk_checked = static_cast<std::int64_t>(checked->size());
  std::vector<CaseRow> at_risk;
  for (auto& row : *checked) {
    auto check = app_.check_case(actor, row.case_id, today);
    if (!check.ok()) return check.error();
    if (check->report.risk.score == 0) continue;
    row.risk_score = check->report.risk.score;
    row.check_blocks = check->report.blocks;
    at_risk.push_back(std::move(row));
  }
  std::stable_sort(at_risk.begin(), at_risk.end(), [](const CaseRow& a, const CaseRow& b) {
    if (a.risk_score != b.risk_score) return a.risk_score > b.risk_score;
    return a.check_blocks > b.check_blocks;
  });
  board.cases_total = static_cast<std::int64_t>(at_risk.size());
  board.page_count =
      std::max<std::int64_t>(1, (board.cases_total + kDashboardPageSize - 1) / kDashboardPageSize);
  board.page = std::clamp<std::int64_t>(page, 1, board.page_count);
  const auto first = std::min<std::size_t>(
      at_risk.size(), static_cast<std::size_t>((board.page - 1) * kDashboardPageSize));
  const auto last = std::min<std::size_t>(at_risk.size(),
                                          first + static_cast<std::size_t>(kDashboardPageSize));
  board.cases.assign(std::make_move_iterator(at_risk.begin() + static_cast<std::ptrdiff_t>(first)),
                     std::make_move_iterator(at_risk.begin() + static_cast<std::ptrdiff_t>(last)));
  return core::ok_status();
}

Status Dashboards::fill_agenda(const store::CaseFilter& base,
                               core::Date today, Dashboard& board) {
  // The preselection described at kAnalysisStageKeys: two listings of the summaries, merged.
  store::CaseFilter due_soon = base;
  due_soon.due_on_or_before = core::add_days(today, kAgendaDays);
  store::CaseFilter analysis_stage = due_soon;
  analysis_stage.next_deadline_keys = kAnalysisStageKeys;
  store::CaseFilter report_window = due_soon;
  report_window.waiting_period_end_on_or_before =
      core::add_days(today, kAgendaDays + kReportBeforeEndDays);
  std::vector<CaseRow> candidates;
  std::set<std::int64_t> seen;
  for (const auto* filter : {&analysis_stage, &report_window}) {
    auto listed = rows(*filter, kAgendaCandidates + 1, 0, today);
    if (!listed.ok()) return listed.error();
    for (auto& row : *listed) {
      if (seen.insert(row.case_id).second) candidates.push_back(std::move(row));
    }
  }
  std::sort(candidates.begin(), candidates.end(), listed_before);
  if (static_cast<std::int64_t>(candidates.size()) > kAgendaCandidates) {
    board.agenda_capped = true;
    candidates.resize(static_cast<std::size_t>(kAgendaCandidates));
  }
  // The candidates are in the actor's reach (base.reach). The fold of the entries an append
  // would read is the fold of the whole file (core::fold_relevant_entries), without parsing the
  // files' conversations; all of them are read in one query.
  std::vector<std::int64_t> ids;
  ids.reserve(candidates.size());
  for (const auto& row : candidates) ids.push_back(row.case_id);
  auto files = store_.load_fold_entries(ids);
  if (!files.ok()) return files.error();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const CaseRow& row = candidates[i];
    auto fold = core::fold_case_file((*files)[i], today);
    if (!fold.ok()) return fold.error();
    if (!fold->has_timeline) continue;
    const core::Timeline timeline = core::compute_timeline(fold->timeline_input);
    for (const auto step : kDoctorSteps) {
      const auto& milestone = timeline.at(step);
      if (!is_open(milestone.status) || !milestone.due) continue;
      if (core::days_between(today, *milestone.due) > kAgendaDays) continue;
      board.medical_agenda.push_back(AgendaItem{row, step, milestone.status, *milestone.due});
    }
  }
  std::stable_sort(board.medical_agenda.begin(), board.medical_agenda.end(),
                   [](const AgendaItem& a, const AgendaItem& b) { return a.due < b.due; });
  return core::ok_status();
}

Result<Dashboard> Dashboards::dashboard(const Actor& actor, const DashboardFilter& filter,
                                        core::Date today) {
  if (auto allowed = authorize(actor, Action::list_cases); !allowed.ok()) return allowed.error();
  if (filter.status && !core::case_status_from_name(*filter.status)) {
    return core::make_error("invalid", "status", "unknown case status '" + *filter.status + "'");
  }
  if (!searchable(filter.search)) {
    return core::make_error("invalid", "search", "must be UTF-8 text without NUL characters");
  }
  // The cases the filter matches, as Application::list_case_page selects them: the actor's
  // reach, open cases unless a status is asked for.
  store::CaseFilter base;
  base.reach = reach_filter(actor);
  base.employer_id = filter.employer_id;
  base.status = filter.status;
  base.assignee_id = filter.assignee_id;
  base.search = filter.search;
  base.open_only = !filter.status;

  Dashboard board;
  const auto page = std::max<std::int64_t>(1, filter.page);
  const Status listed = filter.risk_first ? rank_by_risk(actor, base, page, today, board)
                                          : list_page(base, page, today, board);
  if (!listed.ok()) return listed.error();

  // Due before today: the day itself is still in time.
  store::CaseFilter overdue = base;
  overdue.due_on_or_before = core::add_days(today, -1);
  auto overdue_rows = rows(overdue, kAttentionListSize, 0, today, &board.overdue_total);
  if (!overdue_rows.ok()) return overdue_rows.error();
  board.overdue = std::move(*overdue_rows);
  store::CaseFilter this_week = base;
  this_week.due_on_or_after = today;
  this_week.due_on_or_before = core::add_days(today, 7);
  auto due_rows = rows(this_week, kAttentionListSize, 0, today, &board.due_this_week_total);
  if (!due_rows.ok()) return due_rows.error();
  board.due_this_week = std::move(*due_rows);

  board.stages = empty_stages();
  auto weeks = store_.count_cases_by_sick_week(base, today);
  if (!weeks.ok()) return weeks.error();
  for (const auto& week : *weeks) {
    for (auto& stage : board.stages) {
      if (week.week >= stage.first_week && week.week <= stage.last_week) stage.cases += week.cases;
    }
  }
  auto employers = store_.list_reach_employers(base.reach);
  if (!employers.ok()) return employers.error();
  board.employers = std::move(*employers);

  if (actor.roles.has(Role::company_doctor)) {
    if (auto agenda = fill_agenda(base, today, board); !agenda.ok()) return agenda.error();
  }
  return board;
}

Result<std::optional<std::int64_t>> Dashboards::own_open_case(const Actor& actor,
                                                              core::Date today) {
  if (!actor.employee_id) return std::optional<std::int64_t>{};
  auto page = app_.list_case_page(actor, CaseQuery(today));
  if (!page.ok()) return page.error();
  for (const auto& row : page->rows) {
    if (row.employee_id == *actor.employee_id) return std::optional<std::int64_t>{row.case_id};
  }
  return std::optional<std::int64_t>{};
}

}  // namespace spoorboek::app
