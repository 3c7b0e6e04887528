// HR import (schema 5, migrations/postgresql/0005_held_reports.sql): held reports and employee
// names, as sqlite_store_hr_import.cc.
#include "store/pg_connection.h"
#include "store/postgres_store.h"

namespace spoorboek::store {
namespace {

using detail::PgParams;

core::Error unknown_employee(std::int64_t employee_id) {
  return core::make_error("not_found", "employee_id",
                          "no employee with id " + std::to_string(employee_id));
}

}  // namespace

Result<std::int64_t> PostgresStore::hold_report(const HeldReport& report) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    auto employee = db_->query("SELECT 1 FROM employees WHERE id = $1",
                               PgParams().add(report.employee_id));
    if (!employee.ok()) return employee.error();
    if (employee->empty()) return unknown_employee(report.employee_id);
    const std::string type(core::entry_type_name(report.type));
    const std::optional<core::Date> occurred_on = report.occurred_on;
    auto taken = db_->query(
        "SELECT 1 FROM held_reports WHERE employee_id = $1 AND type = $2 AND occurred_on = $3",
        PgParams().add(report.employee_id).add(type).add(occurred_on));
    if (!taken.ok()) return taken.error();
    if (!taken->empty()) {
      return core::make_error("conflict", "occurred_on",
                              "a " + type + " of this employee on " +
                                  core::format_iso_date(report.occurred_on) + " is held already");
    }
    auto inserted = db_->query(
        "INSERT INTO held_reports (employee_id, type, occurred_on, payload, source, held_at, "
        "held_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        PgParams()
            .add(report.employee_id)
            .add(type)
            .add(occurred_on)
            .add(report.payload)
            .add(report.source)
            .add(report.held_at)
            .add(report.held_by));
    if (!inserted.ok()) return inserted.error();
    id = inserted->integer(0, 0);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::vector<HeldReport>> PostgresStore::list_held_reports(std::int64_t employer_id) {
  auto rows = db_->query(
      "SELECT h.id, h.employee_id, h.type, h.occurred_on, h.payload, h.source, h.held_at, "
      "h.held_by, e.employer_id, e.personnel_number, e.name "
      "FROM held_reports h JOIN employees e ON e.id = h.employee_id "
      "WHERE e.employer_id = $1 ORDER BY h.employee_id, h.occurred_on, h.id",
      PgParams().add(employer_id));
  if (!rows.ok()) return rows.error();
  std::vector<HeldReport> held;
  for (int row = 0; row < rows->size(); ++row) {
    const auto type = core::entry_type_from_name(rows->text(row, 2));
    const auto occurred_on = rows->optional_date(row, 3);
    if (!type || !occurred_on) {
      return core::make_error("corrupt_entry", "held_reports",
                              "held report " + std::to_string(rows->integer(row, 0)) +
                                  " has an unknown type or date");
    }
    HeldReport report;
    report.id = rows->integer(row, 0);
    report.employee_id = rows->integer(row, 1);
    report.type = *type;
    report.occurred_on = *occurred_on;
    report.payload = rows->text(row, 4);
    report.source = rows->text(row, 5);
    report.held_at = rows->text(row, 6);
    report.held_by = rows->text(row, 7);
    report.employer_id = rows->integer(row, 8);
    report.personnel_number = rows->text(row, 9);
    report.employee_name = rows->text(row, 10);
    held.push_back(std::move(report));
  }
  return held;
}

Status PostgresStore::release_held_report(std::int64_t held_id) {
  return transaction([&]() -> Status {
    auto removed = db_->query("DELETE FROM held_reports WHERE id = $1", PgParams().add(held_id));
    if (!removed.ok()) return removed.error();
    if (removed->affected() == 0) {
      return core::make_error("not_found", "held_id",
                              "no held report with id " + std::to_string(held_id));
    }
    return core::ok_status();
  });
}

Status PostgresStore::rename_employee(std::int64_t employee_id, std::string_view name) {
  if (name.empty() || name.size() > 200) {
    return core::make_error("invalid", "name", "must be 1 to 200 bytes");
  }
  return transaction([&]() -> Status {
    auto updated = db_->query("UPDATE employees SET name = $1 WHERE id = $2",
                              PgParams().add(name).add(employee_id));
    if (!updated.ok()) return updated.error();
    if (updated->affected() == 0) return unknown_employee(employee_id);
    return core::ok_status();
  });
}

}  // namespace spoorboek::store
