// Internal to the HR imports (hr_import.cc, hr_import_reports.cc): the parts both share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/hr_import.h"

namespace spoorboek::app::detail {

// Appends errors to the report (counted; finish_report keeps the first kMaxReportedErrors).
void add_errors(HrImportReport& report, const std::vector<LineError>& errors);
// Counts the outcomes of the report's lines.
void count_outcomes(HrImportReport& report);
// Counts, then sorts lines and errors and caps the errors: the plan's indices into
// report.lines are no longer valid afterwards.
void finish_report(HrImportReport& report);
std::string outcome_summary(const HrImportReport& report);

Status audit_import(store::Store& store, const Actor& actor, const Moment& now,
                    std::string_view action, std::int64_t employer_id, std::string detail);

// The report of a file as read: dry run or not, its rows and ignored columns, and its duplicate
// lines (each "the same as line N", applied once). `File` is an EmployeeFile or a ReportFile.
template <class File>
HrImportReport start_report(const File& file, const HrImportOptions& options) {
  HrImportReport report;
  report.dry_run = options.dry_run;
  report.data_rows = file.data_rows;
  report.ignored_columns = file.ignored_columns;
  for (const auto& duplicate : file.duplicates) {
    report.lines.push_back(ImportLineResult{duplicate.line, "", ImportOutcome::duplicate,
                                            "the same as line " +
                                                std::to_string(duplicate.same_as),
                                            std::nullopt, std::nullopt});
  }
  return report;
}

void progress(const HrImportOptions& options, std::string_view phase, std::size_t done,
              std::size_t total);

// An error when the employer column names another employer than the import's (by id or name).
std::optional<LineError> employer_mismatch(const std::string& value,
                                           const store::Employer& employer, std::size_t line,
                                           const std::string& column);

// The all-or-nothing frame of an import. `plan` fills the report and adds line errors to
// `errors`; `apply` writes the plan, setting `line` to the file line of each write so that an
// unexpected refusal names it. A dry run only plans. A real run plans and applies in one store
// transaction, and applies only when no line has an error and the plan changes anything (so a
// file imported twice writes nothing, not even to the audit log). A failure of `apply` rolls
// everything back: a storage failure is the result's error, any other becomes a line error.
using ImportPlan = std::function<Status()>;
using ImportApply = std::function<Status(std::size_t& line)>;
Result<HrImportReport> run_import(store::Store& store, HrImportReport& report,
                                  std::vector<LineError>& errors, const HrImportOptions& options,
                                  const ImportPlan& plan, const ImportApply& apply);

}  // namespace spoorboek::app::detail
