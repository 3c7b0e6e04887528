// The browser's login in two steps (Accounts::begin_login, finish_login) behind a load balancer:
// two servers are two connections to one database, each with its own Accounts and its own
// LoginThrottle (the policy only). The password may reach one and the code the other; the pending
// login between them is in the database, holds neither the password nor its token, works once,
// expires, and ends after five wrong codes. Run on both backends (issue 6).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>

#include "app/accounts.h"
#include "app/application.h"
#include "security/base32.h"
#include "security/field_cipher.h"
#include "security/tokens.h"
#include "security/totp.h"
#include "tests/support/test_database.h"

namespace spoorboek::app {
namespace {

using spoorboek::testing::Backend;
using spoorboek::testing::ScratchDatabase;

constexpr std::int64_t kStart = 1795000000;
constexpr const char* kPassword = "een lang wachtwoord";
constexpr const char* kEmail = "tf@example.nl";

Moment at(std::int64_t unix_seconds) {
  return Moment{*core::parse_iso_date("2026-11-23"), "2026-11-23T10:00:00Z", unix_seconds};
}

Actor platform_admin() { return Actor{"cli:test", "Test", Role::administrator}; }

class TwoStepLoginTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(GetParam());
    database_ = std::make_unique<ScratchDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_a_ = database_->open_migrated();
    store_b_ = database_->open_migrated();
    ASSERT_TRUE(store_a_ && store_b_);
    Application application(*store_a_, &key_);
    ASSERT_TRUE(application.init_database(platform_admin()).ok());
    const auto employer = application.create_employer(platform_admin(), "Bakkerij");
    ASSERT_TRUE(employer.ok());
    server_a_ = std::make_unique<Accounts>(*store_a_, &key_, throttle_a_);
    server_b_ = std::make_unique<Accounts>(*store_b_, &key_, throttle_b_);
    for (const char* email : {kEmail, "cm@example.nl"}) {
      NewUser user{email, "Naam", kPassword, {Role::case_manager}, *employer, std::nullopt,
                   std::nullopt};
      auto id = server_a_->create_user(platform_admin(), user, at(kStart));
      ASSERT_TRUE(id.ok()) << id.error().message;
      if (std::string(email) == kEmail) user_id_ = *id;
    }
    // Two-factor login for tf@ (the step of kStart is used by the confirmation).
    auto actor = server_a_->load_actor(user_id_);
    ASSERT_TRUE(actor.ok());
    auto enrolment = server_a_->begin_totp(*actor, at(kStart));
    ASSERT_TRUE(enrolment.ok());
    secret_ = *security::base32_decode(enrolment->secret_base32);
    ASSERT_TRUE(server_a_->confirm_totp(*actor, code_at(kStart), at(kStart)).ok());
  }
  void TearDown() override {
    server_a_.reset();
    server_b_.reset();
    store_a_.reset();
    store_b_.reset();
    database_.reset();
  }

  std::string code_at(std::int64_t when) const { return security::totp_code(secret_, when); }
  // A six-digit code that no step within the window around `when` has.
  std::string wrong_code_at(std::int64_t when) const {
    for (const char* candidate : {"000000", "111111", "222222", "333333"}) {
      bool matches = false;
      for (int steps = -1; steps <= 1; ++steps) {
        matches = matches || code_at(when + steps * security::kTotpStepSeconds) == candidate;
      }
      if (!matches) return candidate;
    }
    return "444444";
  }

  // The password step at `server`: the pending login's token (the test fails without one).
  std::string begin(Accounts& server, std::int64_t when, const std::string& address = "10.0.0.1") {
    auto step = server.begin_login(PasswordLogin{kEmail, kPassword, address}, at(when));
    EXPECT_TRUE(step.ok()) << (step.ok() ? "" : step.error().message);
    if (!step.ok()) return "";
    EXPECT_FALSE(step->session.has_value());
    EXPECT_TRUE(step->pending.has_value());
    return step->pending ? step->pending->token : "";
  }

  std::int64_t pending_rows() const {
    return database_->scalar("SELECT count(*) FROM pending_logins");
  }
  int failed_codes(const std::string& token) {
    auto pending = store_a_->find_pending_login(security::token_digest(token));
    return pending.ok() ? pending->failed_codes : -1;
  }
  std::size_t throttled_failures() {
    auto times = store_a_->recent_login_failures(LoginThrottle::account_key(kEmail), 0, 100);
    return times.ok() ? times->size() : 0;
  }

  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<ScratchDatabase> database_;
  std::unique_ptr<store::Store> store_a_, store_b_;
  LoginThrottle throttle_a_, throttle_b_;
  std::unique_ptr<Accounts> server_a_, server_b_;
  std::int64_t user_id_ = 0;
  std::vector<unsigned char> secret_;
};

