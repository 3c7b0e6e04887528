// The administration page on a demo database of its own (its changes must not reach the other
// page tests): who may open it, each form's success (Post/Redirect/Get, the change visible), bad
// input next to its field with the typed values kept (never the password) and nothing written,
// the new API token shown once and working, CSRF, and XSS payloads coming back escaped.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/web/web_test_support.h"

namespace spoorboek::webtest {
namespace {

long long count(const std::string& db, const char* sql) {
  sqlite3* handle = nullptr;
  sqlite3_open(db.c_str(), &handle);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr);
  long long value = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(handle);
  return value;
}

class AdminPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    db_ = dir_->file("admin.db");
    ASSERT_EQ(apitest::run_spoorboek({"demo", "--db", db_}), 0);
    server_ = serve_pages(db_).release();
    ASSERT_TRUE(server_->running()) << server_->error();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  Browser admin() {
    Browser browser(server_->port());
    EXPECT_EQ(browser.log_in("admin@demo.test", kDemoPassword).status, 303);
    return browser;
  }
  static Fields with_csrf(const std::string& page, Fields fields) {
    fields.emplace_back("csrf", csrf_of(page));
    return fields;
  }

  static inline ScratchDir* dir_ = nullptr;
  static inline std::string db_;
  static inline InProcessServer* server_ = nullptr;
};

TEST_F(AdminPageTest, OnlyAdministratorsOpenIt) {
  Browser admin_browser = admin();
  const Page page = admin_browser.get("/admin");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Gebruikers en rollen"));
  EXPECT_TRUE(contains(page.body, "casemanager@demo.test"));
  EXPECT_TRUE(contains(admin_browser.get("/dashboard").body, "href=\"/admin\""));
  for (const char* email : {"casemanager@demo.test", "doctor@demo.test", "coach@demo.test",
                            "employee@demo.test"}) {
    Browser browser(server_->port());
    ASSERT_EQ(browser.log_in(email, kDemoPassword).status, 303) << email;
    EXPECT_EQ(browser.get("/admin").status, 403) << email;
    EXPECT_FALSE(contains(browser.get("/dashboard").body, "href=\"/admin\"")) << email;
    const Page refused = browser.post("/admin/employers",
                                      with_csrf(browser.get("/dashboard").body, {{"name", "X"}}));
    EXPECT_EQ(refused.status, 403) << email;
  }
  Browser anonymous(server_->port());
  EXPECT_EQ(anonymous.get("/admin").status, 303);
}

TEST_F(AdminPageTest, AnEmployerIsAddedAndABadOneIsRefusedByItsField) {
  Browser browser = admin();
  const long long before = count(db_, "SELECT count(*) FROM employers");
  const Page added = browser.post("/admin/employers",
                                  with_csrf(browser.get("/admin").body, {{"name", "Zorg & Co"}}));
  ASSERT_EQ(added.status, 303);
  EXPECT_EQ(added.location, "/admin?notice=employer_added");
  EXPECT_EQ(count(db_, "SELECT count(*) FROM employers"), before + 1);
  const Page shown = browser.get("/admin?notice=employer_added");
  EXPECT_TRUE(contains(shown.body, "De werkgever is toegevoegd."));
  EXPECT_TRUE(contains(shown.body, "Zorg &amp; Co"));

  const Page refused =
      browser.post("/admin/employers", with_csrf(browser.get("/admin").body, {{"name", ""}}));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "id=\"employer-name-error\""));
  EXPECT_EQ(count(db_, "SELECT count(*) FROM employers"), before + 1);
}

TEST_F(AdminPageTest, AUserWithBadInputKeepsWhatWasTypedButNotThePassword) {
  Browser browser = admin();
  const long long before = count(db_, "SELECT count(*) FROM users");
  const Page refused = browser.post(
      "/admin/users", with_csrf(browser.get("/admin").body,
                                {{"email", "not-an-address"},
                                 {"display_name", "Nieuwe Collega"},
                                 {"password", "een geheim wachtwoord 123"},
                                 {"role_case_manager", "on"},
                                 {"employer_id", "1"}}));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "id=\"user-email-error\""));
  EXPECT_TRUE(contains(refused.body, "value=\"not-an-address\""));
  EXPECT_TRUE(contains(refused.body, "value=\"Nieuwe Collega\""));
  EXPECT_TRUE(contains(refused.body, "name=\"role_case_manager\" checked"));
  EXPECT_FALSE(contains(refused.body, "een geheim wachtwoord 123"));
  EXPECT_EQ(count(db_, "SELECT count(*) FROM users"), before);

  const Page no_role = browser.post(
      "/admin/users", with_csrf(browser.get("/admin").body,
                                {{"email", "nieuw@demo.test"}, {"display_name", "Nieuw"},
                                 {"password", "een geheim wachtwoord 123"}, {"employer_id", "1"}}));
  EXPECT_EQ(no_role.status, 422);
  EXPECT_TRUE(contains(no_role.body, "Kies minstens één rol."));

  const Page added = browser.post(
      "/admin/users", with_csrf(browser.get("/admin").body,
                                {{"email", "nieuw@demo.test"}, {"display_name", "Nieuw"},
                                 {"password", "een geheim wachtwoord 123"},
                                 {"role_case_manager", "on"}, {"employer_id", "1"}}));
  EXPECT_EQ(added.status, 303);
  EXPECT_EQ(count(db_, "SELECT count(*) FROM users"), before + 1);
  Browser newcomer(server_->port());
  EXPECT_EQ(newcomer.log_in("nieuw@demo.test", "een geheim wachtwoord 123").status, 303);
}

