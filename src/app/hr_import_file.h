// The two files HR and payroll systems send (docs/import.md): a staff list and a list of sick and
// recovery reports, read from CSV text into checked lines. Pure: no store, no clock.
//
// Columns are found by their name in the header, Dutch or English, in any order and any case;
// spaces, '_', '-' and '.' in a name do not matter ("Personeels nr." is "personeelsnr"). Other
// columns are ignored and listed. A required column that is missing is an error of the header
// line; so is a field named by two columns.
//
// Every value is checked where it stands: an error names the line, the column (as the header
// writes it) and why. Dates are DD-MM-YYYY, D-M-YYYY or YYYY-MM-DD, and must exist
// (31-02-2026 does not). A report's fields become the payload of the entry a case manager would
// record (core::canonicalize_payload: the same validation).
//
// The same line twice (same personnel number; for reports also the same kind and date) is a
// duplicate: listed, and read once. The same key with other values is an error of the later line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/csv_reader.h"
#include "core/case_file.h"
#include "core/date.h"

namespace spoorboek::app {

// Parses a date as HR files write it: "02-03-2026", "2-3-2026" (day first, always) or
// "2026-03-02". The error (code "invalid_date") says why in words: not a date, or not a day of
// the calendar ("31-02-2026: February 2026 has 28 days").
core::Result<core::Date> parse_import_date(std::string_view text);

// The header's own names of the columns a later check may name in an error.
struct ImportColumns {
  std::string personnel_number;
  std::string employer;  // empty when the file has no employer column
  std::string name;      // employees: "naam", or the last-name column
  std::string manager_email;
  std::string kind;      // reports
  std::string date;
  std::string percentage;
};

// A line that repeats an earlier one exactly.
struct DuplicateLine {
  std::size_t line = 0;
  std::size_t same_as = 0;
};

struct EmployeeLine {
  std::size_t line = 0;
  std::string personnel_number;  // 1-64 bytes
  std::string name;              // 1-200 bytes
  std::string manager_email;     // empty: leave the line manager as it is
  std::string employer;          // the employer column's value; empty without one
};

struct EmployeeFile {
  std::vector<EmployeeLine> lines;  // in file order, without duplicates
  std::vector<DuplicateLine> duplicates;
  std::vector<LineError> errors;    // in line order
  std::vector<std::string> ignored_columns;
  std::size_t data_rows = 0;        // rows below the header that hold anything
  ImportColumns columns;
};

EmployeeFile read_employee_file(std::string_view text);

enum class ReportKind : std::uint8_t { sick, recovered, partial };
// "sick report", "recovery", "partial recovery" (for messages).
std::string_view report_kind_label(ReportKind kind);

struct ReportLine {
  std::size_t line = 0;
  std::string personnel_number;
  std::string employer;  // the employer column's value; empty without one
  ReportKind kind = ReportKind::sick;
  core::Date date{};     // sick: first sick day; recovered: first fit day; partial: first day
  // The entry it becomes where its sickness is open: sick_report (a relapse when it follows a
  // recovery within 28 days: its payload is then "{}"), recovery or partial_work.
  core::EntryType type = core::EntryType::sick_report;
  std::string payload = "{}";  // canonical and valid for `type`
  int percentage = 0;          // partial: percentage of the agreed hours worked
  // Whether the file gave any of the sick report's own fields (they have no place in a relapse).
  bool has_sick_report_fields = false;
};

struct ReportFile {
  std::vector<ReportLine> lines;  // in file order, without duplicates
  std::vector<DuplicateLine> duplicates;
  std::vector<LineError> errors;
  std::vector<std::string> ignored_columns;
  std::size_t data_rows = 0;
  ImportColumns columns;
};

ReportFile read_report_file(std::string_view text);

}  // namespace spoorboek::app
