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
#include "store/account_records.h"

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
  std::optional<std::int64_t> manager_user_id;  // the line manager whose team it is in
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
  std::string personnel_number;  // the employer's own number of the employee (payroll, HR)
};

// Which cases a listing may hold at all: unrestricted, or the union of the non-empty clauses
// (app/policy.h builds it from the actor; an empty reach matches nothing).
struct CaseReachFilter {
  bool unrestricted = false;
  std::vector<std::int64_t> employer_ids;     // cases of these employers
  std::optional<std::int64_t> team_manager;   // cases of employees this user manages
  std::optional<std::int64_t> provider_id;    // cases assigned to this office
  std::optional<std::int64_t> own_employee;   // the employee's own cases

  static CaseReachFilter everything() {
    CaseReachFilter reach;
    reach.unrestricted = true;
    return reach;
  }
};

struct CaseFilter {
  std::optional<std::int64_t> employee_id;
  // Only cases whose next deadline is due on or before this day.
  std::optional<core::Date> due_on_or_before;
  // Only cases whose next deadline is due on or after this day (with due_on_or_before: a range
  // of days, both ends included). Cases without a next deadline never match either.
  std::optional<core::Date> due_on_or_after;
  // Leaves out cases whose status is "recovered" (ended; app::detail::summary_is_open).
  bool open_only = false;
  std::optional<std::int64_t> employer_id;
  std::optional<std::string> status;           // core::case_status_name()
  std::optional<std::int64_t> assignee_id;     // a user named on the case
  // The dashboard's name search; empty: no condition. Only cases whose employee's name holds
  // this text, the letters A-Z compared without case (every other byte as it is, so "é" only
  // matches "é"), or whose personnel number is exactly this text. %, _ and \ in it are plain
  // characters. The caller passes well-formed UTF-8 without NUL bytes (PostgreSQL refuses
  // anything else as text: "storage").
  std::string search;
  // Only cases whose next deadline is one of these milestones (core::milestone_key_name());
  // empty: no condition.
  std::vector<std::string> next_deadline_keys;
  // Only cases whose waiting period ends on or before this day.
  std::optional<core::Date> waiting_period_end_on_or_before;
  // The store lists what it is asked; the application always narrows this to the actor's reach.
  CaseReachFilter reach = CaseReachFilter::everything();
  std::int64_t limit = -1;  // -1: all
  std::int64_t offset = 0;
};

// A sick week and how many cases are in it (Store::count_cases_by_sick_week).
struct SickWeekCount {
  std::int64_t week = 0;
  std::int64_t cases = 0;
  friend bool operator==(const SickWeekCount&, const SickWeekCount&) = default;
};

// What an append reads of its case: the entries its fold needs, in seq order, and the seq and
// hash of the case's last entry (0 and core::kGenesisHash for a case without entries).
struct AppendBasis {
  std::vector<core::Entry> fold_entries;
  std::int64_t last_seq = 0;
  std::string last_hash;
};

struct AppendRequest {
  core::Entry entry;                   // seq, prev_hash and hash already set by the caller
  std::optional<CaseSummary> summary;  // written in the same transaction when set
};

// A bulk load (demo --scale, a whole installation at once): rows whose ids the caller chose
// (from next_bulk_ids), written by the backend's fast path in ONE transaction: prepared inserts
// on SQLite, COPY on PostgreSQL. Entries are written as given (their hash chain made by the
// caller, starting at seq 1 of a new case); the optimistic check of append() does not run, so
// this is for cases the batch itself creates. All rows or none.
// Rows are written in the order employers, employees, cases, entries, summaries, case_providers,
// so a row may name one of an earlier list of the same batch or one already stored. Refused
// whole, with nothing written:
// - check_bulk_batch() failures (code "invalid", fields named there);
// - a summary whose employee is not in the batch and whose employer_id is not that stored
//   employee's employer: "invalid", field "summaries[i].employer_id";
// - a row the database refuses (an id taken, a personnel number taken within its employer, an
//   employer, employee, case, provider or manager that does not exist): "invalid", field the
//   list of the batch ("employers", "employees", "cases", "entries", "summaries",
//   "case_providers"), the message naming the row where the backend can;
// - the database failing: "storage".
// An empty batch writes nothing and succeeds.
struct BulkCase {
  std::int64_t id = 0;
  std::int64_t employee_id = 0;
  std::string created_at;
};

