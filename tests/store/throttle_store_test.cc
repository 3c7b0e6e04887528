// The contract of the login-throttle methods of store::Store (store.h, "Login throttling"), run
// against both backends (issue 6): only the Store interface is used.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/support/test_database.h"

namespace spoorboek::store {
namespace {

using spoorboek::testing::Backend;
using Times = std::vector<std::int64_t>;

class ThrottleStoreTest : public spoorboek::testing::BackendStoreTest {
 protected:

  // A new connection to this test's database (the same database at every call), migrated.
  std::unique_ptr<Store> open_test_store() { return database_->open_migrated(); }

  Times recent(Store& store, const std::string& key, std::int64_t since = 0, int limit = 100) {
    auto times = store.recent_login_failures(key, since, limit);
    EXPECT_TRUE(times.ok()) << (times.ok() ? "" : times.error().message);
    return times.ok() ? *times : Times{};
  }
  Times recent(const std::string& key, std::int64_t since = 0, int limit = 100) {
    return recent(*store_, key, since, limit);
  }
  void record(const std::vector<std::string>& keys, std::int64_t at) {
    const Status recorded = store_->record_login_failure(keys, at);
    ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  }

};

TEST_P(ThrottleStoreTest, AFailureCountsUnderEachKeyAndIsListedNewestFirst) {
  record({"account:a@example.nl", "address:10.0.0.1"}, 10);
  record({"account:a@example.nl", "address:10.0.0.2"}, 30);
  record({"account:a@example.nl", "address:10.0.0.1"}, 20);
  EXPECT_EQ(recent("account:a@example.nl"), (Times{30, 20, 10}));
  EXPECT_EQ(recent("address:10.0.0.1"), (Times{20, 10}));
  EXPECT_EQ(recent("address:10.0.0.2"), (Times{30}));
  EXPECT_EQ(recent("account:b@example.nl"), Times{});
}

TEST_P(ThrottleStoreTest, SinceIsInclusiveAndLimitKeepsTheNewest) {
  for (const std::int64_t at : {100, 101, 102, 103, 103}) record({"account:a"}, at);
  EXPECT_EQ(recent("account:a", 102), (Times{103, 103, 102}));
  EXPECT_EQ(recent("account:a", 104), Times{});
  EXPECT_EQ(recent("account:a", 0, 2), (Times{103, 103}));
  EXPECT_EQ(recent("account:a", 0, 1), (Times{103}));
  for (const int limit : {0, -1}) {
    auto refused = store_->recent_login_failures("account:a", 0, limit);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "invalid");
    EXPECT_EQ(refused.error().field, "limit");
  }
}

TEST_P(ThrottleStoreTest, KeysAreComparedExactly) {
  // The store never normalises: app::LoginThrottle lower-cases the e-mail address before.
  record({"account:A@example.nl"}, 10);
  EXPECT_EQ(recent("account:a@example.nl"), Times{});
  EXPECT_EQ(recent("account:A@example.nl"), (Times{10}));
  EXPECT_EQ(recent("account:A@example.nl "), Times{});
}

TEST_P(ThrottleStoreTest, AnEmptyKeyIsInvalidAndWritesNothing) {
  const std::vector<std::string> keys{"account:a", ""};
  const Status refused = store_->record_login_failure(keys, 10);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "invalid");
  EXPECT_EQ(refused.error().field, "keys");
  EXPECT_EQ(recent("account:a"), Times{});
  EXPECT_TRUE(store_->record_login_failure(std::vector<std::string>{}, 10).ok());
}

TEST_P(ThrottleStoreTest, ClearingForgetsOneKeyOnly) {
  record({"account:a", "address:1.2.3.4"}, 10);
  record({"account:b", "address:1.2.3.4"}, 11);
  ASSERT_TRUE(store_->clear_login_failures("account:a").ok());
  EXPECT_EQ(recent("account:a"), Times{});
  EXPECT_EQ(recent("account:b"), (Times{11}));
  EXPECT_EQ(recent("address:1.2.3.4"), (Times{11, 10}));
  EXPECT_TRUE(store_->clear_login_failures("account:nobody").ok());
}

TEST_P(ThrottleStoreTest, OldFailuresOfEveryKeyAreDeletedAndCounted) {
  record({"account:a", "address:1.2.3.4"}, 5);
  record({"account:a", "address:1.2.3.4"}, 10);
  record({"account:b"}, 15);
  auto deleted = store_->delete_login_failures_before(10);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(*deleted, 2);  // both rows at 5; the ones at 10 are not before 10
  EXPECT_EQ(recent("account:a"), (Times{10}));
  EXPECT_EQ(recent("address:1.2.3.4"), (Times{10}));
  EXPECT_EQ(recent("account:b"), (Times{15}));
  auto none = store_->delete_login_failures_before(10);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
}

TEST_P(ThrottleStoreTest, EveryConnectionSeesTheSameFailures) {
  auto other = open_test_store();
  ASSERT_TRUE(other);
  record({"account:a"}, 10);
  EXPECT_EQ(recent(*other, "account:a"), (Times{10}));
  ASSERT_TRUE(other->record_login_failure(std::vector<std::string>{"account:a"}, 11).ok());
  EXPECT_EQ(recent("account:a"), (Times{11, 10}));
  ASSERT_TRUE(other->clear_login_failures("account:a").ok());
  EXPECT_EQ(recent("account:a"), Times{});
}

TEST_P(ThrottleStoreTest, AFailedTransactionTakesTheFailuresBack) {
  const Status failed = store_->transaction([&]() -> Status {
    if (auto recorded = store_->record_login_failure(std::vector<std::string>{"account:a"}, 10);
        !recorded.ok()) {
      return recorded;
    }
    return core::make_error("conflict", "", "something after it failed");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(recent("account:a"), Times{});
}

INSTANTIATE_TEST_SUITE_P(Backends, ThrottleStoreTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::store
