// Accounts over a real SQLite store: logins, throttling, sessions that end, API tokens, two-factor
// login, and administrators kept to their own tenancy. Time is a parameter, so expiry is tested
// without waiting.
#include <gtest/gtest.h>

#include "app/accounts.h"
#include "app/application.h"
#include "security/base32.h"
#include "security/field_cipher.h"
#include "security/totp.h"
#include "store/sqlite_store.h"

namespace spoorboek::app {
namespace {

constexpr std::int64_t kStart = 1795000000;

Moment at(std::int64_t unix_seconds) {
  return Moment{*core::parse_iso_date("2026-11-23"), "2026-11-23T10:00:00Z", unix_seconds};
}

Actor platform_admin() { return Actor{"cli:test", "Test", Role::administrator}; }

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::SqliteStore::open(":memory:", store::SqliteStore::OpenMode::create_if_missing);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(*opened);
    app_ = std::make_unique<Application>(*store_, &key_);
    accounts_ = std::make_unique<Accounts>(*store_, &key_, throttle_);
    ASSERT_TRUE(app_->init_database(platform_admin()).ok());
    employer_ = *app_->create_employer(platform_admin(), "Bakkerij");
    other_employer_ = *app_->create_employer(platform_admin(), "Andere BV");
    manager_id_ = add_user("cm@example.nl", Role::case_manager, employer_);
  }

  std::int64_t add_user(const std::string& email, Role role, std::int64_t employer) {
    NewUser user{email, "Naam", kPassword, {role}, employer, std::nullopt, std::nullopt};
    auto id = accounts_->create_user(platform_admin(), user, at(kStart));
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  Result<NewSession> login(const std::string& email, const std::string& password,
                           std::int64_t when = kStart, std::optional<std::string> totp = {}) {
    return accounts_->login(LoginRequest{email, password, totp, "10.0.0.1"}, at(when));
  }

  static constexpr const char* kPassword = "een lang wachtwoord";
  security::FieldKey key_ = security::FieldKey::generate();
  LoginThrottle throttle_;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<Application> app_;
  std::unique_ptr<Accounts> accounts_;
  std::int64_t employer_ = 0, other_employer_ = 0, manager_id_ = 0;
};

TEST_F(AccountsTest, LoginGivesASessionThatAuthenticates) {
  auto session = login("CM@example.nl", kPassword);  // e-mail addresses ignore case
  ASSERT_TRUE(session.ok()) << session.error().message;
  EXPECT_TRUE(session->token.starts_with("sbs_"));
  EXPECT_FALSE(session->enrolment_only);
  auto who = accounts_->authenticate(session->token, at(kStart + 60));
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->actor.account_id, manager_id_);
  EXPECT_TRUE(who->actor.roles.has(Role::case_manager));
  EXPECT_EQ(who->actor.employer_id, employer_);
  EXPECT_EQ(who->csrf_token, session->csrf_token);
}

TEST_F(AccountsTest, WrongPasswordAndUnknownAccountGiveTheSameAnswer) {
  auto wrong = login("cm@example.nl", "verkeerd wachtwoord");
  auto unknown = login("niemand@example.nl", kPassword);
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code, "unauthenticated");
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_F(AccountsTest, FailedLoginsAreThrottledPerAccount) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(login("cm@example.nl", "fout", kStart + i).ok());
  auto blocked = login("cm@example.nl", kPassword, kStart + 10);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, "too_many_requests");
  EXPECT_GT(std::stoll(blocked.error().field), 0);
  // After the window the right password works again.
  EXPECT_TRUE(login("cm@example.nl", kPassword, kStart + 15 * 60 + 5).ok());
}

