#include "store/postgres_store.h"

#include "core/case_file_fold.h"
#include "core/entry_hash.h"
#include "store/case_search.h"
#include "store/migrations.h"
#include "store/pg_connection.h"
#include "store/postgres_case_filter.h"
#include "store/store_rows.h"

namespace spoorboek::store {
namespace {

using detail::PgParams;
using detail::PgRows;

// Any constant both backends agree never to use for anything else: pg_advisory_xact_lock's key
// for "the schema is being migrated" ("spoorbk" in ASCII).
constexpr std::int64_t kMigrationLockKey = 0x73706f6f72626b;

constexpr std::string_view kSummaryColumns =
    "s.case_id, s.status, s.first_sick_day, s.next_deadline_key, s.next_deadline_due, "
    "s.waiting_period_end, s.last_sick_day, s.interruption_days, s.last_seq, s.last_hash, "
    "s.updated_at";
constexpr int kSummaryColumnCount = 11;

CaseSummary read_summary(const PgRows& rows, int row, int first) {
  CaseSummary summary;
  summary.case_id = rows.integer(row, first);
  summary.status = rows.text(row, first + 1);
  summary.first_sick_day = rows.optional_date(row, first + 2);
  summary.next_deadline_key = rows.optional_text(row, first + 3);
  summary.next_deadline_due = rows.optional_date(row, first + 4);
  summary.waiting_period_end = rows.optional_date(row, first + 5);
  summary.last_sick_day = rows.optional_date(row, first + 6);
  summary.interruption_days = rows.integer(row, first + 7);
  summary.last_seq = rows.integer(row, first + 8);
  summary.last_hash = rows.text(row, first + 9);
  summary.updated_at = rows.text(row, first + 10);
  return summary;
}

Result<std::vector<core::Entry>> read_entries(const PgRows& rows, std::int64_t case_id) {
  std::vector<core::Entry> entries;
  entries.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    auto entry = detail::decode_entry(
        case_id, {rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3),
                  rows.text(row, 4), rows.text(row, 5), rows.text(row, 6),
                  rows.optional_text(row, 7), rows.text(row, 8), rows.text(row, 9)});
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(*entry));
  }
  return entries;
}

// core::fold_relevant_entries() in SQL, as SqliteStore does it: every entry not of a date-only
// type, those a correction names, and the earliest other one by (occurred_on, seq). $1 is the
// case. The payload is text (kept exactly as hashed); ->> reads it as JSON.
std::string fold_relevant_entries_sql() {
  const std::string& date_only_types = detail::date_only_types_sql();
  const std::string columns(detail::kEntryColumns);
  return "WITH named(seq) AS (SELECT (payload::jsonb ->> 'corrects_seq')::bigint FROM entries "
         "WHERE case_id = $1 AND type = 'correction' AND "
         "payload::jsonb ->> 'corrects_seq' IS NOT NULL), "
         "earliest(seq) AS (SELECT seq FROM entries WHERE case_id = $1 AND type IN (" +
         date_only_types +
         ") AND seq NOT IN (SELECT seq FROM named WHERE seq IS NOT NULL) "
         "ORDER BY occurred_on, seq LIMIT 1) "
         "SELECT " + columns + " FROM entries WHERE case_id = $1 AND (type NOT IN (" +
         date_only_types +
         ") OR seq IN (SELECT seq FROM named) OR seq IN (SELECT seq FROM earliest)) "
         "ORDER BY seq";
}

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& uri) {
  auto connection = detail::PgConnection::connect(uri);
  if (!connection.ok()) return connection.error();
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(*connection)));
}

PostgresStore::PostgresStore(std::unique_ptr<detail::PgConnection> connection)
    : db_(std::move(connection)) {}

PostgresStore::~PostgresStore() = default;

Status PostgresStore::set_synchronous_commit_off() {
  return db_->script("SET synchronous_commit = off");
}

Status PostgresStore::transaction(const std::function<Status()>& work) {
  return db_->transaction(work);
}

