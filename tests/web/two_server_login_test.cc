// The browser's two-factor login behind a load balancer (issue 6): two servers of the pages, each
// with its own ApiService and page state, on one database; the password goes to one and the code
// to the other. Before, the pending login was in the first server's memory and the second sent
// the person back to the login form. Run on both backends.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "api/api_service.h"
#include "api/http_server.h"
#include "api/router.h"
#include "app/accounts.h"
#include "app/application.h"
#include "platform/clock.h"
#include "security/base32.h"
#include "security/key_file.h"
#include "security/totp.h"
#include "tests/support/test_database.h"
#include "tests/web/web_test_support.h"
#include "web/pages.h"

namespace spoorboek::webtest {
namespace {

using spoorboek::testing::Backend;
using spoorboek::testing::ScratchDatabase;

constexpr const char* kPassword = "een lang wachtwoord voor tests";
constexpr const char* kEmail = "tf@example.test";

// One server process as `spoorboek serve` makes it: the API and the pages over one ApiService,
// with the medical key named (a PostgreSQL database has no file to put it beside).
class PageServer {
 public:
  PageServer(const std::string& db, const std::string& key_file) {
    auto service = api::ApiService::open(api::ApiConfig{db, key_file, false});
    if (!service.ok()) {
      error_ = service.error().code + ": " + service.error().message;
      return;
    }
    service_ = std::move(*service);
    service_->register_routes(router_);
    web::register_page_routes(router_, service_->state());
    api::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.access_log = false;
    options.shutdown_grace = std::chrono::seconds(5);
    server_ = std::make_unique<api::HttpServer>(options, router_);
    if (auto started = server_->start(); !started.ok()) {
      error_ = started.error().code + ": " + started.error().message;
      server_.reset();
    }
  }
  ~PageServer() {
    if (server_) server_->stop();
    if (service_) service_->shutdown();
  }
  PageServer(const PageServer&) = delete;
  PageServer& operator=(const PageServer&) = delete;

  bool running() const { return server_ != nullptr; }
  const std::string& error() const { return error_; }
  std::uint16_t port() const { return server_->port(); }

 private:
  std::unique_ptr<api::ApiService> service_;
  api::Router router_;
  std::unique_ptr<api::HttpServer> server_;
  std::string error_;
};

class TwoServerLoginTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(GetParam());
    database_ = std::make_unique<ScratchDatabase>(GetParam(), "two_server_login");
    ASSERT_TRUE(security::create_key_file(key_file_).ok());
    auto key = security::load_key_file(key_file_);
    ASSERT_TRUE(key.ok());
    {
      auto store = database_->open_migrated();
      ASSERT_TRUE(store);
      app::Application application(*store, &*key);
      const app::Actor root("cli:test", "test", app::Role::administrator);
      ASSERT_TRUE(application.init_database(root).ok());
      auto employer = application.create_employer(root, "Werkgever BV");
      ASSERT_TRUE(employer.ok());
      app::LoginThrottle throttle;
      app::Accounts accounts(*store, &*key, throttle);
      const app::Moment now = platform::current_moment();
      app::NewUser user{kEmail, "Met code", kPassword, {app::Role::case_manager}, *employer,
                        std::nullopt, std::nullopt};
      auto id = accounts.create_user(root, user, now);
      ASSERT_TRUE(id.ok()) << id.error().message;
      auto actor = accounts.load_actor(*id);
      ASSERT_TRUE(actor.ok());
      auto enrolment = accounts.begin_totp(*actor, now);
      ASSERT_TRUE(enrolment.ok());
      secret_ = *security::base32_decode(enrolment->secret_base32);
      ASSERT_TRUE(accounts
                      .confirm_totp(*actor,
                                    security::totp_code(secret_, now.unix_seconds -
                                                                     security::kTotpStepSeconds),
                                    now)
                      .ok());
    }
    server_a_ = std::make_unique<PageServer>(database_->db(), key_file_);
    server_b_ = std::make_unique<PageServer>(database_->db(), key_file_);
    ASSERT_TRUE(server_a_->running()) << server_a_->error();
    ASSERT_TRUE(server_b_->running()) << server_b_->error();
  }
  void TearDown() override {
    server_a_.reset();
    server_b_.reset();
    database_.reset();
  }

  std::string code(int steps_ahead) const {
    return security::totp_code(secret_, platform::current_moment().unix_seconds +
                                            steps_ahead * security::kTotpStepSeconds);
  }
  std::string wrong_code() const {
    for (const char* candidate : {"000000", "111111", "222222"}) {
      if (candidate != code(-1) && candidate != code(0) && candidate != code(1)) return candidate;
    }
    return "333333";
  }
  // What the load balancer does not change: the browser's cookies go along to the other server.
  static void carry_cookies(const Browser& from, Browser& to) {
    for (const char* name : {"spoorboek_login_pending", "spoorboek_login_csrf"}) {
      if (auto value = from.cookie(name)) to.set_cookie(name, *value);
    }
  }

