// Dashboard aggregates (store.h, "Dashboard aggregates"): the counts and lists a dashboard shows
// of many cases, each one query over the case summaries.
#include <unordered_map>

#include "store/sqlite_case_filter.h"
#include "store/sqlite_statement.h"
#include "store/sqlite_store.h"

namespace spoorboek::store {

using detail::Statement;

Result<std::vector<SickWeekCount>> SqliteStore::count_cases_by_sick_week(const CaseFilter& filter,
                                                                        core::Date day) {
  // The sick week of store.h, from the summary's columns: ISO dates compare as text, and
  // julianday() of two dates differs by whole days. Integer division rounds the clamped count
  // of days up to weeks.
  const std::string as_of = core::format_iso_date(day);
  FilterValues values{as_of, as_of, as_of};
  const std::string sql =
      "SELECT week, count(*) FROM (SELECT CASE WHEN s.first_sick_day IS NULL OR "
      "s.first_sick_day > ? THEN 0 ELSE (max(0, CAST(round(julianday(min(?, "
      "coalesce(s.last_sick_day, ?))) - julianday(s.first_sick_day)) AS INTEGER) + 1 - "
      "s.interruption_days) + 6) / 7 END AS week " +
      case_filter_sql(filter, false, values) + ") GROUP BY week ORDER BY week";
  Statement query(*statements_, sql);
  bind_values(query, values);
  std::vector<SickWeekCount> counts;
  while (query.step()) counts.push_back(SickWeekCount{query.integer(0), query.integer(1)});
  if (query.failed()) return query.error();
  return counts;
}

Result<std::vector<Employer>> SqliteStore::list_reach_employers(const CaseReachFilter& reach) {
  std::string sql = "SELECT r.id, r.name FROM employers r";
  FilterValues values;
  if (!reach.unrestricted) {
    std::vector<std::string> alternatives;
    if (!reach.employer_ids.empty()) {
      std::string in = "r.id IN (";
      for (std::size_t i = 0; i < reach.employer_ids.size(); ++i) {
        in += i == 0 ? "?" : ", ?";
        values.emplace_back(reach.employer_ids[i]);
      }
      alternatives.push_back(in + ")");
    }
    if (reach.team_manager) {
      alternatives.push_back("r.id IN (SELECT e.employer_id FROM employees e WHERE "
                             "e.manager_user_id = ?)");
      values.emplace_back(*reach.team_manager);
    }
    if (reach.provider_id) {
      alternatives.push_back("r.id IN (SELECT s.employer_id FROM case_providers p JOIN "
                             "case_summaries s ON s.case_id = p.case_id WHERE p.provider_id = ?)");
      values.emplace_back(*reach.provider_id);
    }
    if (reach.own_employee) {
      alternatives.push_back("r.id IN (SELECT e.employer_id FROM employees e WHERE e.id = ?)");
      values.emplace_back(*reach.own_employee);
    }
    if (alternatives.empty()) return std::vector<Employer>{};
    sql += " WHERE ";
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      if (i > 0) sql += " OR ";
      sql += alternatives[i];
    }
  }
  sql += " ORDER BY r.id";
  Statement query(*statements_, sql);
  bind_values(query, values);
  std::vector<Employer> employers;
  while (query.step()) employers.push_back(Employer{query.integer(0), query.text(1)});
  if (query.failed()) return query.error();
  return employers;
}

Result<std::vector<std::vector<core::Entry>>> SqliteStore::load_fold_entries(
    std::span<const std::int64_t> case_ids) {
  // In process there is no round trip to save: each case's selection is load_append_basis's own
  // query (an index range of the case's entries), which one query over many cases did not beat.
  std::vector<std::vector<core::Entry>> files(case_ids.size());
  std::unordered_map<std::int64_t, std::size_t> loaded;  // case id -> its first place in files
  for (std::size_t i = 0; i < case_ids.size(); ++i) {
    if (const auto seen = loaded.find(case_ids[i]); seen != loaded.end()) {
      files[i] = files[seen->second];
      continue;
    }
    auto basis = load_append_basis(case_ids[i]);
    if (!basis.ok()) return basis.error();
    files[i] = std::move(basis->fold_entries);
    loaded.emplace(case_ids[i], i);
  }
  return files;
}

}  // namespace spoorboek::store