// A case's summary row with its tenancy (which append() takes from the case itself).
struct BulkSummary {
  CaseSummary summary;
  std::int64_t employer_id = 0;
  std::int64_t employee_id = 0;
};

struct BulkCaseProvider {
  std::int64_t case_id = 0;
  std::int64_t provider_id = 0;
  std::string assigned_at;
};

struct BulkBatch {
  std::vector<Employer> employers;
  std::vector<Employee> employees;  // manager_user_id may be set
  std::vector<BulkCase> cases;
  std::vector<core::Entry> entries;  // of the cases above, in (case_id, seq) order
  std::vector<BulkSummary> summaries;  // one per case above
  std::vector<BulkCaseProvider> case_providers;
};

// The first free id of each table a bulk load fills.
struct BulkIds {
  std::int64_t employer = 1;
  std::int64_t employee = 1;
  std::int64_t case_id = 1;
};

// The checks of a batch that need no database, made by every backend's bulk_load before it
// writes (so that both refuse the same batches with the same fields): code "invalid" with field
// "entries[i].case_id" (not a case of the batch, or the entries of cases not in (case_id, seq)
// order), "entries[i].seq" (a case's seqs must run 1, 2, 3 ...), "entries[i].prev_hash" (not the
// previous entry's hash, kGenesisHash for seq 1), "summaries[i].case_id" (no case of the batch,
// or a second summary of one; also field "summaries" when a case has none),
// "summaries[i].employee_id" (not the case's employee), "summaries[i].employer_id" (not the
// employer of an employee of the batch), "summaries[i].last_seq" / ".last_hash" (not the case's
// last entry), "case_providers[i].case_id" (no case of the batch). Hashes are compared, never
// computed.
Status check_bulk_batch(const BulkBatch& batch);

// --- HR import (schema 5; app/hr_import.h) ---
// A recovery or partial recovery from an HR or payroll file whose sick period is not recorded
// (yet): held until an import (or a case manager) brings the sick report, then applied and
// released. The store keeps it as given; the application decides what it means.
struct HeldReport {
  std::int64_t id = 0;
  std::int64_t employee_id = 0;
  core::EntryType type = core::EntryType::recovery;  // the entry it becomes
  core::Date occurred_on{};
  std::string payload = "{}";  // canonical JSON of that entry's payload
  std::string source;          // where it came from: "<file name>, line 12"
  std::string held_at;         // UTC timestamp
  std::string held_by;         // the actor id that imported it
  // Filled in by list_held_reports from the employee's record.
  std::int64_t employer_id = 0;
  std::string personnel_number;
  std::string employee_name;
  friend bool operator==(const HeldReport&, const HeldReport&) = default;
};

// --- Pending logins (schema 8; app::Accounts::begin_login / finish_login) ---
// A login whose password was right and whose account asks for a two-factor code, waiting for the
// code (possibly at another server). Only the digest of its random token is stored, and nothing
// of the password.
struct PendingLoginRecord {
  std::string token_digest;  // security::token_digest() of the token the browser keeps
  std::int64_t user_id = 0;
  std::int64_t expires_at = 0;  // unix seconds
  int failed_codes = 0;         // wrong codes sent for it so far
  friend bool operator==(const PendingLoginRecord&, const PendingLoginRecord&) = default;
};

class Store {
 public:
  virtual ~Store() = default;

  // Brings the schema to the newest version; applying it again is a no-op.
  virtual Status migrate() = 0;
  // The highest schema version applied (0 for an empty database).
  virtual Result<int> schema_version() = 0;
  // Whether anything is sealed with the database's key file: a medical part of an entry or a
  // two-factor secret. False for a database without a schema yet.
  virtual Result<bool> holds_sealed_data() = 0;

  virtual Status transaction(const std::function<Status()>& work) = 0;

