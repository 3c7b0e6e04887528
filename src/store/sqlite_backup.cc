#include "store/sqlite_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite_read_log.h"
#include "store/sqlite_statement.h"

namespace spoorboek::store {
namespace {

using detail::Statement;
using detail::execute_script;
namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 10000;
// backup_step() reports BUSY or LOCKED when it cannot get a lock at once; it is retried after a
// pause, for at most kMaxBusyRetries * kBusyPauseMs.
constexpr int kMaxBusyRetries = 200;
constexpr int kBusyPauseMs = 50;

// The files SQLite keeps beside a database while it is open or after a crash.
constexpr const char* kSideFileSuffixes[] = {"-wal", "-shm", "-journal"};

std::string read_log_path(const std::string& path) {
  return detail::SqliteReadLog::path_for(path);
}

core::Error system_error(std::string field, const std::string& doing, int error_number) {
  return core::make_error("storage", std::move(field), doing + ": " + std::strerror(error_number));
}

// One connection, closed when it goes out of scope.
class Connection {
 public:
  Connection() = default;
  ~Connection() {
    if (db_) sqlite3_close(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Never creates the file. Errors: "storage" naming `path`.
  Status open(const std::string& path, bool read_only, int busy_timeout_ms) {
    const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      return detail::sqlite_error(db_, "opening '" + path + "'");
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    return core::ok_status();
  }
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// Removes a database file, its read log and the side files of both; errors are ignored (the
// files may not exist).
void remove_pair(const std::string& path) {
  std::error_code ignored;
  for (const std::string& file : {path, read_log_path(path)}) {
    fs::remove(file, ignored);
    for (const char* suffix : kSideFileSuffixes) fs::remove(file + suffix, ignored);
  }
}

// The temporary pair a copy is made in, removed again unless released.
class TemporaryPair {
 public:
  // Creates `prefix`-XXXXXX and its read log, both empty and mode 0600, in the prefix's directory
  // (the same file system as the final name, so that rename() is atomic).
  static Result<TemporaryPair> create(const std::string& prefix, const std::string& field) {
    std::string pattern = prefix + "-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return system_error(field, "cannot create a file beside '" + prefix + "'", errno);
    ::close(fd);
    TemporaryPair pair(std::string(name.data()));
    const std::string log = read_log_path(pair.path_);
    const int log_fd = ::open(log.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (log_fd < 0) return system_error(field, "cannot create '" + log + "'", errno);
    ::close(log_fd);
    return pair;
  }
  TemporaryPair(TemporaryPair&& other) noexcept : path_(std::move(other.path_)) {
    other.path_.clear();
  }
  TemporaryPair& operator=(TemporaryPair&&) = delete;
  ~TemporaryPair() {
    if (!path_.empty()) remove_pair(path_);
  }
  const std::string& path() const { return path_; }
  // The files are someone else's now (renamed, or handed to a SqliteRestore).
  std::string release() { return std::exchange(path_, std::string()); }

 private:
  explicit TemporaryPair(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

Status fsync_path(const std::string& path, bool directory, const std::string& field) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return system_error(field, "cannot open '" + path + "' to flush it", errno);
  const int synced = ::fsync(fd);
  const int error_number = errno;
  ::close(fd);
  if (synced != 0) return system_error(field, "cannot flush '" + path + "' to disk", error_number);
  return core::ok_status();
}

std::string directory_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

Status rename_file(const std::string& from, const std::string& to, const std::string& field) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    return system_error(field, "cannot rename '" + from + "' to '" + to + "'", errno);
  }
  return core::ok_status();
}

// Renames the pair at `from` over the pair at `to`: the read log first, the main file last, so
// that a main file at `to` means the whole pair arrived (an interruption in between leaves a
// main file with a read log that is not its own, which every open refuses).
Status rename_pair(const std::string& from, const std::string& to, const std::string& field) {
  if (auto moved = rename_file(read_log_path(from), read_log_path(to), field); !moved.ok()) {
    return moved;
  }
  if (auto moved = rename_file(from, to, field); !moved.ok()) return moved;
  return fsync_path(directory_of(to), /*directory=*/true, field);
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code error;
  const fs::path first = fs::weakly_canonical(a, error);
  if (error) return false;
  const fs::path second = fs::weakly_canonical(b, error);
  return !error && first == second;
}

bool pair_exists(const std::string& path) {
  std::error_code ignored;
  return fs::exists(path, ignored) || fs::exists(read_log_path(path), ignored);
}

// Copies the database at `source_path` into the existing (empty) file `destination_path` with
// the online backup API, from one read snapshot, in steps. Returns the number of pages copied.
// The copy is left in rollback-journal mode and flushed to disk.
Result<std::int64_t> copy_database(const std::string& source_path, bool source_read_only,
                                   const std::string& destination_path,
                                   const SqliteCopyOptions& options, const std::string& field) {
  Connection source;
  if (auto opened = source.open(source_path, source_read_only, kBusyTimeoutMs); !opened.ok()) {
    return core::make_error("storage", field, opened.error().message);
  }
  // The read transaction held until the copy ends: its snapshot is what is copied.
  if (auto snapshot = execute_script(source.get(), "BEGIN; SELECT count(*) FROM sqlite_master;");
      !snapshot.ok()) {
    return core::make_error("storage", field,
                            "'" + source_path + "' cannot be read: " + snapshot.error().message);
  }
  Connection destination;
  if (auto opened = destination.open(destination_path, false, kBusyTimeoutMs); !opened.ok()) {
    return core::make_error("storage", field, opened.error().message);
  }
  sqlite3_backup* backup = sqlite3_backup_init(destination.get(), "main", source.get(), "main");
  if (backup == nullptr) {
    return core::make_error("storage", field,
                            "cannot start copying '" + source_path +
                                "': " + sqlite3_errmsg(destination.get()));
  }
  const int pages_per_step = options.pages_per_step > 0 ? options.pages_per_step : 256;
  int busy_retries = 0;
  int stepped = SQLITE_OK;
  for (;;) {
    stepped = sqlite3_backup_step(backup, pages_per_step);
    if (stepped == SQLITE_OK) {
      if (options.after_step) options.after_step();
      continue;
    }
    if ((stepped == SQLITE_BUSY || stepped == SQLITE_LOCKED) && busy_retries++ < kMaxBusyRetries) {
      sqlite3_sleep(kBusyPauseMs);
      continue;
    }
    break;
  }
  const std::int64_t pages = sqlite3_backup_pagecount(backup);
  const int finished = sqlite3_backup_finish(backup);
  (void)execute_script(source.get(), "ROLLBACK");  // ends the snapshot; nothing was written
  if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
    return core::make_error("storage", field,
                            "copying '" + source_path + "' failed: " +
                                sqlite3_errstr(stepped != SQLITE_DONE ? stepped : finished));
  }
  // The copy has the source's WAL header; a rollback-journal file needs no -wal or -shm beside
  // it to be read, even on read-only media. (SqliteStore turns WAL on again when it opens it.)
  if (auto journal = execute_script(destination.get(), "PRAGMA journal_mode=DELETE");
      !journal.ok()) {
    return core::make_error("storage", field, "finishing the copy of '" + source_path +
                                                  "' failed: " + journal.error().message);
  }
  if (auto flushed = fsync_path(destination_path, false, field); !flushed.ok()) {
    return flushed.error();
  }
  return pages;
}

core::Error corrupt(const std::string& field, const std::string& shown, const std::string& why) {
  return core::make_error("corrupt_backup", field, "'" + shown + "' is damaged or not a database: " + why);
}

// PRAGMA integrity_check; any SQLite error on the way means the file is damaged too.
Status check_integrity(sqlite3* db, const std::string& field, const std::string& shown) {
  Statement check(db, "PRAGMA integrity_check");
  if (!check.ok()) return corrupt(field, shown, sqlite3_errmsg(db));
  std::vector<std::string> problems;
  while (check.step()) {
    std::string row = check.text(0);
    if (row != "ok") problems.push_back(std::move(row));
  }
  if (check.failed()) return corrupt(field, shown, sqlite3_errmsg(db));
  if (!problems.empty()) {
    return corrupt(field, shown,
                   problems.front() + (problems.size() > 1
                                           ? " (and " + std::to_string(problems.size() - 1) +
                                                 " more problems)"
                                           : ""));
  }
  return core::ok_status();
}

Result<bool> has_table(sqlite3* db, std::string_view table) {
  Statement query(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  if (!query.bind(1, table).step()) return query.error();
  return query.integer(0) != 0;
}

Result<std::int64_t> page_count(sqlite3* db) {
  Statement query(db, "PRAGMA page_count");
  if (!query.step()) return query.error();
  return query.integer(0);
}

// check_sqlite_backup, with the name shown in messages given apart (a backup in the making is
// checked under its temporary name but shown under its final one).
Result<SqliteBackupInfo> check_pair(const std::string& path, const std::string& field,
                                    const std::string& shown) {
  const std::string log_path = read_log_path(path);
  const std::string shown_log = read_log_path(shown);
  std::error_code ignored;
  if (!fs::is_regular_file(path, ignored)) {
    return core::make_error("not_found", field, "no backup at '" + shown + "'");
  }
  if (!fs::is_regular_file(log_path, ignored)) {
    return core::make_error("not_found", field,
                            "the read log '" + shown_log + "' is missing: a backup is the pair '" +
                                shown + "' and '" + shown_log + "'");
  }
  SqliteBackupInfo info;
  std::string link_id;
  {
    Connection main;
    if (auto opened = main.open(path, /*read_only=*/true, kBusyTimeoutMs); !opened.ok()) {
      return corrupt(field, shown, opened.error().message);
    }
    if (auto intact = check_integrity(main.get(), field, shown); !intact.ok()) return intact.error();
    auto migrated = has_table(main.get(), "schema_migrations");
    if (!migrated.ok()) return corrupt(field, shown, migrated.error().message);
    if (!*migrated) {
      return core::make_error("not_initialised", field,
                              "'" + shown + "' is not a Spoorboek database");
    }
    {
      Statement version(main.get(), "SELECT coalesce(max(version), 0) FROM schema_migrations");
      if (!version.step()) return corrupt(field, shown, version.error().message);
      info.schema_version = static_cast<int>(version.integer(0));
    }
    if (info.schema_version > newest_sqlite_schema_version()) {
      return core::make_error("schema_too_new", field,
                              "'" + shown + "' has schema version " +
                                  std::to_string(info.schema_version) +
                                  ", newer than this program knows (" +
                                  std::to_string(newest_sqlite_schema_version()) +
                                  "): restore it with the newer program");
    }
    auto linked = has_table(main.get(), "read_log_link");
    if (!linked.ok()) return corrupt(field, shown, linked.error().message);
    if (*linked) {
      Statement id(main.get(), "SELECT id FROM read_log_link ORDER BY id LIMIT 1");
      if (id.step()) link_id = id.text(0);
      if (id.failed()) return corrupt(field, shown, id.error().message);
    }
    if (link_id.empty()) {
      return core::make_error("foreign_read_log", field,
                              "'" + shown + "' names no read log (it was never opened by "
                                            "Spoorboek after schema 3)");
    }
    auto pages = page_count(main.get());
    if (!pages.ok()) return corrupt(field, shown, pages.error().message);
    info.main_pages = *pages;
  }
  Connection log;
  if (auto opened = log.open(log_path, /*read_only=*/true, kBusyTimeoutMs); !opened.ok()) {
    return corrupt(field, shown_log, opened.error().message);
  }
  if (auto intact = check_integrity(log.get(), field, shown_log); !intact.ok()) {
    return intact.error();
  }
  const core::Error foreign = core::make_error(
      "foreign_read_log", field,
      "the read log '" + shown_log + "' belongs to another database than '" + shown +
          "'; restore the main file and its read log from the same backup");
  auto has_identity = has_table(log.get(), "read_log_identity");
  if (!has_identity.ok()) return corrupt(field, shown_log, has_identity.error().message);
  if (!*has_identity) return foreign;
  Statement belongs(log.get(), "SELECT count(*) FROM read_log_identity WHERE id = ?");
  if (!belongs.bind(1, link_id).step()) return corrupt(field, shown_log, belongs.error().message);
  if (belongs.integer(0) == 0) return foreign;
  auto pages = page_count(log.get());
  if (!pages.ok()) return corrupt(field, shown_log, pages.error().message);
  info.read_log_pages = *pages;
  return info;
}

// Copies the pair at `from` into the temporary pair `to` and checks the copy.
Result<SqliteBackupInfo> copy_pair(const std::string& from, bool from_read_only,
                                   const TemporaryPair& to, const SqliteCopyOptions& options,
                                   const std::string& field, const std::string& shown) {
  // The main file first: every read recorded before its snapshot is in the read log's.
  auto main = copy_database(from, from_read_only, to.path(), options, field);
  if (!main.ok()) return main.error();
  auto log = copy_database(read_log_path(from), from_read_only, read_log_path(to.path()),
                           options, field);
  if (!log.ok()) return log.error();
  return check_pair(to.path(), field, shown);
}

Status remove_side_files(const std::string& path, const std::string& field) {
  for (const std::string& file : {path, read_log_path(path)}) {
    for (const char* suffix : kSideFileSuffixes) {
      std::error_code error;
      fs::remove(file + suffix, error);
      if (error) {
        return core::make_error("storage", field,
                                "cannot remove '" + file + suffix + "': " + error.message());
      }
    }
  }
  return core::ok_status();
}

}  // namespace

int newest_sqlite_schema_version() {
  const auto migrations = detail::sqlite_migrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<SqliteBackupInfo> check_sqlite_backup(const std::string& path, const std::string& field) {
  return check_pair(path, field, path);
}

Result<bool> sqlite_database_in_use(const std::string& path) {
  for (const std::string& file : {path, read_log_path(path)}) {
    std::error_code ignored;
    if (!fs::exists(file, ignored)) continue;
    Connection probe;
    if (auto opened = probe.open(file, /*read_only=*/false, 0); !opened.ok()) {
      return opened.error();
    }
    // In WAL mode every open connection holds a shared lock on the file for as long as it is
    // open; a connection in exclusive locking mode needs an exclusive lock to read at all.
    char* message = nullptr;
    const int probed = sqlite3_exec(probe.get(),
                                    "PRAGMA locking_mode=EXCLUSIVE; "
                                    "SELECT count(*) FROM sqlite_master;",
                                    nullptr, nullptr, &message);
    const std::string reason = message ? message : "";
    sqlite3_free(message);
    switch (probed & 0xff) {
      case SQLITE_OK:
      case SQLITE_NOTADB:
      case SQLITE_CORRUPT:
        continue;  // not in use (a damaged file is no server's database either)
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return true;
      default:
        return core::make_error("storage", "db", "cannot lock '" + file + "': " + reason);
    }
  }
  return false;
}

Result<SqliteBackupInfo> backup_sqlite_database(const std::string& db_path,
                                                const std::string& out_path, bool replace_existing,
                                                const SqliteCopyOptions& options) {
  std::error_code ignored;
  if (db_path.empty() || db_path == ":memory:" || !fs::is_regular_file(db_path, ignored)) {
    return core::make_error("not_found", "db", "no database at '" + db_path + "'");
  }
  const std::string log_path = read_log_path(db_path);
  if (!fs::is_regular_file(log_path, ignored)) {
    return core::make_error("not_found", "db",
                            "no read log '" + log_path + "' beside the database (every database "
                            "made by spoorboek init has one)");
  }
  if (out_path.empty()) return core::make_error("missing_field", "out", "a backup file is required");
  if (same_file(out_path, db_path) || same_file(out_path, log_path) ||
      same_file(read_log_path(out_path), db_path)) {
    return core::make_error("same_file", "out",
                            "'" + out_path + "' is the database itself; write the backup elsewhere");
  }
  if (!replace_existing && pair_exists(out_path)) {
    return core::make_error("exists", "out",
                            "'" + out_path + "' or '" + read_log_path(out_path) +
                                "' exists; choose another name or replace it with --force");
  }
  auto temporary = TemporaryPair::create(out_path + ".partial", "out");
  if (!temporary.ok()) return temporary.error();
  auto info = copy_pair(db_path, /*from_read_only=*/false, *temporary, options, "db", out_path);
  if (!info.ok()) return info.error();
  if (auto renamed = rename_pair(temporary->path(), out_path, "out"); !renamed.ok()) {
    return renamed.error();
  }
  temporary->release();
  return info;
}

Result<std::unique_ptr<SqliteRestore>> SqliteRestore::stage(const std::string& backup_path,
                                                           const std::string& db_path,
                                                           bool replace_existing,
                                                           const SqliteCopyOptions& options) {
  if (db_path.empty() || db_path == ":memory:") {
    return core::make_error("missing_field", "db", "a database path is required");
  }
  auto checked = check_sqlite_backup(backup_path, "from");
  if (!checked.ok()) return checked.error();
  if (same_file(backup_path, db_path)) {
    return core::make_error("same_file", "db",
                            "'" + db_path + "' is the backup itself; restore it to another path");
  }
  if (!replace_existing && pair_exists(db_path)) {
    return core::make_error("exists", "db",
                            "'" + db_path + "' or '" + read_log_path(db_path) +
                                "' exists; stop every server using it and replace it with "
                                "--force");
  }
  auto in_use = sqlite_database_in_use(db_path);
  if (!in_use.ok()) return in_use.error();
  if (*in_use) {
    return core::make_error("in_use", "db",
                            "'" + db_path + "' is open in another process (a running server?); "
                            "stop it before restoring over it");
  }
  auto temporary = TemporaryPair::create(db_path + ".restoring", "db");
  if (!temporary.ok()) return temporary.error();
  auto copied = copy_pair(backup_path, /*from_read_only=*/true, *temporary, options, "from",
                          backup_path);
  if (!copied.ok()) return copied.error();
  return std::unique_ptr<SqliteRestore>(new SqliteRestore(db_path, temporary->release(), *copied));
}

SqliteRestore::~SqliteRestore() {
  if (!committed_) remove_pair(staged_path_);
}

Status SqliteRestore::commit() {
  if (committed_) return core::ok_status();
  std::error_code ignored;
  if (fs::exists(staged_path_ + "-wal", ignored)) {
    return core::make_error("storage", "db",
                            "the staged copy '" + staged_path_ + "' is still open; close it first");
  }
  auto in_use = sqlite_database_in_use(db_path_);
  if (!in_use.ok()) return in_use.error();
  if (*in_use) {
    return core::make_error("in_use", "db",
                            "'" + db_path_ + "' is open in another process (a running server?); "
                            "stop it before restoring over it");
  }
  if (auto removed = remove_side_files(db_path_, "db"); !removed.ok()) return removed;
  if (auto renamed = rename_pair(staged_path_, db_path_, "db"); !renamed.ok()) {
    return core::make_error(renamed.error().code, renamed.error().field,
                            renamed.error().message +
                                " (if the read log was moved already, run the restore again)");
  }
  committed_ = true;
  return core::ok_status();
}

}  // namespace spoorboek::store
