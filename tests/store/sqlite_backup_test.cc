// Backup and restore of a SQLite database pair (src/store/sqlite_backup.h): a consistent copy of
// one snapshot while another connection keeps writing, nothing half-written left behind, and the
// checks a restore makes (damage, a foreign read log, a schema from the future, a target in use).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "store/sqlite_backup.h"
#include "store/sqlite_store.h"

namespace spoorboek::store {
namespace {

namespace fs = std::filesystem;

class SqliteBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "spoorboek_backup_XXXXXX").string();
    dir_ = ::mkdtemp(pattern.data());
    db_ = dir_ + "/live.db";
    out_ = dir_ + "/backup.db";
    store_ = open_migrated(db_);
    ASSERT_TRUE(store_);
    // Enough rows that the copy takes many one-page steps.
    ASSERT_TRUE(store_
                    ->transaction([&]() -> Status {
                      for (int i = 0; i < 200; ++i) {
                        auto put = store_->put_setting("before:" + std::to_string(i),
                                                       std::string(200, 'x'));
                        if (!put.ok()) return put;
                      }
                      return core::ok_status();
                    })
                    .ok());
    ASSERT_TRUE(store_->record_case_reads(std::vector<CaseRead>{read("before")}).ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  static std::unique_ptr<SqliteStore> open_migrated(const std::string& path) {
    auto opened = SqliteStore::open(path, SqliteStore::OpenMode::create_if_missing);
    EXPECT_TRUE(opened.ok());
    if (!opened.ok()) return nullptr;
    const Status migrated = (*opened)->migrate();
    EXPECT_TRUE(migrated.ok()) << (migrated.ok() ? "" : migrated.error().message);
    return std::move(*opened);
  }
  static std::unique_ptr<SqliteStore> open_existing(const std::string& path) {
    auto opened = SqliteStore::open(path, SqliteStore::OpenMode::must_exist);
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    return opened.ok() ? std::move(*opened) : nullptr;
  }
  static CaseRead read(const std::string& request_id) {
    return CaseRead{1, 7, "2026-11-24T10:00:00Z", "timeline", request_id};
  }
  static long long count(const std::string& path, const std::string& query) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, query.c_str(), -1, &statement, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    long long value = -1;
    if (statement && sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }
  static void sql(const std::string& path, const std::string& text) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message);
    const std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << error;
  }
  std::set<std::string> files() const {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      names.insert(entry.path().filename().string());
    }
    return names;
  }
  // The files beside the live database that are not it (its own -wal/-shm while open).
  std::set<std::string> files_but_live() const {
    std::set<std::string> names;
    for (const auto& name : files()) {
      if (name.rfind("live.db", 0) != 0) names.insert(name);
    }
    return names;
  }
  SqliteBackupInfo backup(const SqliteCopyOptions& options = {}) {
    auto made = backup_sqlite_database(db_, out_, false, options);
    EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
    return made.ok() ? *made : SqliteBackupInfo{};
  }

  std::string dir_, db_, out_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteBackupTest, CopiesOneSnapshotWhileAnotherConnectionKeepsWriting) {
  auto writer = open_existing(db_);
  ASSERT_TRUE(writer);
  int steps = 0;
  int committed = 0;
  SqliteCopyOptions options;
  options.pages_per_step = 1;
  options.after_step = [&] {
    ++steps;
    // A server's write between two steps commits at once: the backup blocks no writer.
    if (writer->put_setting("during:" + std::to_string(steps), "y").ok()) ++committed;
    if (writer->record_case_reads(std::vector<CaseRead>{read("during")}).ok()) ++committed;
  };
  const SqliteBackupInfo info = backup(options);
  EXPECT_GT(steps, 10);
  EXPECT_EQ(committed, 2 * steps);
  EXPECT_EQ(info.schema_version, newest_sqlite_schema_version());
  EXPECT_GT(info.main_pages, 10);
  EXPECT_GT(info.read_log_pages, 0);

  // The main file is the state when the backup began: none of the writes made during the copy.
  EXPECT_EQ(count(out_, "SELECT count(*) FROM settings WHERE key LIKE 'before:%'"), 200);
  EXPECT_EQ(count(out_, "SELECT count(*) FROM settings WHERE key LIKE 'during:%'"), 0);
  EXPECT_EQ(count(db_, "SELECT count(*) FROM settings WHERE key LIKE 'during:%'"), steps);
  // The read log's snapshot is taken after the main file's: the reads recorded while the main
  // file was copied are in it.
  EXPECT_EQ(count(out_ + ".reads", "SELECT count(*) FROM case_reads WHERE request_id = 'before'"), 1);
  EXPECT_GE(count(out_ + ".reads", "SELECT count(*) FROM case_reads WHERE request_id = 'during'"),
            info.main_pages - 1);
  // Exactly the pair, mode 0600, as rollback-journal files that need no -wal or -shm to be read.
  EXPECT_EQ(files_but_live(), (std::set<std::string>{"backup.db", "backup.db.reads"}));
  for (const std::string& file : {out_, out_ + ".reads"}) {
    struct stat status {};
    ASSERT_EQ(::stat(file.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u) << file;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(out_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* mode = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &mode, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(mode), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(mode, 0)), "delete");
  sqlite3_finalize(mode);
  sqlite3_close(db);
  EXPECT_TRUE(check_sqlite_backup(out_).ok());
}

TEST_F(SqliteBackupTest, RefusesToOverwriteUnlessAskedAndNeverTheDatabaseItself) {
  backup();
  const auto before = fs::last_write_time(out_);
  auto again = backup_sqlite_database(db_, out_, false);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "exists");
  EXPECT_EQ(again.error().field, "out");
  EXPECT_EQ(fs::last_write_time(out_), before);

  ASSERT_TRUE(store_->put_setting("after", "1").ok());
  auto replaced = backup_sqlite_database(db_, out_, true);
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_EQ(count(out_, "SELECT count(*) FROM settings WHERE key = 'after'"), 1);

  auto itself = backup_sqlite_database(db_, db_, true);
  ASSERT_FALSE(itself.ok());
  EXPECT_EQ(itself.error().code, "same_file");
  EXPECT_EQ(count(db_, "SELECT count(*) FROM settings WHERE key = 'after'"), 1);
}

