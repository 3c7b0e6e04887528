// Dashboard aggregates (store.h, "Dashboard aggregates"): the counts and lists a dashboard shows
// of many cases, each one query over the case summaries.
#include <unordered_map>

#include "store/pg_connection.h"
#include "store/postgres_case_filter.h"
#include "store/postgres_store.h"
#include "store/store_rows.h"

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
      clauses.push_back("r.id = ANY(" + placeholder() + "::bigint[])");
      params.add_ids(reach.employer_ids);
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

namespace {

// Ids per query: few enough that the planner's estimate stays far below jit_above_cost's
// default (a JIT compilation costs more than the query).
constexpr std::size_t kFoldBatch = 250;

// The selection of load_append_basis (postgres_store.cc) for the cases in $1, as one query: every
// entry not of a date-only type, and of the date-only ones those a correction names and per
// case the earliest other one by (occurred_on, seq). Joins and UNION ALL rather than correlated
// subqueries, whose estimates made PostgreSQL JIT-compile the query. The payload is text (kept
// exactly as hashed); ->> reads it as JSON.
std::string fold_entries_sql() {
  const std::string& date_only_types = detail::date_only_types_sql();
  std::string columns;
  for (const char* column : {"seq", "type", "occurred_on", "recorded_at", "actor", "visibility",
                             "payload", "medical", "prev_hash", "hash"}) {
    columns += std::string(", x.") + column;
  }
  return "WITH named AS (SELECT DISTINCT case_id, (payload::jsonb ->> 'corrects_seq')::bigint "
         "AS seq FROM entries WHERE case_id = ANY($1::bigint[]) AND type = 'correction' AND "
         "payload::jsonb ->> 'corrects_seq' IS NOT NULL), "
         "others AS (SELECT x.case_id, x.seq, x.occurred_on, n.seq IS NOT NULL AS named FROM "
         "entries x LEFT JOIN named n ON n.case_id = x.case_id AND n.seq = x.seq WHERE "
         "x.case_id = ANY($1::bigint[]) AND x.type IN (" +
         date_only_types +
         ")), chosen AS (SELECT case_id, seq FROM others WHERE named UNION ALL (SELECT DISTINCT "
         "ON (case_id) case_id, seq FROM others WHERE NOT named ORDER BY case_id, occurred_on, "
         "seq)) SELECT x.case_id" +
         columns + " FROM entries x WHERE x.case_id = ANY($1::bigint[]) AND x.type NOT IN (" +
         date_only_types + ") UNION ALL SELECT x.case_id" + columns +
         " FROM chosen c JOIN entries x ON x.case_id = c.case_id AND x.seq = c.seq ORDER BY 1, 2";
}

}  // namespace

Result<std::vector<std::vector<core::Entry>>> PostgresStore::load_fold_entries(
    std::span<const std::int64_t> case_ids) {
  static const std::string sql = fold_entries_sql();
  std::vector<std::vector<core::Entry>> files(case_ids.size());
  for (std::size_t from = 0; from < case_ids.size(); from += kFoldBatch) {
    const auto batch = case_ids.subspan(from, std::min(kFoldBatch, case_ids.size() - from));
    // Where each case of this batch goes in `files` (an id may be asked for more than once).
    std::unordered_map<std::int64_t, std::vector<std::size_t>> places;
    for (std::size_t i = 0; i < batch.size(); ++i) places[batch[i]].push_back(from + i);
    auto rows = db_->query(sql, PgParams().add_ids(batch));
    if (!rows.ok()) return rows.error();
    for (int row = 0; row < rows->size(); ++row) {
      const std::int64_t case_id = rows->integer(row, 0);
      auto entry = detail::decode_entry(
          case_id, {rows->integer(row, 1), rows->text(row, 2), rows->text(row, 3),
                    rows->text(row, 4), rows->text(row, 5), rows->text(row, 6),
                    rows->text(row, 7), rows->optional_text(row, 8), rows->text(row, 9),
                    rows->text(row, 10)});
      if (!entry.ok()) return entry.error();
      const auto& at = places.at(case_id);
      for (std::size_t i = 0; i + 1 < at.size(); ++i) files[at[i]].push_back(*entry);
      files[at.back()].push_back(std::move(*entry));
    }
  }
  return files;
}

}  // namespace spoorboek::store
