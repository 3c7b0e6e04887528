// The application layer: the only door to the core and the store for adapters (CLI, HTTP).
//
// Each use case is one method: it takes the acting Actor, asks policy.h whether the actor may,
// loads from the store, calls the pure core, and writes in one transaction. Reads are filtered by
// the actor's role. Expected failures come back as core::Error values with codes adapters map:
// "forbidden", "not_found", "conflict" (stale expected_seq), field-named validation codes, and
// "storage". Nothing here reads the clock: the Moment is a parameter.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "core/case_file.h"
#include "core/case_file_fold.h"
#include "core/result.h"
#include "core/riv_check.h"
#include "core/timeline.h"
#include "store/store.h"

namespace spoorboek::security {
class FieldKey;
}

namespace spoorboek::app {

struct CaseAccess;  // policy.h
namespace detail {
struct DemoPlan;
}

using core::Result;
using core::Status;

struct AppendResult {
  std::int64_t case_id = 0;
  std::int64_t seq = 0;
  std::string hash;
  store::CaseSummary summary;
};

// An entry as the actor may see it.
struct EntryView {
  std::int64_t seq = 0;
  core::EntryType type = core::EntryType::sick_report;
  core::Date occurred_on{};
  std::string recorded_at;
  std::string actor;
  core::Visibility visibility = core::Visibility::admin;
  std::string payload;                 // "{}" when redacted
  std::optional<std::string> medical;  // decrypted, only for those who read MEDICAL here
  bool has_medical = false;            // all others learn only that a medical part exists
  bool redacted = false;               // the payload is of a class the actor may not read
  // A MEDICAL entry (a GP conversation, the kind of safety net) seen by who may not read it: even
  // its type would say something medical, so the adapters show it as a confidential entry.
  bool type_hidden = false;
  bool voided = false;                 // a later correction voided it
  bool corrected = false;              // a later correction replaced its date or content
  std::string hash;
};

struct MilestoneView {
  core::MilestoneKey key = core::MilestoneKey::problem_analysis;
  core::MilestoneStatus status = core::MilestoneStatus::not_applicable;
  core::Party responsible = core::Party::none;
  std::string legal_basis;
  std::optional<core::Date> from;
  std::optional<core::Date> due;
  std::optional<core::Date> done_on;
  std::string explanation;  // core::explain_milestone in the requested language
};

struct CaseCheck {
  std::int64_t case_id = 0;
  std::string employee_name;
  std::string employer_name;
  core::CheckReport report;
};

struct CaseFileView {
  store::CaseRecord record;
  bool reads_medical = false;  // the actor reads this case's MEDICAL data
  core::CaseState state;
  std::vector<EntryView> entries;
  bool has_timeline = false;
  core::Date as_of{};
  long sick_week = 0;
  std::optional<core::Date> waiting_period_end;
  std::optional<core::Date> wage_continuation_end;
  std::optional<core::MilestoneKey> next_deadline;
  std::vector<MilestoneView> milestones;  // in process order
  // What the views above were made from, for pages that draw more of it (the case page): who
  // reaches the case, and when has_timeline the engine's input and result.
  store::CaseReach reach;
  core::TimelineInput timeline_input;
  core::Timeline timeline;
  std::optional<CaseCheck> check;  // when asked for (the case page): from the same read and fold
};

// A case's engine input and timeline as of a day (the `spoorboek timeline` contract).
struct CaseTimeline {
  std::int64_t case_id = 0;
  bool has_timeline = false;  // false until the case has a sick report
  core::TimelineInput input;
  core::Timeline timeline;
};

struct CaseQuery {
  CaseQuery() = default;
  explicit CaseQuery(core::Date day, std::optional<int> due_within = std::nullopt,
                     bool closed_too = false)
      : as_of(day), due_within_days(due_within), include_closed(closed_too) {}