void expect_error(const core::Error& error, const std::string& code, const std::string& field) {
  EXPECT_EQ(error.code, code) << error.message;
  EXPECT_EQ(error.field, field) << error.message;
}

TEST_P(TwoStepLoginTest, ThePasswordAtOneServerAndTheCodeAtTheOtherMakeTheSession) {
  const std::int64_t t = kStart + 60;
  const std::string token = begin(*server_a_, t);
  ASSERT_TRUE(token.starts_with(kPendingLoginPrefix));
  EXPECT_EQ(pending_rows(), 1);

  auto email = server_b_->pending_login_email(token, at(t + 5));
  ASSERT_TRUE(email.ok()) << email.error().message;
  EXPECT_EQ(*email, kEmail);

  auto session = server_b_->finish_login(token, code_at(t + 5), "10.0.0.1", at(t + 5));
  ASSERT_TRUE(session.ok()) << session.error().message;
  EXPECT_TRUE(session->token.starts_with(kSessionTokenPrefix));
  EXPECT_FALSE(session->enrolment_only);
  EXPECT_EQ(session->actor.account_id, user_id_);
  EXPECT_EQ(session->expires_at, t + 5 + kSessionHours * 3600);
  // The session is in the database: the first server knows it too.
  auto who = server_a_->authenticate(session->token, at(t + 6));
  ASSERT_TRUE(who.ok()) << who.error().message;
  EXPECT_EQ(who->actor.account_id, user_id_);
  EXPECT_EQ(pending_rows(), 0);
  EXPECT_EQ(database_->scalar("SELECT count(*) FROM audit_events WHERE action = 'login' AND "
                              "target = 'user:" + std::to_string(user_id_) + "'"),
            1);
}

TEST_P(TwoStepLoginTest, APendingLoginWorksOnce) {
  const std::int64_t t = kStart + 60;
  const std::string token = begin(*server_a_, t);
  ASSERT_TRUE(server_b_->finish_login(token, code_at(t), "10.0.0.1", at(t)).ok());
  // Again with the next (valid, unused) code, at either server: the pending login is gone.
  for (Accounts* server : {server_a_.get(), server_b_.get()}) {
    auto again = server->finish_login(token, code_at(t + 30), "10.0.0.1", at(t + 30));
    ASSERT_FALSE(again.ok());
    expect_error(again.error(), "unauthenticated", "pending_login");
    auto email = server->pending_login_email(token, at(t + 30));
    ASSERT_FALSE(email.ok());
    expect_error(email.error(), "unauthenticated", "pending_login");
  }
  // A made-up token is refused the same way.
  auto made_up = server_a_->finish_login("sbp_made-up", code_at(t + 30), "10.0.0.1", at(t + 30));
  ASSERT_FALSE(made_up.ok());
  expect_error(made_up.error(), "unauthenticated", "pending_login");
}

TEST_P(TwoStepLoginTest, AnExpiredPendingLoginIsRefusedAndDeletedByTheNextOne) {
  const std::int64_t t = kStart + 60;
  const std::string token = begin(*server_a_, t);
  const std::int64_t end = t + kPendingLoginSeconds;
  EXPECT_TRUE(server_b_->pending_login_email(token, at(end - 1)).ok());
  auto late = server_b_->finish_login(token, code_at(end), "10.0.0.1", at(end));
  ASSERT_FALSE(late.ok());
  expect_error(late.error(), "unauthenticated", "pending_login");
  EXPECT_FALSE(server_b_->pending_login_email(token, at(end)).ok());
  EXPECT_EQ(failed_codes(token), 0) << "a late code is no wrong code";

  // The next pending login (any server) deletes the expired one.
  const std::string next = begin(*server_b_, end + 1);
  EXPECT_EQ(pending_rows(), 1);
  EXPECT_EQ(failed_codes(token), -1);
  EXPECT_EQ(failed_codes(next), 0);
}

