// Logging in and out through the pages, against the demo database: the session cookie of the API
// is set and works for the API too, the login form's CSRF cookie is required, bad input keeps the
// e-mail address (never the password) and says what is wrong by the field, logout ends the
// session, and the stylesheet is served with a long cache under its hash.
#include <gtest/gtest.h>

#include "tests/web/web_test_support.h"

namespace spoorboek::webtest {
namespace {

class LoginTest : public ::testing::Test {
 protected:
  Browser browser_{DemoSite::instance().port()};
};

TEST_F(LoginTest, RootSendsAStrangerToTheLoginPage) {
  const Page root = browser_.get("/");
  EXPECT_EQ(root.status, 303);
  EXPECT_EQ(root.location, "/login");
  const Page login = browser_.get("/login");
  EXPECT_EQ(login.status, 200);
  EXPECT_TRUE(contains(login.content_type, "text/html"));
  EXPECT_TRUE(contains(login.body, "<html lang=\"nl\">"));
  EXPECT_TRUE(contains(login.body, "<label for=\"email\">E-mailadres</label>"));
  EXPECT_FALSE(csrf_of(login.body).empty());
  EXPECT_TRUE(browser_.cookie("spoorboek_login_csrf").has_value());
}

TEST_F(LoginTest, ALoginSetsTheSessionCookieAndLeadsToTheDashboard) {
  const Page answer = browser_.log_in("casemanager@demo.test", kDemoPassword);
  ASSERT_EQ(answer.status, 303) << answer.body;
  EXPECT_EQ(answer.location, "/dashboard");
  ASSERT_TRUE(browser_.cookie("spoorboek_session").has_value());
  EXPECT_TRUE(browser_.cookie("spoorboek_session")->starts_with("sbs_"));
  EXPECT_EQ(browser_.get("/").location, "/dashboard");
  EXPECT_EQ(browser_.get("/login").location, "/dashboard");
  // The same session serves the JSON API.
  apitest::Client api(DemoSite::instance().port());
  const auto me = api.get("/api/v1/me", apitest::Auth::cookie(*browser_.cookie("spoorboek_session"),
                                                              std::nullopt));
  EXPECT_EQ(me.status, 200) << me.body;
}

TEST_F(LoginTest, LogoutEndsTheSession) {
  ASSERT_EQ(browser_.log_in("manager@demo.test", kDemoPassword).status, 303);
  const std::string token = *browser_.cookie("spoorboek_session");
  const Page dashboard = browser_.get("/dashboard");
  ASSERT_EQ(dashboard.status, 200);
  const Page out = browser_.post("/logout", {{"csrf", csrf_of(dashboard.body)}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.location, "/login?notice=logged_out");
  EXPECT_FALSE(browser_.cookie("spoorboek_session").has_value());
  EXPECT_TRUE(contains(browser_.get(out.location).body, "Je bent uitgelogd."));
  // The old token is dead, also for anyone who kept it.
  browser_.set_cookie("spoorboek_session", token);
  EXPECT_EQ(browser_.get("/dashboard").location, "/login?notice=session_ended");
}

TEST_F(LoginTest, LogoutWithoutTheSessionsCsrfTokenIsRefused) {
  ASSERT_EQ(browser_.log_in("manager@demo.test", kDemoPassword).status, 303);
  EXPECT_EQ(browser_.post("/logout", {}).status, 403);
  EXPECT_EQ(browser_.post("/logout", {{"csrf", "forged"}}).status, 403);
  EXPECT_EQ(browser_.get("/dashboard").status, 200);  // still logged in
}

TEST_F(LoginTest, TheLoginFormNeedsItsCsrfCookie) {
  const Page form = browser_.get("/login");
  browser_.forget_cookie("spoorboek_login_csrf");
  const Page answer = browser_.post(
      "/login", {{"csrf", csrf_of(form.body)}, {"email", "casemanager@demo.test"},
                 {"password", kDemoPassword}});
  EXPECT_EQ(answer.status, 403);
  EXPECT_FALSE(browser_.cookie("spoorboek_session").has_value());
  EXPECT_TRUE(contains(answer.body, "value=\"casemanager@demo.test\""));
  // Without the field, with the cookie:
  browser_.get("/login");
  EXPECT_EQ(browser_.post("/login", {{"email", "casemanager@demo.test"},
                                     {"password", kDemoPassword}}).status,
            403);
  EXPECT_FALSE(browser_.cookie("spoorboek_session").has_value());
}

TEST_F(LoginTest, AWrongPasswordKeepsTheEmailButNotThePassword) {
  const Page form = browser_.get("/login");
  const Page answer = browser_.post(
      "/login", {{"csrf", csrf_of(form.body)}, {"email", "casemanager@demo.test"},
                 {"password", "geheim-fout-123"}});
  EXPECT_EQ(answer.status, 401);
  EXPECT_TRUE(contains(answer.body, "value=\"casemanager@demo.test\""));
  EXPECT_FALSE(contains(answer.body, "geheim-fout-123"));
  EXPECT_TRUE(contains(answer.body, "Het e-mailadres of het wachtwoord is onjuist."));
  EXPECT_FALSE(browser_.cookie("spoorboek_session").has_value());
}

TEST_F(LoginTest, MissingFieldsAreNamedByTheField) {
  const Page form = browser_.get("/login?lang=en");
  const Page answer = browser_.post("/login", {{"csrf", csrf_of(form.body)},
                                               {"email", "iemand@example.test"},
                                               {"password", ""}});
  EXPECT_EQ(answer.status, 422);
  EXPECT_TRUE(contains(answer.body, "<html lang=\"en\">"));  // the cookie remembered ?lang=en
  EXPECT_TRUE(contains(answer.body, "aria-describedby=\"password-error\""));
  EXPECT_TRUE(contains(answer.body, "id=\"password-error\">Enter your password.</p>"));
  EXPECT_TRUE(contains(answer.body, "value=\"iemand@example.test\""));
}

TEST_F(LoginTest, AMalformedFormIsRefusedWhole) {
  browser_.get("/login");
  EXPECT_EQ(browser_.post_raw("/login", "email=a%zz", "application/x-www-form-urlencoded").status,
            400);
  EXPECT_EQ(browser_.post_raw("/login", R"({"email":"a"})", "application/json").status, 400);
  EXPECT_EQ(browser_.post_raw("/login", "email=a&email=b", "application/x-www-form-urlencoded")
                .status,
            400);
}

TEST_F(LoginTest, TheStylesheetIsCachedUnderItsHash) {
  const Page login = browser_.get("/login");
  const auto start = login.body.find("/static/spoorboek.css?v=");
  ASSERT_NE(start, std::string::npos);
  const std::string url = login.body.substr(start, login.body.find('"', start) - start);
  const Page css = browser_.get(url);
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  EXPECT_TRUE(contains(css.cache_control, "max-age=31536000"));
  EXPECT_TRUE(contains(css.body, "--ink"));
  EXPECT_EQ(browser_.get("/static/spoorboek.css?v=old").cache_control, "no-cache");
  EXPECT_EQ(browser_.get("/static/nothing.css").status, 404);
  // Pages run under the HTML policy: no inline script or style is needed.
  EXPECT_TRUE(contains(login.csp, "default-src 'self'"));
  EXPECT_FALSE(contains(login.body, "<script"));
  EXPECT_FALSE(contains(login.body, "style="));
}

}  // namespace
}  // namespace spoorboek::webtest