  core::Date as_of{};
  std::optional<int> due_within_days;  // only cases whose next deadline is due by as_of + N
  bool include_closed = false;         // also cases that ended (recovered)
  bool overdue = false;                // only cases whose next deadline passed before as_of
  std::optional<std::int64_t> employer_id;
  std::optional<std::string> status;   // core::case_status_name()
  std::optional<std::int64_t> assignee_id;
  std::int64_t limit = -1;             // -1: all
  std::int64_t offset = 0;
};

// A sick report as the employer registers it (domain.md §2): who, the first sick day, and only
// the fields of the sick report's payload.
struct SickReport {
  std::int64_t employee_id = 0;
  core::Date first_sick_day{};
  std::string payload = "{}";  // the sick report's payload JSON
};

// One dashboard row.
struct CaseRow {
  std::int64_t case_id = 0;
  std::int64_t employer_id = 0;
  std::int64_t employee_id = 0;
  std::string employer_name;
  std::string employee_name;
  std::string personnel_number;
  std::string status;  // core::case_status_name
  std::optional<core::Date> first_sick_day;
  long sick_week = 0;  // as of the query's date; 0 without sickness
  std::optional<std::string> next_deadline_key;
  std::optional<core::Date> next_deadline_due;
  std::optional<long> days_left;          // negative when overdue
  std::optional<core::Date> waiting_period_end;
  // Set only where a listing asked for the completeness check (the dashboard's "risk first").
  std::optional<int> risk_score;  // core::RiskScore::score
  int check_blocks = 0;           // BLOCK findings
};

// The completeness check of one case file as the actor may see it (core/riv_check.h): findings
// never quote the file; the privacy lint's matched term is kept only for entries the actor reads.
struct CasePage {
  std::vector<CaseRow> rows;
  std::int64_t total = 0;  // matching cases without limit and offset
};

struct BrokenChain {
  std::int64_t case_id = 0;
  std::int64_t seq = 0;
  std::string reason;
};

struct VerifyReport {
  std::int64_t cases = 0;
  std::int64_t entries = 0;
  std::vector<BrokenChain> broken;  // by case id; empty when every chain is intact
};

struct RebuildReport {
  std::int64_t cases = 0;
};

// What an import did (Application::import_case).
struct ImportReport {
  std::int64_t case_id = 0;
  std::int64_t entries_in_file = 0;
  std::int64_t entries_added = 0;  // 0: the database held the file already; nothing was written
  bool case_created = false;
  bool employer_created = false;
  bool employee_created = false;
};

// The demo data set: deterministic for a seed, dates relative to the Moment's today.
struct DemoOptions {
  std::uint64_t seed = 1;
};
struct DemoReport {
  std::int64_t employers = 0;
  std::int64_t employees = 0;
  std::int64_t cases = 0;
  std::int64_t entries = 0;
};

// The scale demo (demo_scale.cc, app/demo_scale_plan.h): `employees` employees across employers
// of realistic sizes with about one case each, deterministic for a seed, dates relative to the
// Moment's today, loaded in batches of about `batch_size` cases (one transaction each).
struct ScaleDemoOptions {
  std::int64_t employees = 0;
  std::uint64_t seed = 1;
  std::int64_t batch_size = 2000;
};
inline constexpr std::int64_t kMaxScaleDemoEmployees = 10'000'000;
inline constexpr std::int64_t kMaxScaleDemoBatchSize = 100'000;
// Code "invalid", field "employees" (1 to kMaxScaleDemoEmployees) or "batch_size" (1 to
// kMaxScaleDemoBatchSize): the options alone, so an adapter can refuse them before it opens
// anything.
Status check_scale_demo_options(const ScaleDemoOptions& options);

// How far a scale demo has come, after each batch.
struct ScaleProgress {
  std::int64_t employees_done = 0;
  std::int64_t employees_total = 0;
  std::int64_t employers = 0;
  std::int64_t cases = 0;
  std::int64_t entries = 0;
};
using ScaleProgressCallback = std::function<void(const ScaleProgress&)>;

class Application {
 public:
  // REQUIRES: `store` outlives the application.
  // REQUIRES: `store` and `medical_key` (when given) outlive the application. Without a key,
  // medical parts can be neither written nor read.
  explicit Application(store::Store& store, const security::FieldKey* medical_key = nullptr)
      : store_(store), medical_key_(medical_key) {}

  // Creates or upgrades the schema; running it again changes nothing.
  Status init_database(const Actor& actor);

  Result<std::int64_t> create_employer(const Actor& actor, std::string_view name);
  Result<std::int64_t> create_employee(const Actor& actor, std::int64_t employer_id,
                                       std::string_view name, std::string_view personnel_number);
  // Opens a new, empty case file for the employee. Refused ("conflict") while the employee has
  // another open case: renewed sickness within 28 days is a relapse in that case.
  Result<std::int64_t> open_case(const Actor& actor, std::int64_t employee_id,
                                 const Moment& now);

  // Validates, folds the file with the new entry (refusing impossible sequences), computes the
  // timeline and hash, and appends entry and projection in one transaction.
  Result<AppendResult> append_entry(const Actor& actor, std::int64_t case_id,
                                    const core::EntryDraft& draft, const Moment& now);
  // The same from one submitted JSON line {"type","occurred_on","payload"[,"expected_seq"]}.
  Result<AppendResult> append_entry_json(const Actor& actor, std::int64_t case_id,
                                         std::string_view json_line, const Moment& now);

