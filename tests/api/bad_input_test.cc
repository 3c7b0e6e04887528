// Bad input on every write route, bad ids, bad credentials, CSRF, stale writes, login throttling,
// API tokens and logout, against the demo database served in-process.
//
// For each refused request: the status, the error body {"error":{"code","message","field"}} with
// the expected code and field, an unchanged database (the reference case's entries and last
// hash, every listing of cases, users, employers, employees, providers and tokens), and a server
// that still answers /healthz.
#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "security/tokens.h"
#include "store/sqlite_store.h"
#include "tests/api/api_test_support.h"

namespace spoorboek::apitest {
namespace {

constexpr const char* kPassword = "een lang wachtwoord voor tests";

struct World {
  ScratchDir dir;
  std::string db = dir.file("bad.db");
  std::unique_ptr<InProcessServer> server;
  std::unique_ptr<Client> client;
  Session admin;
  Session case_manager;
  std::map<std::string, std::int64_t> users;  // by e-mail
  std::int64_t home = 0;                      // the case manager's employer
  std::int64_t other_employer = 0;  // another demo employer: another tenant for the case manager
  std::int64_t ref_case = 0;        // an open case of the home employer
  std::int64_t other_case = 0;      // a case of the other employer
  std::int64_t other_employee = 0;  // an employee of the other employer
  std::int64_t fresh_employee = 0;  // an employee of the home employer without a case
  std::int64_t arbo = 0;
};

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new World();
    World& w = *world_;
    ASSERT_EQ(run_spoorboek({"demo", "--db", w.db}), 0);
    w.server = std::make_unique<InProcessServer>(w.db);
    ASSERT_TRUE(w.server->running()) << w.server->error();
    w.client = std::make_unique<Client>(w.server->port());
    Client& c = *w.client;
    w.admin = c.login("admin@demo.test", "demo");
    w.case_manager = c.login("casemanager@demo.test", "demo");
    ASSERT_FALSE(w.admin.token.empty());
    ASSERT_FALSE(w.case_manager.token.empty());
    const Json users = c.get("/api/v1/users", w.admin.bearer()).json();
    for (const auto& user : users["users"]) w.users[user["email"]] = user["id"];
    const Json me = c.get("/api/v1/me", w.case_manager.bearer()).json();
    w.home = me["employer_id"];
    const Json employers = c.get("/api/v1/employers", w.admin.bearer()).json();
    for (const auto& employer : employers["employers"]) {
      if (employer["id"] != w.home) w.other_employer = employer["id"];
    }
    ASSERT_NE(w.other_employer, 0);
    const Json own =
        c.get("/api/v1/cases?status=sick&limit=1&employer_id=" + std::to_string(w.home),
              w.case_manager.bearer())
            .json();
    ASSERT_FALSE(own["cases"].empty());
    w.ref_case = own["cases"][0]["case_id"];
    const Json other =
        c.get("/api/v1/cases?limit=1&employer_id=" + std::to_string(w.other_employer),
              w.admin.bearer())
            .json();
    ASSERT_FALSE(other["cases"].empty());
    w.other_case = other["cases"][0]["case_id"];
    const Json employees =
        c.get("/api/v1/employers/" + std::to_string(w.other_employer) + "/employees",
              w.admin.bearer())
            .json();
    ASSERT_FALSE(employees["employees"].empty());
    w.other_employee = employees["employees"][0]["id"];
    const Reply fresh =
        c.post("/api/v1/employers/" + std::to_string(w.home) + "/employees", w.admin.bearer(),
               Json{{"name", "Nog Nooit Ziek"}, {"personnel_number", "FRESH-1"}});
    ASSERT_EQ(fresh.status, 201) << fresh.body;
    w.fresh_employee = fresh.json()["id"];
    const Json providers = c.get("/api/v1/providers", w.admin.bearer()).json();
    for (const auto& provider : providers["providers"]) {
      if (provider["kind"] == "arbo_service") w.arbo = provider["id"];
    }
    ASSERT_NE(w.arbo, 0);
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(world_, nullptr);
    ASSERT_TRUE(world_->server && world_->server->running());
    baseline_ = snapshot();
  }

  World& w() { return *world_; }
  Client& c() { return *world_->client; }
  Auth admin() { return world_->admin.bearer(); }
  Auth case_manager() { return world_->case_manager.bearer(); }
  std::string cases(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/cases/" + std::to_string(id) + rest;
  }