TEST(LoginThrottleTest, TheWaitFollowsFromTheTimesOfTheNewestFailures) {
  const LoginThrottle throttle(LoginThrottle::Limits{3, 5, 100});
  EXPECT_EQ(throttle.window_start(100), 1);
  // Five failures at 10..14 under a key that allows five: blocked until the oldest leaves.
  const std::vector<std::int64_t> five{14, 13, 12, 11, 10};
  EXPECT_EQ(throttle.wait_seconds(five, 5, 20), 100 + 10 - 20);
  EXPECT_EQ(throttle.wait_seconds(five, 5, 109), 1);
  EXPECT_EQ(throttle.wait_seconds(five, 5, 110), 0);  // 10 is out of the window at 110
  EXPECT_EQ(throttle.wait_seconds(std::vector<std::int64_t>{14, 13, 12, 11}, 5, 20), 0);
  // Three allowed: the third newest decides.
  EXPECT_EQ(throttle.wait_seconds(std::vector<std::int64_t>{2, 1, 0}, 3, 3), 0 + 100 - 3);
  EXPECT_EQ(throttle.wait_seconds(std::vector<std::int64_t>{}, 3, 3), 0);

  const auto keys = throttle.keys("Cm@Example.NL", "10.0.0.1");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].name, "account:cm@example.nl");
  EXPECT_EQ(keys[0].limit, 3);
  EXPECT_EQ(keys[1].name, "address:10.0.0.1");
  EXPECT_EQ(keys[1].limit, 5);
  // No address (a password change): the account alone, never one key shared by everybody.
  ASSERT_EQ(throttle.keys("cm@example.nl", "").size(), 1u);
}

TEST(LoginThrottleTest, AddressLimitAndRelease) {
  auto store = store::SqliteStore::open(":memory:", store::SqliteStore::OpenMode::create_if_missing);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->migrate().ok());
  const LoginThrottle throttle(LoginThrottle::Limits{3, 5, 100});
  LoginFailures failures(**store, throttle);
  const auto wait = [&](const char* account, const char* address, std::int64_t now) {
    auto seconds = failures.wait_seconds(account, address, now);
    EXPECT_TRUE(seconds.ok());
    return seconds.ok() ? *seconds : -1;
  };
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(failures.record_failure("user" + std::to_string(i), "1.2.3.4", 10 + i).ok());
  }
  EXPECT_EQ(wait("new@x", "1.2.3.4", 20), 100 + 10 - 20);  // oldest leaves at 110
  EXPECT_EQ(wait("new@x", "5.6.7.8", 20), 0);
  EXPECT_EQ(wait("new@x", "1.2.3.4", 111), 0);
  ASSERT_TRUE(failures.record_failure("a", "9.9.9.9", 0).ok());
  ASSERT_TRUE(failures.record_failure("a", "9.9.9.9", 1).ok());
  ASSERT_TRUE(failures.record_failure("a", "9.9.9.9", 2).ok());
  EXPECT_GT(wait("A", "8.8.8.8", 3), 0);  // the account, whatever the address
  ASSERT_TRUE(failures.record_success("a").ok());
  EXPECT_EQ(wait("a", "8.8.8.8", 3), 0);
  auto address = (*store)->recent_login_failures("address:9.9.9.9", 0, 100);
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->size(), 3u);  // a success leaves the address's failures

  // A failure long after deletes every failure that left the window: the table stays bounded.
  ASSERT_TRUE(failures.record_failure("late", "7.7.7.7", 1000).ok());
  for (const char* key : {"address:1.2.3.4", "address:9.9.9.9", "account:user0"}) {
    auto left = (*store)->recent_login_failures(key, 0, 100);
    ASSERT_TRUE(left.ok());
    EXPECT_TRUE(left->empty()) << key;
  }
  auto kept = (*store)->recent_login_failures("account:late", 0, 100);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, std::vector<std::int64_t>{1000});
}

TEST_F(AccountsTest, SessionsEndWhenIdleTooLongOrTooOldOrLoggedOut) {
  auto idle = login("cm@example.nl", kPassword);
  ASSERT_TRUE(idle.ok());
  EXPECT_FALSE(accounts_->authenticate(idle->token, at(kStart + kIdleMinutes * 60 + 1)).ok());

  auto busy = login("cm@example.nl", kPassword);
  ASSERT_TRUE(busy.ok());
  // Used every 20 minutes it lives until its absolute end.
  std::int64_t t = kStart;
  for (; t + 20 * 60 < kStart + kSessionHours * 3600; t += 20 * 60) {
    ASSERT_TRUE(accounts_->authenticate(busy->token, at(t)).ok()) << t - kStart;
  }
  EXPECT_FALSE(accounts_->authenticate(busy->token, at(kStart + kSessionHours * 3600)).ok());

  auto ended = login("cm@example.nl", kPassword, kStart + 1);
  ASSERT_TRUE(ended.ok());
  ASSERT_TRUE(accounts_->logout(ended->token, at(kStart + 2)).ok());
  EXPECT_FALSE(accounts_->authenticate(ended->token, at(kStart + 3)).ok());
  EXPECT_FALSE(accounts_->authenticate("sbs_forged", at(kStart)).ok());
  EXPECT_FALSE(accounts_->authenticate("anything", at(kStart)).ok());
}