TEST_P(TwoStepLoginTest, FiveWrongCodesEndThePendingLogin) {
  // A throttle that would allow more: the pending login ends by its own count.
  LoginThrottle lenient(LoginThrottle::Limits{100, 100, 15 * 60});
  Accounts lenient_a(*store_a_, &key_, lenient);
  Accounts lenient_b(*store_b_, &key_, lenient);
  const std::int64_t t = kStart + 60;
  const std::string token = begin(lenient_a, t);
  const std::string wrong = wrong_code_at(t);
  for (int i = 1; i < kPendingLoginCodeAttempts; ++i) {
    Accounts& server = i % 2 == 0 ? lenient_a : lenient_b;  // counted across servers
    auto refused = server.finish_login(token, wrong, "10.0.0.1", at(t + i));
    ASSERT_FALSE(refused.ok());
    expect_error(refused.error(), "unauthenticated", "totp");
    EXPECT_EQ(failed_codes(token), i);
  }
  auto last = lenient_b.finish_login(token, wrong, "10.0.0.1", at(t + 5));
  ASSERT_FALSE(last.ok());
  expect_error(last.error(), "too_many_codes", "totp");
  EXPECT_EQ(pending_rows(), 0);
  // Even the right code does not help now: the person starts again with the password.
  auto right = lenient_a.finish_login(token, code_at(t + 6), "10.0.0.1", at(t + 6));
  ASSERT_FALSE(right.ok());
  expect_error(right.error(), "unauthenticated", "pending_login");
  // Each wrong code was a failed login of the account, audited as before.
  EXPECT_EQ(throttled_failures(), static_cast<std::size_t>(kPendingLoginCodeAttempts));
  EXPECT_EQ(database_->scalar("SELECT count(*) FROM audit_events WHERE action = 'login_failed' "
                              "AND detail = 'wrong TOTP code'"),
            kPendingLoginCodeAttempts);
  // A new pending login starts its own count.
  const std::string again = begin(lenient_b, t + 7);
  auto done = lenient_a.finish_login(again, code_at(t + 7), "10.0.0.1", at(t + 7));
  EXPECT_TRUE(done.ok()) << done.error().message;
}

TEST_P(TwoStepLoginTest, WrongCodesAndWrongPasswordsShareTheThrottle) {
  const std::int64_t t = kStart + 60;
  for (int i = 0; i < 3; ++i) {
    auto wrong = server_a_->begin_login(PasswordLogin{kEmail, "fout", "10.0.0.1"}, at(t + i));
    ASSERT_FALSE(wrong.ok());
    expect_error(wrong.error(), "unauthenticated", "");
  }
  const std::string token = begin(*server_a_, t + 3);
  for (int i = 0; i < 2; ++i) {
    auto refused = server_b_->finish_login(token, wrong_code_at(t + 4), "10.0.0.2", at(t + 4 + i));
    ASSERT_FALSE(refused.ok());
    expect_error(refused.error(), "unauthenticated", "totp");
  }
  // Five failures of the account in the window, from two addresses at two servers: the right
  // code waits like a password would, and the pending login stays.
  auto blocked = server_a_->finish_login(token, code_at(t + 10), "10.0.0.3", at(t + 10));
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, "too_many_requests");
  EXPECT_EQ(std::stoll(blocked.error().field), 15 * 60 - 10);  // until the first failure leaves
  EXPECT_EQ(failed_codes(token), 2);
  auto password = server_b_->begin_login(PasswordLogin{kEmail, kPassword, "10.0.0.3"}, at(t + 10));
  ASSERT_FALSE(password.ok());
  EXPECT_EQ(password.error().code, "too_many_requests");
}

TEST_P(TwoStepLoginTest, AWrongPasswordNeverCreatesAPendingLogin) {
  const std::int64_t t = kStart + 60;
  auto wrong = server_a_->begin_login(PasswordLogin{kEmail, "fout", "10.0.0.1"}, at(t));
  ASSERT_FALSE(wrong.ok());
  auto unknown =
      server_b_->begin_login(PasswordLogin{"nobody@example.nl", kPassword, "10.0.0.1"}, at(t));
  ASSERT_FALSE(unknown.ok());
  // The same answer for both: nothing tells which addresses have accounts.
  EXPECT_EQ(wrong.error().code, "unauthenticated");
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(pending_rows(), 0);
  EXPECT_EQ(database_->scalar("SELECT count(*) FROM audit_events WHERE action = 'login_failed'"),
            2);
  // An account without two-factor login gets its session at once, and no pending login either.
  auto direct = server_a_->begin_login(PasswordLogin{"cm@example.nl", kPassword, "10.0.0.1"}, at(t));
  ASSERT_TRUE(direct.ok()) << direct.error().message;
  ASSERT_TRUE(direct->session.has_value());
  EXPECT_FALSE(direct->pending.has_value());
  EXPECT_TRUE(server_b_->authenticate(direct->session->token, at(t + 1)).ok());
  EXPECT_EQ(pending_rows(), 0);
}