  virtual Result<std::int64_t> create_employer(std::string_view name) = 0;
  virtual Result<std::int64_t> create_employee(std::int64_t employer_id, std::string_view name,
                                               std::string_view personnel_number) = 0;
  // Also writes the case's first summary row (status "no_sickness", last_seq 0).
  virtual Result<std::int64_t> create_case(std::int64_t employee_id,
                                           std::string_view created_at) = 0;

  // The same with the case's id given (an import keeps the id its hash chain was made with);
  // "conflict" (field "case_id") when the id is taken.
  virtual Status create_case_with_id(std::int64_t case_id, std::int64_t employee_id,
                                     std::string_view created_at) = 0;
  virtual Result<CaseRecord> find_case(std::int64_t case_id) = 0;
  // find_case() inside a write transaction, holding the case against every other writer until the
  // transaction ends, so that appends to one case from several servers queue up instead of
  // racing for the next seq. PostgreSQL locks the case's row (FOR UPDATE); SQLite's write
  // transaction already excludes every other writer.
  virtual Result<CaseRecord> find_case_for_update(std::int64_t case_id) = 0;
  virtual Result<std::vector<std::int64_t>> list_case_ids() = 0;
  virtual Result<std::vector<Employer>> list_employers() = 0;

  // The case's entries ordered by seq.
  virtual Result<std::vector<core::Entry>> load_entries(std::int64_t case_id) = 0;
  // For an append that is not a correction: core::fold_relevant_entries() of the case's entries,
  // selected by the store, so that a long file of conversations is not read for each new one.
  virtual Result<AppendBasis> load_append_basis(std::int64_t case_id) = 0;

  virtual Status append(const AppendRequest& request) = 0;
  virtual Status append_batch(std::span<const AppendRequest> requests) = 0;

  virtual Result<CaseSummary> find_summary(std::int64_t case_id) = 0;
  // Ordered by next deadline (none last), then case id.
  virtual Result<std::vector<CaseListing>> list_cases(const CaseFilter& filter) = 0;
  // How many cases list_cases() would list without the filter's limit and offset.
  virtual Result<std::int64_t> count_cases(const CaseFilter& filter) = 0;
  // Replaces a case's summary row (rebuilding projections).
  virtual Status put_summary(const CaseSummary& summary) = 0;

  // See BulkBatch. After a bulk load, create_* continues after the highest id loaded.
  virtual Result<BulkIds> next_bulk_ids() = 0;
  virtual Status bulk_load(const BulkBatch& batch) = 0;

  // --- Accounts and reach (schema 2) ---
  virtual Result<std::int64_t> create_provider(std::string_view name, std::string_view kind) = 0;
  virtual Status link_provider_employer(std::int64_t provider_id, std::int64_t employer_id) = 0;
  virtual Result<std::vector<Provider>> list_providers() = 0;
  virtual Result<Provider> find_provider(std::int64_t provider_id) = 0;
  virtual Result<Employee> find_employee(std::int64_t employee_id) = 0;
  virtual Result<std::vector<Employee>> list_employees(std::int64_t employer_id) = 0;
  // "conflict" (field "email") when the address is taken.
  virtual Result<std::int64_t> create_user(const UserRecord& user) = 0;
  virtual Result<UserRecord> find_user(std::int64_t user_id) = 0;
  virtual Result<UserRecord> find_user_by_email(std::string_view email) = 0;
  virtual Result<std::vector<UserRecord>> list_users() = 0;
  // A new TOTP secret waits in totp_pending; activate_totp moves it to totp_secret and turns
  // two-factor login on ("conflict" when nothing waits).
  virtual Status set_totp_pending(std::int64_t user_id, const std::string& sealed_secret) = 0;
  virtual Status activate_totp(std::int64_t user_id) = 0;
  // Records that a TOTP time step was used; "conflict" when it (or a later one) was used before.
  virtual Status use_totp_step(std::int64_t user_id, std::int64_t step) = 0;
  virtual Status set_user_disabled(std::int64_t user_id, bool disabled) = 0;
  // The user's password hash becomes `new_hash` and every session of the user except the one
  // whose digest is `keep_session_digest` ends, in one transaction; "not_found" (field
  // "user_id") when there is no such user.
  virtual Status replace_password(std::int64_t user_id, std::string_view new_hash,
                                  std::string_view keep_session_digest) = 0;
  virtual Status set_employee_manager(std::int64_t employee_id,
                                      std::optional<std::int64_t> manager_user_id) = 0;
  virtual Status assign_case_provider(std::int64_t case_id, std::int64_t provider_id,
                                      std::string_view at) = 0;
  virtual Status assign_case_user(std::int64_t case_id, std::int64_t user_id,
                                  std::string_view at) = 0;
  virtual Result<CaseReach> find_case_reach(std::int64_t case_id) = 0;

