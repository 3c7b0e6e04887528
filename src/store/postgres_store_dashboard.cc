// Dashboard aggregates (store.h, "Dashboard aggregates"): the counts and lists a dashboard shows
// of many cases, each one query over the case summaries.
#include "store/pg_connection.h"
#include "store/postgres_case_filter.h"
#include "store/postgres_store.h"

namespace spoorboek::store {

using detail::PgParams;

Result<std::vector<SickWeekCount>> PostgresStore::count_cases_by_sick_week(
    const CaseFilter& filter, core::Date day) {
  // The sick week of store.h, from the summary's columns: date - date is a number of days, and
  // integer division rounds the clamped count of days up to weeks. $1 is the day.
  PgParams params;
  params.add(std::optional<core::Date>(day));
  const std::string sql =
      "SELECT week, count(*) FROM (SELECT CASE WHEN s.first_sick_day IS NULL OR "
      "s.first_sick_day > $1::date THEN 0 ELSE (GREATEST(0, (LEAST($1::date, "
      "COALESCE(s.last_sick_day, $1::date)) - s.first_sick_day) + 1 - s.interruption_days) + 6) "
      "/ 7 END AS week " +
      case_filter_sql(filter, false, params) + ") weeks GROUP BY week ORDER BY week";
  auto rows = db_->query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<SickWeekCount> counts;
  counts.reserve(static_cast<std::size_t>(rows->size()));
  for (int row = 0; row < rows->size(); ++row) {
    counts.push_back(SickWeekCount{rows->integer(row, 0), rows->integer(row, 1)});
  }
  return counts;
}

Result<std::vector<Employer>> PostgresStore::list_reach_employers(const CaseReachFilter& reach) {
  std::string sql = "SELECT r.id, r.name FROM employers r";
  PgParams params;
  const auto placeholder = [&params] { return "$" + std::to_string(params.size() + 1); };
  if (!reach.unrestricted) {
    std::vector<std::string> clauses;
    if (!reach.employer_ids.empty()) {
      std::string array = "{";
      for (std::size_t i = 0; i < reach.employer_ids.size(); ++i) {
        if (i > 0) array += ",";
        array += std::to_string(reach.employer_ids[i]);
      }
      array += "}";
      clauses.push_back("r.id = ANY(" + placeholder() + "::bigint[])");
      params.add(array);
    }
    if (reach.team_manager) {
      clauses.push_back("r.id IN (SELECT e.employer_id FROM employees e WHERE "
                        "e.manager_user_id = " + placeholder() + ")");
      params.add(*reach.team_manager);
    }
    if (reach.provider_id) {
      clauses.push_back("r.id IN (SELECT s.employer_id FROM case_providers p JOIN "
                        "case_summaries s ON s.case_id = p.case_id WHERE p.provider_id = " +
                        placeholder() + ")");
      params.add(*reach.provider_id);
    }
    if (reach.own_employee) {
      clauses.push_back("r.id IN (SELECT e.employer_id FROM employees e WHERE e.id = " +
                        placeholder() + ")");
      params.add(*reach.own_employee);
    }
    if (clauses.empty()) return std::vector<Employer>{};
    sql += " WHERE ";
    for (std::size_t i = 0; i < clauses.size(); ++i) sql += (i ? " OR " : "") + clauses[i];
  }
  sql += " ORDER BY r.id";
  auto rows = db_->query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<Employer> employers;
  employers.reserve(static_cast<std::size_t>(rows->size()));
  for (int row = 0; row < rows->size(); ++row) {
    employers.push_back(Employer{rows->integer(row, 0), rows->text(row, 1)});
  }
  return employers;
}

}  // namespace spoorboek::store