TEST_F(AccountsTest, ApiTokensAreShownOnceStoredHashedAndRevocable) {
  auto token = accounts_->create_api_token(platform_admin(), manager_id_, "HR-koppeling", at(kStart));
  ASSERT_TRUE(token.ok());
  EXPECT_TRUE(token->token.starts_with("sbk_"));
  auto stored = store_->list_api_tokens();
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_NE(stored->front().token_digest, token->token);
  EXPECT_EQ(stored->front().token_digest.find(token->token.substr(4)), std::string::npos);
  auto who = accounts_->authenticate(token->token, at(kStart));
  ASSERT_TRUE(who.ok());
  EXPECT_FALSE(who->by_session);
  ASSERT_TRUE(accounts_->revoke_api_token(platform_admin(), token->id, at(kStart)).ok());
  EXPECT_FALSE(accounts_->authenticate(token->token, at(kStart)).ok());
}

TEST_F(AccountsTest, TwoFactorIsRequiredForDoctorsAndAdministratorsOutsideDemoMode) {
  add_user("arts@example.nl", Role::company_doctor, employer_);
  auto first = login("arts@example.nl", kPassword);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->enrolment_only);
  auto enrolment = accounts_->begin_totp(first->actor, at(kStart));
  ASSERT_TRUE(enrolment.ok());
  EXPECT_NE(enrolment->otpauth_uri.find("otpauth://totp/"), std::string::npos);
  const auto secret = *security::base32_decode(enrolment->secret_base32);
  const std::string code = security::totp_code(secret, kStart + 30);
  if (code != "000000") {
    EXPECT_FALSE(accounts_->confirm_totp(first->actor, "000000", at(kStart + 30)).ok());
  }
  ASSERT_TRUE(accounts_->confirm_totp(first->actor, code, at(kStart + 30)).ok());
  // Confirming ends the enrolment session; from now on the code is needed.
  EXPECT_FALSE(accounts_->authenticate(first->token, at(kStart + 31)).ok());
  auto without = login("arts@example.nl", kPassword, kStart + 90);
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.error().field, "totp");
  const std::string later = security::totp_code(secret, kStart + 90);
  auto with = login("arts@example.nl", kPassword, kStart + 90, later);
  ASSERT_TRUE(with.ok()) << with.error().message;
  EXPECT_FALSE(with->enrolment_only);
  // A code is used once.
  auto replay = login("arts@example.nl", kPassword, kStart + 91, later);
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.error().field, "totp");
}

TEST_F(AccountsTest, AdministratorsManageOnlyTheirOwnTenancy) {
  Actor employer_admin{"user:9", "HR-beheer", Role::administrator};
  employer_admin.account_id = 9;
  employer_admin.employer_id = employer_;
  NewUser own{"own@example.nl", "Eigen", kPassword, {Role::line_manager}, employer_, {}, {}};
  EXPECT_TRUE(accounts_->create_user(employer_admin, own, at(kStart)).ok());
  NewUser other{"other@example.nl", "Ander", kPassword, {Role::line_manager}, other_employer_, {}, {}};
  auto refused = accounts_->create_user(employer_admin, other, at(kStart));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "forbidden");
  NewUser platform{"root@example.nl", "Root", kPassword, {Role::administrator}, {}, {}, {}};
  EXPECT_FALSE(accounts_->create_user(employer_admin, platform, at(kStart)).ok());
  const auto listed = accounts_->list_users(employer_admin);
  ASSERT_TRUE(listed.ok());
  for (const auto& user : *listed) EXPECT_EQ(user.employer_id, employer_) << user.email;
  // Weak passwords and malformed addresses are refused with the field named.
  NewUser weak = own;
  weak.email = "weak@example.nl";
  weak.password = "kort";
  EXPECT_EQ(accounts_->create_user(platform_admin(), weak, at(kStart)).error().field, "password");
  NewUser bad = own;
  bad.email = "geen-adres";
  EXPECT_EQ(accounts_->create_user(platform_admin(), bad, at(kStart)).error().field, "email");
}

}  // namespace
}  // namespace spoorboek::app