  virtual Status create_session(const SessionRecord& session) = 0;
  virtual Result<SessionRecord> find_session(std::string_view token_digest) = 0;
  virtual Status touch_session(std::string_view token_digest, std::int64_t last_seen_at) = 0;
  virtual Status delete_session(std::string_view token_digest) = 0;
  virtual Status delete_user_sessions(std::int64_t user_id) = 0;
  virtual Status delete_expired_sessions(std::int64_t now) = 0;

  virtual Result<std::int64_t> create_api_token(const ApiTokenRecord& token) = 0;
  virtual Result<ApiTokenRecord> find_api_token(std::string_view token_digest) = 0;
  virtual Result<std::vector<ApiTokenRecord>> list_api_tokens() = 0;
  virtual Status revoke_api_token(std::int64_t token_id, std::string_view at) = 0;

  // --- Calendar feeds (schema 4) ---
  // Replaces the user's feed (a new secret makes the old URL stop working).
  virtual Status put_calendar_feed(const CalendarFeedRecord& feed) = 0;
  // "not_found" when no feed has this digest (never made, replaced or revoked).
  virtual Result<CalendarFeedRecord> find_calendar_feed(std::string_view token_digest) = 0;
  virtual Result<std::optional<CalendarFeedRecord>> find_user_calendar_feed(std::int64_t user_id) = 0;
  // "not_found" (field "calendar") when the user has no feed.
  virtual Status delete_calendar_feed(std::int64_t user_id) = 0;

  virtual Status record_case_reads(std::span<const CaseRead> reads) = 0;
  virtual Result<std::vector<CaseRead>> list_case_reads(std::int64_t case_id) = 0;
  virtual Status record_audit_event(const AuditEvent& event) = 0;

  virtual Result<std::optional<std::string>> get_setting(std::string_view key) = 0;
  virtual Status put_setting(std::string_view key, std::string_view value) = 0;

  // --- HR import (schema 5; app/hr_import.h). Each method is one transaction of its own, or
  // joins the caller's transaction(). ---
  // Holds a report; returns its id. The record's id, employer_id, personnel_number and
  // employee_name are ignored. "not_found" (field "employee_id") for an unknown employee;
  // "conflict" (field "occurred_on") when the employee has a held report of the same type and
  // occurred_on already (then nothing is written).
  virtual Result<std::int64_t> hold_report(const HeldReport& report) = 0;
  // The held reports of the employer's employees, ordered by employee_id, then occurred_on, then
  // id; empty for an unknown employer.
  virtual Result<std::vector<HeldReport>> list_held_reports(std::int64_t employer_id) = 0;
  // Deletes a held report (it was applied, or is no longer needed). "not_found" (field
  // "held_id") when there is none with this id.
  virtual Status release_held_report(std::int64_t held_id) = 0;
  // Sets an employee's name. "not_found" (field "employee_id") for an unknown employee;
  // "invalid" (field "name") for a name outside 1-200 bytes (nothing written).
  virtual Status rename_employee(std::int64_t employee_id, std::string_view name) = 0;

