// Internal to the SQLite store: the read log (who read which case file, when) in a database file
// of its own, `<db>.reads`, next to the main file and its key file.
//
// Why a file of its own: every answer that shows a case file first commits its read. In the main
// file those commits moved the file's version hundreds of times a second, so every connection
// serving requests dropped its page cache and re-read pages, and a read's commit and an append
// waited for each other's write lock. Measured on the timeline route (bench/README.md): 24-26k
// requests/s with the log in the main file, 31-32k in a file of its own.
//
// The pair stays one database: the main file's read_log_link holds an id that the read log's
// read_log_identity must hold too. A read log that is missing (a new empty file is made in its
// place) or belongs to another database is refused with a clear error instead of silently
// starting an empty log. Writes to the read log never touch the main file; the one-time move of
// an older database's case_reads table copies the rows first (INSERT OR IGNORE by id, so an
// interrupted move repeats safely) and drops the old table after.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "store/account_records.h"
#include "store/store.h"

struct sqlite3;

namespace spoorboek::store::detail {

class StatementCache;

class SqliteReadLog {
 public:
  // The read log's file for the main database at `db_path` (":memory:" stays in memory).
  static std::string path_for(const std::string& db_path);

  // Opens (creating when missing) the read log of the main database `main_db` at `db_path` and
  // checks that it belongs to it. Links a new read log when the main file has a read_log_link
  // table without a row yet (see link()).
  static Result<std::unique_ptr<SqliteReadLog>> open(const std::string& db_path, sqlite3* main_db,
                                                     bool synchronous_normal);
  ~SqliteReadLog();
  SqliteReadLog(const SqliteReadLog&) = delete;
  SqliteReadLog& operator=(const SqliteReadLog&) = delete;

  // After the main file's migrations: links the pair (once) and moves an older database's rows.
  Status link(sqlite3* main_db);

  Status record(std::span<const CaseRead> reads);
  Result<std::vector<CaseRead>> list(std::int64_t case_id);
  Status set_synchronous_normal();
  // Commits no longer run checkpoints (with their fsync) themselves; whoever calls this must call
  // checkpoint() from a connection of its own regularly, or the WAL keeps growing.
  Status leave_checkpoints_to_caller();
  // A PASSIVE checkpoint: copies what no reader still needs into the file; never waits for or
  // blocks the writer.
  Status checkpoint();

 private:
  explicit SqliteReadLog(sqlite3* db);
  Status check_belongs_to(sqlite3* main_db);
  Status move_old_rows(sqlite3* main_db);

  sqlite3* db_;
  std::unique_ptr<StatementCache> statements_;
};

}  // namespace spoorboek::store::detail
