// On a database of its own (not the demo): the two-factor step of the login, changing the
// password (other sessions end, bad input by its field, nothing written on refusal), and XSS
// payloads typed into every field coming back escaped.
#include <gtest/gtest.h>

#include "app/accounts.h"
#include "platform/clock.h"
#include "security/base32.h"
#include "security/key_file.h"
#include "security/totp.h"
#include "store/sqlite_store.h"
#include "tests/web/web_test_support.h"
#include "web/embedded_files.h"

namespace spoorboek::webtest {
namespace {

constexpr const char* kPassword = "een lang wachtwoord voor tests";
const char* const kPayloads[] = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                                 "javascript:alert(1)", "'><svg onload=alert(1)>"};

// Whether `text` typed by someone is harmless where it comes back in `html`: markup escaped, and
// a URL scheme never in a link, source or form target.
bool inert(const std::string& html, const std::string& text) {
  if (text.find_first_of("<>\"'") != std::string::npos) return !contains(html, text);
  for (const char* attribute : {"href=\"", "src=\"", "action=\"", "formaction=\""}) {
    if (contains(html, attribute + text)) return false;
  }
  return true;
}

class AccountTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(apitest::run_spoorboek({"init", "--db", db_}), 0);
    auto store = store::SqliteStore::open(db_, store::SqliteStore::OpenMode::must_exist);
    ASSERT_TRUE(store.ok());
    auto key = security::load_key_file(db_ + ".key");
    ASSERT_TRUE(key.ok());
    app::LoginThrottle throttle;
    app::Accounts accounts(**store, &*key, throttle);
    const app::Actor root("cli:test", "test", app::Role::administrator);
    const app::Moment now = platform::current_moment();
    auto employer = (*store)->create_employer("Werkgever BV");
    ASSERT_TRUE(employer.ok());
    for (const char* email : {"cm@example.test", "cm2@example.test"}) {
      app::NewUser user{email, "Casemanager", kPassword, {app::Role::case_manager}, *employer,
                        std::nullopt, std::nullopt};
      ASSERT_TRUE(accounts.create_user(root, user, now).ok());
    }
    app::NewUser twofactor{"tf@example.test", "Met code", kPassword, {app::Role::case_manager},
                           *employer, std::nullopt, std::nullopt};
    auto id = accounts.create_user(root, twofactor, now);
    ASSERT_TRUE(id.ok());
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
    // An administrator without two-factor login: outside the demo, a login gives them an
    // enrolment-only session.
    app::NewUser admin{"admin@example.test", "Beheerder", kPassword, {app::Role::administrator},
                       std::nullopt, std::nullopt, std::nullopt};
    ASSERT_TRUE(accounts.create_user(root, admin, now).ok());
    server_ = serve_pages(db_);
    ASSERT_TRUE(server_->running()) << server_->error();
  }

  std::string code(int steps_ahead) const {
    return security::totp_code(secret_, platform::current_moment().unix_seconds +
                                            steps_ahead * security::kTotpStepSeconds);
  }

  ScratchDir dir_;
  std::string db_ = dir_.file("eigen.db");
  std::vector<unsigned char> secret_;
  std::unique_ptr<InProcessServer> server_;
};

TEST_F(AccountTest, TheTwoFactorStepCompletesTheLogin) {
  Browser browser(server_->port());
  const Page first = browser.log_in("tf@example.test", kPassword);
  ASSERT_EQ(first.status, 303) << first.body;
  EXPECT_EQ(first.location, "/login/code");
  EXPECT_FALSE(browser.cookie("spoorboek_session").has_value());
  const Page form = browser.get("/login/code");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "tf@example.test"));
  EXPECT_FALSE(contains(form.body, kPassword));

  const Page malformed = browser.post("/login/code", {{"csrf", csrf_of(form.body)}, {"code", "12ab"}});
  EXPECT_EQ(malformed.status, 422);
  EXPECT_TRUE(contains(malformed.body, "id=\"code-error\">De code bestaat uit precies zes cijfers."));
  EXPECT_TRUE(contains(malformed.body, "value=\"12ab\""));

  const std::string wrong = code(0) == "000000" ? "111111" : "000000";
  const Page refused = browser.post("/login/code", {{"csrf", csrf_of(malformed.body)}, {"code", wrong}});
  EXPECT_EQ(refused.status, 401);
  EXPECT_TRUE(contains(refused.body, "id=\"code-error\""));
  EXPECT_FALSE(browser.cookie("spoorboek_session").has_value());

  const Page done = browser.post("/login/code", {{"csrf", csrf_of(refused.body)}, {"code", code(1)}});
  EXPECT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.location, "/dashboard");
  EXPECT_TRUE(browser.cookie("spoorboek_session").has_value());
  EXPECT_EQ(browser.get("/dashboard").status, 200);
}

