// What only SqliteStore does: its pragmas and its refusal to create a missing file by accident.
// The Store contract itself runs on both backends in store_contract_test.cc.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "core/case_file_fold.h"
#include "core/entry_hash.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"
#include "tests/core/case_file_test_support.h"

namespace spoorboek::store {
namespace {

using core::testing::day;
using core::testing::sick_report;
using core::testing::simple;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("spoorboek_store_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    remove_files();
    store_ = open_store();
    ASSERT_TRUE(store_->migrate().ok());
    employer_ = *store_->create_employer("Bakkerij De Korenschoof");
    employee_ = *store_->create_employee(employer_, "J. de Vries", "P-001");
    case_ = *store_->create_case(employee_, "2026-03-02T10:00:00Z");
  }
  void TearDown() override {
    store_.reset();
    remove_files();
  }
  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm", ".reads", ".reads-wal", ".reads-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::unique_ptr<SqliteStore> open_store() {
    auto opened = SqliteStore::open(path_.string(), SqliteStore::OpenMode::create_if_missing);
    EXPECT_TRUE(opened.ok());
    return std::move(*opened);
  }

  // The next entry of `file` for this test's case, chained onto what `file` holds.
  AppendRequest next(std::vector<core::Entry>& file, const std::string& json,
                     std::optional<core::Date> due = std::nullopt) {
    core::testing::append(file, json, case_);
    AppendRequest request{file.back(), CaseSummary{}};
    request.summary->case_id = case_;
    request.summary->status = "sick";
    request.summary->first_sick_day = file.front().occurred_on;
    request.summary->next_deadline_key = "problem_analysis";
    request.summary->next_deadline_due = due;
    request.summary->last_seq = file.back().seq;
    request.summary->last_hash = file.back().hash;
    request.summary->updated_at = "2026-03-02T10:00:00Z";
    return request;
  }

  std::int64_t count(const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    sqlite3_step(statement);
    const auto value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

  std::filesystem::path path_;
  std::unique_ptr<SqliteStore> store_;
  std::int64_t employer_ = 0, employee_ = 0, case_ = 0;
};

TEST_F(SqliteStoreTest, PragmasForDurability) {
  EXPECT_EQ(count("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}

TEST_F(SqliteStoreTest, MissingDatabaseIsNotCreatedByAccident) {
  const auto opened = SqliteStore::open(path_.string() + ".absent",
                                        SqliteStore::OpenMode::must_exist);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "not_found");
  EXPECT_FALSE(std::filesystem::exists(path_.string() + ".absent"));
}

}  // namespace
}  // namespace spoorboek::store
