// Bulk import from HR and payroll systems (docs/import.md): the staff list of an employer, and
// the sick and recovery reports (ziekmeldingen, hersteldmeldingen) payroll sends.
//
// Contract of both imports:
// - Who: an administrator of the employer (or of the whole installation) and the employer's own
//   case manager; any other role gets "forbidden", an employer the actor does not administer
//   "not_found" (as for one that does not exist).
// - All or nothing: the whole file is read and planned first (hr_import_file.h: every line
//   checked). When any line has an error nothing is written and the report lists the errors
//   (the first kMaxReportedErrors, and how many there are). Otherwise every change is written in
//   ONE store transaction, planned and applied under the same lock; a failure while writing
//   rolls everything back.
// - Idempotent: what the database holds already is "unchanged", so the same file twice changes
//   nothing the second time. A line that repeats an earlier line of the file is a "duplicate"
//   and is read once.
// - A dry run makes the same plan and writes nothing; its report equals the real run's except
//   that new cases have no id yet.
// - Expected failures of the file are in the report (ok result); the result's Error is for the
//   actor, the employer and the store ("storage").
//
// Reports become exactly the entries a case manager would record, through Application::
// report_sick and append_entry (the same validation, fold, hash and projection), recorded with
// the actor "import:<file name>"; the audit log says who ran the import. Per employee the lines
// are applied in date order (a sick report before the recovery that ends it, whatever the file's
// order):
// - ziek: a new case with its sick report; a relapse in the case that ended less than 28 days
//   before (BW 7:629 lid 10); an error when the employee is sick on that day already.
// - hersteld: the recovery that ends the sick period open on that day (date = first fit day);
//   gedeeltelijk hersteld: partial work within the sick period of that day. When the employee
//   has no such sick period (yet), the line is HELD in the database (Store::hold_report) and
//   every later import of the employer applies it as soon as the sick period is recorded (by an
//   import or by hand).
// - A report is "unchanged" when the employee's case file holds an entry of its kind on its
//   date (after corrections; a relapse counts as a sick report), or when it is held already.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "app/application.h"
#include "app/csv_reader.h"
#include "core/result.h"
#include "store/store.h"

namespace spoorboek::app {

enum class ImportOutcome : std::uint8_t {
  created,             // a new employee; a report recorded (in a new case where it opens one)
  updated,             // an employee's name or line manager; a held report replaced by the file's
  unchanged,           // the database holds it already (in the case file, or held)
  duplicate,           // repeats an earlier line of the file
  held,                // a recovery without its sick period: held until that is recorded
  applied_from_held,   // a report held by an earlier import, recorded now
  released_from_held,  // a held report whose entry was recorded meanwhile (by hand)
  count_
};
inline constexpr std::size_t kImportOutcomeCount = static_cast<std::size_t>(ImportOutcome::count_);
// "created", "updated", ... as in the report and the documentation.
std::string_view import_outcome_name(ImportOutcome outcome);

inline constexpr std::size_t kMaxReportedErrors = 100;

struct ImportLineResult {
  std::size_t line = 0;  // 0 for a report held by an earlier import
  std::string personnel_number;
  ImportOutcome outcome = ImportOutcome::unchanged;
  std::string detail;  // what it means, e.g. "sick report from 2026-03-02 in a new case"
  std::optional<std::int64_t> employee_id;  // none for an employee the dry run would create
  std::optional<std::int64_t> case_id;      // none for a case the dry run would open
  friend bool operator==(const ImportLineResult&, const ImportLineResult&) = default;
};

struct HrImportReport {
  bool dry_run = false;
  bool written = false;      // the changes are in the database
  std::size_t data_rows = 0;  // rows below the header that hold anything
  std::vector<ImportLineResult> lines;  // by line; reports held by earlier imports last
  std::array<std::size_t, kImportOutcomeCount> counts{};
  std::vector<LineError> errors;  // the first kMaxReportedErrors, by line
  std::size_t error_count = 0;
  std::vector<std::string> ignored_columns;
  std::size_t still_held = 0;  // reports: held for the employer after this import

  std::size_t count(ImportOutcome outcome) const {
    return counts[static_cast<std::size_t>(outcome)];
  }
  // Whether the import writes (or wrote, or would write) anything.
  bool changes() const;
};

// Called as the import goes: `phase` is "checking" (planning, per line) or "writing" (per
// change); done runs from 0 to total.
using ImportProgress =
    std::function<void(std::string_view phase, std::size_t done, std::size_t total)>;

struct HrImportOptions {
  std::string file_name;  // recorded in the entries' actor and the held reports' source
  bool dry_run = false;
  ImportProgress progress;  // may be empty
};

class HrImport {
 public:
  // REQUIRES: `store` and `app` outlive this object; `app` works on `store`.
  HrImport(store::Store& store, Application& app) : store_(store), app_(app) {}

  // The staff list: employees new to the employer are created; an employee whose personnel
  // number exists keeps it, and gets the file's name and line manager (by e-mail address: a
  // user with the line_manager role at this employer) when they differ. An empty manager
  // column leaves the line manager as it is.
  Result<HrImportReport> import_employees(const Actor& actor, std::int64_t employer_id,
                                          std::string_view csv_text,
                                          const HrImportOptions& options, const Moment& now);

  // Sick and recovery reports (see the contract above). Lines of unknown employees are errors.
  Result<HrImportReport> import_reports(const Actor& actor, std::int64_t employer_id,
                                        std::string_view csv_text, const HrImportOptions& options,
                                        const Moment& now);

  // The employer's held reports, by employee and date.
  Result<std::vector<store::HeldReport>> held_reports(const Actor& actor,
                                                      std::int64_t employer_id);
  // Deletes one held report of the employer (a report that will never apply, e.g. sent for the
  // wrong employee). "not_found" for an id that is not the employer's.
  Status drop_held_report(const Actor& actor, std::int64_t employer_id, std::int64_t held_id,
                          const Moment& now);

 private:
  Status may_import(const Actor& actor, std::int64_t employer_id, store::Employer& employer);

  store::Store& store_;
  Application& app_;
};

// The actor recorded with imported entries: "import:<file name>", the name without its folder,
// control characters and beyond 100 bytes.
std::string import_actor_id(std::string_view file_name);

}  // namespace spoorboek::app
