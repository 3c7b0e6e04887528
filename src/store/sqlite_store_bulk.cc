// The bulk load (store.h, BulkBatch) on SQLite: one prepared insert per table, bound and run
// again for every row, all inside one transaction. Ids come from the caller; INTEGER PRIMARY KEY
// then continues after the highest one by itself (no AUTOINCREMENT table to move).
#include <sqlite3.h>

#include <algorithm>

#include "store/sqlite_statement.h"
#include "store/sqlite_store.h"

namespace spoorboek::store {
namespace {

using detail::Statement;

// A refused row names the batch's list and the row; SQLite's message says which constraint.
Status refused(const Statement& insert, const std::string& list, std::size_t index) {
  return core::make_error(insert.error().code, list,
                          list + "[" + std::to_string(index) + "]: " + insert.error().message);
}

// Binds each row with `bind` and runs the insert; stops at the first refused row.
template <class Row, class Bind>
Status insert_rows(Statement& insert, const std::vector<Row>& rows, const std::string& list,
                   Bind bind) {
  if (!insert.ok()) return insert.error();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    bind(insert.reset(), rows[i]);
    if (auto ran = insert.run(); !ran.ok()) return refused(insert, list, i);
  }
  return core::ok_status();
}

void bind_optional(Statement& statement, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index, std::optional<std::string>());
  }
}

}  // namespace

Result<BulkIds> SqliteStore::next_bulk_ids() {
  Statement query(*statements_,
                  "SELECT (SELECT coalesce(max(id), 0) + 1 FROM employers), "
                  "(SELECT coalesce(max(id), 0) + 1 FROM employees), "
                  "(SELECT coalesce(max(id), 0) + 1 FROM cases)");
  if (!query.step()) return query.error();
  return BulkIds{query.integer(0), query.integer(1), query.integer(2)};
}

// A summary of an employee stored before this batch: its employer is checked here (check_bulk_batch
// checks those of the batch's own employees).
Status SqliteStore::check_bulk_summary_employers(const BulkBatch& batch) {
  std::vector<std::int64_t> batch_employees;
  batch_employees.reserve(batch.employees.size());
  for (const auto& employee : batch.employees) batch_employees.push_back(employee.id);
  std::sort(batch_employees.begin(), batch_employees.end());
  Statement query(*statements_, "SELECT employer_id FROM employees WHERE id = ?");
  for (std::size_t i = 0; i < batch.summaries.size(); ++i) {
    const BulkSummary& row = batch.summaries[i];
    if (std::binary_search(batch_employees.begin(), batch_employees.end(), row.employee_id)) {
      continue;
    }
    // A missing employee is refused by the cases insert before the summaries are reached.
    if (!query.reset().bind(1, row.employee_id).step()) {
      if (query.failed()) return query.error();
      continue;
    }
    if (query.integer(0) != row.employer_id) {
      return core::make_error("invalid", "summaries[" + std::to_string(i) + "].employer_id",
                              "employee " + std::to_string(row.employee_id) +
                                  " works for employer " + std::to_string(query.integer(0)));
    }
  }
  return core::ok_status();
}

Status SqliteStore::bulk_load(const BulkBatch& batch) {
  if (auto checked = check_bulk_batch(batch); !checked.ok()) return checked;
  return transaction([&]() -> Status {
    if (auto employers = check_bulk_summary_employers(batch); !employers.ok()) return employers;
    Statement employer(*statements_, "INSERT INTO employers (id, name) VALUES (?, ?)");
    if (auto status = insert_rows(employer, batch.employers, "employers",
                                  [](Statement& s, const Employer& row) {
                                    s.bind(1, row.id).bind(2, row.name);
                                  });
        !status.ok()) {
      return status;
    }
    Statement employee(*statements_,
                       "INSERT INTO employees (id, employer_id, name, personnel_number, "
                       "manager_user_id) VALUES (?, ?, ?, ?, ?)");
    if (auto status = insert_rows(employee, batch.employees, "employees",
                                  [](Statement& s, const Employee& row) {
                                    s.bind(1, row.id)
                                        .bind(2, row.employer_id)
                                        .bind(3, row.name)
                                        .bind(4, row.personnel_number);
                                    bind_optional(s, 5, row.manager_user_id);
                                  });
        !status.ok()) {
      return status;
    }
    Statement cases(*statements_,
                    "INSERT INTO cases (id, employee_id, created_at) VALUES (?, ?, ?)");
    if (auto status = insert_rows(cases, batch.cases, "cases",
                                  [](Statement& s, const BulkCase& row) {
                                    s.bind(1, row.id).bind(2, row.employee_id).bind(3, row.created_at);
                                  });
        !status.ok()) {
      return status;
    }
    Statement entries(*statements_,
                      "INSERT INTO entries (case_id, seq, type, occurred_on, recorded_at, actor, "
                      "visibility, payload, medical, prev_hash, hash) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (auto status = insert_rows(entries, batch.entries, "entries",
                                  [](Statement& s, const core::Entry& row) {
                                    s.bind(1, row.case_id)
                                        .bind(2, row.seq)
                                        .bind(3, core::entry_type_name(row.type))
                                        .bind(4, std::optional<core::Date>(row.occurred_on))
                                        .bind(5, row.recorded_at)
                                        .bind(6, row.actor)
                                        .bind(7, core::visibility_name(row.visibility))
                                        .bind(8, row.payload)
                                        .bind(9, row.medical)
                                        .bind(10, row.prev_hash)
                                        .bind(11, row.hash);
                                  });
        !status.ok()) {
      return status;
    }
    Statement summaries(*statements_,
                        "INSERT INTO case_summaries (case_id, employer_id, employee_id, status, "
                        "first_sick_day, next_deadline_key, next_deadline_due, "
                        "waiting_period_end, last_sick_day, interruption_days, last_seq, "
                        "last_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (auto status = insert_rows(summaries, batch.summaries, "summaries",
                                  [](Statement& s, const BulkSummary& row) {
                                    const CaseSummary& summary = row.summary;
                                    s.bind(1, summary.case_id)
                                        .bind(2, row.employer_id)
                                        .bind(3, row.employee_id)
                                        .bind(4, summary.status)
                                        .bind(5, summary.first_sick_day)
                                        .bind(6, summary.next_deadline_key)
                                        .bind(7, summary.next_deadline_due)
                                        .bind(8, summary.waiting_period_end)
                                        .bind(9, summary.last_sick_day)
                                        .bind(10, summary.interruption_days)
                                        .bind(11, summary.last_seq)
                                        .bind(12, summary.last_hash)
                                        .bind(13, summary.updated_at);
                                  });
        !status.ok()) {
      return status;
    }
    Statement providers(*statements_,
                        "INSERT INTO case_providers (case_id, provider_id, assigned_at) "
                        "VALUES (?, ?, ?)");
    return insert_rows(providers, batch.case_providers, "case_providers",
                       [](Statement& s, const BulkCaseProvider& row) {
                         s.bind(1, row.case_id).bind(2, row.provider_id).bind(3, row.assigned_at);
                       });
  });
}

}  // namespace spoorboek::store
