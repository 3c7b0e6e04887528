// `spoorboek backup` and `spoorboek restore` end to end: a backup of a demo database taken while
// another connection keeps appending is restored to a new path that `spoorboek verify` accepts
// with the same entries; damaged backups, a foreign read log and overwriting are refused.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>
#include <vector>

#include "app/application.h"
#include "store/sqlite_store.h"
#include "tests/integration/cli_harness.h"
#include "tests/integration/live_writer.h"

namespace spoorboek::testing {
namespace {

namespace fs = std::filesystem;

// Every entry of a database file.
EntryHashes entries_of(const std::string& path) {
  EntryHashes entries;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* rows = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT case_id, seq, hash FROM entries", -1, &rows, nullptr),
            SQLITE_OK);
  while (rows && sqlite3_step(rows) == SQLITE_ROW) {
    entries[{sqlite3_column_int64(rows, 0), sqlite3_column_int64(rows, 1)}] =
        reinterpret_cast<const char*>(sqlite3_column_text(rows, 2));
  }
  sqlite3_finalize(rows);
  sqlite3_close(db);
  return entries;
}

class BackupRestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("live.db");
    backup_ = dir_.file("backup.db");
    const RunResult demo = dir_.run({"demo", "--db", db_, "--seed", "5", "--as-of", "2026-03-02"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
  }
  void make_backup(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"backup", "--db", db_, "--out", backup_};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult made = dir_.run(args);
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }
  // Copies the backup pair to `name` (and `name`.reads) for tampering.
  std::string copy_of_backup(const std::string& name) {
    const std::string copy = dir_.file(name);
    fs::copy_file(backup_, copy, fs::copy_options::overwrite_existing);
    fs::copy_file(backup_ + ".reads", copy + ".reads", fs::copy_options::overwrite_existing);
    return copy;
  }
  void expect_restore_refused(const std::string& from, const std::string& names,
                              int exit_code = 2) {
    const std::string target = dir_.file("refused.db");
    const RunResult restore = dir_.run({"restore", "--from", from, "--db", target});
    EXPECT_EQ(restore.exit_code, exit_code) << restore.out << restore.err;
    EXPECT_NE(restore.err.find(names), std::string::npos) << restore.err;
    for (const char* suffix : {"", ".reads", ".key"}) {
      EXPECT_FALSE(fs::exists(target + suffix)) << suffix;
    }
    for (const auto& file : fs::directory_iterator(dir_.path())) {
      EXPECT_EQ(file.path().filename().string().find("restoring"), std::string::npos)
          << file.path();
    }
  }

  ScratchDir dir_;
  std::string db_;
  std::string backup_;
};

TEST_F(BackupRestoreTest, ABackupTakenWhileAppendingRestoresToTheSameEntries) {
  LiveWriter writer(db_);
  writer.wait_for(20);
  const int before_backup = writer.appended();
  const RunResult made =
      dir_.run({"backup", "--db", db_, "--out", backup_, "--pages-per-step", "4"});
  const int after_backup = writer.appended();
  // Keep appending for a while after the backup too, then stop.
  writer.wait_for(after_backup + 20);
  writer.stop();
  ASSERT_FALSE(writer.failed()) << writer.failure();
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("NOT in this backup"), std::string::npos) << made.out;
  EXPECT_GT(after_backup, before_backup) << "the writer kept committing while the backup ran";

  const std::string restored = dir_.file("restored.db");
  const RunResult restore = dir_.run({"restore", "--from", backup_, "--db", restored});
  ASSERT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_NE(restore.out.find("every hash chain intact"), std::string::npos) << restore.out;
  const RunResult verify = dir_.run({"verify", "--db", restored});
  ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  // The restored file holds exactly what the live one held at one moment.
  const auto back = entries_of(restored);
  expect_one_moment(entries_of(db_), back, writer.case_id(), before_backup, after_backup);
  const std::int64_t writer_case = writer.case_id();
  EXPECT_NE(verify.out.find("entries"), std::string::npos);
  EXPECT_NE(verify.out.find(std::to_string(back.size()) + " entries"), std::string::npos)
      << verify.out;
  // `show` reads the writer's case in the restored file.
  const RunResult show = dir_.run({"show", "--db", restored, std::to_string(writer_case),
                                   "--as-of", "2026-03-02", "--json"});
  EXPECT_EQ(show.exit_code, 0) << show.err;
}