  // Everything a refused request must leave as it was, as seen by the platform administrator.
  std::string snapshot() {
    std::string state;
    const Json file = c().get(cases(w().ref_case), admin()).json();
    state += "entries:" + std::to_string(file["entries"].size());
    if (!file["entries"].empty()) state += " last:" + file["entries"].back()["hash"].dump();
    const Json other = c().get(cases(w().other_case), admin()).json();
    state += " other entries:" + std::to_string(other["entries"].size());
    state += "\ncases:" +
             c().get("/api/v1/cases?include_closed=true&limit=1", admin()).json()["total"].dump();
    for (const std::string& path :
         {std::string("/api/v1/users"), std::string("/api/v1/employers"),
          "/api/v1/employers/" + std::to_string(w().home) + "/employees",
          "/api/v1/employers/" + std::to_string(w().other_employer) + "/employees",
          std::string("/api/v1/providers"), std::string("/api/v1/tokens")}) {
      state += "\n" + path + ": " + c().get(path, admin()).body;
    }
    return state;
  }

  // A refused request: its status, error body (code and field when given), an unchanged
  // database and a server that still answers.
  Reply expect_refused(const std::string& label, const std::string& method, const std::string& path,
                       const Auth& auth, const std::optional<std::string>& body, int status,
                       const std::string& code = "", const std::optional<std::string>& field = {},
                       const std::string& content_type = "application/json") {
    SCOPED_TRACE(label + ": " + describe(method, path));
    const Reply reply = c().call(method, path, auth, body, content_type);
    EXPECT_EQ(reply.status, status) << reply.body.substr(0, 300);
    std::string why;
    EXPECT_TRUE(is_error_shape(reply, &why)) << why;
    const Json json = reply.json();
    if (json.is_object() && json.contains("error") && json["error"].is_object()) {
      if (!code.empty()) {
        EXPECT_EQ(json["error"].value("code", ""), code) << reply.body;
      }
      if (field) {
        EXPECT_EQ(json["error"].value("field", ""), *field) << reply.body;
      }
    }
    EXPECT_EQ(snapshot(), baseline_) << "the refused request changed the database";
    EXPECT_EQ(c().get("/healthz", Auth::none()).status, 200) << "the server stopped answering";
    return reply;
  }
  Reply expect_refused(const std::string& label, const std::string& method, const std::string& path,
                       const Auth& auth, const Json& body, int status, const std::string& code = "",
                       const std::optional<std::string>& field = {}) {
    return expect_refused(label, method, path, auth, std::optional<std::string>(body.dump()),
                          status, code, field);
  }

  // The write routes that take a JSON body, each with a body it would accept.
  struct BodyRoute {
    std::string method;
    std::string path;
    Json valid;
  };
  std::vector<BodyRoute> body_routes() {
    const std::string today = iso_day(0);
    return {
        {"POST", "/api/v1/login", Json{{"email", "admin@demo.test"}, {"password", "demo"}}},
        {"POST", "/api/v1/me/totp/confirm", Json{{"code", "123456"}}},
        {"POST", "/api/v1/cases",
         Json{{"employee_id", w().fresh_employee},
              {"first_sick_day", iso_day(-3)},
              {"payload", sick_report()}}},
        {"POST", cases(w().ref_case, "/entries"), interview()},
        {"POST", cases(w().ref_case, "/assignments"),
         Json{{"user_id", w().users["casemanager@demo.test"]}}},
        {"POST", "/api/v1/employers", Json{{"name", "Nieuwe Werkgever"}}},
        {"POST", "/api/v1/employers/" + std::to_string(w().home) + "/employees",
         Json{{"name", "Nieuwe Medewerker"}, {"personnel_number", "NEW-1"}}},
        {"PUT", "/api/v1/employees/" + std::to_string(w().fresh_employee) + "/manager",
         Json{{"user_id", w().users["manager@demo.test"]}}},
        {"POST", "/api/v1/providers", Json{{"name", "Nieuwe Arbo"}, {"kind", "arbo_service"}}},
        {"POST", "/api/v1/providers/" + std::to_string(w().arbo) + "/employers",
         Json{{"employer_id", w().home}}},
        {"POST", "/api/v1/users",
         Json{{"email", "nieuw@example.test"},
              {"display_name", "Nieuw"},
              {"password", kPassword},
              {"roles", Json::array({"line_manager"})},
              {"employer_id", w().home}}},
        {"POST", "/api/v1/tokens",
         Json{{"user_id", w().users["casemanager@demo.test"]}, {"name", "sleutel"}}},
    };
  }
  static Json sick_report() {
    return Json{{"expected_duration", "up_to_1_week"},
                {"safety_net_applies", false},
                {"work_accident", false},
                {"third_party_liability", false}};
  }
  static Json interview(const std::string& day = iso_day(0)) {
    return Json{{"type", "reintegration_interview"},
                {"occurred_on", day},
                {"payload", Json{{"attendees", Json::array({"Casemanager", "Werknemer"})},
                                 {"employee_agreement", "agreed"}}}};
  }
  std::size_t entry_count(std::int64_t case_id) {
    return c().get(cases(case_id), admin()).json()["entries"].size();
  }

