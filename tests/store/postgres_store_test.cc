// What PostgreSQL adds to the Store contract (store_contract_test.cc runs on both backends):
// several connections, as several servers have, migrating and appending at the same moment.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/entry_hash.h"
#include "store/migrations.h"
#include "store/open_store.h"
#include "tests/core/case_file_test_support.h"
#include "tests/support/test_database.h"

namespace spoorboek::store {
namespace {

using namespace std::chrono_literals;
using core::testing::sick_report;
using core::testing::simple;
using spoorboek::testing::Backend;
using spoorboek::testing::ScratchDatabase;

TEST(OpenStore, TheDbValueSelectsTheBackend) {
  EXPECT_EQ(backend_of("/var/lib/spoorboek/spoorboek.db"), Backend::sqlite);
  EXPECT_EQ(backend_of("spoorboek.db"), Backend::sqlite);
  EXPECT_EQ(backend_of("postgresql://app@db.internal:5432/spoorboek"), Backend::postgres);
  EXPECT_EQ(backend_of("postgres://app@db/spoorboek"), Backend::postgres);
  // Messages never repeat a password, in the user part or as a parameter.
  EXPECT_EQ(describe_database("postgresql://app:s3cret@db:5432/sb"), "postgresql://app:***@db:5432/sb");
  EXPECT_EQ(describe_database("postgresql://app@db/sb?sslmode=require&password=s3cret"),
            "postgresql://app@db/sb?sslmode=require&password=***");
  EXPECT_EQ(describe_database("/tmp/a.db"), "/tmp/a.db");
}

TEST(OpenStore, AnUnreachableServerIsAClearError) {
  auto opened = open_store("postgresql://nobody@/nothing?host=/nonexistent&connect_timeout=2",
                           OpenMode::must_exist);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "storage");
  EXPECT_NE(opened.error().message.find("cannot connect to PostgreSQL"), std::string::npos);
}

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(spoorboek::testing::Backend::postgres);
    database_ = std::make_unique<ScratchDatabase>(
        Backend::postgres, ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  std::unique_ptr<ScratchDatabase> database_;
};

// Servers that start at the same moment each run migrate(); the advisory lock makes every
// migration run once, and every server finds the newest schema.
TEST_F(PostgresStoreTest, MigrationsStartedAtTheSameMomentRunOnce) {
  constexpr int kServers = 6;
  std::atomic<int> ready{0};
  std::vector<std::string> failures(kServers);
  std::vector<std::thread> servers;
  for (int i = 0; i < kServers; ++i) {
    servers.emplace_back([&, i] {
      auto opened = open_store(database_->db(), OpenMode::must_exist);
      if (!opened.ok()) {
        failures[i] = opened.error().message;
        return;
      }
      ready++;
      while (ready.load() < kServers) std::this_thread::yield();
      if (auto migrated = (*opened)->migrate(); !migrated.ok()) failures[i] = migrated.error().message;
    });
  }
  for (auto& server : servers) server.join();
  for (const auto& failure : failures) EXPECT_EQ(failure, "");
  const int newest = detail::postgres_migrations().back().version;
  EXPECT_EQ(database_->scalar("SELECT count(*) FROM schema_migrations"), newest);
  EXPECT_EQ(database_->scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'entries'"), 1);
}

// Two servers append to one case at once, both having read the same last entry: the first
// insert holds the primary key (case_id, seq) until it commits; the second then fails on it and
// is answered "conflict", writing nothing, exactly as SQLite's serialised writers are.
TEST_F(PostgresStoreTest, OfTwoAppendsRacingForOneSeqExactlyOneCommits) {
  auto first = database_->open_migrated();
  auto second = open_store(database_->db(), OpenMode::must_exist);
  ASSERT_TRUE(second.ok());
  const auto employer = *first->create_employer("Racebaan BV");
  const auto employee = *first->create_employee(employer, "R. Snel", "R-1");
  const auto case_id = *first->create_case(employee, "2026-03-02T10:00:00Z");
  std::vector<core::Entry> file;
  core::testing::append(file, sick_report("2026-01-05"), case_id);
  ASSERT_TRUE(first->append({file.back(), std::nullopt}).ok());

  auto mine = file;
  auto theirs = file;
  core::testing::append(mine, simple("recovery", "2026-01-20"), case_id);
  core::testing::append(theirs, simple("company_doctor_report", "2026-01-06"), case_id);

  std::atomic<bool> first_inserted{false};
  Status first_status = core::ok_status();
  std::thread holder([&] {
    first_status = first->transaction([&]() -> Status {
      if (auto appended = first->append({mine.back(), std::nullopt}); !appended.ok()) return appended;
      first_inserted = true;
      std::this_thread::sleep_for(300ms);  // the other server's append arrives meanwhile
      return core::ok_status();
    });
  });
  while (!first_inserted) std::this_thread::sleep_for(1ms);
  // Its check of the last entry passes (the first has not committed); its insert waits for the
  // first transaction and then fails on the key.
  const auto started = std::chrono::steady_clock::now();
  const Status second_status = (*second)->append({theirs.back(), std::nullopt});
  const auto waited = std::chrono::steady_clock::now() - started;
  holder.join();
  ASSERT_TRUE(first_status.ok()) << first_status.error().message;
  ASSERT_FALSE(second_status.ok());
  EXPECT_EQ(second_status.error().code, "conflict");
  EXPECT_EQ(second_status.error().field, "expected_seq");
  EXPECT_GT(waited, 100ms);  // it did wait for the first, rather than see its entry
  const auto stored = (*second)->load_entries(case_id);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[1].hash, mine.back().hash);
  EXPECT_FALSE(core::verify_chain(case_id, *stored).has_value());
  // The losing connection is usable afterwards (its transaction was rolled back).
  EXPECT_TRUE((*second)->find_summary(case_id).ok());
}

}  // namespace
}  // namespace spoorboek::store
