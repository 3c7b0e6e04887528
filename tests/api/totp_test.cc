// Two-factor login end to end on a database that is not the demo: a company doctor (and an
// administrator) without TOTP get an enrolment-only session that may only set it up; set-up with
// a code from security::totp_code turns it on; then a login needs the current code, once.
#include "security/totp.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "app/accounts.h"
#include "platform/clock.h"
#include "security/base32.h"
#include "security/key_file.h"
#include "store/sqlite_store.h"
#include "tests/api/api_test_support.h"

namespace spoorboek::apitest {
namespace {

constexpr const char* kPassword = "een lang wachtwoord voor tests";

class TotpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(run_spoorboek({"init", "--db", db_}), 0);
    // The first accounts of a real installation, made with the application layer as an operator
    // on the command line would (a platform administrator without an account).
    auto store = store::SqliteStore::open(db_, store::SqliteStore::OpenMode::must_exist);
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto key = security::load_key_file(db_ + ".key");
    ASSERT_TRUE(key.ok()) << key.error().message;
    app::LoginThrottle throttle;
    app::Accounts accounts(**store, &*key, throttle);
    app::Actor operator_actor("cli:test", "test", app::Role::administrator);
    const app::Moment now = platform::current_moment();
    auto employer = (*store)->create_employer("Werkgever Echt BV");
    ASSERT_TRUE(employer.ok());
    auto arbo = (*store)->create_provider("Arbodienst Echt", "arbo_service");
    ASSERT_TRUE(arbo.ok());
    ASSERT_TRUE((*store)->link_provider_employer(*arbo, *employer).ok());
    for (const auto& [email, role] :
         {std::pair<std::string, app::Role>{"arts@example.test", app::Role::company_doctor},
          {"arts2@example.test", app::Role::company_doctor},
          {"beheer@example.test", app::Role::administrator}}) {
      app::NewUser user;
      user.email = email;
      user.display_name = email;
      user.password = kPassword;
      user.roles = {role};
      if (role == app::Role::company_doctor) user.provider_id = *arbo;
      auto id = accounts.create_user(operator_actor, user, now);
      ASSERT_TRUE(id.ok()) << id.error().message;
    }
    server_ = std::make_unique<InProcessServer>(db_);
    ASSERT_TRUE(server_->running()) << server_->error();
    client_ = std::make_unique<Client>(server_->port());
  }

  // Sets up two-factor login for the account behind `session`; its secret.
  std::vector<unsigned char> enrol(const Session& session) {
    const Reply begun = client_->call("POST", "/api/v1/me/totp", session.bearer());
    EXPECT_EQ(begun.status, 200) << begun.body;
    const std::string secret = begun.json().value("secret", "");
    auto bytes = security::base32_decode(secret);
    EXPECT_TRUE(bytes.ok()) << secret;
    if (!bytes.ok()) return {};
    // The previous step's code (still inside the window): the current and the next step stay
    // free for two logins.
    const std::string code = security::totp_code(
        *bytes, platform::current_moment().unix_seconds - security::kTotpStepSeconds);
    const Reply confirmed =
        client_->post("/api/v1/me/totp/confirm", session.bearer(), Json{{"code", code}});
    EXPECT_EQ(confirmed.status, 200) << confirmed.body;
    return *bytes;
  }
  // A code of the next time step: valid now (the window is one step either side) and newer than
  // the one the set-up used.
  static std::string next_code(const std::vector<unsigned char>& secret) {
    return security::totp_code(
        secret, platform::current_moment().unix_seconds + security::kTotpStepSeconds);
  }
  static std::string error_field(const Reply& reply) {
    const Json json = reply.json();
    return json.is_object() && json.contains("error") ? json["error"].value("field", "?") : "?";
  }

  ScratchDir dir_;
  std::string db_ = dir_.file("echt.db");
  std::unique_ptr<InProcessServer> server_;
  std::unique_ptr<Client> client_;
};

TEST_F(TotpTest, WithoutTwoFactorADoctorMayOnlySetItUp) {
  const Session session = client_->login("arts@example.test", kPassword);
  ASSERT_FALSE(session.token.empty());
  EXPECT_TRUE(session.enrolment_only);
  const Reply me = client_->get("/api/v1/me", session.bearer());
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["enrolment_only"], true);

  // Every other route of the router refuses the session (403, field totp).
  const std::set<std::pair<std::string, std::string>> allowed{{"GET", "/api/v1/me"},
                                                              {"POST", "/api/v1/me/totp"},
                                                              {"POST", "/api/v1/me/totp/confirm"},
                                                              {"POST", "/api/v1/logout"},
                                                              // Public: no session needed.
                                                              {"GET", "/healthz"},
                                                              {"GET", "/api/v1/openapi.json"},
                                                              {"POST", "/api/v1/login"},
                                                              // Its secret is the credential.
                                                              {"GET", "/calendar/{feed}"}};
  int refused = 0;
  for (const auto& route : server_->routes()) {
    const std::string method(api::method_name(route.method));
    if (allowed.contains({method, route.pattern})) continue;
    std::string path = route.pattern;
    if (const auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, "1");
    const bool has_body = method == "POST" || method == "PUT";
    const Reply reply = has_body ? client_->call(method, path, session.bearer(), "{}")
                                 : client_->call(method, path, session.bearer());
    SCOPED_TRACE(describe(method, path));
    EXPECT_EQ(reply.status, 403) << reply.body;
    EXPECT_TRUE(is_error_shape(reply));
    EXPECT_EQ(error_field(reply), "totp") << reply.body;
    ++refused;
  }
  EXPECT_GE(refused, 20);

  // An administrator without two-factor login gets the same kind of session.
  const Session admin = client_->login("beheer@example.test", kPassword);
  ASSERT_FALSE(admin.token.empty());
  EXPECT_TRUE(admin.enrolment_only);
  EXPECT_EQ(client_->get("/api/v1/users", admin.bearer()).status, 403);
  // Logging out is allowed.
  EXPECT_EQ(client_->call("POST", "/api/v1/logout", admin.bearer()).status, 200);
  EXPECT_EQ(client_->get("/api/v1/me", admin.bearer()).status, 401);
}