  static World* world_;
  std::string baseline_;
};

World* BadInputTest::world_ = nullptr;

TEST_F(BadInputTest, MalformedBodiesOnEveryWriteRouteAre400) {
  for (const BodyRoute& route : body_routes()) {
    expect_refused("malformed", route.method, route.path, admin(),
                   std::optional<std::string>(R"({"name": )"), 400, "malformed_json");
    expect_refused("not JSON", route.method, route.path, admin(),
                   std::optional<std::string>("name=x"), 400, "malformed_json");
    expect_refused("empty", route.method, route.path, admin(), std::optional<std::string>(""), 400,
                   "malformed_json");
    // A JSON value that is no object is malformed too, on every route (the entry route as well).
    expect_refused("an array", route.method, route.path, admin(),
                   std::optional<std::string>(R"([{"name":"x"}])"), 400, "malformed_json");
    expect_refused("a string", route.method, route.path, admin(),
                   std::optional<std::string>(R"("text")"), 400, "malformed_json");
  }
}

TEST_F(BadInputTest, BodiesNotDeclaredAsJsonAre400) {
  for (const BodyRoute& route : body_routes()) {
    expect_refused("text/plain", route.method, route.path, admin(),
                   std::optional<std::string>(route.valid.dump()), 400, "bad_request",
                   "Content-Type", "text/plain");
    expect_refused("a form", route.method, route.path, admin(),
                   std::optional<std::string>(route.valid.dump()), 400, "bad_request",
                   "Content-Type", "application/x-www-form-urlencoded");
    expect_refused("no Content-Type", route.method, route.path, admin(),
                   std::optional<std::string>(route.valid.dump()), 400, "bad_request",
                   "Content-Type", "");
  }
}

TEST_F(BadInputTest, BodiesOverOneMebibyteAre413) {
  for (const BodyRoute& route : body_routes()) {
    Json big = route.valid;
    big["padding"] = std::string((1 << 20) + 1, 'x');
    expect_refused("over 1 MiB", route.method, route.path, admin(), big, 413, "payload_too_large",
                   "body");
  }
}

TEST_F(BadInputTest, UnknownFieldsAre422NamingTheField) {
  for (const BodyRoute& route : body_routes()) {
    Json body = route.valid;
    body["zzz_unknown"] = 1;
    expect_refused("unknown field", route.method, route.path, admin(), body, 422, "unknown_field",
                   "zzz_unknown");
  }
  // Inside the sick report's and an entry's payload.
  Json sick = body_routes()[2].valid;
  sick["payload"]["diagnosis"] = "griep";
  expect_refused("free text in a sick report", "POST", "/api/v1/cases", admin(), sick, 422,
                 "unknown_field", "payload.diagnosis");
  Json entry = interview();
  entry["payload"]["zzz"] = true;
  expect_refused("unknown payload field", "POST", cases(w().ref_case, "/entries"), admin(), entry,
                 422, "unknown_field", "payload.zzz");
}

