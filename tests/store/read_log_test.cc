// The read log in its own file beside the database (src/store/sqlite_read_log.h): reads land
// there and never in the main file, the pair is checked on every open, and an older database's
// case_reads table moves there once.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/sqlite_store.h"

namespace spoorboek::store {
namespace {

class ReadLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "spoorboek_read_log_XXXXXX").string();
    dir_ = ::mkdtemp(pattern.data());
    db_ = dir_ + "/spoorboek.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<SqliteStore> open_migrated(const std::string& path) {
    auto opened = SqliteStore::open(path, SqliteStore::OpenMode::create_if_missing);
    EXPECT_TRUE(opened.ok());
    if (!opened.ok()) return nullptr;
    const Status migrated = (*opened)->migrate();
    EXPECT_TRUE(migrated.ok()) << (migrated.ok() ? "" : migrated.error().message);
    return std::move(*opened);
  }

  // Runs SQL on a file with a connection of its own (what another tool could do to the files).
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
  static long long count(const std::string& path, const std::string& query) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, query.c_str(), -1, &statement, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    long long value = -1;
    if (statement && sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }
  static void remove_read_log(const std::string& db) {
    for (const char* suffix : {".reads", ".reads-wal", ".reads-shm"}) {
      std::filesystem::remove(db + suffix);
    }
  }

  static CaseRead read(std::int64_t case_id, const std::string& request_id) {
    return CaseRead{case_id, 7, "2026-11-24T10:00:00Z", "timeline", request_id};
  }

  std::string dir_;
  std::string db_;
};

TEST_F(ReadLogTest, ReadsLandInTheirOwnFileAndNeverInTheMainFile) {
  auto store = open_migrated(db_);
  ASSERT_TRUE(store);
  const std::vector<CaseRead> reads{read(1, "r-1"), read(2, "r-2"), read(1, "r-3")};
  ASSERT_TRUE(store->record_case_reads(reads).ok());
  auto listed = store->list_case_reads(1);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].request_id, "r-1");
  EXPECT_EQ((*listed)[1].request_id, "r-3");
  store.reset();
  EXPECT_EQ(count(db_ + ".reads", "SELECT count(*) FROM case_reads"), 3);
  EXPECT_EQ(count(db_, "SELECT count(*) FROM sqlite_master WHERE name = 'case_reads'"), 0);
}

TEST_F(ReadLogTest, TheLogStaysAppendOnlyInItsOwnFile) {
  auto store = open_migrated(db_);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->record_case_reads(std::vector<CaseRead>{read(1, "r-1")}).ok());
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((db_ + ".reads").c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE case_reads SET what = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM case_reads", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(count(db_ + ".reads", "SELECT count(*) FROM case_reads"), 1);
}

TEST_F(ReadLogTest, AMissingReadLogIsRefusedNotStartedAgainEmpty) {
  {
    auto store = open_migrated(db_);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->record_case_reads(std::vector<CaseRead>{read(1, "r-1")}).ok());
  }
  remove_read_log(db_);
  auto opened = SqliteStore::open(db_, SqliteStore::OpenMode::must_exist);
  ASSERT_TRUE(opened.ok());
  const Status recorded = (*opened)->record_case_reads(std::vector<CaseRead>{read(1, "r-2")});
  ASSERT_FALSE(recorded.ok());
  EXPECT_NE(recorded.error().message.find("missing or belongs to another database"),
            std::string::npos)
      << recorded.error().message;
  EXPECT_FALSE((*opened)->list_case_reads(1).ok());
  EXPECT_FALSE((*opened)->migrate().ok());
}

TEST_F(ReadLogTest, AnotherDatabasesReadLogIsRefused) {
  const std::string other = dir_ + "/other.db";
  {
    auto store = open_migrated(db_);
    auto other_store = open_migrated(other);
    ASSERT_TRUE(store && other_store);
  }
  remove_read_log(db_);
  std::filesystem::copy_file(other + ".reads", db_ + ".reads");
  auto opened = SqliteStore::open(db_, SqliteStore::OpenMode::must_exist);
  ASSERT_TRUE(opened.ok());
  EXPECT_FALSE((*opened)->record_case_reads(std::vector<CaseRead>{read(1, "r-1")}).ok());
}