// An enrolment-only session may set up two-factor login and choose its language, nothing else:
// no administration, no password change, no entry forms.
TEST_F(AccountTest, AnEnrolmentOnlySessionReachesNothingButTheSetUp) {
  Browser browser(server_->port());
  const Page login = browser.log_in("admin@example.test", kPassword);
  ASSERT_EQ(login.status, 303) << login.body;
  ASSERT_TRUE(browser.cookie("spoorboek_session").has_value());
  const Page dashboard = browser.get("/dashboard");
  // The dashboard is the set-up page (403: nothing else is allowed yet).
  ASSERT_EQ(dashboard.status, 403);
  EXPECT_TRUE(contains(dashboard.body, "Tweestapsverificatie instellen"));
  EXPECT_FALSE(contains(dashboard.body, "href=\"/admin\""));
  for (const char* path : {"/admin", "/account/password", "/cases/new"}) {
    EXPECT_EQ(browser.get(path).status, 403) << path;
  }
  const Page employer = browser.post("/admin/employers", {{"csrf", csrf_of(dashboard.body)},
                                                          {"name", "Niet toegestaan BV"}});
  EXPECT_EQ(employer.status, 403);
  const Page language = browser.post("/account/language", {{"csrf", csrf_of(dashboard.body)},
                                                           {"language", "en"},
                                                           {"back", "/dashboard"}});
  EXPECT_EQ(language.status, 303);
}

// The key shown on the set-up page ("JBSW Y3DP ..."), without its spaces.
std::string shown_secret(const std::string& html) {
  const std::string open = "<code class=\"secret\">";
  const auto at = html.find(open);
  if (at == std::string::npos) return "";
  const auto end = html.find("</code>", at);
  std::string secret;
  for (char c : html.substr(at + open.size(), end - at - open.size())) {
    if (c != ' ') secret += c;
  }
  return secret;
}