TEST_F(BackupRestoreTest, BackupRefusesToOverwriteUnlessForced) {
  make_backup();
  const std::string first = read_file(backup_);
  ASSERT_EQ(dir_.run({"append", "--db", db_, "--case", "1", "-"},
                     std::string(kDoctorReport) + "\n")
                .exit_code,
            0);
  const RunResult again = dir_.run({"backup", "--db", db_, "--out", backup_});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("--out"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  EXPECT_EQ(read_file(backup_), first);

  const RunResult forced = dir_.run({"backup", "--db", db_, "--out", backup_, "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(query_integer(backup_, "SELECT count(*) FROM entries"),
            query_integer(db_, "SELECT count(*) FROM entries"));

  // The database itself is never a backup target, forced or not.
  const RunResult itself = dir_.run({"backup", "--db", db_, "--out", db_, "--force"});
  EXPECT_EQ(itself.exit_code, 2);
  EXPECT_EQ(dir_.run({"verify", "--db", db_}).exit_code, 0);
}

TEST_F(BackupRestoreTest, TruncatedOrCorruptBackupsAreRefused) {
  make_backup();
  const std::string truncated = copy_of_backup("truncated.db");
  fs::resize_file(truncated, fs::file_size(truncated) / 3);
  expect_restore_refused(truncated, "damaged");

  const std::string corrupt = copy_of_backup("corrupt.db");
  {
    std::fstream file(corrupt, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(fs::file_size(corrupt) / 2));
    const std::string noise(16384, '\x42');
    file.write(noise.data(), static_cast<std::streamsize>(noise.size()));
  }
  expect_restore_refused(corrupt, "damaged");

  const std::string truncated_log = copy_of_backup("truncated_log.db");
  fs::resize_file(truncated_log + ".reads", 1000);
  expect_restore_refused(truncated_log, "damaged");

  const std::string without_log = copy_of_backup("without_log.db");
  fs::remove(without_log + ".reads");
  expect_restore_refused(without_log, "read log");

  // Intact pages but a forged entry: the hash chain check refuses it (exit 1), nothing restored.
  const std::string forged = copy_of_backup("forged.db");
  tamper(forged,
         "DROP TRIGGER entries_are_never_updated; UPDATE entries SET occurred_on = '2020-01-01' "
         "WHERE case_id = (SELECT min(case_id) FROM entries) AND seq = 1");
  expect_restore_refused(forged, "broken hash chain", 1);
}

TEST_F(BackupRestoreTest, AMainFileWithAnotherDatabasesReadLogIsRefused) {
  make_backup();
  const std::string other = dir_.file("other.db");
  ASSERT_EQ(dir_.run({"init", "--db", other}).exit_code, 0);
  const std::string other_backup = dir_.file("other_backup.db");
  ASSERT_EQ(dir_.run({"backup", "--db", other, "--out", other_backup}).exit_code, 0);
  const std::string mixed = copy_of_backup("mixed.db");
  fs::copy_file(other_backup + ".reads", mixed + ".reads", fs::copy_options::overwrite_existing);
  expect_restore_refused(mixed, "belongs to another database");
}

TEST_F(BackupRestoreTest, TheKeyFileTravelsOnlyWhenAsked) {
  make_backup({"--with-key"});
  struct stat status {};
  ASSERT_EQ(::stat((backup_ + ".key").c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);
  EXPECT_EQ(read_file(backup_ + ".key"), read_file(db_ + ".key"));

  const std::string restored = dir_.file("restored.db");
  const RunResult restore = dir_.run({"restore", "--from", backup_, "--db", restored});
  ASSERT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_EQ(read_file(restored + ".key"), read_file(db_ + ".key"));
  ASSERT_EQ(::stat((restored + ".key").c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);

  // A different key waiting at the target is not replaced without --force.
  const std::string other = dir_.file("other.db");
  ASSERT_EQ(dir_.run({"init", "--db", other}).exit_code, 0);
  const std::string fresh = dir_.file("fresh.db");
  fs::copy_file(other + ".key", fresh + ".key");
  const RunResult refused = dir_.run({"restore", "--from", backup_, "--db", fresh});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("differs from the backup's key"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(fresh));
  EXPECT_EQ(read_file(fresh + ".key"), read_file(other + ".key"));
  const RunResult forced = dir_.run({"restore", "--from", backup_, "--db", fresh, "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(read_file(fresh + ".key"), read_file(db_ + ".key"));

  // Without --with-key, a restore to a new path says where the key must go.
  const std::string keyless = dir_.file("keyless.db");
  ASSERT_EQ(dir_.run({"backup", "--db", db_, "--out", keyless}).exit_code, 0);
  EXPECT_FALSE(fs::exists(keyless + ".key"));
  const std::string target = dir_.file("target.db");
  const RunResult without = dir_.run({"restore", "--from", keyless, "--db", target});
  EXPECT_EQ(without.exit_code, 0) << without.err;
  EXPECT_NE(without.out.find(target + ".key"), std::string::npos) << without.out;
  EXPECT_FALSE(fs::exists(target + ".key"));
}

TEST_F(BackupRestoreTest, RestoreRefusesAnExistingDatabaseAndOneInUse) {
  make_backup({"--with-key"});
  const RunResult refused = dir_.run({"restore", "--from", backup_, "--db", db_});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;

  // A connection holding the database open (as a running server does) blocks even --force.
  {
    auto server = store::SqliteStore::open(db_, store::SqliteStore::OpenMode::must_exist);
    ASSERT_TRUE(server.ok());
    ASSERT_TRUE((*server)->list_case_ids().ok());
    const RunResult busy = dir_.run({"restore", "--from", backup_, "--db", db_, "--force"});
    EXPECT_EQ(busy.exit_code, 2);
    EXPECT_NE(busy.err.find("open in another process"), std::string::npos) << busy.err;
  }
  const RunResult forced = dir_.run({"restore", "--from", backup_, "--db", db_, "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(dir_.run({"verify", "--db", db_}).exit_code, 0);
}

}  // namespace
}  // namespace spoorboek::testing