  ScratchDir dir_;
  std::string key_file_ = dir_.file("medical.key");
  std::unique_ptr<ScratchDatabase> database_;
  std::vector<unsigned char> secret_;
  std::unique_ptr<PageServer> server_a_, server_b_;
};

TEST_P(TwoServerLoginTest, ThePasswordAtOneServerAndTheCodeAtTheOther) {
  Browser at_a(server_a_->port());
  const Page first = at_a.log_in(kEmail, kPassword);
  ASSERT_EQ(first.status, 303) << first.body;
  ASSERT_EQ(first.location, "/login/code");
  const auto pending = at_a.cookie("spoorboek_login_pending");
  ASSERT_TRUE(pending.has_value());
  // The cookie holds a token, not the address or the password.
  EXPECT_TRUE(pending->starts_with("sbp_"));
  EXPECT_EQ(pending->find("tf"), std::string::npos);

  Browser at_b(server_b_->port());
  carry_cookies(at_a, at_b);
  const Page form = at_b.get("/login/code");
  ASSERT_EQ(form.status, 200) << form.location;
  EXPECT_TRUE(contains(form.body, kEmail));
  // A wrong code at B, the right one at A: both servers know the same pending login.
  const Page refused = at_b.post("/login/code", {{"csrf", csrf_of(form.body)}, {"code", wrong_code()}});
  EXPECT_EQ(refused.status, 401);
  EXPECT_TRUE(contains(refused.body, "id=\"code-error\""));
  carry_cookies(at_b, at_a);
  const Page done = at_a.post("/login/code", {{"csrf", csrf_of(refused.body)}, {"code", code(1)}});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.location, "/dashboard");
  const auto session = at_a.cookie("spoorboek_session");
  ASSERT_TRUE(session.has_value());
  EXPECT_FALSE(at_a.cookie("spoorboek_login_pending").has_value());
  // The session serves at both.
  EXPECT_EQ(at_a.get("/dashboard").status, 200);
  at_b.set_cookie("spoorboek_session", *session);
  EXPECT_EQ(at_b.get("/dashboard").status, 200);
}

TEST_P(TwoServerLoginTest, APendingLoginUsedAtOneServerIsOverAtTheOther) {
  Browser at_a(server_a_->port());
  ASSERT_EQ(at_a.log_in(kEmail, kPassword).location, "/login/code");
  Browser at_b(server_b_->port());
  carry_cookies(at_a, at_b);  // the same cookie, as a copied or replayed request would have it
  const Page form_a = at_a.get("/login/code");
  const Page form_b = at_b.get("/login/code");
  ASSERT_EQ(form_b.status, 200);
  ASSERT_EQ(at_a.post("/login/code", {{"csrf", csrf_of(form_a.body)}, {"code", code(0)}}).status,
            303);
  const Page late = at_b.post("/login/code", {{"csrf", csrf_of(form_b.body)}, {"code", code(1)}});
  EXPECT_EQ(late.status, 401);
  EXPECT_TRUE(contains(late.body, "De tijd voor de code is verstreken. Log opnieuw in."));
  EXPECT_FALSE(at_b.cookie("spoorboek_session").has_value());
  EXPECT_FALSE(at_b.cookie("spoorboek_login_pending").has_value());
  EXPECT_EQ(at_b.get("/login/code").location, "/login");
}

TEST_P(TwoServerLoginTest, FiveWrongCodesAtEitherServerSendThePersonBackToThePassword) {
  Browser at_a(server_a_->port());
  Browser at_b(server_b_->port());
  ASSERT_EQ(at_a.log_in(kEmail, kPassword).location, "/login/code");
  std::string csrf = csrf_of(at_a.get("/login/code").body);
  for (int i = 1; i < 5; ++i) {
    Browser& from = i % 2 == 0 ? at_b : at_a;
    Browser& to = i % 2 == 0 ? at_a : at_b;
    const Page refused = from.post("/login/code", {{"csrf", csrf}, {"code", wrong_code()}});
    ASSERT_EQ(refused.status, 401) << i;
    EXPECT_TRUE(contains(refused.body, "id=\"code-error\"")) << i;
    csrf = csrf_of(refused.body);
    carry_cookies(from, to);
  }
  const Page ended = at_b.post("/login/code", {{"csrf", csrf}, {"code", wrong_code()}});
  EXPECT_EQ(ended.status, 401);
  EXPECT_TRUE(contains(ended.body, "De code was vijf keer onjuist."));
  EXPECT_TRUE(contains(ended.body, "value=\"tf@example.test\""));
  EXPECT_FALSE(at_b.cookie("spoorboek_login_pending").has_value());
  // The old cookie is worth nothing at either server.
  carry_cookies(at_b, at_a);
  EXPECT_EQ(at_a.get("/login/code").location, "/login");
}

INSTANTIATE_TEST_SUITE_P(Backends, TwoServerLoginTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::webtest
