// The bulk load (store.h, BulkBatch) on PostgreSQL: every table of the batch with one COPY in
// text format, all inside one transaction. COPY sends the rows as one stream instead of one
// round trip each. Ids come from the caller; the identities move past them afterwards.
#include <algorithm>
#include <unordered_map>

#include "store/pg_connection.h"
#include "store/postgres_store.h"

namespace spoorboek::store {
namespace {

using detail::copy_row;
using detail::PgParams;

// The COPY text of `rows`, each written by `write` (one copy_row call).
template <class Row, class Write>
std::string copy_text(const std::vector<Row>& rows, Write write) {
  std::string data;
  data.reserve(rows.size() * 96);
  for (const auto& row : rows) write(data, row);
  return data;
}

}  // namespace

Result<BulkIds> PostgresStore::next_bulk_ids() {
  auto rows = db_->query(
      "SELECT (SELECT coalesce(max(id), 0) + 1 FROM employers), "
      "(SELECT coalesce(max(id), 0) + 1 FROM employees), "
      "(SELECT coalesce(max(id), 0) + 1 FROM cases)");
  if (!rows.ok()) return rows.error();
  return BulkIds{rows->integer(0, 0), rows->integer(0, 1), rows->integer(0, 2)};
}

// A summary of an employee stored before this batch: its employer is checked here
// (check_bulk_batch checks those of the batch's own employees). One query for the batch.
Status PostgresStore::check_bulk_summary_employers(const BulkBatch& batch) {
  std::vector<std::int64_t> batch_employees;
  batch_employees.reserve(batch.employees.size());
  for (const auto& employee : batch.employees) batch_employees.push_back(employee.id);
  std::sort(batch_employees.begin(), batch_employees.end());
  std::string stored = "{";
  std::vector<std::size_t> rows_to_check;
  for (std::size_t i = 0; i < batch.summaries.size(); ++i) {
    if (std::binary_search(batch_employees.begin(), batch_employees.end(),
                           batch.summaries[i].employee_id)) {
      continue;
    }
    if (!rows_to_check.empty()) stored += ",";
    stored += std::to_string(batch.summaries[i].employee_id);
    rows_to_check.push_back(i);
  }
  stored += "}";
  if (rows_to_check.empty()) return core::ok_status();
  auto rows = db_->query("SELECT id, employer_id FROM employees WHERE id = ANY($1::bigint[])",
                         PgParams().add(stored));
  if (!rows.ok()) return rows.error();
  std::unordered_map<std::int64_t, std::int64_t> employer_of;
  for (int row = 0; row < rows->size(); ++row) {
    employer_of.emplace(rows->integer(row, 0), rows->integer(row, 1));
  }
  for (const std::size_t i : rows_to_check) {
    const BulkSummary& summary = batch.summaries[i];
    const auto stored = employer_of.find(summary.employee_id);
    // A missing employee is refused by the cases COPY before the summaries are reached.
    if (stored == employer_of.end() || stored->second == summary.employer_id) continue;
    return core::make_error("invalid", "summaries[" + std::to_string(i) + "].employer_id",
                            "employee " + std::to_string(summary.employee_id) +
                                " works for employer " + std::to_string(stored->second));
  }
  return core::ok_status();
}

Status PostgresStore::bulk_load(const BulkBatch& batch) {
  if (auto checked = check_bulk_batch(batch); !checked.ok()) return checked;
  const auto copy = [this](std::string_view list, std::string_view target,
                           const std::string& data) -> Status {
    if (data.empty()) return core::ok_status();
    auto copied = db_->copy(target, data);
    if (copied.ok()) return copied;
    // A refused row is bad input ("invalid", named by its list); PostgreSQL's message names the
    // row (CONTEXT: COPY table, line n).
    return core::make_error(copied.error().code, std::string(list),
                            std::string(list) + ": " + copied.error().message);
  };
  return transaction([&]() -> Status {
    if (auto employers = check_bulk_summary_employers(batch); !employers.ok()) return employers;
    if (auto status = copy("employers", "employers (id, name)",
                           copy_text(batch.employers, [](std::string& d, const Employer& row) {
                             copy_row(d, row.id, row.name);
                           }));
        !status.ok()) {
      return status;
    }
    if (auto status = copy(
            "employees", "employees (id, employer_id, name, personnel_number, manager_user_id)",
            copy_text(batch.employees, [](std::string& d, const Employee& row) {
              copy_row(d, row.id, row.employer_id, row.name, row.personnel_number,
                       row.manager_user_id);
            }));
        !status.ok()) {
      return status;
    }
    if (auto status = copy("cases", "cases (id, employee_id, created_at)",
                           copy_text(batch.cases, [](std::string& d, const BulkCase& row) {
                             copy_row(d, row.id, row.employee_id, row.created_at);
                           }));
        !status.ok()) {
      return status;
    }
    if (auto status = copy(
            "entries",
            "entries (case_id, seq, type, occurred_on, recorded_at, actor, visibility, payload, "
            "medical, prev_hash, hash)",
            copy_text(batch.entries, [](std::string& d, const core::Entry& row) {
              copy_row(d, row.case_id, row.seq, core::entry_type_name(row.type),
                       std::optional<core::Date>(row.occurred_on), row.recorded_at, row.actor,
                       core::visibility_name(row.visibility), row.payload, row.medical,
                       row.prev_hash, row.hash);
            }));
        !status.ok()) {
      return status;
    }
    if (auto status = copy(
            "summaries",
            "case_summaries (case_id, employer_id, employee_id, status, first_sick_day, "
            "next_deadline_key, next_deadline_due, waiting_period_end, last_sick_day, "
            "interruption_days, last_seq, last_hash, updated_at)",
            copy_text(batch.summaries, [](std::string& d, const BulkSummary& row) {
              const CaseSummary& s = row.summary;
              copy_row(d, s.case_id, row.employer_id, row.employee_id, s.status,
                       s.first_sick_day, s.next_deadline_key, s.next_deadline_due,
                       s.waiting_period_end, s.last_sick_day, s.interruption_days, s.last_seq,
                       s.last_hash, s.updated_at);
            }));
        !status.ok()) {
      return status;
    }
    if (auto status = copy("case_providers", "case_providers (case_id, provider_id, assigned_at)",
                           copy_text(batch.case_providers,
                                     [](std::string& d, const BulkCaseProvider& row) {
                                       copy_row(d, row.case_id, row.provider_id, row.assigned_at);
                                     }));
        !status.ok()) {
      return status;
    }
    for (const auto& [rows, table] :
         {std::pair{batch.employers.size(), "employers"}, std::pair{batch.employees.size(), "employees"},
          std::pair{batch.cases.size(), "cases"}}) {
      if (rows == 0) continue;
      if (auto moved = advance_identity(table); !moved.ok()) return moved;
    }
    return core::ok_status();
  });
}

}  // namespace spoorboek::store