TEST_F(BadInputTest, WrongTypesAre422InvalidTypeNamingTheField) {
  struct Case {
    std::size_t route;  // index into body_routes()
    std::string field;  // a JSON pointer-ish path set to `value`
    Json value;
  };
  const std::vector<Case> wrong{
      {0, "email", 5},
      {0, "password", Json::array({"demo"})},
      {1, "code", 123456},
      {2, "employee_id", "12"},
      {3, "type", 5},
      {3, "expected_seq", "3"},
      {4, "user_id", "2"},
      {5, "name", 5},
      {6, "personnel_number", 12},
      {7, "user_id", "3"},
      {8, "name", true},
      {9, "employer_id", "1"},
      {10, "roles", "line_manager"},
      {10, "employer_id", 1.5},
      {11, "user_id", "2"},
      {11, "name", Json::object()},
  };
  const auto routes = body_routes();
  for (const Case& item : wrong) {
    Json body = routes[item.route].valid;
    body[item.field] = item.value;
    expect_refused("wrong type of " + item.field, routes[item.route].method,
                   routes[item.route].path, admin(), body, 422, "invalid_type", item.field);
  }
  Json sick = routes[2].valid;
  sick["payload"]["work_accident"] = "nee";
  expect_refused("wrong type in a sick report", "POST", "/api/v1/cases", admin(), sick, 422,
                 "invalid_type", "payload.work_accident");
  Json entry = interview();
  entry["payload"]["attendees"] = "Casemanager";
  expect_refused("wrong type in a payload", "POST", cases(w().ref_case, "/entries"), admin(), entry,
                 422, "invalid_type", "payload.attendees");
}

TEST_F(BadInputTest, MissingFieldsAre422MissingFieldNamingTheField) {
  struct Case {
    std::size_t route;
    std::string field;
  };
  const std::vector<Case> missing{
      {0, "email"},       {0, "password"},         {1, "code"},
      {2, "employee_id"}, {2, "first_sick_day"},   {3, "type"},
      {3, "occurred_on"}, {3, "payload"},          {5, "name"},
      {6, "name"},        {6, "personnel_number"}, {7, "user_id"},
      {8, "kind"},        {9, "employer_id"},      {10, "email"},
      {10, "password"},   {10, "roles"},           {11, "user_id"},
      {11, "name"},
  };
  const auto routes = body_routes();
  for (const Case& item : missing) {
    Json body = routes[item.route].valid;
    body.erase(item.field);
    expect_refused("missing " + item.field, routes[item.route].method, routes[item.route].path,
                   admin(), body, 422, "missing_field", item.field);
  }
  // A null counts as missing.
  expect_refused("null name", "POST", "/api/v1/employers", admin(), Json{{"name", nullptr}}, 422,
                 "missing_field", "name");
  Json sick = routes[2].valid;
  sick["payload"].erase("expected_duration");
  expect_refused("missing in a sick report", "POST", "/api/v1/cases", admin(), sick, 422,
                 "missing_field", "payload.expected_duration");
  // An assignment names exactly one of provider_id and user_id.
  expect_refused("neither office nor person", "POST", cases(w().ref_case, "/assignments"), admin(),
                 Json::object(), 422, "invalid", "provider_id");
}

TEST_F(BadInputTest, ImpossibleAndFutureDatesAre422) {
  const auto routes = body_routes();
  for (const std::string day :
       {"2026-02-30", "2025-13-01", "2026-2-3", "03-02-2026", "2026-02-29"}) {
    Json sick = routes[2].valid;
    sick["first_sick_day"] = day;
    expect_refused("sick report on " + day, "POST", "/api/v1/cases", admin(), sick, 422,
                   "invalid_date", "first_sick_day");
    Json entry = interview(day);
    expect_refused("entry on " + day, "POST", cases(w().ref_case, "/entries"), admin(), entry, 422,
                   "invalid_date", "occurred_on");
  }
  Json sick = routes[2].valid;
  sick["first_sick_day"] = iso_day(3);
  expect_refused("a sick report from the future", "POST", "/api/v1/cases", admin(), sick, 422,
                 "future_date", "first_sick_day");
  expect_refused("an entry from the future", "POST", cases(w().ref_case, "/entries"), admin(),
                 interview(iso_day(1)), 422, "future_date", "occurred_on");
  Json appointment = routes[2].valid;
  appointment["payload"]["appointments"] =
      Json::array({Json{{"on", "2026-04-31"}, {"with", "employer"}}});
  expect_refused("an impossible appointment", "POST", "/api/v1/cases", admin(), appointment, 422,
                 "invalid_date", "payload.appointments[0].on");
  expect_refused("an impossible as_of", "GET", cases(w().ref_case, "?as_of=2026-02-30"), admin(),
                 std::nullopt, 422, "invalid_date", "as_of");
  expect_refused("a check with an impossible as_of", "GET",
                 cases(w().ref_case, "/check?as_of=2026-02-30"), admin(), std::nullopt, 422,
                 "invalid_date", "as_of");
  expect_refused("a check in Klingon", "GET", cases(w().ref_case, "/check?lang=tlh"), admin(),
                 std::nullopt, 422, "unknown_value", "lang");
}