TEST_P(TwoStepLoginTest, TheStoredRowHoldsNoPasswordAndOnlyTheTokensDigest) {
  const std::int64_t t = kStart + 60;
  const std::string token = begin(*server_a_, t);
  const std::string digest = security::token_digest(token);
  EXPECT_EQ(database_->scalar("SELECT count(*) FROM pending_logins WHERE token_digest = '" +
                              digest + "' AND user_id = " + std::to_string(user_id_) +
                              " AND expires_at = " + std::to_string(t + kPendingLoginSeconds) +
                              " AND failed_codes = 0"),
            1);
  // Every column of the row, as one text: neither the token (nor its random part) nor the
  // password (nor the user's password hash) is in it.
  const std::string row =
      "(token_digest || ' ' || user_id || ' ' || expires_at || ' ' || failed_codes)";
  const std::string random_part = token.substr(kPendingLoginPrefix.size());
  const std::string password_hash = store_a_->find_user(user_id_)->password_hash;
  const std::string position = GetParam() == Backend::sqlite ? "instr" : "strpos";
  for (const std::string& secret : {token, random_part, std::string(kPassword), password_hash}) {
    std::string error;
    EXPECT_EQ(database_->scalar("SELECT count(*) FROM pending_logins WHERE " + position + "(" +
                                    row + ", '" + secret + "') > 0",
                                &error),
              0)
        << secret;
    EXPECT_EQ(error, "");
  }
  // ... and the table has no other column to hide it in.
  const std::string columns =
      GetParam() == Backend::sqlite
          ? "SELECT count(*) FROM pragma_table_info('pending_logins')"
          : "SELECT count(*) FROM information_schema.columns WHERE table_name = 'pending_logins' "
            "AND table_schema = current_schema()";
  EXPECT_EQ(database_->scalar(columns), 4);
}

TEST_P(TwoStepLoginTest, APasswordChangeOrDisablingTheAccountEndsItsPendingLogins) {
  const std::int64_t t = kStart + 60;
  const std::string before_change = begin(*server_a_, t);
  auto session = server_b_->finish_login(begin(*server_b_, t), code_at(t), "10.0.0.1", at(t));
  ASSERT_TRUE(session.ok()) << session.error().message;
  ASSERT_TRUE(server_b_
                  ->change_password(session->actor, session->token, kPassword,
                                    "een ander lang wachtwoord", at(t + 1))
                  .ok());
  // The pending login passed the old password: it does not finish now.
  auto stale = server_a_->finish_login(before_change, code_at(t + 30), "10.0.0.1", at(t + 30));
  ASSERT_FALSE(stale.ok());
  expect_error(stale.error(), "unauthenticated", "pending_login");

  auto step = server_a_->begin_login(
      PasswordLogin{kEmail, "een ander lang wachtwoord", "10.0.0.1"}, at(t + 31));
  ASSERT_TRUE(step.ok() && step->pending);
  ASSERT_TRUE(server_a_->set_user_disabled(platform_admin(), user_id_, true, at(t + 32)).ok());
  EXPECT_EQ(pending_rows(), 0);
  auto disabled = server_b_->finish_login(step->pending->token, code_at(t + 60), "10.0.0.1",
                                          at(t + 60));
  ASSERT_FALSE(disabled.ok());
  EXPECT_EQ(disabled.error().code, "unauthenticated");
}

TEST_P(TwoStepLoginTest, OfTwoServersFinishingOneLoginAtOnceOneGetsTheSession) {
  // Both send a valid code (two different steps of the window); whichever comes second finds the
  // pending login used (or its code's step used): exactly one session per round. (The loser's
  // code may count as a wrong one: a throttle that lets every round begin.)
  LoginThrottle lenient(LoginThrottle::Limits{100, 100, 15 * 60});
  Accounts lenient_a(*store_a_, &key_, lenient);
  Accounts lenient_b(*store_b_, &key_, lenient);
  for (int round = 0; round < 5; ++round) {
    const std::int64_t t = kStart + 120 + round * 120;
    const std::string token = begin(lenient_a, t);
    Result<NewSession> at_a = core::make_error("unset", "", "");
    Result<NewSession> at_b = core::make_error("unset", "", "");
    std::thread first([&] { at_a = lenient_a.finish_login(token, code_at(t), "10.0.0.1", at(t)); });
    std::thread second([&] {
      at_b = lenient_b.finish_login(token, code_at(t + security::kTotpStepSeconds), "10.0.0.2",
                                    at(t));
    });
    first.join();
    second.join();
    EXPECT_NE(at_a.ok(), at_b.ok()) << "round " << round << ": "
                                    << (at_a.ok() ? "ok" : at_a.error().message) << " / "
                                    << (at_b.ok() ? "ok" : at_b.error().message);
    const auto& refused = at_a.ok() ? at_b : at_a;
    if (!refused.ok()) {
      EXPECT_EQ(refused.error().code, "unauthenticated") << refused.error().message;
    }
    EXPECT_EQ(pending_rows(), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, TwoStepLoginTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::app