TEST_F(ReadLogTest, ANewDatabaseDoesNotAdoptTheReadsOfAGoneOne) {
  {
    auto store = open_migrated(db_);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->record_case_reads(std::vector<CaseRead>{read(1, "old")}).ok());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);
  auto opened = SqliteStore::open(db_, SqliteStore::OpenMode::create_if_missing);
  ASSERT_TRUE(opened.ok());
  const Status migrated = (*opened)->migrate();
  ASSERT_FALSE(migrated.ok());
  EXPECT_NE(migrated.error().message.find("holds the reads of another database"),
            std::string::npos)
      << migrated.error().message;
  EXPECT_EQ(count(db_ + ".reads", "SELECT count(*) FROM case_reads"), 1);
}

// Commits that leave checkpoints to the caller never checkpoint (the WAL grows past SQLite's
// automatic 1,000 pages); a checkpoint on another connection lets the WAL start over, so that it
// stops growing.
TEST_F(ReadLogTest, CheckpointsLeftToTheCallerRunOnItsOwnConnection) {
  auto writer = open_migrated(db_);
  auto checkpointer = open_migrated(db_);
  ASSERT_TRUE(writer && checkpointer);
  ASSERT_TRUE(writer->set_synchronous_normal().ok());  // as the server's recorder: no fsync
  ASSERT_TRUE(writer->leave_read_log_checkpoints_to_caller().ok());
  auto commit_reads = [&](int commits) {
    for (int i = 0; i < commits; ++i) {
      ASSERT_TRUE(writer->record_case_reads(std::vector<CaseRead>{read(1, std::to_string(i))}).ok());
    }
  };
  const auto wal_bytes = [&] { return std::filesystem::file_size(db_ + ".reads-wal"); };
  commit_reads(1200);
  const auto grown = wal_bytes();
  EXPECT_GT(grown, 1000u * 4096u) << "a commit checkpointed by itself";
  ASSERT_TRUE(checkpointer->checkpoint_read_log().ok());
  commit_reads(1200);
  // Without the checkpoint the WAL would be about twice as long now; with it the new commits are
  // written over the old frames (a few more pages each, as the table grew).
  EXPECT_LT(wal_bytes(), grown * 5 / 4) << "the WAL did not start over after the checkpoint";
  auto listed = checkpointer->list_case_reads(1);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 2400u);
}

TEST_F(ReadLogTest, AnOlderDatabasesReadsMoveOnceAndAnInterruptedMoveRepeatsSafely) {
  {
    auto store = open_migrated(db_);
    ASSERT_TRUE(store);
  }
  // Back to the shape of schema 2: case_reads in the main file, no link, no read log file.
  remove_read_log(db_);
  const std::string old_reads =
      "CREATE TABLE case_reads (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL,"
      " user_id INTEGER NOT NULL, read_at TEXT NOT NULL, what TEXT NOT NULL,"
      " request_id TEXT NOT NULL);"
      "INSERT INTO case_reads VALUES (1, 4, 7, '2026-01-05T09:00:00Z', 'case_file', 'a'),"
      " (2, 4, 8, '2026-01-06T09:00:00Z', 'timeline', 'b');";
  sql(db_, "DROP TABLE read_log_link; DELETE FROM schema_migrations WHERE version = 3;" +
               old_reads);
  auto store = open_migrated(db_);
  ASSERT_TRUE(store);
  auto listed = store->list_case_reads(4);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].request_id, "a");
  EXPECT_EQ((*listed)[1].what, "timeline");
  EXPECT_EQ(count(db_, "SELECT count(*) FROM sqlite_master WHERE name = 'case_reads'"), 0);
  // New reads follow the moved ones.
  ASSERT_TRUE(store->record_case_reads(std::vector<CaseRead>{read(4, "c")}).ok());
  store.reset();
  // A move interrupted after the copy and before the old table was dropped: the next migration
  // copies nothing twice and drops the old table.
  sql(db_, old_reads);
  store = open_migrated(db_);
  ASSERT_TRUE(store);
  store.reset();
  EXPECT_EQ(count(db_, "SELECT count(*) FROM sqlite_master WHERE name = 'case_reads'"), 0);
  EXPECT_EQ(count(db_ + ".reads", "SELECT count(*) FROM case_reads WHERE case_id = 4"), 3);
  EXPECT_EQ(count(db_ + ".reads", "SELECT max(id) FROM case_reads"), 3);
}

}  // namespace
}  // namespace spoorboek::store