TEST_F(SqliteBackupTest, AFailedBackupLeavesNoFile) {
  // Not a Spoorboek database: the copy is made, refused by the check and removed.
  const std::string other = dir_ + "/other.db";
  sql(other, "CREATE TABLE t (x)");
  sql(other + ".reads", "CREATE TABLE t (x)");
  auto refused = backup_sqlite_database(other, out_, false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "not_initialised");
  EXPECT_NE(refused.error().message.find(out_), std::string::npos) << refused.error().message;
  EXPECT_EQ(files_but_live(), (std::set<std::string>{"other.db", "other.db.reads"}));

  // A database without its read log.
  fs::remove(other + ".reads");
  auto no_log = backup_sqlite_database(other, out_, false);
  ASSERT_FALSE(no_log.ok());
  EXPECT_EQ(no_log.error().code, "not_found");
  EXPECT_EQ(no_log.error().field, "db");

  // A directory that cannot be written to.
  auto nowhere = backup_sqlite_database(db_, dir_ + "/missing/backup.db", false);
  ASSERT_FALSE(nowhere.ok());
  EXPECT_EQ(nowhere.error().code, "storage");
  EXPECT_EQ(nowhere.error().field, "out");
  EXPECT_EQ(files_but_live(), (std::set<std::string>{"other.db"}));
}

TEST_F(SqliteBackupTest, TheCheckRefusesDamagedAndMismatchedBackups) {
  backup();
  const std::string copy = dir_ + "/copy.db";
  const auto fresh_copy = [&] {
    fs::copy_file(out_, copy, fs::copy_options::overwrite_existing);
    fs::copy_file(out_ + ".reads", copy + ".reads", fs::copy_options::overwrite_existing);
  };
  const auto expect_refused = [&](const std::string& code, const std::string& what) {
    auto checked = check_sqlite_backup(copy);
    ASSERT_FALSE(checked.ok()) << what;
    EXPECT_EQ(checked.error().code, code) << what << ": " << checked.error().message;
    EXPECT_EQ(checked.error().field, "from");
  };

  fresh_copy();
  fs::resize_file(copy, fs::file_size(copy) / 2);
  expect_refused("corrupt_backup", "truncated main file");

  fresh_copy();
  {
    std::fstream file(copy, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(fs::file_size(copy) / 2));
    const std::string noise(8192, '\x5a');
    file.write(noise.data(), static_cast<std::streamsize>(noise.size()));
  }
  expect_refused("corrupt_backup", "overwritten pages");

  fresh_copy();
  std::ofstream(copy, std::ios::trunc) << "not a database at all, but long enough to look like a "
                                          "header of one............................";
  expect_refused("corrupt_backup", "not a database");

  fresh_copy();
  fs::remove(copy + ".reads");
  expect_refused("not_found", "missing read log");

  // The read log of another database.
  auto other = open_migrated(dir_ + "/other.db");
  ASSERT_TRUE(other);
  other.reset();
  fresh_copy();
  fs::copy_file(dir_ + "/other.db.reads", copy + ".reads", fs::copy_options::overwrite_existing);
  expect_refused("foreign_read_log", "another database's read log");

  fresh_copy();
  sql(copy, "INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future')");
  expect_refused("schema_too_new", "a schema from the future");

  fresh_copy();
  EXPECT_TRUE(check_sqlite_backup(copy).ok());
}

