// The dashboard of the browser UI as one query: what a person working on cases sees first.
//
// Built on Application::list_case_page (so the actor's reach, policy.h, decides which cases
// appear) and, for a company doctor's agenda, on Application::get_timeline. Contract:
// - `cases` are the open cases matching the filter, overdue first, then by due date;
// - `overdue` are those whose next deadline has passed, `due_this_week` those whose next deadline
//   falls within the next seven days (today included);
// - `stages` counts the matching cases per stage of the 104 weeks, in process order;
// - `medical_agenda` (only for a company doctor) lists the doctor's own steps (problem analysis,
//   the actueel oordeel of the re-integratieverslag) that are open and due within kAgendaDays or
//   overdue, soonest first;
// - `search` matches a part of the employee's name (ignoring case) or the whole personnel number;
// - `risk_first` runs the completeness check (Application::check_case) on every matching case
//   and keeps only the cases at risk of a wage sanction (score above 0), the highest risk first,
//   then the most BLOCK findings, then by due date; each row carries its score. It reads every
//   listed file, so it is asked for, not the default.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/application.h"

namespace spoorboek::app {

struct DashboardFilter {
  std::optional<std::int64_t> employer_id;
  std::optional<std::string> status;  // core::case_status_name()
  std::optional<std::int64_t> assignee_id;
  std::string search;
  bool risk_first = false;
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
  std::vector<CaseRow> cases;
  std::vector<CaseRow> overdue;
  std::vector<CaseRow> due_this_week;
  std::vector<Stage> stages;
  std::vector<AgendaItem> medical_agenda;
  std::vector<store::Employer> employers;  // of the listed cases, for the employer filter
};

inline constexpr int kAgendaDays = 28;

class Dashboards {
 public:
  // REQUIRES: both outlive the object.
  Dashboards(store::Store& store, Application& application) : store_(store), app_(application) {}

  Result<Dashboard> dashboard(const Actor& actor, const DashboardFilter& filter, core::Date today);
  // The open case of the employee role's own record, if any.
  Result<std::optional<std::int64_t>> own_open_case(const Actor& actor, core::Date today);

 private:
  Result<bool> matches_search(const CaseRow& row, const std::string& search);
  Status rank_by_risk(const Actor& actor, std::vector<CaseRow>& rows, core::Date today);

  store::Store& store_;
  Application& app_;
};

}  // namespace spoorboek::app