TEST_F(TotpTest, SetUpThenLoginNeedsTheCurrentCodeOnce) {
  const Session session = client_->login("arts@example.test", kPassword);
  ASSERT_FALSE(session.token.empty());
  ASSERT_TRUE(session.enrolment_only);

  const Reply begun = client_->call("POST", "/api/v1/me/totp", session.bearer());
  ASSERT_EQ(begun.status, 200) << begun.body;
  const std::string secret = begun.json()["secret"];
  const std::string uri = begun.json()["otpauth_uri"];
  EXPECT_TRUE(uri.starts_with("otpauth://totp/Spoorboek:")) << uri;
  EXPECT_NE(uri.find("secret=" + secret), std::string::npos) << uri;
  EXPECT_NE(uri.find("issuer=Spoorboek"), std::string::npos) << uri;
  auto bytes = security::base32_decode(secret);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(bytes->size(), security::kTotpSecretBytes);

  // A wrong code does not turn it on.
  const std::int64_t now = platform::current_moment().unix_seconds;
  std::string wrong = "000000";
  for (int step = -2; step <= 2; ++step) {
    if (security::totp_code(*bytes, now + step * security::kTotpStepSeconds) == wrong) {
      wrong = "999999";
    }
  }
  const Reply refused =
      client_->post("/api/v1/me/totp/confirm", session.bearer(), Json{{"code", wrong}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(error_field(refused), "code");
  EXPECT_TRUE(client_->login("arts@example.test", kPassword).enrolment_only)
      << "still without two-factor login";

  // The current code turns it on and ends every session of the account.
  const std::string setup_code =
      security::totp_code(*bytes, platform::current_moment().unix_seconds);
  const Reply confirmed =
      client_->post("/api/v1/me/totp/confirm", session.bearer(), Json{{"code", setup_code}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json()["totp_enabled"], true);
  EXPECT_EQ(client_->get("/api/v1/me", session.bearer()).status, 401);

  // Without a code: refused, naming the field.
  const Reply without = client_->login_reply("arts@example.test", kPassword);
  EXPECT_TRUE(without.status == 401 || without.status == 422) << without.body;
  EXPECT_TRUE(is_error_shape(without));
  EXPECT_EQ(error_field(without), "totp") << without.body;
  EXPECT_EQ(without.body.find("\"token\""), std::string::npos);
  // A wrong code, and the code the set-up used: refused.
  for (const std::string& code : {wrong, setup_code}) {
    const Reply bad = client_->login_reply("arts@example.test", kPassword, code);
    EXPECT_EQ(bad.status, 401) << code << ": " << bad.body;
    EXPECT_EQ(error_field(bad), "totp") << bad.body;
  }
  // The wrong password with the right code: refused, without saying which was wrong.
  const Reply wrong_password =
      client_->login_reply("arts@example.test", "niet het wachtwoord!", next_code(*bytes));
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(error_field(wrong_password), "");

  // The next code logs in, to a full session.
  const std::string code = next_code(*bytes);
  const Session full = client_->login("arts@example.test", kPassword, code);
  ASSERT_FALSE(full.token.empty()) << "the right code does not log in";
  EXPECT_FALSE(full.enrolment_only);
  EXPECT_EQ(client_->get("/api/v1/cases", full.bearer()).status, 200);
  EXPECT_EQ(client_->get("/api/v1/me", full.bearer()).json()["enrolment_only"], false);
  // The same code a second time is a replay.
  const Reply replay = client_->login_reply("arts@example.test", kPassword, code);
  EXPECT_EQ(replay.status, 401) << replay.body;
  EXPECT_EQ(error_field(replay), "totp");
  // So is an older code that is still inside the window.
  const Reply older = client_->login_reply("arts@example.test", kPassword, setup_code);
  EXPECT_EQ(older.status, 401) << older.body;
}

TEST_F(TotpTest, BeginningASecondSetUpKeepsTwoFactorLoginOn) {
  const Session enrolling = client_->login("arts2@example.test", kPassword);
  ASSERT_FALSE(enrolling.token.empty());
  const std::vector<unsigned char> secret = enrol(enrolling);
  ASSERT_FALSE(secret.empty());
  const Session full = client_->login(
      "arts2@example.test", kPassword,
      security::totp_code(secret, platform::current_moment().unix_seconds));
  ASSERT_FALSE(full.token.empty());
  ASSERT_FALSE(full.enrolment_only);

  // Someone with the session (the doctor on a new phone, or whoever holds the session) begins a
  // new set-up and does not finish it.
  ASSERT_EQ(client_->call("POST", "/api/v1/me/totp", full.bearer()).status, 200);

  // The active secret stays active until a code confirms a new one (accounts.h): the password
  // alone still does not log in, and the authenticator in use still does.
  const Reply without = client_->login_reply("arts2@example.test", kPassword);
  EXPECT_TRUE(without.status == 401 || without.status == 422)
      << "the password alone logs in after an unfinished set-up: " << without.body;
  EXPECT_EQ(error_field(without), "totp") << without.body;
  const Session again = client_->login("arts2@example.test", kPassword, next_code(secret));
  EXPECT_FALSE(again.token.empty()) << "the authenticator in use stopped working";
  EXPECT_FALSE(again.enrolment_only);
}

}  // namespace
}  // namespace spoorboek::apitest
