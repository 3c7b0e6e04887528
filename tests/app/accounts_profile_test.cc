// The user's own account settings over a real SQLite file: changing the password (the current one
// checked and throttled, the policy applied, other sessions ended, audited) and the language.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/accounts.h"
#include "app/application.h"
#include "security/field_cipher.h"
#include "security/password.h"
#include "security/tokens.h"
#include "store/sqlite_store.h"

namespace spoorboek::app {
namespace {

constexpr std::int64_t kStart = 1795000000;
constexpr const char* kPassword = "een lang wachtwoord";
constexpr const char* kNewPassword = "een ander lang wachtwoord";

Moment at(std::int64_t unix_seconds) {
  return Moment{*core::parse_iso_date("2026-11-23"), "2026-11-23T10:00:00Z", unix_seconds};
}

class AccountsProfileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "spoorboek_profile_XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    const std::string db = (dir_ / "profile.db").string();
    auto opened = store::SqliteStore::open(db, store::SqliteStore::OpenMode::create_if_missing);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(*opened);
    const Actor root{"cli:test", "Test", Role::administrator};
    app_ = std::make_unique<Application>(*store_, &key_);
    accounts_ = std::make_unique<Accounts>(*store_, &key_, throttle_);
    ASSERT_TRUE(app_->init_database(root).ok());
    const auto employer = *app_->create_employer(root, "Bakkerij");
    NewUser user{"cm@example.nl", "Naam", kPassword, {Role::case_manager}, employer, std::nullopt,
                 std::nullopt};
    user_id_ = *accounts_->create_user(root, user, at(kStart));
    actor_ = *accounts_->load_actor(user_id_);
  }
  void TearDown() override {
    accounts_.reset();
    app_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string log_in(const std::string& password) {
    auto session = accounts_->login(LoginRequest{"cm@example.nl", password, {}, "10.0.0.1"},
                                    at(kStart));
    return session.ok() ? session->token : "";
  }

  std::filesystem::path dir_;
  security::FieldKey key_ = security::FieldKey::generate();
  LoginThrottle throttle_;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<Application> app_;
  std::unique_ptr<Accounts> accounts_;
  std::int64_t user_id_ = 0;
  Actor actor_;
};

TEST_F(AccountsProfileTest, ANewPasswordReplacesTheOldAndEndsTheOtherSessions) {
  const std::string mine = log_in(kPassword);
  const std::string other = log_in(kPassword);
  ASSERT_FALSE(mine.empty());
  auto changed = accounts_->change_password(actor_, mine, kPassword, kNewPassword,
                                            at(kStart + 10));
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_TRUE(accounts_->authenticate(mine, at(kStart + 20)).ok());
  EXPECT_FALSE(accounts_->authenticate(other, at(kStart + 20)).ok());
  EXPECT_TRUE(log_in(kPassword).empty());
  EXPECT_FALSE(log_in(kNewPassword).empty());
  const auto user = store_->find_user(user_id_);
  ASSERT_TRUE(user.ok());
  EXPECT_TRUE(user->password_hash.starts_with("$argon2id$"));
}

TEST_F(AccountsProfileTest, AWrongCurrentPasswordChangesNothingAndIsThrottled) {
  const std::string mine = log_in(kPassword);
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto refused = accounts_->change_password(actor_, mine, "fout wachtwoord", kNewPassword,
                                              at(kStart + attempt));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "unauthenticated");
    EXPECT_EQ(refused.error().field, "current_password");
  }
  auto throttled = accounts_->change_password(actor_, mine, kPassword, kNewPassword,
                                              at(kStart + 10));
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().code, "too_many_requests");
  // The throttle now blocks logins too (the same account key); the stored hash is unchanged.
  EXPECT_TRUE(security::verify_password(store_->find_user(user_id_)->password_hash, kPassword));
}

TEST_F(AccountsProfileTest, TheNewPasswordFollowsThePolicy) {
  const std::string mine = log_in(kPassword);
  for (const auto& [replacement, code] :
       {std::pair<std::string, std::string>{"kort", "too_short"},
        {std::string(20, 'a'), "too_simple"},
        {kPassword, "unchanged"}}) {
    auto refused = accounts_->change_password(actor_, mine, kPassword, replacement,
                                              at(kStart));
    ASSERT_FALSE(refused.ok()) << replacement;
    EXPECT_EQ(refused.error().code, code);
    EXPECT_EQ(refused.error().field, "new_password");
  }
  EXPECT_FALSE(log_in(kPassword).empty());
}

TEST_F(AccountsProfileTest, AnOperatorWithoutAccountHasNoPassword) {
  const Actor root{"cli:test", "Test", Role::administrator};
  EXPECT_EQ(accounts_->change_password(root, "", kPassword, kNewPassword,
                                       at(kStart)).error().code,
            "forbidden");
}

TEST_F(AccountsProfileTest, TheLanguageIsDutchUntilChosen) {
  EXPECT_EQ(*accounts_->language(actor_), "nl");
  ASSERT_TRUE(accounts_->set_language(actor_, "en").ok());
  EXPECT_EQ(*accounts_->language(actor_), "en");
  const auto refused = accounts_->set_language(actor_, "de");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "language");
  EXPECT_EQ(*accounts_->language(actor_), "en");
}

}  // namespace
}  // namespace spoorboek::app