TEST_F(BadInputTest, MedicalDataInASickReportIsRefused) {
  Json sick = body_routes()[2].valid;
  sick["payload"]["medical"] = Json{{"diagnosis", "griep"}};
  expect_refused("a medical object in the employer's form", "POST", "/api/v1/cases", admin(), sick,
                 422, "medical_not_allowed", "payload.medical");
}

TEST_F(BadInputTest, UnknownAndNonNumericIdsAre404) {
  const Json interview_body = interview();
  const Json assignment{{"user_id", w().users["casemanager@demo.test"]}};
  for (const std::string id : {"999999", "abc", "0", "-1", "007", "1.0", "99999999999999999999"}) {
    expect_refused("case " + id, "GET", "/api/v1/cases/" + id, admin(), std::nullopt, 404,
                   "not_found");
    expect_refused("timeline " + id, "GET", "/api/v1/cases/" + id + "/timeline", admin(),
                   std::nullopt, 404, "not_found");
    expect_refused("reads " + id, "GET", "/api/v1/cases/" + id + "/reads", admin(), std::nullopt,
                   404, "not_found");
    expect_refused("check " + id, "GET", "/api/v1/cases/" + id + "/check", admin(), std::nullopt,
                   404, "not_found");
    expect_refused("entry into case " + id, "POST", "/api/v1/cases/" + id + "/entries", admin(),
                   interview_body, 404, "not_found");
    expect_refused("assignment to case " + id, "POST", "/api/v1/cases/" + id + "/assignments",
                   admin(), assignment, 404, "not_found");
    // Also for the platform administrator, who reaches every employer that exists.
    expect_refused("employees of employer " + id, "GET", "/api/v1/employers/" + id + "/employees",
                   admin(), std::nullopt, 404, "not_found");
    expect_refused("employee of employer " + id, "POST", "/api/v1/employers/" + id + "/employees",
                   admin(), Json{{"name", "X"}, {"personnel_number", "ID-" + id}}, 404,
                   "not_found");
    expect_refused("manager of employee " + id, "PUT", "/api/v1/employees/" + id + "/manager",
                   admin(), Json{{"user_id", nullptr}}, 404, "not_found");
    expect_refused("contract of provider " + id, "POST", "/api/v1/providers/" + id + "/employers",
                   admin(), Json{{"employer_id", w().home}}, 404, "not_found");
    expect_refused("disable user " + id, "POST", "/api/v1/users/" + id + "/disable", admin(),
                   std::nullopt, 404, "not_found");
    expect_refused("enable user " + id, "POST", "/api/v1/users/" + id + "/enable", admin(),
                   std::nullopt, 404, "not_found");
    expect_refused("revoke token " + id, "DELETE", "/api/v1/tokens/" + id, admin(), std::nullopt,
                   404, "not_found");
  }
  // Ids inside bodies.
  expect_refused(
      "a sick report for nobody", "POST", "/api/v1/cases", admin(),
      Json{{"employee_id", 999999}, {"first_sick_day", iso_day(-1)}, {"payload", sick_report()}},
      404, "not_found");
  expect_refused("a token for nobody", "POST", "/api/v1/tokens", admin(),
                 Json{{"user_id", 999999}, {"name", "x"}}, 404, "not_found");
  expect_refused("a contract with no employer", "POST",
                 "/api/v1/providers/" + std::to_string(w().arbo) + "/employers", admin(),
                 Json{{"employer_id", 999999}}, 404, "not_found");
}

