// Store: where case files and their projections persist, behind one interface that the SQLite
// store implements now and a PostgreSQL store can implement later without changes above it.
//
// Contract for every implementation:
// - Entries are append-only. append() writes one entry and, when given, the case's summary row
//   in ONE transaction, and only when the entry's seq is the next one of its case and its
//   prev_hash the hash of the current last entry; otherwise it returns code "conflict" and writes
//   nothing (optimistic concurrency: the caller folded a state that is no longer current).
// - append_batch() does the same for many entries (of one or more cases, in order) in one
//   transaction: all are written or none.
// - transaction() runs `work` inside one transaction; calls made by `work` join it. A failed
//   Status from `work` rolls everything back.
// - Expected failures are values: "not_found", "conflict", "invalid" (a constraint), "storage"
//   (the database itself failed), "corrupt_entry" (a stored row cannot be read back).
// The store knows nothing of the law: it never folds, validates payloads or computes hashes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_file.h"
#include "core/date.h"
#include "core/result.h"

namespace spoorboek::store {

using core::Result;
using core::Status;

struct Employer {
  std::int64_t id = 0;
  std::string name;
};

struct Employee {
  std::int64_t id = 0;
  std::int64_t employer_id = 0;
  std::string name;
  std::string personnel_number;  // unique within the employer
};

// Tenancy: a case belongs to an employee, who belongs to an employer.
struct CaseRecord {
  std::int64_t id = 0;
  std::int64_t employee_id = 0;
  std::int64_t employer_id = 0;
  std::string employer_name;
  std::string employee_name;
  std::string created_at;
};

// The projection: one row per case, rebuilt from the log at will.
struct CaseSummary {
  std::int64_t case_id = 0;
  std::string status;  // core::case_status_name()
  std::optional<core::Date> first_sick_day;
  std::optional<std::string> next_deadline_key;  // core::milestone_key_name()
  std::optional<core::Date> next_deadline_due;
  std::optional<core::Date> waiting_period_end;
  // The last sick day when the case has ended, and the uncounted days (fit gaps, bridged leave)
  // between the first sick day and the latest sick period: the sick week as of any day follows.
  std::optional<core::Date> last_sick_day;
  std::int64_t interruption_days = 0;
  std::int64_t last_seq = 0;
  std::string last_hash;
  std::string updated_at;  // UTC timestamp
};

// A summary with the names a dashboard shows.
struct CaseListing {
  CaseSummary summary;
  std::int64_t employer_id = 0;
  std::int64_t employee_id = 0;
  std::string employer_name;
  std::string employee_name;
};

struct CaseFilter {
  std::optional<std::int64_t> employee_id;
  // Only cases whose next deadline is due on or before this day.
  std::optional<core::Date> due_on_or_before;
};

struct AppendRequest {
  core::Entry entry;                   // seq, prev_hash and hash already set by the caller
  std::optional<CaseSummary> summary;  // written in the same transaction when set
};

class Store {
 public:
  virtual ~Store() = default;

  // Brings the schema to the newest version; applying it again is a no-op.
  virtual Status migrate() = 0;
  // The highest schema version applied (0 for an empty database).
  virtual Result<int> schema_version() = 0;

  virtual Status transaction(const std::function<Status()>& work) = 0;

  virtual Result<std::int64_t> create_employer(std::string_view name) = 0;
  virtual Result<std::int64_t> create_employee(std::int64_t employer_id, std::string_view name,
                                               std::string_view personnel_number) = 0;
  // Also writes the case's first summary row (status "no_sickness", last_seq 0).
  virtual Result<std::int64_t> create_case(std::int64_t employee_id,
                                           std::string_view created_at) = 0;

  virtual Result<CaseRecord> find_case(std::int64_t case_id) = 0;
  virtual Result<std::vector<std::int64_t>> list_case_ids() = 0;
  virtual Result<std::vector<Employer>> list_employers() = 0;

  // The case's entries ordered by seq.
  virtual Result<std::vector<core::Entry>> load_entries(std::int64_t case_id) = 0;

  virtual Status append(const AppendRequest& request) = 0;
  virtual Status append_batch(std::span<const AppendRequest> requests) = 0;

  virtual Result<CaseSummary> find_summary(std::int64_t case_id) = 0;
  // Ordered by next deadline (none last), then case id.
  virtual Result<std::vector<CaseListing>> list_cases(const CaseFilter& filter) = 0;
  // Replaces a case's summary row (rebuilding projections).
  virtual Status put_summary(const CaseSummary& summary) = 0;
};

}  // namespace spoorboek::store
