#include "app/dashboard.h"

#include <algorithm>
#include <cctype>
#include <map>

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

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

constexpr core::MilestoneKey kDoctorSteps[] = {core::MilestoneKey::problem_analysis,
                                               core::MilestoneKey::reintegration_report};

bool is_open(core::MilestoneStatus status) {
  return status == core::MilestoneStatus::upcoming || status == core::MilestoneStatus::due_soon ||
         status == core::MilestoneStatus::overdue;
}

}  // namespace

Result<bool> Dashboards::matches_search(const CaseRow& row, const std::string& search) {
  if (search.empty()) return true;
  if (lower(row.employee_name).find(lower(search)) != std::string::npos) return true;
  auto employee = store_.find_employee(row.employee_id);
  if (!employee.ok()) return employee.error();
  return employee->personnel_number == search;
}

Status Dashboards::rank_by_risk(const Actor& actor, std::vector<CaseRow>& rows, core::Date today) {
  std::vector<CaseRow> at_risk;
  for (auto& row : rows) {
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
  rows = std::move(at_risk);
  return core::ok_status();
}

Result<Dashboard> Dashboards::dashboard(const Actor& actor, const DashboardFilter& filter,
                                        core::Date today) {
  CaseQuery query(today);
  query.employer_id = filter.employer_id;
  query.status = filter.status;
  query.assignee_id = filter.assignee_id;
  auto page = app_.list_case_page(actor, query);
  if (!page.ok()) return page.error();

  Dashboard board;
  board.stages = empty_stages();
  std::map<std::int64_t, std::string> employers;
  for (auto& row : page->rows) {
    auto found = matches_search(row, filter.search);
    if (!found.ok()) return found.error();
    if (!*found) continue;
    employers.emplace(row.employer_id, row.employer_name);
    for (auto& stage : board.stages) {
      if (row.sick_week >= stage.first_week && row.sick_week <= stage.last_week) ++stage.cases;
    }
    if (row.days_left && *row.days_left < 0) board.overdue.push_back(row);
    if (row.days_left && *row.days_left >= 0 && *row.days_left <= 7) {
      board.due_this_week.push_back(row);
    }
    board.cases.push_back(std::move(row));
  }
  for (const auto& [id, name] : employers) board.employers.push_back(store::Employer{id, name});
  if (filter.risk_first) {
    if (auto ranked = rank_by_risk(actor, board.cases, today); !ranked.ok()) return ranked.error();
  }

  if (actor.roles.has(Role::company_doctor)) {
    for (const auto& row : board.cases) {
      auto timeline = app_.get_timeline(actor, row.case_id, today);
      if (!timeline.ok()) return timeline.error();
      if (!timeline->has_timeline) continue;
      for (const auto step : kDoctorSteps) {
        const auto& milestone = timeline->timeline.at(step);
        if (!is_open(milestone.status) || !milestone.due) continue;
        if (core::days_between(today, *milestone.due) > kAgendaDays) continue;
        board.medical_agenda.push_back(AgendaItem{row, step, milestone.status, *milestone.due});
      }
    }
    std::stable_sort(board.medical_agenda.begin(), board.medical_agenda.end(),
                     [](const AgendaItem& a, const AgendaItem& b) { return a.due < b.due; });
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