  // Who read the case file and when: for those who run the case and for the employee whose file
  // it is.
  Result<std::vector<store::CaseRead>> list_case_reads(const Actor& actor, std::int64_t case_id);
  // The hash of the case's newest entry, for a case the actor may read: what a cache of derived
  // views keys on (the log only grows, so an unchanged hash means an unchanged file).
  Result<std::string> case_version(const Actor& actor, std::int64_t case_id);
  Result<CaseTimeline> get_timeline(const Actor& actor, std::int64_t case_id, core::Date as_of);
  Result<CaseFileView> get_case_file(const Actor& actor, std::int64_t case_id, core::Date as_of,
                                     core::Language language = core::Language::nl,
                                     bool with_check = false);
  // The completeness check of the case file as of a day, authorised like reading the file: the
  // check runs on the whole file (what UWV will read), the result is filtered for the actor.
  Result<CaseCheck> check_case(const Actor& actor, std::int64_t case_id, core::Date as_of);
  // Overdue first, then by due date; cases without an open deadline last. Only the cases the
  // actor reaches (policy.h); with include_closed false, ended cases are skipped.
  Result<std::vector<CaseRow>> list_cases(const Actor& actor, const CaseQuery& query);
  // The same as a page: honours limit and offset and counts the matches.
  Result<CasePage> list_case_page(const Actor& actor, const CaseQuery& query);

  // The iCalendar (RFC 5545) feed of the deadlines of every open case the actor reaches, as of
  // now.today, texts in `language` (calendar.cc; what it holds and leaves out:
  // report/deadline_calendar.h). The dates are the deadline engine's.
  Result<std::string> deadline_calendar(const Actor& actor, core::Language language,
                                        const Moment& now);

  // The whole case file as one JSON document (core/case_file_export.h; case_transfer.cc). An
  // administrator of the whole installation gets the full export (every entry as stored, medical
  // parts as sealed text); anybody else the view of what they may read, without medical parts.
  // "not_found" for a case the actor does not reach. The export is recorded in the read log.
  Result<std::string> export_case(const Actor& actor, std::int64_t case_id, const Moment& now);
  // Reads a full export back, in one transaction, or refuses it whole: a view export, a broken
  // chain or a changed entry ("tampered", naming the entry), medical parts that do not open with
  // this database's key, a file whose entries do not fold, a case id taken by another employee's
  // case or holding other entries ("conflict"). The employer (by name) and the employee (by
  // personnel number) are found or made; the case keeps its id (its hashes are made with it).
  // Importing a file the database already holds changes nothing; a file that extends the
  // database's copy of the case adds the newer entries. Only for an administrator of the whole
  // installation.
  Result<ImportReport> import_case(const Actor& actor, std::string_view json_text,
                                   const Moment& now);

  // The listing of list_cases() as CSV (RFC 4180) for payroll and HR systems (case_list_csv.cc):
  // the same filters, reach and paging; one row per case with the employee's personnel number,
  // name, status, sick week, next deadline and end of the waiting period. Nothing MEDICAL: the
  // listing holds none.
  Result<std::string> case_list_csv(const Actor& actor, const CaseQuery& query);

  // Opens a case for the employee and appends the sick report, in one transaction.
  Result<AppendResult> report_sick(const Actor& actor, const SickReport& report, const Moment& now);

  // Who reaches a case: "not_found" for a case the actor does not reach, as for one that does
  // not exist, so that ids of other tenants reveal nothing.
  Result<store::CaseReach> reachable_case(const Actor& actor, std::int64_t case_id);

  // Walks every case's hash chain and checks its tail against the projection.
  Result<VerifyReport> verify_all(const Actor& actor);
  // Recomputes every projection row from the log, in one transaction.
  Result<RebuildReport> rebuild_projections(const Actor& actor, const Moment& now);

  // Loads the demo data set (demo.cc) with batch appends.
  Result<DemoReport> load_demo(const Actor& actor, const DemoOptions& options, const Moment& now);
  // Loads the scale demo (demo_scale.cc) through Store::bulk_load, batch by batch, each batch
  // (its rows, its employers' arbo service, any demo account it makes possible) in one
  // transaction, calling `progress` after each. Refuses a database that holds employers
  // ("not_empty", field "db") and bad options (check_scale_demo_options), writing nothing. The
  // demo accounts are those of load_demo: the employer-side ones at the first employer, the
  // company doctor and the expert at the arbo service of the first 100 employers, the coach at
  // the first reintegration office. Medical parts are left out. A failure after the first batch
  // leaves the batches before it in the database; its message says how far the load came.
  // Generating the next batch overlaps with loading the current one (a worker thread that
  // touches no store).
  Result<DemoReport> load_scale_demo(const Actor& actor, const ScaleDemoOptions& options,
                                     const Moment& now, const ScaleProgressCallback& progress = {});

 private:
  // The check of a file already read and folded (check_case, get_case_file with_check).
  CaseCheck check_of(const store::CaseRecord& record, const std::vector<core::Entry>& entries,
                     const core::CaseFold& fold, const core::Timeline* timeline,
                     const CaseAccess& access, core::Date as_of) const;
  Status add_demo_accounts(const detail::DemoPlan& plan,
                           const std::vector<std::int64_t>& employer_ids,
                           const std::vector<std::int64_t>& employee_ids,
                           const std::vector<std::int64_t>& case_ids, const Moment& now);

  store::Store& store_;
  const security::FieldKey* medical_key_;
};

}  // namespace spoorboek::app
