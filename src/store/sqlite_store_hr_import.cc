// HR import (schema 5, migrations/sqlite/0005_held_reports.sql): held reports and employee
// names.
#include <sqlite3.h>

#include "store/sqlite_statement.h"
#include "store/sqlite_store.h"

namespace spoorboek::store {
namespace {

using detail::Statement;

core::Error unknown_employee(std::int64_t employee_id) {
  return core::make_error("not_found", "employee_id",
                          "no employee with id " + std::to_string(employee_id));
}

}  // namespace

Result<std::int64_t> SqliteStore::hold_report(const HeldReport& report) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    Statement employee(*statements_, "SELECT 1 FROM employees WHERE id = ?");
    if (!employee.bind(1, report.employee_id).step()) {
      if (employee.failed()) return employee.error();
      return unknown_employee(report.employee_id);
    }
    const std::string type(core::entry_type_name(report.type));
    Statement taken(*statements_,
                    "SELECT 1 FROM held_reports WHERE employee_id = ? AND type = ? AND "
                    "occurred_on = ?");
    if (taken.bind(1, report.employee_id).bind(2, type).bind(3, report.occurred_on).step()) {
      return core::make_error("conflict", "occurred_on",
                              "a " + type + " of this employee on " +
                                  core::format_iso_date(report.occurred_on) + " is held already");
    }
    if (taken.failed()) return taken.error();
    Statement insert(*statements_,
                     "INSERT INTO held_reports (employee_id, type, occurred_on, payload, source, "
                     "held_at, held_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (auto ran = insert.bind(1, report.employee_id)
                       .bind(2, type)
                       .bind(3, report.occurred_on)
                       .bind(4, report.payload)
                       .bind(5, report.source)
                       .bind(6, report.held_at)
                       .bind(7, report.held_by)
                       .run();
        !ran.ok()) {
      return ran;
    }
    id = sqlite3_last_insert_rowid(db_);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::vector<HeldReport>> SqliteStore::list_held_reports(std::int64_t employer_id) {
  Statement query(*statements_,
                  "SELECT h.id, h.employee_id, h.type, h.occurred_on, h.payload, h.source, "
                  "h.held_at, h.held_by, e.employer_id, e.personnel_number, e.name "
                  "FROM held_reports h JOIN employees e ON e.id = h.employee_id "
                  "WHERE e.employer_id = ? ORDER BY h.employee_id, h.occurred_on, h.id");
  query.bind(1, employer_id);
  std::vector<HeldReport> held;
  while (query.step()) {
    const auto type = core::entry_type_from_name(query.text(2));
    const auto occurred_on = query.optional_date(3);
    if (!type || !occurred_on) {
      return core::make_error("corrupt_entry", "held_reports",
                              "held report " + std::to_string(query.integer(0)) +
                                  " has an unknown type or date");
    }
    HeldReport report;
    report.id = query.integer(0);
    report.employee_id = query.integer(1);
    report.type = *type;
    report.occurred_on = *occurred_on;
    report.payload = query.text(4);
    report.source = query.text(5);
    report.held_at = query.text(6);
    report.held_by = query.text(7);
    report.employer_id = query.integer(8);
    report.personnel_number = query.text(9);
    report.employee_name = query.text(10);
    held.push_back(std::move(report));
  }
  if (query.failed()) return query.error();
  return held;
}

Status SqliteStore::release_held_report(std::int64_t held_id) {
  return transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM held_reports WHERE id = ?");
    if (auto ran = remove.bind(1, held_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) {
      return core::make_error("not_found", "held_id",
                              "no held report with id " + std::to_string(held_id));
    }
    return core::ok_status();
  });
}

Status SqliteStore::rename_employee(std::int64_t employee_id, std::string_view name) {
  if (name.empty() || name.size() > 200) {
    return core::make_error("invalid", "name", "must be 1 to 200 bytes");
  }
  return transaction([&]() -> Status {
    Statement update(*statements_, "UPDATE employees SET name = ? WHERE id = ?");
    if (auto ran = update.bind(1, name).bind(2, employee_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) return unknown_employee(employee_id);
    return core::ok_status();
  });
}

}  // namespace spoorboek::store
