// What only SqliteStore does: its pragmas and its refusal to create a missing file by accident.
// The Store contract itself runs on both backends in store_contract_test.cc.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/sqlite_store.h"
#include "tests/support/test_database.h"

namespace spoorboek::store {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = database_.open_migrated();
    ASSERT_NE(store_, nullptr);
  }
  std::int64_t count(const char* sql) { return database_.scalar(sql); }

  spoorboek::testing::ScratchDatabase database_{spoorboek::testing::Backend::sqlite, "sqlite_store"};
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, PragmasForDurability) {
  EXPECT_EQ(count("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}

TEST_F(SqliteStoreTest, MissingDatabaseIsNotCreatedByAccident) {
  const auto opened = SqliteStore::open(database_.db() + ".absent",
                                        SqliteStore::OpenMode::must_exist);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "not_found");
  EXPECT_FALSE(std::filesystem::exists(database_.db() + ".absent"));
}

}  // namespace
}  // namespace spoorboek::store
