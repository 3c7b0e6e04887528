// The dashboard of the browser UI as one query: what a person working on cases sees first.
//
// Read in pages and counted in the store (issue 6), so that an arbo service's thousands of cases
// cost a few queries, not a read of every case: the listings are the store's (Store::list_cases
// with the actor's reach, policy.h, so the same cases as Application::list_case_page), the
// counts are the store's aggregates. Contract:
// - `cases` is one page of kDashboardPageSize of the open cases matching the filter (all of a
//   status when one is asked for), overdue first, then by due date; `cases_total` counts them
//   all. `page` is the page shown: the one asked for, the last one when asked beyond it, the
//   first when there are none; `page_count` is at least 1;
// - `overdue` are the first kAttentionListSize of the matching cases whose next deadline has
//   passed, the oldest first, `overdue_total` how many there are; `due_this_week` and
//   `due_this_week_total` the same for those whose next deadline falls within the next seven
//   days (today included);
// - `stages` counts all the matching cases per stage of the 104 weeks, in process order (one
//   aggregate query, Store::count_cases_by_sick_week);
// - `employers` are the employers of the actor's reach (Store::list_reach_employers), for the
//   employer filter, whatever the page shows;
// - `medical_agenda` (only for a company doctor) lists the doctor's own steps (problem analysis,
//   the actueel oordeel of the re-integratieverslag) that are open and due within kAgendaDays or
//   overdue, soonest first, in the matching cases the store preselects (see dashboard.cc: at
//   most kAgendaCandidates of them; `agenda_capped` says there were more);
// - `search` matches a part of the employee's name (the letters A-Z without case) or the whole
//   personnel number (store::CaseFilter::search); text that is not UTF-8 without NUL bytes is
//   refused: "invalid", field "search";
// - `risk_first` runs the completeness check (Application::check_case) on the first
//   kRiskCheckLimit matching cases by deadline (`risk_checked` of `risk_matching`), keeps the
//   cases at risk of a wage sanction (score above 0), the highest risk first, then the most BLOCK
//   findings, then by due date, and pages those (`cases_total` counts them); each row carries its
//   score. A page never checks more files than that, so it is asked for, not the default.
// Bad input: "invalid" (field "status") for an unknown status; "forbidden" for a role that may
// not list cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/application.h"

namespace spoorboek::app {

struct DashboardFilter {
  std::optional<std::int64_t> employer_id;
  std::optional<std::string> status;  // core::case_status_name()
  std::optional<std::int64_t> assignee_id;
  std::string search;
  bool risk_first = false;
  std::int64_t page = 1;  // 1-based; below 1 reads as 1
};

// A stage of the 104 weeks: sick weeks first_week..last_week, named by `key` ("week_1_6").
struct Stage {
  std::string key;
  long first_week = 0;
  long last_week = 0;
  std::int64_t cases = 0;
};

struct AgendaItem {
  CaseRow row;
  core::MilestoneKey step = core::MilestoneKey::problem_analysis;
  core::MilestoneStatus status = core::MilestoneStatus::upcoming;
  core::Date due{};
};

struct Dashboard {
  std::vector<CaseRow> cases;  // the page shown
  std::int64_t cases_total = 0;
  std::int64_t page = 1;
  std::int64_t page_count = 1;
  std::vector<CaseRow> overdue;
  std::int64_t overdue_total = 0;
  std::vector<CaseRow> due_this_week;
  std::int64_t due_this_week_total = 0;
  std::vector<Stage> stages;
  std::vector<AgendaItem> medical_agenda;
  bool agenda_capped = false;
  std::int64_t risk_checked = 0;   // risk_first only
  std::int64_t risk_matching = 0;  // risk_first only
  std::vector<store::Employer> employers;  // of the actor's reach, for the employer filter
};

// Whether `text` can be a dashboard search: UTF-8 without NUL bytes.
bool searchable(std::string_view text);

inline constexpr int kAgendaDays = 28;
inline constexpr std::int64_t kDashboardPageSize = 50;
inline constexpr std::int64_t kAttentionListSize = 50;
inline constexpr std::int64_t kRiskCheckLimit = 200;
inline constexpr std::int64_t kAgendaCandidates = 500;

class Dashboards {
 public:
  // REQUIRES: both outlive the object.
  Dashboards(store::Store& store, Application& application) : store_(store), app_(application) {}

  Result<Dashboard> dashboard(const Actor& actor, const DashboardFilter& filter, core::Date today);
  // The open case of the employee role's own record, if any.
  Result<std::optional<std::int64_t>> own_open_case(const Actor& actor, core::Date today);

 private:
  Status list_page(const store::CaseFilter& base, std::int64_t page, core::Date today,
                   Dashboard& board);
  Status rank_by_risk(const Actor& actor, const store::CaseFilter& base, std::int64_t page,
                      core::Date today, Dashboard& board);
  Status fill_agenda(const store::CaseFilter& base, core::Date today, Dashboard& board);
  // The first `limit` cases of `filter` as rows, and how many match in all.
  Result<std::vector<CaseRow>> rows(store::CaseFilter filter, std::int64_t limit,
                                    std::int64_t offset, core::Date today,
                                    std::int64_t* total = nullptr);

  store::Store& store_;
  Application& app_;
};

}  // namespace spoorboek::app
