// The contract of the pending-login methods of store::Store (store.h, "Pending logins"), run
// against both backends (issue 6): only the Store interface is used, and a second connection
// stands for another server of the same database.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/store.h"
#include "tests/support/test_database.h"

namespace spoorboek::store {
namespace {

using spoorboek::testing::Backend;

class PendingLoginStoreTest : public spoorboek::testing::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    user_ = add_user("a@example.nl");
    other_user_ = add_user("b@example.nl");
  }

  std::int64_t add_user(const std::string& email) {
    UserRecord user;
    user.email = email;
    user.display_name = "Naam";
    user.password_hash = "not a real hash";
    user.roles = {"case_manager"};
    user.created_at = "2026-11-23T10:00:00Z";
    auto id = store_->create_user(user);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : 0;
  }
  void create(const PendingLoginRecord& login) {
    const Status created = store_->create_pending_login(login);
    ASSERT_TRUE(created.ok()) << created.error().message;
  }
  std::int64_t rows() const { return database_->scalar("SELECT count(*) FROM pending_logins"); }

  std::int64_t user_ = 0, other_user_ = 0;
};

TEST_P(PendingLoginStoreTest, AStoredPendingLoginIsFoundByItsDigestAtEveryConnection) {
  const PendingLoginRecord login{"digest-1", user_, 1000, 0};
  create(login);
  auto found = store_->find_pending_login("digest-1");
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(*found, login);
  auto other = database_->open_migrated();
  ASSERT_TRUE(other);
  auto there = other->find_pending_login("digest-1");
  ASSERT_TRUE(there.ok());
  EXPECT_EQ(*there, login);
  auto missing = store_->find_pending_login("digest-2");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "not_found");
  EXPECT_EQ(missing.error().field, "pending_login");
}

TEST_P(PendingLoginStoreTest, BadRecordsAreRefusedByTheFieldAndWriteNothing) {
  create(PendingLoginRecord{"taken", user_, 1000, 0});
  const Status twice = store_->create_pending_login(PendingLoginRecord{"taken", other_user_, 5, 0});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "conflict");
  EXPECT_EQ(twice.error().field, "token_digest");
  EXPECT_EQ(store_->find_pending_login("taken")->user_id, user_);

  const Status empty = store_->create_pending_login(PendingLoginRecord{"", user_, 1000, 0});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "invalid");
  EXPECT_EQ(empty.error().field, "token_digest");

  const Status nobody = store_->create_pending_login(PendingLoginRecord{"x", 9999, 1000, 0});
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().code, "not_found");
  EXPECT_EQ(nobody.error().field, "user_id");
  EXPECT_EQ(rows(), 1);
}

TEST_P(PendingLoginStoreTest, WrongCodesAreCountedAcrossConnections) {
  create(PendingLoginRecord{"d", user_, 1000, 0});
  auto other = database_->open_migrated();
  ASSERT_TRUE(other);
  EXPECT_EQ(*store_->add_pending_login_failure("d"), 1);
  EXPECT_EQ(*other->add_pending_login_failure("d"), 2);
  EXPECT_EQ(*store_->add_pending_login_failure("d"), 3);
  EXPECT_EQ(store_->find_pending_login("d")->failed_codes, 3);
  auto missing = store_->add_pending_login_failure("none");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "not_found");
  EXPECT_EQ(missing.error().field, "pending_login");
}

TEST_P(PendingLoginStoreTest, DeletingOneSaysWhetherItWasThere) {
  create(PendingLoginRecord{"d", user_, 1000, 0});
  auto other = database_->open_migrated();
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->delete_pending_login("d").ok());
  const Status again = store_->delete_pending_login("d");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "not_found");
  EXPECT_EQ(again.error().field, "pending_login");
  EXPECT_EQ(rows(), 0);
}

TEST_P(PendingLoginStoreTest, ATransactionThatUsesOneUpFailsWholeWhenItIsGone) {
  // The session and the use of the pending login are one write (app::Accounts::finish_login):
  // when the pending login was used meanwhile, nothing else of the transaction stays.
  create(PendingLoginRecord{"d", user_, 1000, 0});
  ASSERT_TRUE(store_->delete_pending_login("d").ok());
  const Status used = store_->transaction([&]() -> Status {
    if (auto put = store_->put_setting("witness", "1"); !put.ok()) return put;
    return store_->delete_pending_login("d");
  });
  ASSERT_FALSE(used.ok());
  EXPECT_EQ(used.error().code, "not_found");
  EXPECT_FALSE(store_->get_setting("witness")->has_value());
}

TEST_P(PendingLoginStoreTest, ExpiredOnesAndAUsersOnesAreDeleted) {
  create(PendingLoginRecord{"old", user_, 100, 0});
  create(PendingLoginRecord{"now", user_, 200, 2});
  create(PendingLoginRecord{"later", user_, 201, 0});
  create(PendingLoginRecord{"other", other_user_, 300, 0});
  auto deleted = store_->delete_expired_pending_logins(200);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(*deleted, 2);  // expires_at <= now
  EXPECT_FALSE(store_->find_pending_login("old").ok());
  EXPECT_FALSE(store_->find_pending_login("now").ok());
  EXPECT_TRUE(store_->find_pending_login("later").ok());
  EXPECT_EQ(*store_->delete_expired_pending_logins(200), 0);

  ASSERT_TRUE(store_->delete_user_pending_logins(user_).ok());
  EXPECT_FALSE(store_->find_pending_login("later").ok());
  EXPECT_TRUE(store_->find_pending_login("other").ok());
  EXPECT_TRUE(store_->delete_user_pending_logins(user_).ok());  // none left is no error
  EXPECT_EQ(rows(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PendingLoginStoreTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::store