TEST_F(SqliteBackupTest, RestoreStagesChecksAndPutsThePairInPlace) {
  backup();
  const std::string target = dir_ + "/restored.db";
  {
    auto staged = SqliteRestore::stage(out_, target, false);
    ASSERT_TRUE(staged.ok()) << staged.error().message;
    EXPECT_FALSE(fs::exists(target));
    EXPECT_TRUE(fs::exists((*staged)->staged_path()));
    // Not committed: the staged copy goes away with it.
  }
  EXPECT_FALSE(fs::exists(target));
  EXPECT_EQ(files_but_live(), (std::set<std::string>{"backup.db", "backup.db.reads"}));

  auto staged = SqliteRestore::stage(out_, target, false);
  ASSERT_TRUE(staged.ok()) << staged.error().message;
  {
    // The staged copy is a database the store accepts as a pair (its read log is its own).
    auto opened = open_existing((*staged)->staged_path());
    ASSERT_TRUE(opened);
    auto reads = opened->list_case_reads(1);
    ASSERT_TRUE(reads.ok()) << reads.error().message;
    EXPECT_EQ(reads->size(), 1u);
  }
  ASSERT_TRUE((*staged)->commit().ok());
  EXPECT_EQ(files_but_live(),
            (std::set<std::string>{"backup.db", "backup.db.reads", "restored.db",
                                   "restored.db.reads"}));
  auto restored = open_existing(target);
  ASSERT_TRUE(restored);
  auto value = restored->get_setting("before:7");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(value->value_or(""), std::string(200, 'x'));
  auto reads = restored->list_case_reads(1);
  ASSERT_TRUE(reads.ok()) << reads.error().message;
  EXPECT_EQ(reads->size(), 1u);
}

TEST_F(SqliteBackupTest, RestoreRefusesATargetThatExistsOrIsInUse) {
  backup();
  // Without --force an existing database stays as it is.
  auto refused = SqliteRestore::stage(out_, db_, false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "exists");
  EXPECT_EQ(refused.error().field, "db");

  // Even with it, not while a connection has it open (here: the test's own store, as a server).
  auto busy = SqliteRestore::stage(out_, db_, true);
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.error().code, "in_use");
  EXPECT_TRUE(*sqlite_database_in_use(db_));

  // Once it is closed: the replaced database's WAL must not survive next to the restored file.
  ASSERT_TRUE(store_->put_setting("after the backup", "1").ok());
  store_.reset();
  EXPECT_FALSE(*sqlite_database_in_use(db_));
  std::ofstream(db_ + "-wal") << "a stale WAL of the replaced database";
  auto staged = SqliteRestore::stage(out_, db_, true);
  ASSERT_TRUE(staged.ok()) << staged.error().message;
  ASSERT_TRUE((*staged)->commit().ok());
  EXPECT_FALSE(fs::exists(db_ + "-wal"));
  auto restored = open_existing(db_);
  ASSERT_TRUE(restored);
  auto after = restored->get_setting("after the backup");
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->has_value());  // the backup's state, not the replaced one's
}

TEST_F(SqliteBackupTest, RestoreRefusesAForeignReadLogAndLeavesTheTargetAlone) {
  backup();
  auto other = open_migrated(dir_ + "/other.db");
  ASSERT_TRUE(other);
  other.reset();
  fs::copy_file(dir_ + "/other.db.reads", out_ + ".reads", fs::copy_options::overwrite_existing);
  const std::string target = dir_ + "/restored.db";
  auto refused = SqliteRestore::stage(out_, target, false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "foreign_read_log");
  EXPECT_FALSE(fs::exists(target));
  EXPECT_FALSE(fs::exists(target + ".reads"));
}

}  // namespace
}  // namespace spoorboek::store
