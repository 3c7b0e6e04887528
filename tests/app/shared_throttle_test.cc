// Two servers behind a load balancer: two connections to one database, each with its own
// Accounts and its own LoginThrottle (the policy only). The failed logins are in the database,
// so failures through one server count at the other; run on both backends (issue 6).
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "app/accounts.h"
#include "app/application.h"
#include "security/field_cipher.h"
#include "tests/support/test_database.h"

namespace spoorboek::app {
namespace {

using spoorboek::testing::Backend;
using spoorboek::testing::ScratchDatabase;

constexpr std::int64_t kStart = 1795000000;
constexpr const char* kPassword = "een lang wachtwoord";

Moment at(std::int64_t unix_seconds) {
  return Moment{*core::parse_iso_date("2026-11-23"), "2026-11-23T10:00:00Z", unix_seconds};
}

Actor platform_admin() { return Actor{"cli:test", "Test", Role::administrator}; }

class SharedLoginThrottleTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(GetParam());
    database_ = std::make_unique<ScratchDatabase>(GetParam(), "shared_throttle");
    first_store_ = database_->open_migrated();
    second_store_ = database_->open_migrated();
    ASSERT_TRUE(first_store_ && second_store_);
    Application application(*first_store_, &key_);
    ASSERT_TRUE(application.init_database(platform_admin()).ok());
    const auto employer = application.create_employer(platform_admin(), "Bakkerij");
    ASSERT_TRUE(employer.ok());
    first_server_ = std::make_unique<Accounts>(*first_store_, &key_, first_throttle_);
    second_server_ = std::make_unique<Accounts>(*second_store_, &key_, second_throttle_);
    NewUser user{"cm@example.nl", "Naam", kPassword, {Role::case_manager}, *employer,
                 std::nullopt, std::nullopt};
    ASSERT_TRUE(first_server_->create_user(platform_admin(), user, at(kStart)).ok());
  }
  void TearDown() override {
    first_server_.reset();
    second_server_.reset();
    first_store_.reset();
    second_store_.reset();
    database_.reset();
  }

  void wrong_at_first(std::int64_t when) {
    auto refused =
        first_server_->login(LoginRequest{"cm@example.nl", "fout", {}, "10.0.0.1"}, at(when));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "unauthenticated");
  }
  Result<NewSession> right_at_second(std::int64_t when) {
    return second_server_->login(LoginRequest{"CM@example.nl", kPassword, {}, "10.0.0.2"},
                                 at(when));
  }

  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<ScratchDatabase> database_;
  std::unique_ptr<store::Store> first_store_, second_store_;
  LoginThrottle first_throttle_, second_throttle_;
  std::unique_ptr<Accounts> first_server_, second_server_;
};

TEST_P(SharedLoginThrottleTest, FiveFailuresAtOneServerBlockTheSixthAtTheOther) {
  for (int i = 0; i < 5; ++i) wrong_at_first(kStart + i);
  // The sixth attempt, at the other server, from another address, with the right password.
  auto blocked = right_at_second(kStart + 10);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, "too_many_requests");
  EXPECT_EQ(std::stoll(blocked.error().field), 0 + 15 * 60 - 10);  // until the first leaves
  EXPECT_TRUE(right_at_second(kStart + 15 * 60).ok());
}

TEST_P(SharedLoginThrottleTest, ASuccessAtOneServerClearsTheAccountAtTheOther) {
  // Four, a success, four more: the next login still works (eight in the window would block).
  for (int i = 0; i < 4; ++i) wrong_at_first(kStart + i);
  ASSERT_TRUE(right_at_second(kStart + 4).ok());
  for (int i = 5; i < 9; ++i) wrong_at_first(kStart + i);
  auto still = right_at_second(kStart + 9);
  EXPECT_TRUE(still.ok()) << still.error().message;
}

INSTANTIATE_TEST_SUITE_P(Backends, SharedLoginThrottleTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::app