// An administrator without two-factor login sets it up in the browser: a QR code and the key,
// a code that confirms it, every session ended, and the next login asks for a code.
TEST_F(AccountTest, TwoFactorLoginIsSetUpInTheBrowser) {
  Browser browser(server_->port());
  ASSERT_EQ(browser.log_in("admin@example.test", kPassword).status, 303);
  const Page dashboard = browser.get("/dashboard");
  EXPECT_TRUE(contains(dashboard.body, "href=\"/account/two-factor\""));
  const Page page = browser.get("/account/two-factor");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_FALSE(contains(page.body, "<svg")) << "no key before the person asks for one";
  EXPECT_TRUE(raw_keys(page.body).empty());

  // Confirming before starting, and a form without its CSRF token, change nothing.
  const Page early = browser.post("/account/two-factor/confirm",
                                  {{"csrf", csrf_of(page.body)}, {"code", "123456"}});
  EXPECT_EQ(early.status, 422);
  EXPECT_TRUE(contains(early.body, "Begin eerst met instellen"));
  EXPECT_EQ(browser.post("/account/two-factor/begin", {{"csrf", "wrong"}}).status, 403);

  const Page begun = browser.post("/account/two-factor/begin", {{"csrf", csrf_of(page.body)}});
  ASSERT_EQ(begun.status, 200) << begun.body;
  EXPECT_TRUE(contains(begun.body, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(contains(begun.body, "aria-label=\"QR-code om Spoorboek toe te voegen"));
  const std::string secret_text = shown_secret(begun.body);
  const auto secret = security::base32_decode(secret_text);
  ASSERT_TRUE(secret.ok()) << secret_text;
  EXPECT_EQ(secret->size(), 20u);
  // The key is shown, never put into a form field.
  EXPECT_FALSE(contains(begun.body, "value=\"" + secret_text));

  const Page malformed = browser.post("/account/two-factor/confirm",
                                      {{"csrf", csrf_of(begun.body)}, {"code", "12ab"}});
  EXPECT_EQ(malformed.status, 422);
  EXPECT_TRUE(contains(malformed.body, "id=\"code-error\">De code bestaat uit precies zes cijfers."));
  EXPECT_TRUE(contains(malformed.body, "value=\"12ab\""));
  const auto now = platform::current_moment().unix_seconds;
  const std::string right = security::totp_code(*secret, now);
  const std::string wrong = right == "000000" ? "111111" : "000000";
  const Page refused = browser.post("/account/two-factor/confirm",
                                    {{"csrf", csrf_of(malformed.body)}, {"code", wrong}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "id=\"code-error\""));
  // Still enrolment-only: nothing else opened up.
  EXPECT_EQ(browser.get("/admin").status, 403);

  const Page confirmed = browser.post(
      "/account/two-factor/confirm",
      {{"csrf", csrf_of(refused.body)},
       {"code", security::totp_code(*secret, now - security::kTotpStepSeconds)}});
  ASSERT_EQ(confirmed.status, 303) << confirmed.body;
  EXPECT_EQ(confirmed.location, "/login?notice=two_factor_on");
  // The session ended; the next login asks for a code and then opens the administration.
  EXPECT_EQ(browser.get("/dashboard").status, 303);
  EXPECT_TRUE(contains(browser.get(confirmed.location).body, "Tweestapsverificatie staat aan"));
  Browser again(server_->port());
  const Page login = again.log_in("admin@example.test", kPassword);
  ASSERT_EQ(login.location, "/login/code");
  const Page form = again.get("/login/code");
  const Page done = again.post(
      "/login/code",
      {{"csrf", csrf_of(form.body)},
       {"code", security::totp_code(*secret, platform::current_moment().unix_seconds +
                                                  security::kTotpStepSeconds)}});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(again.get("/admin").status, 200);
}

TEST_F(AccountTest, TheCodeStepNeedsItsCsrfCookie) {
  Browser browser(server_->port());
  ASSERT_EQ(browser.log_in("tf@example.test", kPassword).location, "/login/code");
  const Page form = browser.get("/login/code");
  browser.forget_cookie("spoorboek_login_csrf");
  EXPECT_EQ(browser.post("/login/code", {{"csrf", csrf_of(form.body)}, {"code", code(1)}}).status, 403);
  EXPECT_FALSE(browser.cookie("spoorboek_session").has_value());
}

TEST_F(AccountTest, ChangingThePasswordEndsTheOtherSessions) {
  Browser here(server_->port());
  Browser there(server_->port());
  ASSERT_EQ(here.log_in("cm@example.test", kPassword).status, 303);
  ASSERT_EQ(there.log_in("cm@example.test", kPassword).status, 303);
  const Page form = here.get("/account/password");
  ASSERT_EQ(form.status, 200);
  const Page changed = here.post("/account/password",
                                 {{"csrf", csrf_of(form.body)},
                                  {"current_password", kPassword},
                                  {"new_password", "een nieuw en lang wachtwoord"},
                                  {"repeat_password", "een nieuw en lang wachtwoord"}});
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_TRUE(contains(here.get(changed.location).body, "Je wachtwoord is gewijzigd."));
  EXPECT_EQ(here.get("/dashboard").status, 200);
  EXPECT_EQ(there.get("/dashboard").status, 303);
  Browser again(server_->port());
  EXPECT_EQ(again.log_in("cm@example.test", kPassword).status, 401);
  EXPECT_EQ(again.log_in("cm@example.test", "een nieuw en lang wachtwoord").status, 303);
}

TEST_F(AccountTest, BadPasswordInputIsNamedByItsFieldAndChangesNothing) {
  Browser browser(server_->port());
  ASSERT_EQ(browser.log_in("cm2@example.test", kPassword).status, 303);
  const std::string csrf = csrf_of(browser.get("/account/password").body);
  struct Case {
    Fields fields;
    std::string field;
  };
  const Case cases[] = {
      {{{"current_password", "verkeerd wachtwoord"}, {"new_password", "een nieuw en lang wachtwoord"},
        {"repeat_password", "een nieuw en lang wachtwoord"}}, "current_password"},
      {{{"current_password", kPassword}, {"new_password", "kort"}, {"repeat_password", "kort"}},
       "new_password"},
      {{{"current_password", kPassword}, {"new_password", "een nieuw en lang wachtwoord"},
        {"repeat_password", "iets anders dan dat"}}, "repeat_password"},
      {{{"current_password", ""}, {"new_password", "een nieuw en lang wachtwoord"},
        {"repeat_password", "een nieuw en lang wachtwoord"}}, "current_password"},
  };
  for (const auto& [fields, field] : cases) {
    SCOPED_TRACE(field);
    Fields sent = fields;
    sent.emplace_back("csrf", csrf);
    const Page page = browser.post("/account/password", sent);
    EXPECT_EQ(page.status, 422);
    EXPECT_TRUE(contains(page.body, "aria-describedby=\"" + field + "-error\"") ||
                contains(page.body, field + "-error\""))
        << page.body;
    EXPECT_TRUE(contains(page.body, "id=\"" + field + "-error\""));
    EXPECT_FALSE(contains(page.body, "een nieuw en lang wachtwoord"));
  }
  // Without the session's CSRF token nothing is changed either.
  EXPECT_EQ(browser.post("/account/password", {{"current_password", kPassword},
                                               {"new_password", "een nieuw en lang wachtwoord"},
                                               {"repeat_password", "een nieuw en lang wachtwoord"}})
                .status,
            403);
  Browser again(server_->port());
  EXPECT_EQ(again.log_in("cm2@example.test", kPassword).status, 303);
}

TEST(Templates, NeverShowAValueUnescaped) {
  for (const auto& file : web::embedded_files()) {
    if (!file.path.starts_with("templates/")) continue;
    EXPECT_EQ(file.bytes.find("{{{"), std::string_view::npos) << file.path;
    EXPECT_EQ(file.bytes.find("{{&"), std::string_view::npos) << file.path;
    EXPECT_EQ(file.bytes.find("<script"), std::string_view::npos) << file.path;
    EXPECT_EQ(file.bytes.find("style="), std::string_view::npos) << file.path;
  }
}

TEST_F(AccountTest, ScriptTypedIntoAnyFieldComesBackEscaped) {
  for (const char* payload : kPayloads) {
    SCOPED_TRACE(payload);
    const std::string text(payload);
    Browser browser(server_->port());
    // The login form: e-mail (shown again) and password (never shown).
    const Page login = browser.get("/login");
    const Page refused = browser.post("/login", {{"csrf", csrf_of(login.body)}, {"email", text},
                                                 {"password", text}});
    EXPECT_EQ(refused.status, 401);
    EXPECT_TRUE(inert(refused.body, text));
    if (text.find('<') != std::string::npos) {
      EXPECT_TRUE(contains(refused.body, "&lt;"));
    }
    // The two-factor code.
    ASSERT_EQ(browser.log_in("tf@example.test", kPassword).location, "/login/code");
    const Page code_form = browser.get("/login/code");
    const Page code = browser.post("/login/code", {{"csrf", csrf_of(code_form.body)}, {"code", text}});
    EXPECT_EQ(code.status, 422);
    EXPECT_TRUE(inert(code.body, text));
    // Logged in: the search, the filters, the password form, the language form, ?lang and ?notice.
    Browser user(server_->port());
    ASSERT_EQ(user.log_in("cm2@example.test", kPassword).status, 303);
    const std::string query = url_encode({{"q", text}, {"employer", text}, {"status", text},
                                          {"mine", text}, {"lang", text}, {"notice", text}});
    const Page dashboard = user.get("/dashboard?" + query);
    EXPECT_EQ(dashboard.status, 422);
    EXPECT_TRUE(inert(dashboard.body, text));
    const std::string csrf = csrf_of(dashboard.body);
    const Page password = user.post("/account/password", {{"csrf", csrf},
                                                          {"current_password", text},
                                                          {"new_password", text},
                                                          {"repeat_password", text}});
    EXPECT_EQ(password.status, 422);
    EXPECT_TRUE(inert(password.body, text));
    const Page language = user.post("/account/language",
                                    {{"csrf", csrf}, {"language", "en"}, {"back", text}});
    EXPECT_EQ(language.status, 303);
    EXPECT_EQ(language.location, text.front() == '/' ? text : "/");
    EXPECT_EQ(user.post("/account/language", {{"csrf", csrf}, {"language", text}}).status, 400);
    EXPECT_TRUE(inert(user.get("/login?" + query).body, text));
    EXPECT_TRUE(inert(user.get("/account/password?" + query).body, text));
  }
}

}  // namespace
}  // namespace spoorboek::webtest
