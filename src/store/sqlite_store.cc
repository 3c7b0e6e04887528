#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "core/case_file_fold.h"
#include "core/entry_hash.h"
#include "store/case_search.h"
#include "store/migrations.h"
#include "store/sqlite_case_filter.h"
#include "store/sqlite_read_log.h"
#include "store/sqlite_statement.h"
#include "store/store_rows.h"

namespace spoorboek::store {
namespace {

using detail::Statement;
using detail::execute_script;

constexpr std::string_view kPragmas =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
constexpr int kBusyTimeoutMs = 10000;

// One writer lock per database file in this process. SQLite lets one connection write at a time
// and makes the others wait in its busy handler, which sleeps ever longer (up to 100 ms a try)
// and wakes no one when the lock comes free: under a steady stream of appends from a server's
// threads, some requests lost the race again and again and waited over a second (bench/README.md,
// "Scale"). Waiting on a mutex instead, a writer starts the moment the previous one commits.
// Other processes on the same file still meet SQLite's busy handler, as before.
std::shared_ptr<std::timed_mutex> writer_lock_for(const std::string& path) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<std::timed_mutex>> registry;
  std::error_code ignored;
  const bool in_memory = path.empty() || path == ":memory:" || path.starts_with("file::memory:");
  // An in-memory database is private to its connection: nothing to share.
  if (in_memory) return std::make_shared<std::timed_mutex>();
  const std::string key = std::filesystem::weakly_canonical(path, ignored).string();
  std::lock_guard guard(registry_mutex);
  std::shared_ptr<std::timed_mutex> lock = registry[key].lock();
  if (!lock) {
    lock = std::make_shared<std::timed_mutex>();
    registry[key] = lock;
  }
  return lock;
}

constexpr std::string_view kSummaryColumns =
    "s.case_id, s.status, s.first_sick_day, s.next_deadline_key, s.next_deadline_due, "
    "s.waiting_period_end, s.last_sick_day, s.interruption_days, s.last_seq, s.last_hash, "
    "s.updated_at";
constexpr int kSummaryColumnCount = 11;

// Reads the columns of kSummaryColumns starting at `first`.
CaseSummary read_summary(const Statement& row, int first) {
  CaseSummary summary;
  summary.case_id = row.integer(first);
  summary.status = row.text(first + 1);
  summary.first_sick_day = row.optional_date(first + 2);
  summary.next_deadline_key = row.optional_text(first + 3);
  summary.next_deadline_due = row.optional_date(first + 4);
  summary.waiting_period_end = row.optional_date(first + 5);
  summary.last_sick_day = row.optional_date(first + 6);
  summary.interruption_days = row.integer(first + 7);
  summary.last_seq = row.integer(first + 8);
  summary.last_hash = row.text(first + 9);
  summary.updated_at = row.text(first + 10);
  return summary;
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path, OpenMode mode) {
  if (mode == OpenMode::must_exist && !std::filesystem::exists(path)) {
    return core::make_error("not_found", "db",
                            "no database at '" + path + "' (create one with spoorboek init)");
  }
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE;
  if (mode == OpenMode::create_if_missing) flags |= SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    core::Error error = detail::sqlite_error(db, "opening '" + path + "'");
    sqlite3_close(db);
    return error;
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (const auto status = execute_script(db, kPragmas); !status.ok()) {
    return core::make_error(status.error().code, "db",
                            "'" + path + "' is not a usable database: " + status.error().message);
  }
  return store;
}

SqliteStore::SqliteStore(sqlite3* db, std::string path)
    : db_(db),
      path_(std::move(path)),
      writer_lock_(writer_lock_for(path_)),
      statements_(std::make_unique<detail::StatementCache>(db)) {}

Status SqliteStore::set_synchronous_normal() {
  synchronous_normal_ = true;
  if (read_log_) {
    if (auto relaxed = read_log_->set_synchronous_normal(); !relaxed.ok()) return relaxed;
  }
  return execute_script(db_, "PRAGMA synchronous=NORMAL");
}

SqliteStore::~SqliteStore() {
  read_log_.reset();
  statements_.reset();  // finalised before the connection closes
  sqlite3_close(db_);
}

Status SqliteStore::leave_read_log_checkpoints_to_caller() {
  auto log = read_log();
  if (!log.ok()) return log.error();
  return (*log)->leave_checkpoints_to_caller();
}

Status SqliteStore::checkpoint_read_log() {
  auto log = read_log();
  if (!log.ok()) return log.error();
  return (*log)->checkpoint();
}

Result<detail::SqliteReadLog*> SqliteStore::read_log() {
  if (!read_log_) {
    auto opened = detail::SqliteReadLog::open(path_, db_, synchronous_normal_);
    if (!opened.ok()) return opened.error();
    read_log_ = std::move(*opened);
  }
  return read_log_.get();
}

Status SqliteStore::transaction(const std::function<Status()>& work) {
  if (transaction_depth_ > 0) return work();
  // As long as SQLite's own busy timeout would have waited, with the same answer when it ends.
  std::unique_lock writer(*writer_lock_, std::chrono::milliseconds(kBusyTimeoutMs));
  if (!writer.owns_lock()) {
    return core::make_error("storage", "", "database is locked (another write took over " +
                                               std::to_string(kBusyTimeoutMs / 1000) + " s)");
  }
  ++transaction_depth_;
  Status status = detail::run_transaction(db_, work);
  --transaction_depth_;
  return status;
}

Result<int> SqliteStore::schema_version() {
  Statement exists(*statements_,
                   "SELECT count(*) FROM sqlite_master WHERE type='table' AND "
                   "name='schema_migrations'");
  if (!exists.step()) return exists.failed() ? Result<int>(exists.error()) : Result<int>(0);
  if (exists.integer(0) == 0) return 0;
  Statement version(*statements_, "SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!version.step()) return version.error();
  return static_cast<int>(version.integer(0));
}

Result<bool> SqliteStore::holds_sealed_data() {
  auto version = schema_version();
  if (!version.ok()) return version.error();
  if (*version == 0) return false;
  // Schema 1 has no users table; schema 2 seals two-factor secrets as well.
  Statement query(*statements_,
                  *version >= 2
                      ? "SELECT EXISTS (SELECT 1 FROM entries WHERE medical IS NOT NULL) OR "
                        "EXISTS (SELECT 1 FROM users WHERE totp_secret IS NOT NULL OR "
                        "totp_pending IS NOT NULL)"
                      : "SELECT EXISTS (SELECT 1 FROM entries WHERE medical IS NOT NULL)");
  if (!query.step()) return query.error();
  return query.integer(0) != 0;
}

Status SqliteStore::migrate() {
  if (auto created = execute_script(db_,
                                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                                    " applied_at TEXT NOT NULL DEFAULT"
                                    " (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
      !created.ok()) {
    return core::make_error(created.error().code, "db",
                            "not a usable database: " + created.error().message);
  }
  const auto migrations = detail::sqlite_migrations();
  auto current = schema_version();
  if (!current.ok()) return current.error();
  if (!migrations.empty() && *current > migrations.back().version) {
    return core::make_error("storage", "db",
                            "the database has schema version " + std::to_string(*current) +
                                ", newer than this program knows (" +
                                std::to_string(migrations.back().version) + ")");
  }
  for (const auto& migration : migrations) {
    const Status applied = transaction([&]() -> Status {
      Statement seen(*statements_, "SELECT 1 FROM schema_migrations WHERE version = ?");
      if (seen.bind(1, std::int64_t{migration.version}).step()) return core::ok_status();
      if (seen.failed()) return seen.error();
      if (auto ran = execute_script(db_, migration.sql); !ran.ok()) {
        return core::make_error("storage", "db",
                                "migration " + std::string(migration.name) + " failed: " +
                                    ran.error().message);
      }
      Statement record(*statements_, "INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
      return record.bind(1, std::int64_t{migration.version}).bind(2, migration.name).run();
    });
    if (!applied.ok()) return applied;
  }
  auto log = read_log();
  if (!log.ok()) return log.error();
  return (*log)->link(db_);
}

Status SqliteStore::require_row(std::string_view sql, std::int64_t id, std::string_view field,
                                std::string_view what) {
  Statement query(*statements_, sql);
  if (query.bind(1, id).step()) return core::ok_status();
  if (query.failed()) return query.error();
  return detail::missing_row(field, what, id);
}

Result<std::int64_t> SqliteStore::create_employer(std::string_view name) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    Statement insert(*statements_, "INSERT INTO employers (name) VALUES (?)");
    if (auto ran = insert.bind(1, name).run(); !ran.ok()) return ran;
    id = sqlite3_last_insert_rowid(db_);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::int64_t> SqliteStore::create_employee(std::int64_t employer_id, std::string_view name,
                                                  std::string_view personnel_number) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    if (auto found = require_row("SELECT 1 FROM employers WHERE id = ?", employer_id,
                                 "employer_id", "employer");
        !found.ok()) {
      return found;
    }
    Statement taken(*statements_,
                    "SELECT 1 FROM employees WHERE employer_id = ? AND personnel_number = ?");
    if (taken.bind(1, employer_id).bind(2, personnel_number).step()) {
      return core::make_error("conflict", "personnel_number",
                              "the employer already has an employee with this personnel number");
    }
    if (taken.failed()) return taken.error();
    Statement insert(*statements_,
                     "INSERT INTO employees (employer_id, name, personnel_number) VALUES (?, ?, ?)");
    if (auto ran = insert.bind(1, employer_id).bind(2, name).bind(3, personnel_number).run();
        !ran.ok()) {
      return ran;
    }
    id = sqlite3_last_insert_rowid(db_);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::int64_t> SqliteStore::create_case(std::int64_t employee_id,
                                              std::string_view created_at) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    auto inserted = insert_case(std::nullopt, employee_id, created_at);
    if (!inserted.ok()) return inserted.error();
    id = *inserted;
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Status SqliteStore::create_case_with_id(std::int64_t case_id, std::int64_t employee_id,
                                        std::string_view created_at) {
  return transaction([&]() -> Status {
    Statement taken(*statements_, "SELECT 1 FROM cases WHERE id = ?");
    if (taken.bind(1, case_id).step()) {
      return core::make_error("conflict", "case_id",
                              "case " + std::to_string(case_id) + " exists already");
    }
    if (taken.failed()) return taken.error();
    auto inserted = insert_case(case_id, employee_id, created_at);
    if (!inserted.ok()) return inserted.error();
    return core::ok_status();
  });
}

// The case row and its first summary row (status "no_sickness", last_seq 0). REQUIRES: inside a
// transaction.
Result<std::int64_t> SqliteStore::insert_case(std::optional<std::int64_t> case_id,
                                              std::int64_t employee_id,
                                              std::string_view created_at) {
  if (auto found = require_row("SELECT 1 FROM employees WHERE id = ?", employee_id,
                               "employee_id", "employee");
      !found.ok()) {
    return found.error();
  }
  Statement insert(*statements_,
                   "INSERT INTO cases (id, employee_id, created_at) VALUES (?, ?, ?)");
  if (case_id) {
    insert.bind(1, *case_id);
  } else {
    insert.bind(1, std::optional<std::string>());  // NULL: SQLite picks the next id
  }
  if (auto ran = insert.bind(2, employee_id).bind(3, created_at).run(); !ran.ok()) {
    return ran.error();
  }
  const std::int64_t id = sqlite3_last_insert_rowid(db_);
  CaseSummary summary;
  summary.case_id = id;
  summary.status = "no_sickness";
  summary.last_hash = std::string(core::kGenesisHash);
  summary.updated_at = std::string(created_at);
  if (auto written = write_summary(summary); !written.ok()) return written.error();
  return id;
}

Result<CaseRecord> SqliteStore::find_case_for_update(std::int64_t case_id) {
  // Inside a write transaction (BEGIN IMMEDIATE) no other writer runs: nothing more to hold.
  return find_case(case_id);
}

Result<CaseRecord> SqliteStore::find_case(std::int64_t case_id) {
  Statement query(*statements_,
                  "SELECT c.id, c.employee_id, e.employer_id, r.name, e.name, c.created_at "
                  "FROM cases c JOIN employees e ON e.id = c.employee_id "
                  "JOIN employers r ON r.id = e.employer_id WHERE c.id = ?");
  if (!query.bind(1, case_id).step()) {
    if (query.failed()) return query.error();
    return core::make_error("not_found", "case", "no case with id " + std::to_string(case_id));
  }
  return CaseRecord{query.integer(0), query.integer(1), query.integer(2),
                    query.text(3),    query.text(4),    query.text(5)};
}

Result<std::vector<std::int64_t>> SqliteStore::list_case_ids() {
  Statement query(*statements_, "SELECT id FROM cases ORDER BY id");
  std::vector<std::int64_t> ids;
  while (query.step()) ids.push_back(query.integer(0));
  if (query.failed()) return query.error();
  return ids;
}

Result<std::vector<Employer>> SqliteStore::list_employers() {
  Statement query(*statements_, "SELECT id, name FROM employers ORDER BY id");
  std::vector<Employer> employers;
  while (query.step()) employers.push_back(Employer{query.integer(0), query.text(1)});
  if (query.failed()) return query.error();
  return employers;
}

namespace {

// Reads the entries a query of kEntryColumns returns.
Result<std::vector<core::Entry>> read_entries(Statement& query, std::int64_t case_id) {
  std::vector<core::Entry> entries;
  while (query.step()) {
    auto entry = detail::decode_entry(
        case_id, {query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                  query.text(5), query.text(6), query.optional_text(7), query.text(8),
                  query.text(9)});
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(*entry));
  }
  if (query.failed()) return query.error();
  return entries;
}

// core::fold_relevant_entries() in SQL, with the date-only types taken from the core: every
// entry that is not of such a type, those a correction names, and the earliest other one by
// (occurred_on, seq). Dates are ISO text, so they order as text. ?1 is the case.
std::string fold_relevant_entries_sql() {
  const std::string& date_only_types = detail::date_only_types_sql();
  const std::string columns(detail::kEntryColumns);
  return "WITH named(seq) AS (SELECT json_extract(payload, '$.corrects_seq') FROM entries "
         "WHERE case_id = ?1 AND type = 'correction' AND "
         "json_extract(payload, '$.corrects_seq') IS NOT NULL), "
         "earliest(seq) AS (SELECT seq FROM entries WHERE case_id = ?1 AND type IN (" +
         date_only_types +
         ") AND seq NOT IN (SELECT seq FROM named) ORDER BY occurred_on, seq LIMIT 1) "
         "SELECT " + columns + " FROM entries WHERE case_id = ?1 AND (type NOT IN (" +
         date_only_types +
         ") OR seq IN (SELECT seq FROM named) OR seq IN (SELECT seq FROM earliest)) "
         "ORDER BY seq";
}

}  // namespace

Result<std::vector<core::Entry>> SqliteStore::load_entries(std::int64_t case_id) {
  static const std::string sql =
      "SELECT " + std::string(detail::kEntryColumns) + " FROM entries WHERE case_id = ? ORDER BY seq";
  Statement query(*statements_, sql);
  query.bind(1, case_id);
  return read_entries(query, case_id);
}

Result<AppendBasis> SqliteStore::load_append_basis(std::int64_t case_id) {
  static const std::string sql = fold_relevant_entries_sql();
  Statement query(*statements_, sql);
  query.bind(1, case_id);
  auto entries = read_entries(query, case_id);
  if (!entries.ok()) return entries.error();
  auto tail = last_entry(case_id);
  if (!tail.ok()) return tail.error();
  return AppendBasis{std::move(*entries), tail->first, std::move(tail->second)};
}

Result<std::pair<std::int64_t, std::string>> SqliteStore::last_entry(std::int64_t case_id) {
  Statement last(*statements_,
                 "SELECT seq, hash FROM entries WHERE case_id = ? ORDER BY seq DESC LIMIT 1");
  std::pair<std::int64_t, std::string> tail{0, std::string(core::kGenesisHash)};
  if (last.bind(1, case_id).step()) tail = {last.integer(0), last.text(1)};
  if (last.failed()) return last.error();
  return tail;
}

Status SqliteStore::append_one(const AppendRequest& request) {
  const core::Entry& entry = request.entry;
  if (auto found = require_row("SELECT 1 FROM cases WHERE id = ?", entry.case_id, "case", "case");
      !found.ok()) {
    return found;
  }
  auto tail = last_entry(entry.case_id);
  if (!tail.ok()) return tail.error();
  const auto& [last_seq, last_hash] = *tail;
  if (entry.seq != last_seq + 1 || entry.prev_hash != last_hash) {
    return detail::stale_append(entry.case_id, last_seq, entry.seq);
  }
  Statement insert(*statements_,
                   "INSERT INTO entries (case_id, seq, type, occurred_on, recorded_at, actor, "
                   "visibility, payload, medical, prev_hash, hash) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, entry.case_id)
      .bind(2, entry.seq)
      .bind(3, core::entry_type_name(entry.type))
      .bind(4, std::optional<core::Date>(entry.occurred_on))
      .bind(5, entry.recorded_at)
      .bind(6, entry.actor)
      .bind(7, core::visibility_name(entry.visibility))
      .bind(8, entry.payload)
      .bind(9, entry.medical)
      .bind(10, entry.prev_hash)
      .bind(11, entry.hash);
  if (auto ran = insert.run(); !ran.ok()) return ran;
  if (request.summary) return write_summary(*request.summary);
  return core::ok_status();
}

Status SqliteStore::append(const AppendRequest& request) {
  return transaction([&] { return append_one(request); });
}

Status SqliteStore::append_batch(std::span<const AppendRequest> requests) {
  return transaction([&]() -> Status {
    for (const auto& request : requests) {
      if (auto status = append_one(request); !status.ok()) return status;
    }
    return core::ok_status();
  });
}

Status SqliteStore::write_summary(const CaseSummary& summary) {
  // The tenancy columns come from the case itself, never from the caller.
  Statement upsert(*statements_,
                   "INSERT INTO case_summaries (case_id, employer_id, employee_id, status, "
                   "first_sick_day, next_deadline_key, next_deadline_due, waiting_period_end, "
                   "last_sick_day, interruption_days, last_seq, last_hash, updated_at) "
                   "SELECT c.id, e.employer_id, c.employee_id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                   "?10, ?11 "
                   "FROM cases c JOIN employees e ON e.id = c.employee_id WHERE c.id = ?1 "
                   "ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, "
                   "first_sick_day = excluded.first_sick_day, "
                   "next_deadline_key = excluded.next_deadline_key, "
                   "next_deadline_due = excluded.next_deadline_due, "
                   "waiting_period_end = excluded.waiting_period_end, "
                   "last_sick_day = excluded.last_sick_day, "
                   "interruption_days = excluded.interruption_days, "
                   "last_seq = excluded.last_seq, last_hash = excluded.last_hash, "
                   "updated_at = excluded.updated_at");
  upsert.bind(1, summary.case_id)
      .bind(2, summary.status)
      .bind(3, summary.first_sick_day)
      .bind(4, summary.next_deadline_key)
      .bind(5, summary.next_deadline_due)
      .bind(6, summary.waiting_period_end)
      .bind(7, summary.last_sick_day)
      .bind(8, summary.interruption_days)
      .bind(9, summary.last_seq)
      .bind(10, summary.last_hash)
      .bind(11, summary.updated_at);
  if (auto ran = upsert.run(); !ran.ok()) return ran;
  if (sqlite3_changes(db_) == 0) {
    return core::make_error("not_found", "case",
                            "no case with id " + std::to_string(summary.case_id));
  }
  return core::ok_status();
}

Status SqliteStore::put_summary(const CaseSummary& summary) {
  return transaction([&] { return write_summary(summary); });
}

Result<CaseSummary> SqliteStore::find_summary(std::int64_t case_id) {
  Statement query(*statements_, "SELECT " + std::string(kSummaryColumns) +
                           " FROM case_summaries s WHERE s.case_id = ?");
  if (!query.bind(1, case_id).step()) {
    if (query.failed()) return query.error();
    return core::make_error("not_found", "case", "no case with id " + std::to_string(case_id));
  }
  return read_summary(query, 0);
}

// The FROM and WHERE of a case listing (sqlite_case_filter.h): case_summaries s, with employees e
// joined when the listing needs it (names, the name search, or a team's reach). Every value is
// bound; only fixed fragments and "?" placeholders are joined into the text.
std::string case_filter_sql(const CaseFilter& filter, bool join_employees, FilterValues& values) {
  const CaseReachFilter& reach = filter.reach;
  join_employees = join_employees || (!reach.unrestricted && reach.team_manager) ||
                   !filter.search.empty();
  std::string sql = join_employees
                        ? "FROM case_summaries s JOIN employees e ON e.id = s.employee_id "
                          "JOIN employers r ON r.id = s.employer_id WHERE 1 = 1"
                        : "FROM case_summaries s WHERE 1 = 1";
  if (filter.employee_id) {
    sql += " AND s.employee_id = ?";
    values.emplace_back(*filter.employee_id);
  }
  if (filter.due_on_or_before) {
    sql += " AND s.next_deadline_due <= ?";
    values.emplace_back(core::format_iso_date(*filter.due_on_or_before));
  }
  if (filter.due_on_or_after) {
    sql += " AND s.next_deadline_due >= ?";
    values.emplace_back(core::format_iso_date(*filter.due_on_or_after));
  }
  if (filter.open_only) sql += " AND s.status <> 'recovered'";
  if (filter.employer_id) {
    sql += " AND s.employer_id = ?";
    values.emplace_back(*filter.employer_id);
  }
  if (filter.status) {
    sql += " AND s.status = ?";
    values.emplace_back(*filter.status);
  }
  if (filter.assignee_id) {
    sql += " AND EXISTS (SELECT 1 FROM case_assignees a WHERE a.case_id = s.case_id AND "
           "a.user_id = ?)";
    values.emplace_back(*filter.assignee_id);
  }
  if (!filter.search.empty()) {
    // lower() folds A-Z only (SQLite without ICU), as detail::search_like_pattern does.
    sql += " AND (lower(e.name) LIKE ? ESCAPE '\\' OR e.personnel_number = ?)";
    values.emplace_back(detail::search_like_pattern(filter.search));
    values.emplace_back(filter.search);
  }
  if (!filter.next_deadline_keys.empty()) {
    sql += " AND s.next_deadline_key IN (";
    for (std::size_t i = 0; i < filter.next_deadline_keys.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      values.emplace_back(filter.next_deadline_keys[i]);
    }
    sql += ")";
  }
  if (filter.waiting_period_end_on_or_before) {
    sql += " AND s.waiting_period_end <= ?";
    values.emplace_back(core::format_iso_date(*filter.waiting_period_end_on_or_before));
  }
  if (!reach.unrestricted) {
    // Each way of reaching a case is one alternative. The employers are one IN list, so that a
    // reach of employers alone is a plain AND that case_summaries_by_employer_due serves (one
    // range per employer; a chain of ORs made SQLite walk every case due before the day).
    std::vector<std::string> alternatives;
    if (!reach.employer_ids.empty()) {
      std::string in = "s.employer_id IN (";
      for (std::size_t i = 0; i < reach.employer_ids.size(); ++i) {
        in += i == 0 ? "?" : ", ?";
        values.emplace_back(reach.employer_ids[i]);
      }
      alternatives.push_back(in + ")");
    }
    if (reach.team_manager) {
      alternatives.push_back("e.manager_user_id = ?");
      values.emplace_back(*reach.team_manager);
    }
    if (reach.provider_id) {
      // The office's cases as a list (case_providers_by_provider), so that a coach's dashboard
      // reads the office's cases, not every summary with a lookup each.
      alternatives.push_back(
          "s.case_id IN (SELECT p.case_id FROM case_providers p WHERE p.provider_id = ?)");
      values.emplace_back(*reach.provider_id);
    }
    if (reach.own_employee) {
      alternatives.push_back("s.employee_id = ?");
      values.emplace_back(*reach.own_employee);
    }
    if (alternatives.empty()) {
      sql += " AND 0";
    } else if (alternatives.size() == 1) {
      sql += " AND " + alternatives.front();
    } else {
      sql += " AND (";
      for (std::size_t i = 0; i < alternatives.size(); ++i) {
        if (i > 0) sql += " OR ";
        sql += alternatives[i];
      }
      sql += ")";
    }
  }
  return sql;
}

void bind_values(Statement& query, const FilterValues& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (const auto* number = std::get_if<std::int64_t>(&values[i])) {
      query.bind(index, *number);
    } else {
      query.bind(index, std::get<std::string>(values[i]));
    }
  }
}

Result<std::vector<CaseListing>> SqliteStore::list_cases(const CaseFilter& filter) {
  FilterValues values;
  std::string sql = "SELECT " + std::string(kSummaryColumns) +
                    ", s.employer_id, s.employee_id, r.name, e.name, e.personnel_number " +
                    case_filter_sql(filter, true, values);
  sql += " ORDER BY s.next_deadline_due IS NULL, s.next_deadline_due, s.case_id LIMIT ? OFFSET ?";
  values.emplace_back(filter.limit);
  values.emplace_back(filter.offset);
  Statement query(*statements_, sql);
  bind_values(query, values);
  std::vector<CaseListing> listings;
  while (query.step()) {
    constexpr int n = kSummaryColumnCount;
    listings.push_back(CaseListing{read_summary(query, 0), query.integer(n), query.integer(n + 1),
                                   query.text(n + 2), query.text(n + 3), query.text(n + 4)});
  }
  if (query.failed()) return query.error();
  return listings;
}

Result<std::int64_t> SqliteStore::count_cases(const CaseFilter& filter) {
  FilterValues values;
  Statement query(*statements_, "SELECT count(*) " + case_filter_sql(filter, false, values));
  bind_values(query, values);
  if (!query.step()) return query.error();
  return query.integer(0);
}

}  // namespace spoorboek::store