TEST_F(AdminPageTest, ATokenIsShownOnceWorksAndCanBeRevoked) {
  Browser browser = admin();
  const Page admin_page = browser.get("/admin");
  const Page created = browser.post(
      "/admin/tokens", with_csrf(admin_page.body, {{"user_id", "2"}, {"name", "HR-koppeling"}}));
  ASSERT_EQ(created.status, 201);
  const auto start = created.body.find("sbk_");
  ASSERT_NE(start, std::string::npos);
  const std::string token = created.body.substr(start, created.body.find('<', start) - start);
  EXPECT_FALSE(contains(browser.get("/admin").body, token));  // shown once

  httplib::Client api("127.0.0.1", server_->port());
  const httplib::Headers bearer{{"Authorization", "Bearer " + token}};
  EXPECT_EQ(api.Get("/api/v1/me", bearer)->status, 200);
  const long long id = count(db_, "SELECT max(id) FROM api_tokens");
  const Page revoked = browser.post(
      "/admin/tokens/revoke", with_csrf(browser.get("/admin").body,
                                        {{"token_id", std::to_string(id)}}));
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(api.Get("/api/v1/me", bearer)->status, 401);

  const Page unnamed = browser.post(
      "/admin/tokens", with_csrf(browser.get("/admin").body, {{"user_id", ""}, {"name", "x"}}));
  EXPECT_EQ(unnamed.status, 422);
  EXPECT_TRUE(contains(unnamed.body, "id=\"token-user-error\""));
}

TEST_F(AdminPageTest, AssignmentsAndProvidersAreRecorded) {
  Browser browser = admin();
  const long long assigned = count(db_, "SELECT count(*) FROM case_providers");
  const Page provider = browser.post(
      "/admin/providers", with_csrf(browser.get("/admin").body,
                                    {{"name", "Werkfit Re-integratie"},
                                     {"kind", "reintegration_office"}}));
  ASSERT_EQ(provider.status, 303);
  const long long provider_id = count(db_, "SELECT max(id) FROM providers");
  const Page linked = browser.post(
      "/admin/providers/serve",
      with_csrf(browser.get("/admin").body,
                {{"provider_id", std::to_string(provider_id)}, {"employer_id", "1"}}));
  EXPECT_EQ(linked.status, 303);
  const Page assign = browser.post(
      "/admin/assignments/provider",
      with_csrf(browser.get("/admin").body,
                {{"case_id", "1"}, {"provider_id", std::to_string(provider_id)}}));
  EXPECT_EQ(assign.status, 303);
  EXPECT_EQ(count(db_, "SELECT count(*) FROM case_providers"), assigned + 1);

  const Page bad_case = browser.post(
      "/admin/assignments/provider",
      with_csrf(browser.get("/admin").body,
                {{"case_id", "abc"}, {"provider_id", std::to_string(provider_id)}}));
  EXPECT_EQ(bad_case.status, 422);
  EXPECT_TRUE(contains(bad_case.body, "id=\"assign-provider-case-error\""));
  EXPECT_TRUE(contains(bad_case.body, "value=\"abc\""));
  EXPECT_EQ(count(db_, "SELECT count(*) FROM case_providers"), assigned + 1);
}

TEST_F(AdminPageTest, FormsNeedTheSessionsCsrfToken) {
  Browser browser = admin();
  const long long before = count(db_, "SELECT count(*) FROM employers");
  EXPECT_EQ(browser.post("/admin/employers", {{"name", "Zonder token"}}).status, 403);
  EXPECT_EQ(browser.post("/admin/employers", {{"name", "Fout token"}, {"csrf", "abc"}}).status,
            403);
  EXPECT_EQ(count(db_, "SELECT count(*) FROM employers"), before);
}

TEST_F(AdminPageTest, TypedPayloadsComeBackEscaped) {
  Browser browser = admin();
  for (const std::string payload : {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"}) {
    const Page employer =
        browser.post("/admin/employers", with_csrf(browser.get("/admin").body, {{"name", payload}}));
    const Page page = employer.status == 303 ? browser.get("/admin") : employer;
    EXPECT_FALSE(contains(page.body, payload)) << payload;
    const Page user = browser.post(
        "/admin/users", with_csrf(browser.get("/admin").body,
                                  {{"email", payload}, {"display_name", payload},
                                   {"employee_id", payload}, {"password", "x"}}));
    EXPECT_EQ(user.status, 422);
    EXPECT_FALSE(contains(user.body, payload)) << payload;
    const Page token = browser.post(
        "/admin/tokens", with_csrf(browser.get("/admin").body, {{"user_id", payload},
                                                                {"name", payload}}));
    EXPECT_FALSE(contains(token.body, payload)) << payload;
  }
}

TEST_F(AdminPageTest, EnglishHasNoRawKeys) {
  Browser browser = admin();
  const Page page = browser.get("/admin?lang=en");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Users and roles"));
  EXPECT_FALSE(contains(page.body, "admin."));
  EXPECT_FALSE(contains(page.body, ">role."));
  const Page dutch = browser.get("/admin?lang=nl");
  EXPECT_FALSE(contains(dutch.body, "admin."));
}

}  // namespace
}  // namespace spoorboek::webtest