TEST_F(BadInputTest, AnotherTenantsIdsAre404) {
  // The case manager works for one demo employer; the others are other tenants to it.
  const Auth cm = case_manager();
  for (const std::string rest : {"", "/timeline", "/reads", "/check"}) {
    expect_refused("read " + rest, "GET", cases(w().other_case, rest), cm, std::nullopt, 404,
                   "not_found");
  }
  expect_refused("entry", "POST", cases(w().other_case, "/entries"), cm, interview(), 404,
                 "not_found");
  expect_refused("assignment", "POST", cases(w().other_case, "/assignments"), cm,
                 Json{{"user_id", w().users["casemanager@demo.test"]}}, 404, "not_found");
  expect_refused("sick report", "POST", "/api/v1/cases", cm,
                 Json{{"employee_id", w().other_employee},
                      {"first_sick_day", iso_day(-1)},
                      {"payload", sick_report()}},
                 404, "not_found");
  const std::string employees =
      "/api/v1/employers/" + std::to_string(w().other_employer) + "/employees";
  expect_refused("list employees", "GET", employees, cm, std::nullopt, 404, "not_found");
  expect_refused("add an employee", "POST", employees, cm,
                 Json{{"name", "Indringer"}, {"personnel_number", "X-1"}}, 404, "not_found");
  expect_refused("set a manager", "PUT",
                 "/api/v1/employees/" + std::to_string(w().other_employee) + "/manager", cm,
                 Json{{"user_id", nullptr}}, 404, "not_found");
  // The answer is the same as for an id that does not exist: nothing tells them apart.
  const Reply hidden = c().get(cases(w().other_case), cm);
  const Reply absent = c().get(cases(999999), cm);
  EXPECT_EQ(hidden.status, absent.status);
  EXPECT_EQ(hidden.json()["error"]["code"], absent.json()["error"]["code"]);
  EXPECT_EQ(hidden.json()["error"]["field"], absent.json()["error"]["field"]);
}

TEST_F(BadInputTest, ForgedExpiredAndRevokedCredentialsAre401) {
  // An expired and an idle session, written straight into the database.
  const std::string expired = security::random_token("sbs_");
  const std::string idle = security::random_token("sbs_");
  {
    auto store = store::SqliteStore::open(w().db, store::SqliteStore::OpenMode::must_exist);
    ASSERT_TRUE(store.ok());
    const std::int64_t now = std::time(nullptr);
    const std::int64_t user = w().users["casemanager@demo.test"];
    ASSERT_TRUE((*store)
                    ->create_session({security::token_digest(expired), user, "csrf", false,
                                      now - 13 * 3600, now - 3600, now - 3700})
                    .ok());
    ASSERT_TRUE((*store)
                    ->create_session({security::token_digest(idle), user, "csrf", false, now - 3600,
                                      now + 3600, now - 31 * 60})
                    .ok());
  }
  // A revoked API token and an ended session.
  const Reply created = c().post(
      "/api/v1/tokens", admin(),
      Json{{"user_id", w().users["casemanager@demo.test"]}, {"name", "wordt ingetrokken"}});
  ASSERT_EQ(created.status, 201);
  const std::string revoked = created.json()["token"];
  ASSERT_EQ(c().del("/api/v1/tokens/" + created.json()["id"].dump(), admin()).status, 200);
  const Session ended = c().login("casemanager@demo.test", "demo");
  ASSERT_EQ(c().call("POST", "/api/v1/logout", ended.bearer()).status, 200);
  baseline_ = snapshot();

  const std::vector<std::pair<std::string, Auth>> credentials{
      {"no credentials", Auth::none()},
      {"a forged session token", Auth::bearer(security::random_token("sbs_"))},
      {"a forged API token", Auth::bearer(security::random_token("sbk_"))},
      {"a forged session cookie", Auth::cookie(security::random_token("sbs_"), "csrf")},
      {"a token of no kind", Auth::bearer("hello")},
      {"an empty bearer token", Auth::bearer("")},
      {"an expired session", Auth::bearer(expired)},
      {"an idle session", Auth::bearer(idle)},
      {"a revoked API token", Auth::bearer(revoked)},
      {"a logged-out session", ended.bearer()},
  };
  for (const auto& [label, auth] : credentials) {
    expect_refused(label + " writing", "POST", cases(w().ref_case, "/entries"), auth, interview(),
                   401, "unauthenticated");
    expect_refused(label + " reading", "GET", cases(w().ref_case), auth, std::nullopt, 401,
                   "unauthenticated");
    expect_refused(label + " administering", "POST", "/api/v1/employers", auth, Json{{"name", "X"}},
                   401, "unauthenticated");
  }
  // Another scheme than Bearer.
  httplib::Client raw("127.0.0.1", w().server->port());
  const auto basic = raw.Get(cases(w().ref_case), {{"Authorization", "Basic YWRtaW46ZGVtbw=="}});
  ASSERT_TRUE(basic);
  EXPECT_EQ(basic->status, 401);
  EXPECT_EQ(Json::parse(basic->body)["error"]["field"], "Authorization");
  // The idle and expired sessions stay dead (they are removed at first use).
  EXPECT_EQ(c().get("/api/v1/me", Auth::bearer(idle)).status, 401);
  EXPECT_EQ(c().get("/api/v1/me", Auth::bearer(expired)).status, 401);
}