Result<int> PostgresStore::schema_version() {
  auto exists = db_->query("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (!exists.ok()) return exists.error();
  if (!exists->boolean(0, 0)) return 0;
  auto version = db_->query("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!version.ok()) return version.error();
  return static_cast<int>(version->integer(0, 0));
}

Result<bool> PostgresStore::holds_sealed_data() {
  auto version = schema_version();
  if (!version.ok()) return version.error();
  if (*version == 0) return false;
  auto query = db_->query(
      *version >= 2 ? "SELECT EXISTS (SELECT 1 FROM entries WHERE medical IS NOT NULL) OR "
                      "EXISTS (SELECT 1 FROM users WHERE totp_secret IS NOT NULL OR "
                      "totp_pending IS NOT NULL)"
                    : "SELECT EXISTS (SELECT 1 FROM entries WHERE medical IS NOT NULL)");
  if (!query.ok()) return query.error();
  return query->boolean(0, 0);
}

Status PostgresStore::migrate() {
  const auto migrations = detail::postgres_migrations();
  return transaction([&]() -> Status {
    // Two servers starting at once: the second waits here until the first has committed every
    // migration, then finds nothing left to apply.
    if (auto locked = db_->execute("SELECT pg_advisory_xact_lock($1)",
                                   PgParams().add(kMigrationLockKey));
        !locked.ok()) {
      return locked;
    }
    if (auto created = db_->script(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
            "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        !created.ok()) {
      return core::make_error(created.error().code, "db",
                              "not a usable database: " + created.error().message);
    }
    auto current = schema_version();
    if (!current.ok()) return current.error();
    if (!migrations.empty() && *current > migrations.back().version) {
      return core::make_error("storage", "db",
                              "the database has schema version " + std::to_string(*current) +
                                  ", newer than this program knows (" +
                                  std::to_string(migrations.back().version) + ")");
    }
    for (const auto& migration : migrations) {
      auto seen = db_->query("SELECT 1 FROM schema_migrations WHERE version = $1",
                             PgParams().add(std::int64_t{migration.version}));
      if (!seen.ok()) return seen.error();
      if (!seen->empty()) continue;
      if (auto ran = db_->script(migration.sql); !ran.ok()) {
        return core::make_error("storage", "db",
                                "migration " + std::string(migration.name) + " failed: " +
                                    ran.error().message);
      }
      if (auto recorded = db_->execute(
              "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
              PgParams().add(std::int64_t{migration.version}).add(migration.name));
          !recorded.ok()) {
        return recorded;
      }
    }
    return core::ok_status();
  });
}

Status PostgresStore::require_row(std::string_view sql, std::int64_t id, std::string_view field,
                                  std::string_view what) {
  auto rows = db_->query(sql, PgParams().add(id));
  if (!rows.ok()) return rows.error();
  if (!rows->empty()) return core::ok_status();
  return detail::missing_row(field, what, id);
}

Status PostgresStore::advance_identity(std::string_view table) {
  // setval is not transactional; a rolled-back load leaves the sequence ahead, which only skips
  // ids. The table name is one of the store's own constants, never input.
  const std::string sql = "SELECT setval(pg_get_serial_sequence('" + std::string(table) +
                          "', 'id'), greatest((SELECT max(id) FROM " + std::string(table) +
                          "), 1))";
  return db_->execute(sql);
}

Result<std::int64_t> PostgresStore::create_employer(std::string_view name) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    auto inserted =
        db_->query("INSERT INTO employers (name) VALUES ($1) RETURNING id", PgParams().add(name));
    if (!inserted.ok()) return inserted.error();
    id = inserted->integer(0, 0);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::int64_t> PostgresStore::create_employee(std::int64_t employer_id,
                                                    std::string_view name,
                                                    std::string_view personnel_number) {
  std::int64_t id = 0;
  const auto taken = [] {
    return core::make_error("conflict", "personnel_number",
                            "the employer already has an employee with this personnel number");
  };
  const Status status = transaction([&]() -> Status {
    if (auto found = require_row("SELECT 1 FROM employers WHERE id = $1", employer_id,
                                 "employer_id", "employer");
        !found.ok()) {
      return found;
    }
    auto existing = db_->query(
        "SELECT 1 FROM employees WHERE employer_id = $1 AND personnel_number = $2",
        PgParams().add(employer_id).add(personnel_number));
    if (!existing.ok()) return existing.error();
    if (!existing->empty()) return taken();
    auto inserted = db_->query(
        "INSERT INTO employees (employer_id, name, personnel_number) VALUES ($1, $2, $3) "
        "RETURNING id",
        PgParams().add(employer_id).add(name).add(personnel_number));
    // Another server added the same number after our check: the same answer as the check's.
    if (!inserted.ok() && db_->last_sqlstate() == detail::kUniqueViolation) return taken();
    if (!inserted.ok()) return inserted.error();
    id = inserted->integer(0, 0);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::int64_t> PostgresStore::create_case(std::int64_t employee_id,
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

Status PostgresStore::create_case_with_id(std::int64_t case_id, std::int64_t employee_id,
                                          std::string_view created_at) {
  const auto taken = [case_id] {
    return core::make_error("conflict", "case_id",
                            "case " + std::to_string(case_id) + " exists already");
  };
  return transaction([&]() -> Status {
    auto existing = db_->query("SELECT 1 FROM cases WHERE id = $1", PgParams().add(case_id));
    if (!existing.ok()) return existing.error();
    if (!existing->empty()) return taken();
    auto inserted = insert_case(case_id, employee_id, created_at);
    if (!inserted.ok() && db_->last_sqlstate() == detail::kUniqueViolation) return taken();
    if (!inserted.ok()) return inserted.error();
    return advance_identity("cases");
  });
}

// The case row and its first summary row. REQUIRES: inside a transaction.
Result<std::int64_t> PostgresStore::insert_case(std::optional<std::int64_t> case_id,
                                                std::int64_t employee_id,
                                                std::string_view created_at) {
  if (auto found = require_row("SELECT 1 FROM employees WHERE id = $1", employee_id,
                               "employee_id", "employee");
      !found.ok()) {
    return found.error();
  }
  auto inserted =
      case_id ? db_->query("INSERT INTO cases (id, employee_id, created_at) VALUES ($1, $2, $3) "
                           "RETURNING id",
                           PgParams().add(*case_id).add(employee_id).add(created_at))
              : db_->query("INSERT INTO cases (employee_id, created_at) VALUES ($1, $2) "
                           "RETURNING id",
                           PgParams().add(employee_id).add(created_at));
  if (!inserted.ok()) return inserted.error();
  const std::int64_t id = inserted->integer(0, 0);
  CaseSummary summary;
  summary.case_id = id;
  summary.status = "no_sickness";
  summary.last_hash = std::string(core::kGenesisHash);
  summary.updated_at = std::string(created_at);
  if (auto written = write_summary(summary); !written.ok()) return written.error();
  return id;
}

namespace {
constexpr std::string_view kFindCaseSql =
    "SELECT c.id, c.employee_id, e.employer_id, r.name, e.name, c.created_at "
    "FROM cases c JOIN employees e ON e.id = c.employee_id "
    "JOIN employers r ON r.id = e.employer_id WHERE c.id = $1";
}  // namespace

Result<CaseRecord> PostgresStore::find_case_with(std::string_view sql, std::int64_t case_id) {
  auto rows = db_->query(sql, PgParams().add(case_id));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) {
    return core::make_error("not_found", "case", "no case with id " + std::to_string(case_id));
  }
  return CaseRecord{rows->integer(0, 0), rows->integer(0, 1), rows->integer(0, 2),
                    rows->text(0, 3),    rows->text(0, 4),    rows->text(0, 5)};
}

Result<CaseRecord> PostgresStore::find_case(std::int64_t case_id) {
  return find_case_with(kFindCaseSql, case_id);
}

Result<CaseRecord> PostgresStore::find_case_for_update(std::int64_t case_id) {
  // Only the case's row is locked (OF c): the employee and employer rows stay free for others.
  static const std::string sql = std::string(kFindCaseSql) + " FOR UPDATE OF c";
  return find_case_with(sql, case_id);
}

Result<std::vector<std::int64_t>> PostgresStore::list_case_ids() {
  auto rows = db_->query("SELECT id FROM cases ORDER BY id");
  if (!rows.ok()) return rows.error();
  std::vector<std::int64_t> ids;
  ids.reserve(static_cast<std::size_t>(rows->size()));
  for (int row = 0; row < rows->size(); ++row) ids.push_back(rows->integer(row, 0));
  return ids;
}

Result<std::vector<Employer>> PostgresStore::list_employers() {
  auto rows = db_->query("SELECT id, name FROM employers ORDER BY id");
  if (!rows.ok()) return rows.error();
  std::vector<Employer> employers;
  for (int row = 0; row < rows->size(); ++row) {
    employers.push_back(Employer{rows->integer(row, 0), rows->text(row, 1)});
  }
  return employers;
}

Result<std::vector<core::Entry>> PostgresStore::load_entries(std::int64_t case_id) {
  static const std::string sql =
      "SELECT " + std::string(detail::kEntryColumns) + " FROM entries WHERE case_id = $1 ORDER BY seq";
  auto rows = db_->query(sql, PgParams().add(case_id));
  if (!rows.ok()) return rows.error();
  return read_entries(*rows, case_id);
}

Result<AppendBasis> PostgresStore::load_append_basis(std::int64_t case_id) {
  static const std::string sql = fold_relevant_entries_sql();
  auto rows = db_->query(sql, PgParams().add(case_id));
  if (!rows.ok()) return rows.error();
  auto entries = read_entries(*rows, case_id);
  if (!entries.ok()) return entries.error();
  auto last = db_->query("SELECT seq, hash FROM entries WHERE case_id = $1 ORDER BY seq DESC LIMIT 1",
                         PgParams().add(case_id));
  if (!last.ok()) return last.error();
  if (last->empty()) return AppendBasis{std::move(*entries), 0, std::string(core::kGenesisHash)};
  return AppendBasis{std::move(*entries), last->integer(0, 0), last->text(0, 1)};
}

Status PostgresStore::append_one(const AppendRequest& request) {
  const core::Entry& entry = request.entry;
  if (auto found = require_row("SELECT 1 FROM cases WHERE id = $1", entry.case_id, "case", "case");
      !found.ok()) {
    return found;
  }
  auto last = db_->query("SELECT seq, hash FROM entries WHERE case_id = $1 ORDER BY seq DESC LIMIT 1",
                         PgParams().add(entry.case_id));
  if (!last.ok()) return last.error();
  const std::int64_t last_seq = last->empty() ? 0 : last->integer(0, 0);
  const std::string last_hash =
      last->empty() ? std::string(core::kGenesisHash) : last->text(0, 1);
  if (entry.seq != last_seq + 1 || entry.prev_hash != last_hash) {
    return detail::stale_append(entry.case_id, last_seq, entry.seq);
  }
  auto inserted = db_->query(
      "INSERT INTO entries (case_id, seq, type, occurred_on, recorded_at, actor, visibility, "
      "payload, medical, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      PgParams()
          .add(entry.case_id)
          .add(entry.seq)
          .add(core::entry_type_name(entry.type))
          .add(std::optional<core::Date>(entry.occurred_on))
          .add(entry.recorded_at)
          .add(entry.actor)
          .add(core::visibility_name(entry.visibility))
          .add(entry.payload)
          .add(entry.medical)
          .add(entry.prev_hash)
          .add(entry.hash));
  // Another server's append to this case committed between our check and our insert: the
  // primary key (case_id, seq) let exactly one of the two through.
  if (!inserted.ok() && db_->last_sqlstate() == detail::kUniqueViolation) {
    return detail::stale_append(entry.case_id, last_seq + 1, entry.seq);
  }
  if (!inserted.ok()) return inserted.error();
  if (request.summary) return write_summary(*request.summary);
  return core::ok_status();
}

Status PostgresStore::append(const AppendRequest& request) {
  return transaction([&] { return append_one(request); });
}

Status PostgresStore::append_batch(std::span<const AppendRequest> requests) {
  return transaction([&]() -> Status {
    for (const auto& request : requests) {
      if (auto status = append_one(request); !status.ok()) return status;
    }
    return core::ok_status();
  });
}

Status PostgresStore::write_summary(const CaseSummary& summary) {
  // The tenancy columns come from the case itself, never from the caller.
  auto written = db_->query(
      "INSERT INTO case_summaries (case_id, employer_id, employee_id, status, first_sick_day, "
      "next_deadline_key, next_deadline_due, waiting_period_end, last_sick_day, "
      "interruption_days, last_seq, last_hash, updated_at) "
      "SELECT c.id, e.employer_id, c.employee_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 "
      "FROM cases c JOIN employees e ON e.id = c.employee_id WHERE c.id = $1 "
      "ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, "
      "first_sick_day = excluded.first_sick_day, "
      "next_deadline_key = excluded.next_deadline_key, "
      "next_deadline_due = excluded.next_deadline_due, "
      "waiting_period_end = excluded.waiting_period_end, "
      "last_sick_day = excluded.last_sick_day, "
      "interruption_days = excluded.interruption_days, "
      "last_seq = excluded.last_seq, last_hash = excluded.last_hash, "
      "updated_at = excluded.updated_at",
      PgParams()
          .add(summary.case_id)
          .add(summary.status)
          .add(summary.first_sick_day)
          .add(summary.next_deadline_key)
          .add(summary.next_deadline_due)
          .add(summary.waiting_period_end)
          .add(summary.last_sick_day)
          .add(summary.interruption_days)
          .add(summary.last_seq)
          .add(summary.last_hash)
          .add(summary.updated_at));
  if (!written.ok()) return written.error();
  if (written->affected() == 0) {
    return core::make_error("not_found", "case",
                            "no case with id " + std::to_string(summary.case_id));
  }
  return core::ok_status();
}

Status PostgresStore::put_summary(const CaseSummary& summary) {
  return transaction([&] { return write_summary(summary); });
}

Result<CaseSummary> PostgresStore::find_summary(std::int64_t case_id) {
  static const std::string sql =
      "SELECT " + std::string(kSummaryColumns) + " FROM case_summaries s WHERE s.case_id = $1";
  auto rows = db_->query(sql, PgParams().add(case_id));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) {
    return core::make_error("not_found", "case", "no case with id " + std::to_string(case_id));
  }
  return read_summary(*rows, 0, 0);
}

// The FROM and WHERE of a case listing (postgres_case_filter.h): case_summaries s, with employees
// e (and employers r) joined when the listing needs them (names, the name search, or a team's
// reach). Every value is a parameter; only fixed fragments and $n placeholders are joined into
// the text. A reach of many employers (and a list of deadline keys) is one array parameter
// (= ANY), so that the text, and with it the prepared statement, stays the same for any number
// of them.
std::string case_filter_sql(const CaseFilter& filter, bool join_employees, PgParams& params) {
  const CaseReachFilter& reach = filter.reach;
  join_employees = join_employees || (!reach.unrestricted && reach.team_manager) ||
                   !filter.search.empty();
  std::string sql = join_employees
                        ? "FROM case_summaries s JOIN employees e ON e.id = s.employee_id "
                          "JOIN employers r ON r.id = s.employer_id WHERE true"
                        : "FROM case_summaries s WHERE true";
  const auto placeholder = [&params] { return "$" + std::to_string(params.size() + 1); };
  if (filter.employee_id) {
    sql += " AND s.employee_id = " + placeholder();
    params.add(*filter.employee_id);
  }
  if (filter.due_on_or_before) {
    sql += " AND s.next_deadline_due <= " + placeholder();
    params.add(std::optional<core::Date>(*filter.due_on_or_before));
  }
  if (filter.due_on_or_after) {
    sql += " AND s.next_deadline_due >= " + placeholder();
    params.add(std::optional<core::Date>(*filter.due_on_or_after));
  }
  if (filter.open_only) sql += " AND s.status <> 'recovered'";
  if (filter.employer_id) {
    sql += " AND s.employer_id = " + placeholder();
    params.add(*filter.employer_id);
  }
  if (filter.status) {
    sql += " AND s.status = " + placeholder();
    params.add(*filter.status);
  }
  if (filter.assignee_id) {
    sql += " AND EXISTS (SELECT 1 FROM case_assignees a WHERE a.case_id = s.case_id AND "
           "a.user_id = " + placeholder() + ")";
    params.add(*filter.assignee_id);
  }
  if (!filter.search.empty()) {
    // lower() in the "C" collation folds A-Z only, as SQLite's lower() and
    // detail::search_like_pattern do, whatever the database's locale. Inside a CASE on the join
    // it is tested on the cases the other conditions leave, after the join: on its own the
    // planner would test every employee of the database first (no index serves a part of a name).
    sql += " AND CASE WHEN e.id = s.employee_id THEN (lower(e.name COLLATE \"C\") LIKE " +
           placeholder();
    params.add(detail::search_like_pattern(filter.search));
    sql += " ESCAPE '\\' OR e.personnel_number = " + placeholder() + ") END";
    params.add(filter.search);
  }
  if (!filter.next_deadline_keys.empty()) {
    // One text[] literal: each key double-quoted, its " and \ escaped, so any text stays itself.
    std::string array = "{";
    for (std::size_t i = 0; i < filter.next_deadline_keys.size(); ++i) {
      array += i > 0 ? ",\"" : "\"";
      for (const char c : filter.next_deadline_keys[i]) {
        if (c == '"' || c == '\\') array += '\\';
        array += c;
      }
      array += '"';
    }
    array += "}";
    sql += " AND s.next_deadline_key = ANY(" + placeholder() + "::text[])";
    params.add(array);
  }
  if (filter.waiting_period_end_on_or_before) {
    sql += " AND s.waiting_period_end <= " + placeholder();
    params.add(std::optional<core::Date>(*filter.waiting_period_end_on_or_before));
  }
  if (!reach.unrestricted) {
    std::vector<std::string> clauses;
    if (!reach.employer_ids.empty()) {
      clauses.push_back("s.employer_id = ANY(" + placeholder() + "::bigint[])");
      params.add_ids(reach.employer_ids);
    }
    if (reach.team_manager) {
      clauses.push_back("e.manager_user_id = " + placeholder());
      params.add(*reach.team_manager);
    }
    if (reach.provider_id) {
      clauses.push_back("EXISTS (SELECT 1 FROM case_providers p WHERE p.case_id = s.case_id "
                        "AND p.provider_id = " + placeholder() + ")");
      params.add(*reach.provider_id);
    }
    if (reach.own_employee) {
      clauses.push_back("s.employee_id = " + placeholder());
      params.add(*reach.own_employee);
    }
    if (clauses.empty()) {
      sql += " AND false";
    } else {
      sql += " AND (";
      for (std::size_t i = 0; i < clauses.size(); ++i) sql += (i ? " OR " : "") + clauses[i];
      sql += ")";
    }
  }
  return sql;
}

Result<std::vector<CaseListing>> PostgresStore::list_cases(const CaseFilter& filter) {
  PgParams params;
  std::string sql = "SELECT " + std::string(kSummaryColumns) +
                    ", s.employer_id, s.employee_id, r.name, e.name, e.personnel_number " +
                    case_filter_sql(filter, true, params);
  // Ascending dates put NULL last, as SQLite's "due IS NULL, due" does.
  sql += " ORDER BY s.next_deadline_due, s.case_id";
  if (filter.limit >= 0) {
    sql += " LIMIT $" + std::to_string(params.size() + 1);
    params.add(filter.limit);
  }
  sql += " OFFSET $" + std::to_string(params.size() + 1);
  params.add(filter.offset);
  auto rows = db_->query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<CaseListing> listings;
  listings.reserve(static_cast<std::size_t>(rows->size()));
  for (int row = 0; row < rows->size(); ++row) {
    constexpr int n = kSummaryColumnCount;
    listings.push_back(CaseListing{read_summary(*rows, row, 0), rows->integer(row, n),
                                   rows->integer(row, n + 1), rows->text(row, n + 2),
                                   rows->text(row, n + 3), rows->text(row, n + 4)});
  }
  return listings;
}

Result<std::int64_t> PostgresStore::count_cases(const CaseFilter& filter) {
  PgParams params;
  auto rows = db_->query("SELECT count(*) " + case_filter_sql(filter, false, params), params);
  if (!rows.ok()) return rows.error();
  return rows->integer(0, 0);
}

}  // namespace spoorboek::store