  // --- Login throttling (schema 6): failed logins that every server process counts ---
  // The store keeps only the times of failures under opaque keys (app::LoginThrottle makes them:
  // "account:<lower-case e-mail>", "address:<remote address>") and knows nothing of limits or
  // windows. Times are unix seconds. A key is a non-empty string; nothing else is checked.
  //
  // One failure at `at` under each of `keys`, in one transaction: all rows or none. An empty
  // span writes nothing. "invalid" (field "keys") when a key is empty; nothing is written then.
  virtual Status record_login_failure(std::span<const std::string> keys, std::int64_t at) = 0;
  // The times of `key`'s failures with time >= `since`, newest first, at most `limit` of them;
  // empty when there are none. "invalid" (field "limit") when limit < 1.
  virtual Result<std::vector<std::int64_t>> recent_login_failures(std::string_view key,
                                                                  std::int64_t since,
                                                                  int limit) = 0;
  // Deletes every failure of `key` (a successful login clears its account's); none is no error.
  virtual Status clear_login_failures(std::string_view key) = 0;
  // Deletes every failure, of any key, with time < `before`; returns how many were deleted.
  virtual Result<std::int64_t> delete_login_failures_before(std::int64_t before) = 0;

  // --- Pending logins (schema 8): PendingLoginRecord. The store keeps them as given and knows
  // nothing of their lifetime or of how many wrong codes end one (app::Accounts decides). Each
  // write is one transaction of its own, or joins the caller's transaction(). ---
  // Stores a new pending login with the record's failed_codes. "invalid" (field "token_digest")
  // for an empty digest; "conflict" (field "token_digest") when the digest is stored already;
  // "not_found" (field "user_id") for an unknown user. Nothing is written then.
  virtual Status create_pending_login(const PendingLoginRecord& login) = 0;
  // The pending login of `token_digest`, expired or not; "not_found" (field "pending_login")
  // when there is none.
  virtual Result<PendingLoginRecord> find_pending_login(std::string_view token_digest) = 0;
  // Adds one to the pending login's failed_codes and returns the new count; "not_found" (field
  // "pending_login") when there is none.
  virtual Result<int> add_pending_login_failure(std::string_view token_digest) = 0;
  // Deletes the pending login; "not_found" (field "pending_login") when there is none (used or
  // deleted meanwhile, also by another server), so that a transaction() that uses one up fails
  // and writes nothing when another used it first.
  virtual Status delete_pending_login(std::string_view token_digest) = 0;
  // Deletes every pending login of the user (its password changed, it was disabled); none is no
  // error.
  virtual Status delete_user_pending_logins(std::int64_t user_id) = 0;
  // Deletes every pending login with expires_at <= `now`; returns how many were deleted.
  virtual Result<std::int64_t> delete_expired_pending_logins(std::int64_t now) = 0;

  // --- Dashboard aggregates (app/dashboard.h): what a page shows of many cases, without
  // reading them one by one ---
  // How many of the cases list_cases(filter) would list (limit and offset ignored) are in each
  // sick week as of `day`, one SickWeekCount per week that has cases, by week ascending. The
  // sick week follows from the summary alone: 0 without a first sick day or before it; else the
  // counted days are the days from first_sick_day to the earlier of `day` and last_sick_day,
  // both included, less interruption_days, and the week is ceil(counted / 7) (0 when counted is
  // 0 or less). One query; "storage" when the database fails.
  virtual Result<std::vector<SickWeekCount>> count_cases_by_sick_week(const CaseFilter& filter,
                                                                     core::Date day) = 0;
  // The employers whose cases a reach may list, ordered by id: every employer when unrestricted;
  // else the employers in employer_ids (those that exist), those of the employees the
  // team_manager manages, those of the cases assigned to provider_id and the own employee's.
  // Empty for an empty reach. "storage" when the database fails.
  virtual Result<std::vector<Employer>> list_reach_employers(const CaseReachFilter& reach) = 0;
  // For each id of `case_ids`, in that order, what load_append_basis(id).fold_entries holds:
  // core::fold_relevant_entries() of the case's entries, in seq order (empty for an unknown case
  // or one without entries), so that a page can fold hundreds of files without a round trip
  // each (PostgreSQL reads a few hundred cases per query; SQLite, in process, case by case).
  // "corrupt_entry" for a stored row that cannot be read, "storage" when the database fails.
  virtual Result<std::vector<std::vector<core::Entry>>> load_fold_entries(
      std::span<const std::int64_t> case_ids) = 0;
};

}  // namespace spoorboek::store