TEST_F(BadInputTest, CookieWritesNeedTheSessionsCsrfToken) {
  const Session session = c().login("casemanager@demo.test", "demo");
  ASSERT_FALSE(session.token.empty());
  baseline_ = snapshot();
  const std::string path = cases(w().ref_case, "/entries");
  expect_refused("cookie without X-CSRF-Token", "POST", path,
                 Auth::cookie(session.token, std::nullopt), interview(), 403, "forbidden",
                 "X-CSRF-Token");
  expect_refused("cookie with a wrong X-CSRF-Token", "POST", path,
                 Auth::cookie(session.token, "not-the-token"), interview(), 403, "forbidden",
                 "X-CSRF-Token");
  expect_refused("cookie with another session's X-CSRF-Token", "POST", path,
                 Auth::cookie(session.token, w().case_manager.csrf), interview(), 403, "forbidden",
                 "X-CSRF-Token");
  expect_refused("cookie logout without X-CSRF-Token", "POST", "/api/v1/logout",
                 Auth::cookie(session.token, std::nullopt), std::nullopt, 403, "forbidden",
                 "X-CSRF-Token");
  // Reads need no CSRF token; the same write with the right one works.
  EXPECT_EQ(c().get(cases(w().ref_case), Auth::cookie(session.token, std::nullopt)).status, 200);
  const std::size_t before = entry_count(w().ref_case);
  const Reply written =
      c().call("POST", path, Auth::cookie(session.token, session.csrf), interview().dump());
  EXPECT_EQ(written.status, 201) << written.body;
  EXPECT_EQ(entry_count(w().ref_case), before + 1);
  // A Bearer request needs none.
  EXPECT_EQ(c().post(path, session.bearer(), interview()).status, 201);
}

TEST_F(BadInputTest, AStaleExpectedSeqIs409) {
  const std::size_t entries = entry_count(w().ref_case);
  baseline_ = snapshot();
  for (const std::size_t stale : {std::size_t{1}, entries, entries + 2}) {
    Json entry = interview();
    entry["expected_seq"] = stale;
    expect_refused("expected_seq " + std::to_string(stale), "POST", cases(w().ref_case, "/entries"),
                   admin(), entry, 409, "conflict", "expected_seq");
  }
  Json entry = interview();
  entry["expected_seq"] = entries + 1;
  const Reply appended = c().post(cases(w().ref_case, "/entries"), admin(), entry);
  EXPECT_EQ(appended.status, 201) << appended.body;
  EXPECT_EQ(appended.json()["seq"], entries + 1);
  // The same view a second time is stale now.
  baseline_ = snapshot();
  expect_refused("the same expected_seq again", "POST", cases(w().ref_case, "/entries"), admin(),
                 entry, 409, "conflict", "expected_seq");
}

TEST_F(BadInputTest, FiveWrongPasswordsBlockTheSixthLoginWith429) {
  for (int attempt = 1; attempt <= 5; ++attempt) {
    expect_refused("wrong password " + std::to_string(attempt), "POST", "/api/v1/login",
                   Auth::none(), Json{{"email", "expert@demo.test"}, {"password", "wrong"}}, 401,
                   "unauthenticated");
  }
  const Reply blocked = expect_refused(
      "the right password, too late", "POST", "/api/v1/login", Auth::none(),
      Json{{"email", "expert@demo.test"}, {"password", "demo"}}, 429, "too_many_requests");
  const std::string retry_after = blocked.header("Retry-After");
  ASSERT_FALSE(retry_after.empty()) << "no Retry-After header";
  EXPECT_GE(std::stol(retry_after), 1);
  EXPECT_LE(std::stol(retry_after), 15 * 60);
  // The block is per account: another account still logs in.
  EXPECT_FALSE(c().login("coach@demo.test", "demo").token.empty());
}

