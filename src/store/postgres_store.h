// PostgresStore: the Store on a PostgreSQL database (15 or newer), for an installation with many
// employers and several servers behind a load balancer (issue 6). Selected by a libpq connection
// URI (postgresql://user@host:port/dbname) where SQLite takes a file path (store/open_store.h).
//
// Behaves as SqliteStore does (store.h's contract; tests/store runs every contract test on both):
// - migrate() applies migrations/postgresql/NNNN in one transaction under an advisory lock, so
//   two servers starting at the same moment apply each migration once;
// - append() checks seq and prev_hash against the case's last entry; two servers appending to one
//   case at once both pass that check, and the primary key (case_id, seq) lets exactly one insert
//   commit: the other gets "conflict", as on SQLite;
// - every value is a parameter of a prepared statement; every write one transaction.
// Not thread-safe: one PostgresStore (one connection) per thread.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace spoorboek::store::detail {
class PgConnection;
}

namespace spoorboek::store {

class PostgresStore final : public Store {
 public:
  // Connects to the database the URI names (it must exist; init migrates it).
  static Result<std::unique_ptr<PostgresStore>> open(const std::string& uri);
  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  // For a connection that writes only logs whose last fraction of a second may be lost to a crash
  // of PostgreSQL or of its machine (never to a crash of the Spoorboek server): commits return
  // before their WAL reaches the disk (synchronous_commit=off; PostgreSQL writes it within
  // 3 x wal_writer_delay, 0.6 s by default). SqliteStore::set_synchronous_normal()'s counterpart.
  Status set_synchronous_commit_off();

  Status migrate() override;
  Result<int> schema_version() override;
  Result<bool> holds_sealed_data() override;
  Status transaction(const std::function<Status()>& work) override;

  Result<std::int64_t> create_employer(std::string_view name) override;
  Result<std::int64_t> create_employee(std::int64_t employer_id, std::string_view name,
                                       std::string_view personnel_number) override;
  Result<std::int64_t> create_case(std::int64_t employee_id, std::string_view created_at) override;

  Status create_case_with_id(std::int64_t case_id, std::int64_t employee_id,
                             std::string_view created_at) override;
  Result<CaseRecord> find_case(std::int64_t case_id) override;
  Result<CaseRecord> find_case_for_update(std::int64_t case_id) override;
  Result<std::vector<std::int64_t>> list_case_ids() override;
  Result<std::vector<Employer>> list_employers() override;
  Result<std::vector<core::Entry>> load_entries(std::int64_t case_id) override;
  Result<AppendBasis> load_append_basis(std::int64_t case_id) override;

  Status append(const AppendRequest& request) override;
  Status append_batch(std::span<const AppendRequest> requests) override;

  Result<CaseSummary> find_summary(std::int64_t case_id) override;
  Result<std::vector<CaseListing>> list_cases(const CaseFilter& filter) override;
  Result<std::int64_t> count_cases(const CaseFilter& filter) override;
  Status put_summary(const CaseSummary& summary) override;
  Result<BulkIds> next_bulk_ids() override;
  Status bulk_load(const BulkBatch& batch) override;

  Result<std::int64_t> create_provider(std::string_view name, std::string_view kind) override;
  Status link_provider_employer(std::int64_t provider_id, std::int64_t employer_id) override;
  Result<std::vector<Provider>> list_providers() override;
  Result<Provider> find_provider(std::int64_t provider_id) override;
  Result<Employee> find_employee(std::int64_t employee_id) override;
  Result<std::vector<Employee>> list_employees(std::int64_t employer_id) override;
  Result<std::int64_t> create_user(const UserRecord& user) override;
  Result<UserRecord> find_user(std::int64_t user_id) override;
  Result<UserRecord> find_user_by_email(std::string_view email) override;
  Result<std::vector<UserRecord>> list_users() override;
  Status set_totp_pending(std::int64_t user_id, const std::string& sealed_secret) override;
  Status activate_totp(std::int64_t user_id) override;
  Status use_totp_step(std::int64_t user_id, std::int64_t step) override;
  Status set_user_disabled(std::int64_t user_id, bool disabled) override;
  Status replace_password(std::int64_t user_id, std::string_view new_hash,
                          std::string_view keep_session_digest) override;
  Status set_employee_manager(std::int64_t employee_id,
                              std::optional<std::int64_t> manager_user_id) override;
  Status assign_case_provider(std::int64_t case_id, std::int64_t provider_id,
                              std::string_view at) override;
  Status assign_case_user(std::int64_t case_id, std::int64_t user_id, std::string_view at) override;
  Result<CaseReach> find_case_reach(std::int64_t case_id) override;

