// Backup and restore of a SQLite database: the main file and its read log (`<db>.reads`,
// sqlite_read_log.h) as one pair.
//
// A backup of `<db>` is the pair FILE and FILE.reads, made with SQLite's online backup API while
// a server may keep serving and writing:
// - Each file is copied from ONE read snapshot: the copying connection holds a read transaction
//   for the whole copy, so the copy is consistent and never restarts because a writer committed.
//   In WAL mode (every Spoorboek database) a reader blocks no writer: the server keeps writing
//   meanwhile; only checkpoints cannot pass the snapshot until the copy ends (the WAL grows by
//   what is written during the backup).
// - The copy runs in steps of `pages_per_step` pages so that one call never runs long.
// - The main file is copied first, the read log after: every read recorded before the main file's
//   snapshot is in the copied read log.
// - The copies are made under temporary names beside FILE (mode 0600: they hold personal data),
//   turned into rollback-journal files (so that they can be read on read-only media without -wal
//   or -shm files), checked like a restore checks them (check_sqlite_backup), flushed to disk and
//   only then renamed to FILE.reads and FILE (the main file last). A failed backup removes its
//   temporary files: it never leaves a half FILE.
// FILE is laid out like a database path (its read log at FILE.reads), so that the checks and
// the store's own pair check apply to it unchanged. A process killed during a backup can leave
// FILE.partial-XXXXXX files behind, never a FILE.
//
// The medical key file (`<db>.key`) is not part of the database; the CLI decides about it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"

namespace spoorboek::store {

using core::Result;
using core::Status;

// The newest schema version this program's SQLite migrations know.
int newest_sqlite_schema_version();

struct SqliteCopyOptions {
  int pages_per_step = 256;
  // Called after every step that left pages to copy (tests write from it to show that writers
  // are not blocked while a backup runs).
  std::function<void()> after_step;
};

// What a backup holds (or a copy in the making).
struct SqliteBackupInfo {
  int schema_version = 0;
  std::int64_t main_pages = 0;
  std::int64_t read_log_pages = 0;
};

// Copies the database at `db_path` and its read log to `out_path` and `out_path + ".reads"`.
// Errors: "not_found" (field "db": no database, or no read log beside it), "exists" (field "out":
// `out_path` or its read log exists and !replace_existing), "same_file" (field "out": the
// backup would replace the database itself), the codes of check_sqlite_backup for the copy (a
// database that is not a Spoorboek one: "not_initialised"), and "storage" (field "out" when
// writing failed). Nothing is left at `out_path` unless the whole backup succeeded.
Result<SqliteBackupInfo> backup_sqlite_database(const std::string& db_path,
                                                const std::string& out_path, bool replace_existing,
                                                const SqliteCopyOptions& options = {});

// Checks the backup pair at `path`, reading it only: both files pass PRAGMA integrity_check,
// the main file holds a Spoorboek schema not newer than this program's, and the read log is the
// one the main file names. Errors, all with field `field`: "not_found" (a file of the pair is
// missing), "corrupt_backup" (damaged, truncated, or not a database), "not_initialised" (no
// Spoorboek schema), "schema_too_new", "foreign_read_log" (the read log belongs to another
// database or the main file names none).
Result<SqliteBackupInfo> check_sqlite_backup(const std::string& path,
                                             const std::string& field = "from");

// Whether a connection of any process has the database at `path` or its read log open (a
// running server holds a lock on both as long as it runs). False for files that do not exist
// or are not databases. Errors: "storage".
Result<bool> sqlite_database_in_use(const std::string& path);

// A restore in two steps, so that the caller can check the copy (its hash chains, say) before it
// replaces anything: stage() copies a checked backup beside the target under temporary names,
// commit() renames it into place, and destroying an uncommitted restore removes the copy.
class SqliteRestore {
 public:
  // Checks the backup at `backup_path` (check_sqlite_backup, field "from") and the target, then
  // copies the pair beside `db_path`. Errors: those of check_sqlite_backup; "exists" (field
  // "db") when `db_path` or its read log exists and !replace_existing; "in_use" (field "db")
  // when a process has the target open; "same_file"; "storage".
  static Result<std::unique_ptr<SqliteRestore>> stage(const std::string& backup_path,
                                                      const std::string& db_path,
                                                      bool replace_existing,
                                                      const SqliteCopyOptions& options = {});
  ~SqliteRestore();
  SqliteRestore(const SqliteRestore&) = delete;
  SqliteRestore& operator=(const SqliteRestore&) = delete;

  // A database path (its read log beside it) holding the staged copy, to open and check.
  const std::string& staged_path() const { return staged_path_; }
  const SqliteBackupInfo& info() const { return info_; }

  // Puts the copy in place: checks again that no process has the target open ("in_use"),
  // removes the target's stale -wal and -shm files (a WAL left by the replaced database must
  // never be replayed onto the restored one), renames the read log and then the main file over
  // the target and flushes the directory. REQUIRES: no connection to staged_path() is open.
  Status commit();

 private:
  SqliteRestore(std::string db_path, std::string staged_path, SqliteBackupInfo info)
      : db_path_(std::move(db_path)), staged_path_(std::move(staged_path)), info_(info) {}

  std::string db_path_;
  std::string staged_path_;
  SqliteBackupInfo info_;
  bool committed_ = false;
};

}  // namespace spoorboek::store