TEST_F(BadInputTest, ApiTokensAreShownOnceWorkAsBearerAndStopWhenRevoked) {
  const Reply created = c().post("/api/v1/tokens", admin(),
                                 Json{{"user_id", w().users["casemanager@demo.test"]},
                                      {"name", "koppeling salarisadministratie"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token = created.json()["token"];
  const std::int64_t id = created.json()["id"];
  EXPECT_TRUE(token.starts_with("sbk_")) << token;
  // Shown once: no listing holds it.
  const Reply listed = c().get("/api/v1/tokens", admin());
  EXPECT_EQ(listed.body.find(token), std::string::npos);
  EXPECT_NE(listed.body.find("koppeling salarisadministratie"), std::string::npos);
  // It works as Bearer, as its user.
  const Reply me = c().get("/api/v1/me", Auth::bearer(token));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["id"], w().users["casemanager@demo.test"]);
  EXPECT_EQ(c().get(cases(w().ref_case), Auth::bearer(token)).status, 200);
  EXPECT_EQ(c().post(cases(w().ref_case, "/entries"), Auth::bearer(token), interview()).status,
            201);
  // An API token is revoked, not logged out.
  baseline_ = snapshot();
  expect_refused("logout with an API token", "POST", "/api/v1/logout", Auth::bearer(token),
                 std::nullopt, 400, "bad_request", "Authorization");
  // Revoked, it stops working at once.
  const Reply revoked = c().del("/api/v1/tokens/" + std::to_string(id), admin());
  EXPECT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(c().get("/api/v1/me", Auth::bearer(token)).status, 401);
  const Json after = c().get("/api/v1/tokens", admin()).json();
  for (const auto& listed_token : after["tokens"]) {
    if (listed_token["id"] == id) {
      EXPECT_FALSE(listed_token["revoked_at"].is_null());
    }
  }
}

TEST_F(BadInputTest, LogoutEndsTheSession) {
  const Reply login = c().login_reply("casemanager@demo.test", "demo");
  ASSERT_EQ(login.status, 200);
  const std::string token = login.json()["token"];
  const std::string csrf = login.json()["csrf_token"];
  const std::string cookie = login.header("Set-Cookie");
  EXPECT_NE(cookie.find("spoorboek_session=" + token), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_EQ(c().get("/api/v1/me", Auth::bearer(token)).status, 200);
  // Logged out through the cookie, with its CSRF token.
  const Reply out = c().call("POST", "/api/v1/logout", Auth::cookie(token, csrf));
  EXPECT_EQ(out.status, 200) << out.body;
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  baseline_ = snapshot();
  expect_refused("the ended session as Bearer", "GET", "/api/v1/me", Auth::bearer(token),
                 std::nullopt, 401, "unauthenticated");
  expect_refused("the ended session as cookie", "GET", "/api/v1/me",
                 Auth::cookie(token, std::nullopt), std::nullopt, 401, "unauthenticated");
  expect_refused("logging out twice", "POST", "/api/v1/logout", Auth::bearer(token), std::nullopt,
                 401, "unauthenticated");
}

TEST_F(BadInputTest, DuplicatesAreRefusedNamingTheirField) {
  // A taken e-mail address or personnel number is a conflict named by its field, in words for
  // people (not the database's constraint text).
  const Reply user = c().post("/api/v1/users", admin(),
                              Json{{"email", "casemanager@demo.test"},
                                   {"display_name", "Dubbel"},
                                   {"password", kPassword},
                                   {"roles", Json::array({"case_manager"})},
                                   {"employer_id", w().home}});
  EXPECT_EQ(user.status, 409) << user.body;
  EXPECT_EQ(user.json()["error"]["code"], "conflict") << user.body;
  EXPECT_TRUE(is_error_shape(user));
  EXPECT_EQ(user.json()["error"]["field"], "email") << user.body;
  EXPECT_EQ(user.body.find("constraint"), std::string::npos)
      << "SQLite's text leaks: " << user.body;
  const Reply employee =
      c().post("/api/v1/employers/" + std::to_string(w().home) + "/employees", admin(),
               Json{{"name", "Dubbel"}, {"personnel_number", "FRESH-1"}});
  EXPECT_EQ(employee.status, 409) << employee.body;
  EXPECT_EQ(employee.json()["error"]["code"], "conflict") << employee.body;
  EXPECT_TRUE(is_error_shape(employee));
  EXPECT_EQ(employee.json()["error"]["field"], "personnel_number") << employee.body;
  EXPECT_EQ(employee.body.find("constraint"), std::string::npos)
      << "SQLite's text leaks: " << employee.body;
  EXPECT_EQ(snapshot(), baseline_);
}

}  // namespace
}  // namespace spoorboek::apitest
