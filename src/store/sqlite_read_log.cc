#include "store/sqlite_read_log.h"

#include <sqlite3.h>

#include "store/sqlite_statement.h"

namespace spoorboek::store::detail {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// The read log's own schema, made when the file is new. The log is append-only, like the entries.
constexpr std::string_view kSchema =
    "PRAGMA journal_mode=WAL;"
    "CREATE TABLE IF NOT EXISTS case_reads ("
    "  id          INTEGER PRIMARY KEY,"
    "  case_id     INTEGER NOT NULL,"
    "  user_id     INTEGER NOT NULL,"
    "  read_at     TEXT NOT NULL,"
    "  what        TEXT NOT NULL,"
    "  request_id  TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS case_reads_by_case ON case_reads(case_id);"
    "CREATE TRIGGER IF NOT EXISTS case_reads_are_never_updated BEFORE UPDATE ON case_reads "
    "BEGIN SELECT RAISE(ABORT, 'the read log is append-only'); END;"
    "CREATE TRIGGER IF NOT EXISTS case_reads_are_never_deleted BEFORE DELETE ON case_reads "
    "BEGIN SELECT RAISE(ABORT, 'the read log is append-only'); END;"
    "CREATE TABLE IF NOT EXISTS read_log_identity (id TEXT PRIMARY KEY);";

Result<bool> main_has_table(sqlite3* main_db, std::string_view table) {
  Statement query(main_db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  if (!query.bind(1, table).step()) return query.error();
  return query.integer(0) != 0;
}

// The id in the main file's read_log_link: nullopt before migration 0003 or before link().
Result<std::optional<std::string>> main_link_id(sqlite3* main_db) {
  auto has_link = main_has_table(main_db, "read_log_link");
  if (!has_link.ok()) return has_link.error();
  if (!*has_link) return std::optional<std::string>();
  Statement query(main_db, "SELECT id FROM read_log_link ORDER BY id LIMIT 1");
  if (!query.step()) {
    if (query.failed()) return query.error();
    return std::optional<std::string>();
  }
  return std::optional<std::string>(query.text(0));
}

}  // namespace

std::string SqliteReadLog::path_for(const std::string& db_path) {
  return db_path == ":memory:" ? db_path : db_path + ".reads";
}

Result<std::unique_ptr<SqliteReadLog>> SqliteReadLog::open(const std::string& db_path,
                                                           sqlite3* main_db,
                                                           bool synchronous_normal) {
  const std::string path = path_for(db_path);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    core::Error error = sqlite_error(db, "opening the read log '" + path + "'");
    sqlite3_close(db);
    return error;
  }
  std::unique_ptr<SqliteReadLog> log(new SqliteReadLog(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (auto made = execute_script(db, kSchema); !made.ok()) {
    return core::make_error("storage", "db",
                            "the read log '" + path + "' is not usable: " + made.error().message);
  }
  if (auto sync = execute_script(db, synchronous_normal ? "PRAGMA synchronous=NORMAL"
                                                        : "PRAGMA synchronous=FULL");
      !sync.ok()) {
    return sync.error();
  }
  if (auto belongs = log->check_belongs_to(main_db); !belongs.ok()) return belongs.error();
  return log;
}

SqliteReadLog::SqliteReadLog(sqlite3* db)
    : db_(db), statements_(std::make_unique<StatementCache>(db)) {}

SqliteReadLog::~SqliteReadLog() {
  statements_.reset();  // finalised before the connection closes
  sqlite3_close(db_);
}

Status SqliteReadLog::set_synchronous_normal() {
  return execute_script(db_, "PRAGMA synchronous=NORMAL");
}

Status SqliteReadLog::leave_checkpoints_to_caller() {
  return execute_script(db_, "PRAGMA wal_autocheckpoint=0");
}

Status SqliteReadLog::checkpoint() { return execute_script(db_, "PRAGMA wal_checkpoint(PASSIVE)"); }

Status SqliteReadLog::check_belongs_to(sqlite3* main_db) {
  auto id = main_link_id(main_db);
  if (!id.ok()) return id.error();
  if (!*id) return core::ok_status();  // not linked yet: link() does it after the migrations
  Statement query(*statements_, "SELECT count(*) FROM read_log_identity WHERE id = ?");
  if (!query.bind(1, **id).step()) return query.error();
  if (query.integer(0) == 0) {
    return core::make_error(
        "storage", "db",
        "the read log beside the database is missing or belongs to another database; restore "
        "the database together with its .reads file from the same backup");
  }
  return core::ok_status();
}

Status SqliteReadLog::link(sqlite3* main_db) {
  auto has_link = main_has_table(main_db, "read_log_link");
  if (!has_link.ok()) return has_link.error();
  if (!*has_link) {
    return core::make_error("storage", "db", "the database is not migrated (no read_log_link)");
  }
  auto id = main_link_id(main_db);
  if (!id.ok()) return id.error();
  if (!*id) {
    // A log that already holds reads belongs to a database that is gone (or to another one): it
    // is not adopted. (Ids without reads are left by an interrupted link; they stay harmless.)
    {
      Statement holds(*statements_, "SELECT EXISTS (SELECT 1 FROM case_reads)");
      if (!holds.step()) return holds.error();
      if (holds.integer(0) != 0) {
        return core::make_error("storage", "db",
                                "the read log beside the database holds the reads of another "
                                "database; move it away or restore the pair from one backup");
      }
    }
    // The read log first, then the main file: an interruption in between leaves an unused id in
    // the read log, never a main file that names a read log without it.
    std::string new_id;
    {
      Statement random(main_db, "SELECT lower(hex(randomblob(16)))");
      if (!random.step()) return random.error();
      new_id = random.text(0);
    }
    if (auto named = run_transaction(db_,
                                    [&]() -> Status {
                                      Statement insert(*statements_,
                                                       "INSERT INTO read_log_identity (id) "
                                                       "VALUES (?)");
                                      return insert.bind(1, new_id).run();
                                    });
        !named.ok()) {
      return named;
    }
    if (auto linked = run_transaction(main_db,
                                     [&]() -> Status {
                                       Statement insert(main_db,
                                                        "INSERT INTO read_log_link (id) "
                                                        "VALUES (?)");
                                       return insert.bind(1, new_id).run();
                                     });
        !linked.ok()) {
      return linked;
    }
  }
  if (auto belongs = check_belongs_to(main_db); !belongs.ok()) return belongs;
  return move_old_rows(main_db);
}

Status SqliteReadLog::move_old_rows(sqlite3* main_db) {
  auto has_old = main_has_table(main_db, "case_reads");
  if (!has_old.ok()) return has_old.error();
  if (!*has_old) return core::ok_status();
  Status copied = run_transaction(db_, [&]() -> Status {
    Statement rows(main_db,
                   "SELECT id, case_id, user_id, read_at, what, request_id FROM case_reads "
                   "ORDER BY id");
    while (rows.step()) {
      Statement insert(*statements_,
                       "INSERT OR IGNORE INTO case_reads "
                       "(id, case_id, user_id, read_at, what, request_id) "
                       "VALUES (?, ?, ?, ?, ?, ?)");
      if (auto ran = insert.bind(1, rows.integer(0))
                         .bind(2, rows.integer(1))
                         .bind(3, rows.integer(2))
                         .bind(4, rows.text(3))
                         .bind(5, rows.text(4))
                         .bind(6, rows.text(5))
                         .run();
          !ran.ok()) {
        return ran;
      }
    }
    if (rows.failed()) return rows.error();
    return core::ok_status();
  });
  if (!copied.ok()) return copied;
  // DROP TABLE fires no delete trigger: the rows are in the read log now.
  return run_transaction(main_db, [&] { return execute_script(main_db, "DROP TABLE case_reads"); });
}

Status SqliteReadLog::record(std::span<const CaseRead> reads) {
  return run_transaction(db_, [&]() -> Status {
    for (const auto& read : reads) {
      Statement insert(*statements_,
                       "INSERT INTO case_reads (case_id, user_id, read_at, what, request_id) "
                       "VALUES (?, ?, ?, ?, ?)");
      if (auto ran = insert.bind(1, read.case_id)
                         .bind(2, read.user_id)
                         .bind(3, read.read_at)
                         .bind(4, read.what)
                         .bind(5, read.request_id)
                         .run();
          !ran.ok()) {
        return ran;
      }
    }
    return core::ok_status();
  });
}

Result<std::vector<CaseRead>> SqliteReadLog::list(std::int64_t case_id) {
  Statement query(*statements_,
                  "SELECT case_id, user_id, read_at, what, request_id FROM case_reads "
                  "WHERE case_id = ? ORDER BY id");
  query.bind(1, case_id);
  std::vector<CaseRead> reads;
  while (query.step()) {
    reads.push_back(CaseRead{query.integer(0), query.integer(1), query.text(2), query.text(3),
                             query.text(4)});
  }
  if (query.failed()) return query.error();
  return reads;
}

}  // namespace spoorboek::store::detail