  Status create_session(const SessionRecord& session) override;
  Result<SessionRecord> find_session(std::string_view token_digest) override;
  Status touch_session(std::string_view token_digest, std::int64_t last_seen_at) override;
  Status delete_session(std::string_view token_digest) override;
  Status delete_user_sessions(std::int64_t user_id) override;
  Status delete_expired_sessions(std::int64_t now) override;

  Result<std::int64_t> create_api_token(const ApiTokenRecord& token) override;
  Result<ApiTokenRecord> find_api_token(std::string_view token_digest) override;
  Result<std::vector<ApiTokenRecord>> list_api_tokens() override;
  Status revoke_api_token(std::int64_t token_id, std::string_view at) override;
  Status put_calendar_feed(const CalendarFeedRecord& feed) override;
  Result<CalendarFeedRecord> find_calendar_feed(std::string_view token_digest) override;
  Result<std::optional<CalendarFeedRecord>> find_user_calendar_feed(std::int64_t user_id) override;
  Status delete_calendar_feed(std::int64_t user_id) override;

  Status record_case_reads(std::span<const CaseRead> reads) override;
  Result<std::vector<CaseRead>> list_case_reads(std::int64_t case_id) override;
  Status record_audit_event(const AuditEvent& event) override;

  Result<std::optional<std::string>> get_setting(std::string_view key) override;
  Status put_setting(std::string_view key, std::string_view value) override;

  // HR import (schema 5): postgres_store_hr_import.cc.
  Result<std::int64_t> hold_report(const HeldReport& report) override;
  Result<std::vector<HeldReport>> list_held_reports(std::int64_t employer_id) override;
  Status release_held_report(std::int64_t held_id) override;
  Status rename_employee(std::int64_t employee_id, std::string_view name) override;

  // Login throttling (schema 6; postgres_store_throttle.cc).
  Status record_login_failure(std::span<const std::string> keys, std::int64_t at) override;
  Result<std::vector<std::int64_t>> recent_login_failures(std::string_view key, std::int64_t since,
                                                          int limit) override;
  Status clear_login_failures(std::string_view key) override;
  Result<std::int64_t> delete_login_failures_before(std::int64_t before) override;

  // Pending logins (schema 8; postgres_store_pending_logins.cc).
  Status create_pending_login(const PendingLoginRecord& login) override;
  Result<PendingLoginRecord> find_pending_login(std::string_view token_digest) override;
  Result<int> add_pending_login_failure(std::string_view token_digest) override;
  Status delete_pending_login(std::string_view token_digest) override;
  Status delete_user_pending_logins(std::int64_t user_id) override;
  Result<std::int64_t> delete_expired_pending_logins(std::int64_t now) override;

  // Dashboard aggregates (postgres_store_dashboard.cc).
  Result<std::vector<SickWeekCount>> count_cases_by_sick_week(const CaseFilter& filter,
                                                             core::Date day) override;
  Result<std::vector<Employer>> list_reach_employers(const CaseReachFilter& reach) override;
  Result<std::vector<std::vector<core::Entry>>> load_fold_entries(
      std::span<const std::int64_t> case_ids) override;

 private:
  explicit PostgresStore(std::unique_ptr<detail::PgConnection> connection);
  Status append_one(const AppendRequest& request);
  Result<CaseRecord> find_case_with(std::string_view sql, std::int64_t case_id);
  Status write_summary(const CaseSummary& summary);
  Result<std::int64_t> insert_case(std::optional<std::int64_t> case_id, std::int64_t employee_id,
                                   std::string_view created_at);
  Status require_row(std::string_view sql, std::int64_t id, std::string_view field,
                     std::string_view what);
  Result<std::vector<UserRecord>> query_users(std::string_view where, std::string_view value);
  // After rows were inserted with ids chosen by the caller: the table's identity continues
  // after the highest id.
  Status advance_identity(std::string_view table);
  Status check_bulk_summary_employers(const BulkBatch& batch);

  std::unique_ptr<detail::PgConnection> db_;
};

}  // namespace spoorboek::store
