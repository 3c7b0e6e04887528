// THE AUTHORISATION MATRIX: every route of the router x every role x the caller's own tenant and
// another tenant, each with the exact status the server must answer.
//
// The world: the demo database (tenant A: the seven demo accounts; employer 1 is the home of the
// case manager, the line manager and the employee; the demo arbo service, with the company doctor
// and the occupational expert, serves every demo employer; the coach's reintegration office is
// assigned to the employee's case) and a second tenant B, made through the API by the platform
// administrator: its own employer, arbo service (serving only B), case manager, line manager,
// employee, company doctor and an administrator of that employer only, and a case with a sick
// report. Anonymous requests make a ninth column. In each tenant's case the company
// doctor writes an entry whose `medical` object holds a unique marker. Every response of the
// matrix is searched for both markers: only that case's company doctor and that employee may
// ever see one. After the server stops, the database, its -wal and -shm files, its read log and
// the key file must not hold them either (medical data is encrypted at rest).
//
// The expected table below is derived from src/app/policy.cc (who reaches which case, who may
// append what, who reads MEDICAL), src/app/accounts.cc and application.cc (who administers what)
// and design.md ("Who uses it", "Privacy by design"). A new route fails
// TableHasARowForEveryRoute until it gets its row here.
#include <gtest/gtest.h>

#include <array>
#include <deque>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/api/api_test_support.h"

namespace spoorboek::apitest {
namespace {

enum Role : int {
  kAnonymous,
  kAdministrator,  // platform administrator (no employer, no provider)
  kEmployerAdmin,  // administrator of one employer (tenant B only)
  kCaseManager,
  kLineManager,
  kDoctor,  // company doctor of the arbo service serving the tenant's employer
  kExpert,  // occupational expert of that arbo service
  kCoach,   // reintegration coach of the office assigned to the tenant's case
  kEmployee,
  kRoleCount
};
constexpr std::array<const char*, kRoleCount> kRoleNames{
    "anonymous", "administrator", "employer_admin", "case_manager", "line_manager",
    "company_doctor", "occupational_expert", "reintegration_coach", "employee"};

enum Tenant : int { kTenantA = 0, kTenantB = 1 };
enum class Target { none, own, other };

constexpr const char* kPassword = "een lang wachtwoord voor tests";

// One tenant's organisation and the ids the matrix aims at.
struct TenantWorld {
  std::string name;
  std::set<std::int64_t> employers;  // all employers the tenant's staff work for or serve
  std::int64_t employer = 0;         // the home employer
  std::int64_t arbo = 0;             // the arbo service serving the home employer
  std::int64_t case_id = 0;          // the case every role of the tenant reaches
  std::int64_t marker_seq = 0;       // the doctor's entry with the medical marker
  std::string marker;
  std::int64_t case_manager_user = 0;
  std::int64_t line_manager_user = 0;
  std::int64_t manager_employee = 0;  // an employee whose line manager the matrix sets again
  std::int64_t spare_user = 0;        // disabled, enabled, given tokens
  std::int64_t token_id = 0;          // an API token of the spare user, revoked by the matrix
  std::deque<std::int64_t> fresh_employees;  // without a case: one per sick report
};

struct Caller {
  std::string label;  // "A/case_manager"
  Role role = kAnonymous;
  Tenant tenant = kTenantA;
  std::string email;
  std::string password;
  Session session;
  Auth auth() const { return role == kAnonymous ? Auth::none() : session.bearer(); }
};

struct Request {
  Request(std::string request_path, std::optional<Json> request_body = std::nullopt,
          std::optional<Auth> request_auth = std::nullopt)
      : path(std::move(request_path)),
        body(std::move(request_body)),
        auth(std::move(request_auth)) {}
  std::string path;
  std::optional<Json> body;
  std::optional<Auth> auth;  // the caller's own when unset
};

class AuthzMatrixTest;

struct Row {
  using Build = std::function<Request(AuthzMatrixTest&, const Caller&, TenantWorld&)>;
  using Check = std::function<void(AuthzMatrixTest&, const Caller&, const TenantWorld&, Target,
                                   const Reply&)>;
  Row(std::string row_method, std::string row_pattern, std::string row_variant, bool is_targeted,
      std::array<int, kRoleCount> expected_own, std::array<int, kRoleCount> expected_other,
      Build row_build, Check row_check = {})
      : method(std::move(row_method)),
        pattern(std::move(row_pattern)),
        variant(std::move(row_variant)),
        targeted(is_targeted),
        own(expected_own),
        other(expected_other),
        build(std::move(row_build)),
        check(std::move(row_check)) {}

  std::string method;
  std::string pattern;
  std::string variant;
  bool targeted = false;
  std::array<int, kRoleCount> own{};    // also the untargeted expectation
  std::array<int, kRoleCount> other{};  // targeted rows only
  Build build;
  Check check;  // further checks of an answer that has the expected success status
};

Json sick_report_payload() {
  return Json{{"expected_duration", "1_to_6_weeks"},
              {"safety_net_applies", false},
              {"work_accident", false},
              {"third_party_liability", false}};
}

Json conversation(const std::string& type, std::optional<Json> medical = std::nullopt) {
  Json payload{{"attendees", Json::array({"Matrix"})}, {"employee_agreement", "agreed"}};
  if (medical) payload["medical"] = *medical;
  return Json{{"type", type}, {"occurred_on", iso_day(0)}, {"payload", payload}};
}

std::string id_path(const std::string& pattern, std::int64_t id) {
  std::string path = pattern;
  path.replace(path.find("{id}"), 4, std::to_string(id));
  return path;
}

class AuthzMatrixTest : public ::testing::Test {
 public:
  std::vector<Row> table();

  // The statuses the matrix asserted, for the report.
  int asserted = 0;
  std::map<std::string, std::string> fresh_sessions;  // by caller label, from the login row
  std::map<std::string, std::string> calendar_paths;  // by caller label, from the calendar row
  int serial = 0;
  std::array<TenantWorld, 2> tenants;
  std::vector<Caller> callers;
  std::int64_t office = 0;  // the demo reintegration office

  TenantWorld& tenant_of(const Caller& caller) { return tenants[caller.tenant]; }
  TenantWorld& other_of(const Caller& caller) { return tenants[1 - caller.tenant]; }

  // Whether `caller` may read the medical part of `target`'s case: its company doctor or its
  // employee, and nobody else.
  static bool reads_medical(const Caller& caller, const TenantWorld& caller_tenant,
                            const TenantWorld& target) {
    return (caller.role == kDoctor || caller.role == kEmployee) && &caller_tenant == &target;
  }

 protected:
  void build_world();
  void run_matrix();

  ScratchDir dir_;
  std::string db_ = dir_.file("matrix.db");
  std::unique_ptr<InProcessServer> server_;
  std::unique_ptr<Client> client_;
  std::map<std::string, bool> marker_seen_;  // by caller label

  // The answer's JSON when it has `status`; a failure (and null) otherwise.
  Json expect(const Reply& reply, int status, const std::string& what) {
    EXPECT_EQ(reply.status, status) << what << ": " << reply.body.substr(0, 400);
    return reply.status == status ? reply.json() : Json();
  }
  std::int64_t created_id(const Reply& reply, const std::string& what) {
    const Json json = expect(reply, 201, what);
    return json.is_object() ? json.value("id", std::int64_t{0}) : 0;
  }
  const Caller& caller(Tenant tenant, Role role) const {
    for (const Caller& c : callers) {
      if (c.tenant == tenant && c.role == role) return c;
    }
    static const Caller kNobody;
    ADD_FAILURE() << "no caller " << kRoleNames[role] << " in tenant " << tenant;
    return kNobody;
  }
  Auth admin() const { return caller(kTenantA, kAdministrator).auth(); }
  void add_tenant_targets(TenantWorld& tenant, std::int64_t line_manager_user);
};

// ---------------------------------------------------------------------------------------------
// The table. Columns: anonymous, platform administrator, employer administrator, case manager,
// line manager, company doctor, occupational expert, reintegration coach, employee. A targeted
// row has the statuses for
// ids of the caller's own tenant and for ids of the other tenant; the platform administrator's
// "own" tenant is A, and B is "other" (it administers both). Tenant A has no employer
// administrator and tenant B no occupational expert or coach: those columns are asserted with
// the callers of the tenant that has them.
// ---------------------------------------------------------------------------------------------
std::vector<Row> AuthzMatrixTest::table() {
  using M = AuthzMatrixTest;
  constexpr bool kUntargeted = false;
  constexpr bool kTargeted = true;
  std::vector<Row> rows;
  auto row = [&rows](Row r) { rows.push_back(std::move(r)); };
  const std::array<int, kRoleCount> none{};

  // ---- meta: no login -------------------------------------------------------------------------
  row({"GET", "/healthz", "", kUntargeted,
       //anon padm eadm  cm   lm   doc  exp coach empl
       {200, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/healthz"}; }});
  row({"GET", "/api/v1/openapi.json", "", kUntargeted,
       {200, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/openapi.json"}; }});

  // ---- auth -----------------------------------------------------------------------------------
  // Each account logs in with its own credentials (anonymous: an unknown address); the session
  // made here is the one the logout row ends.
  row({"POST", "/api/v1/login", "", kUntargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M&, const Caller& c, TenantWorld&) {
         if (c.role == kAnonymous) {
           return Request{"/api/v1/login",
                          Json{{"email", "nobody@demo.test"}, {"password", "not the password"}},
                          Auth::none()};
         }
         return Request{"/api/v1/login", Json{{"email", c.email}, {"password", c.password}},
                        Auth::none()};
       },
       [](M& m, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         m.fresh_sessions[c.label] = reply.json().value("token", "");
         EXPECT_NE(reply.header("Set-Cookie").find("HttpOnly"), std::string::npos);
       }});
  row({"POST", "/api/v1/logout", "", kUntargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M& m, const Caller& c, TenantWorld&) {
         const auto it = m.fresh_sessions.find(c.label);
         return Request{"/api/v1/logout", std::nullopt,
                        it == m.fresh_sessions.end() || it->second.empty()
                            ? Auth::none()
                            : Auth::bearer(it->second)};
       }});
  row({"GET", "/api/v1/me", "", kUntargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/me"}; }});
  row({"POST", "/api/v1/me/totp", "", kUntargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/me/totp"}; }});
  // A code that can never match: every account reaches the check (422), none is turned on.
  row({"POST", "/api/v1/me/totp/confirm", "", kUntargeted,
       {401, 422, 422, 422, 422, 422, 422, 422, 422}, none,
       [](M&, const Caller&, TenantWorld&) {
         return Request{"/api/v1/me/totp/confirm", Json{{"code", "abcdef"}}};
       }});

  // ---- calendar -------------------------------------------------------------------------------
  // Every account has its own feed. The feed lists the deadlines of the cases its owner reaches:
  // the tenant's case for everybody in it, the other tenant's only for the platform
  // administrator; the medical markers never (checked for every answer of the matrix).
  row({"GET", "/api/v1/me/calendar", "", kUntargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/me/calendar"}; }});
  row({"POST", "/api/v1/me/calendar", "", kUntargeted,
       {401, 201, 201, 201, 201, 201, 201, 201, 201}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/me/calendar"}; },
       [](M& m, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         m.calendar_paths[c.label] = reply.json().value("path", "");
       }});
  // Anonymous asks with a secret nobody was given.
  row({"GET", "/calendar/{feed}", "", kUntargeted,
       {404, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M& m, const Caller& c, TenantWorld&) {
         const auto it = m.calendar_paths.find(c.label);
         return Request{it == m.calendar_paths.end() ? "/calendar/sbc_unknown.ics" : it->second,
                        std::nullopt, Auth::none()};
       },
       [](M& m, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         EXPECT_NE(reply.header("Content-Type").find("text/calendar"), std::string::npos);
         EXPECT_TRUE(reply.body.starts_with("BEGIN:VCALENDAR\r\n"));
         const auto lists = [&](const TenantWorld& t) {
           return reply.body.find("UID:spoorboek-case-" + std::to_string(t.case_id) + "-") !=
                  std::string::npos;
         };
         EXPECT_TRUE(lists(m.tenant_of(c))) << "the feed lacks the tenant's case";
         EXPECT_EQ(lists(m.other_of(c)), c.role == kAdministrator)
             << "the feed and the other tenant's case";
       }});
  // Revoking ends the feed: its URL answers 404 from then on.
  row({"DELETE", "/api/v1/me/calendar", "", kUntargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/me/calendar"}; },
       [](M& m, const Caller& c, const TenantWorld&, Target, const Reply&) {
         EXPECT_EQ(m.client_->get(m.calendar_paths[c.label], Auth::none()).status, 404);
       }});

  // ---- cases ----------------------------------------------------------------------------------
  // Everybody lists; the list holds only cases of the caller's reach (checked), and a filter on
  // another tenant's employer finds nothing.
  row({"GET", "/api/v1/cases", "", kTargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200},
       {401, 200, 200, 200, 200, 200, 200, 200, 200},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{"/api/v1/cases?include_closed=true&limit=500&employer_id=" +
                        std::to_string(t.employer)};
       },
       [](M& m, const Caller& c, const TenantWorld& t, Target target, const Reply& reply) {
         const Json json = reply.json();
         for (const auto& row : json["cases"]) {
           if (c.role != kAdministrator) {
             EXPECT_TRUE(m.tenant_of(c).employers.contains(row["employer_id"].get<std::int64_t>()))
                 << c.label << " lists case " << row["case_id"] << " of another tenant";
           }
           EXPECT_EQ(row["employer_id"], t.employer);
         }
         if (target == Target::other && c.role != kAdministrator) {
           EXPECT_EQ(json["total"], 0) << c.label;
         }
         if (target == Target::own || c.role == kAdministrator) {
           bool found = false;
           for (const auto& row : json["cases"]) found = found || row["case_id"] == t.case_id;
           EXPECT_TRUE(found) << c.label << " does not list the tenant's case " << t.case_id;
         }
       }});
  // The same listing as CSV: the same reach (only the caller's tenant's cases; a filter on the
  // other tenant's employer finds nothing), nothing medical (markers are checked for every answer).
  row({"GET", "/api/v1/cases.csv", "", kTargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200},
       {401, 200, 200, 200, 200, 200, 200, 200, 200},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{"/api/v1/cases.csv?include_closed=true&employer_id=" +
                        std::to_string(t.employer)};
       },
       [](M&, const Caller& c, const TenantWorld& t, Target target, const Reply& reply) {
         EXPECT_NE(reply.header("Content-Type").find("text/csv"), std::string::npos);
         EXPECT_TRUE(reply.body.starts_with("case_id,employer,personnel_number,"));
         const bool lists_case =
             reply.body.find("\r\n" + std::to_string(t.case_id) + ",") != std::string::npos;
         EXPECT_EQ(lists_case, target == Target::own || c.role == kAdministrator)
             << c.label << " and the tenant's case " << t.case_id;
       }});
  // A sick report for an employee without a case (a fresh one per request): the employer's side
  // opens cases; the line manager for the own team.
  row({"POST", "/api/v1/cases", "", kTargeted,
       {401, 201, 201, 201, 201, 403, 403, 403, 403},
       {401, 201, 404, 404, 404, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         std::int64_t employee = 0;
         if (!t.fresh_employees.empty()) {
           employee = t.fresh_employees.front();
           t.fresh_employees.pop_front();
         }
         return Request{"/api/v1/cases", Json{{"employee_id", employee},
                                              {"first_sick_day", iso_day(-10)},
                                              {"payload", sick_report_payload()}}};
       }});
  // Reading the file: everyone who reaches the case; another tenant's case does not exist.
  row({"GET", "/api/v1/cases/{id}", "", kTargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200},
       {401, 200, 404, 404, 404, 404, 404, 404, 404},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/cases/{id}", t.case_id) + "?lang=en"};
       },
       [](M& m, const Caller& c, const TenantWorld& t, Target, const Reply& reply) {
         const Json json = reply.json();
         const bool medical = reads_medical(c, m.tenant_of(c), t);
         EXPECT_EQ(json["reads_medical"], medical) << c.label;
         bool found = false;
         for (const auto& entry : json["entries"]) {
           if (entry["seq"] != t.marker_seq) continue;
           found = true;
           EXPECT_EQ(entry["medical_present"], true) << c.label;
           EXPECT_EQ(entry.contains("medical"), medical) << c.label << ": " << entry.dump();
           if (medical && entry.contains("medical")) {
             EXPECT_EQ(entry["medical"]["diagnosis"], t.marker) << c.label;
           }
         }
         EXPECT_TRUE(found) << c.label << " does not see the doctor's entry " << t.marker_seq;
       }});
  row({"GET", "/api/v1/cases/{id}/timeline", "", kTargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200},
       {401, 200, 404, 404, 404, 404, 404, 404, 404},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/cases/{id}/timeline", t.case_id) + "?lang=nl"};
       }});
  // The completeness check: authorised like reading the file; it never quotes the file, so the
  // doctor's medical marker appears for nobody.
  row({"GET", "/api/v1/cases/{id}/check", "", kTargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200},
       {401, 200, 404, 404, 404, 404, 404, 404, 404},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/cases/{id}/check", t.case_id) + "?lang=en"};
       },
       [](M&, const Caller& c, const TenantWorld& t, Target, const Reply& reply) {
         EXPECT_EQ(reply.body.find(t.marker), std::string::npos) << c.label << ": " << reply.body;
         const Json json = reply.json();
         EXPECT_TRUE(json["findings"].is_array()) << c.label;
         EXPECT_TRUE(json["risk"]["score"].is_number_integer()) << c.label;
       }});
  // A conversation report: every role that reaches the case may add one.
  row({"POST", "/api/v1/cases/{id}/entries", "reintegration_interview", kTargeted,
       {401, 201, 201, 201, 201, 201, 201, 201, 201},
       {401, 201, 404, 404, 404, 404, 404, 404, 404},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/cases/{id}/entries", t.case_id),
                        conversation("reintegration_interview")};
       }});
  // A progress evaluation with a medical part: only the company doctor writes medical data
  // (the employee may not add this type at all; the administrator and the case manager may add
  // the type but not the medical part).
  row({"POST", "/api/v1/cases/{id}/entries", "progress_evaluation+medical", kTargeted,
       {401, 403, 403, 403, 403, 201, 403, 403, 403},
       {401, 403, 404, 404, 404, 404, 404, 404, 404},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/cases/{id}/entries", t.case_id),
                        conversation("progress_evaluation", Json{{"note", "matrix"}})};
       }});
  // Naming a person on the case: those who run it (case manager, administrator).
  row({"POST", "/api/v1/cases/{id}/assignments", "", kTargeted,
       {401, 200, 200, 200, 403, 403, 403, 403, 403},
       {401, 200, 404, 404, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/cases/{id}/assignments", t.case_id),
                        Json{{"user_id", t.case_manager_user}}};
       }});
  // The read log: those who run the case and the employee whose file it is.
  row({"GET", "/api/v1/cases/{id}/reads", "", kTargeted,
       {401, 200, 200, 200, 403, 403, 403, 403, 200},
       {401, 200, 404, 404, 404, 404, 404, 404, 404},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/cases/{id}/reads", t.case_id)};
       }});

  // ---- organisations --------------------------------------------------------------------------
  row({"GET", "/api/v1/employers", "", kUntargeted,
       {401, 200, 200, 200, 200, 200, 200, 200, 200}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/employers"}; },
       [](M& m, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         const Json json = reply.json();
         for (const auto& employer : json["employers"]) {
           if (c.role == kAdministrator) continue;
           EXPECT_TRUE(m.tenant_of(c).employers.contains(employer["id"].get<std::int64_t>()))
               << c.label << " lists employer " << employer.dump();
         }
       }});
  row({"POST", "/api/v1/employers", "", kUntargeted,
       {401, 201, 403, 403, 403, 403, 403, 403, 403}, none,
       [](M& m, const Caller&, TenantWorld&) {
         return Request{"/api/v1/employers",
                        Json{{"name", "Matrix BV " + std::to_string(++m.serial)}}};
       }});
  row({"GET", "/api/v1/employers/{id}/employees", "", kTargeted,
       {401, 200, 200, 200, 403, 403, 403, 403, 403},
       {401, 200, 404, 404, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/employers/{id}/employees", t.employer)};
       },
       [](M&, const Caller& c, const TenantWorld& t, Target, const Reply& reply) {
         const Json json = reply.json();
         for (const auto& employee : json["employees"]) {
           EXPECT_EQ(employee["employer_id"], t.employer) << c.label;
         }
       }});
  row({"POST", "/api/v1/employers/{id}/employees", "", kTargeted,
       {401, 201, 201, 201, 403, 403, 403, 403, 403},
       {401, 201, 404, 404, 403, 403, 403, 403, 403},
       [](M& m, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/employers/{id}/employees", t.employer),
                        Json{{"name", "Matrix Medewerker"},
                             {"personnel_number", "MX-" + std::to_string(++m.serial)}}};
       }});
  row({"PUT", "/api/v1/employees/{id}/manager", "", kTargeted,
       {401, 200, 200, 200, 403, 403, 403, 403, 403},
       {401, 200, 404, 404, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/employees/{id}/manager", t.manager_employee),
                        Json{{"user_id", t.line_manager_user}}};
       }});
  // The HR imports: the employer's administrators and its own case managers (app/hr_import.h).
  row({"POST", "/api/v1/employers/{id}/imports/employees", "", kTargeted,
       {401, 200, 200, 200, 403, 403, 403, 403, 403},
       {401, 200, 404, 404, 403, 403, 403, 403, 403},
       [](M& m, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/employers/{id}/imports/employees", t.employer),
                        Json{{"csv", "personeelsnummer;naam\nMXI-" + std::to_string(++m.serial) +
                                         ";Matrix Import\n"},
                             {"file_name", "matrix.csv"}}};
       },
       [](M&, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         const Json json = reply.json();
         EXPECT_EQ(json["written"], true) << c.label;
         EXPECT_EQ(json["counts"]["created"], 1) << c.label;
       }});
  row({"POST", "/api/v1/employers/{id}/imports/reports", "", kTargeted,
       {401, 200, 200, 200, 403, 403, 403, 403, 403},
       {401, 200, 404, 404, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/employers/{id}/imports/reports", t.employer),
                        Json{{"csv", "personeelsnummer;soort;datum\n"}, {"dry_run", true}}};
       },
       [](M&, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         EXPECT_EQ(reply.json()["dry_run"], true) << c.label;
       }});
  row({"GET", "/api/v1/employers/{id}/held-reports", "", kTargeted,
       {401, 200, 200, 200, 403, 403, 403, 403, 403},
       {401, 200, 404, 404, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/employers/{id}/held-reports", t.employer)};
       },
       [](M&, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         EXPECT_TRUE(reply.json()["held_reports"].is_array()) << c.label;
       }});
  row({"GET", "/api/v1/providers", "", kUntargeted,
       {401, 200, 200, 200, 403, 403, 403, 403, 403}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/providers"}; },
       [](M& m, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         if (c.role != kCaseManager && c.role != kEmployerAdmin) return;
         std::set<std::int64_t> listed;
         const Json json = reply.json();
         for (const auto& provider : json["providers"]) {
           listed.insert(provider["id"].get<std::int64_t>());
         }
         EXPECT_TRUE(listed.contains(m.tenant_of(c).arbo)) << c.label;
         EXPECT_FALSE(listed.contains(m.other_of(c).arbo))
             << c.label << " lists the other tenant's arbo service";
       }});
  row({"POST", "/api/v1/providers", "", kUntargeted,
       {401, 201, 403, 403, 403, 403, 403, 403, 403}, none,
       [](M& m, const Caller&, TenantWorld&) {
         return Request{"/api/v1/providers",
                        Json{{"name", "Matrix Arbo " + std::to_string(++m.serial)},
                             {"kind", "arbo_service"}}};
       }});
  // Records the existing contract of the tenant's arbo service again (changes nothing).
  row({"POST", "/api/v1/providers/{id}/employers", "", kTargeted,
       {401, 200, 403, 403, 403, 403, 403, 403, 403},
       {401, 200, 403, 403, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/providers/{id}/employers", t.arbo),
                        Json{{"employer_id", t.employer}}};
       }});

  // ---- users and tokens -----------------------------------------------------------------------
  row({"GET", "/api/v1/users", "", kUntargeted,
       {401, 200, 200, 403, 403, 403, 403, 403, 403}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/users"}; },
       [](M& m, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         if (c.role != kEmployerAdmin) return;
         const Json json = reply.json();
         for (const auto& user : json["users"]) {
           EXPECT_EQ(user["employer_id"], m.tenant_of(c).employer) << user.dump();
         }
       }});
  row({"POST", "/api/v1/users", "", kTargeted,
       {401, 201, 201, 403, 403, 403, 403, 403, 403},
       {401, 201, 403, 403, 403, 403, 403, 403, 403},
       [](M& m, const Caller&, TenantWorld& t) {
         return Request{"/api/v1/users",
                        Json{{"email", "matrix-" + std::to_string(++m.serial) + "@example.test"},
                             {"display_name", "Matrix"},
                             {"password", kPassword},
                             {"roles", Json::array({"line_manager"})},
                             {"employer_id", t.employer}}};
       }});
  row({"POST", "/api/v1/users/{id}/disable", "", kTargeted,
       {401, 200, 200, 403, 403, 403, 403, 403, 403},
       {401, 200, 404, 403, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/users/{id}/disable", t.spare_user)};
       }});
  row({"POST", "/api/v1/users/{id}/enable", "", kTargeted,
       {401, 200, 200, 403, 403, 403, 403, 403, 403},
       {401, 200, 404, 403, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/users/{id}/enable", t.spare_user)};
       }});
  row({"GET", "/api/v1/tokens", "", kUntargeted,
       {401, 200, 200, 403, 403, 403, 403, 403, 403}, none,
       [](M&, const Caller&, TenantWorld&) { return Request{"/api/v1/tokens"}; },
       [](M& m, const Caller& c, const TenantWorld&, Target, const Reply& reply) {
         std::set<std::int64_t> listed;
         const Json json = reply.json();
         for (const auto& token : json["tokens"]) listed.insert(token["id"].get<std::int64_t>());
         EXPECT_TRUE(listed.contains(m.tenant_of(c).token_id));
         EXPECT_EQ(listed.contains(m.other_of(c).token_id), c.role == kAdministrator);
       }});
  row({"POST", "/api/v1/tokens", "", kTargeted,
       {401, 201, 201, 403, 403, 403, 403, 403, 403},
       {401, 201, 404, 403, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{"/api/v1/tokens", Json{{"user_id", t.spare_user}, {"name", "matrix"}}};
       }});
  row({"DELETE", "/api/v1/tokens/{id}", "", kTargeted,
       {401, 200, 200, 403, 403, 403, 403, 403, 403},
       {401, 200, 404, 403, 403, 403, 403, 403, 403},
       [](M&, const Caller&, TenantWorld& t) {
         return Request{id_path("/api/v1/tokens/{id}", t.token_id)};
       }});
  return rows;
}

// ---------------------------------------------------------------------------------------------

void AuthzMatrixTest::add_tenant_targets(TenantWorld& t, std::int64_t line_manager_user) {
  const std::string employees = id_path("/api/v1/employers/{id}/employees", t.employer);
  auto new_employee = [&](const std::string& name) {
    const std::int64_t id = created_id(
        client_->post(
            employees, admin(),
            Json{{"name", name}, {"personnel_number", t.name + "-" + std::to_string(++serial)}}),
        "a new employee of tenant " + t.name);
    EXPECT_EQ(client_
                  ->put(id_path("/api/v1/employees/{id}/manager", id), admin(),
                        Json{{"user_id", line_manager_user}})
                  .status,
              200);
    return id;
  };
  t.manager_employee = new_employee("Matrix Teamlid");
  // One per request that may open a case in this tenant: every caller of the tenant (own) and
  // every caller of the other tenant (other).
  for (std::size_t i = 0; i < callers.size(); ++i)
    t.fresh_employees.push_back(new_employee("Vers"));
  t.spare_user = created_id(client_->post("/api/v1/users", admin(),
                                          Json{{"email", "spare-" + t.name + "@example.test"},
                                               {"display_name", "Reserve " + t.name},
                                               {"password", kPassword},
                                               {"roles", Json::array({"line_manager"})},
                                               {"employer_id", t.employer}}),
                            "the spare user of tenant " + t.name);
  const Json token = expect(
      client_->post("/api/v1/tokens", admin(), Json{{"user_id", t.spare_user}, {"name", "spare"}}),
      201, "a token of the spare user");
  t.token_id = token.is_object() ? token.value("id", std::int64_t{0}) : 0;
  t.line_manager_user = line_manager_user;
}

void AuthzMatrixTest::build_world() {
  ASSERT_EQ(run_spoorboek({"demo", "--db", db_}), 0);
  server_ = std::make_unique<InProcessServer>(db_);
  ASSERT_TRUE(server_->running()) << server_->error();
  client_ = std::make_unique<Client>(server_->port());
  Client& c = *client_;

  // ---- tenant A: the demo ----
  TenantWorld& a = tenants[kTenantA];
  a.name = "A";
  a.marker = "MEDISCH-MARKER-" + random_hex();
  const std::array<std::pair<Role, const char*>, 8> demo{{
      {kAnonymous, ""},
      {kAdministrator, "admin@demo.test"},
      {kCaseManager, "casemanager@demo.test"},
      {kLineManager, "manager@demo.test"},
      {kDoctor, "doctor@demo.test"},
      {kExpert, "expert@demo.test"},
      {kCoach, "coach@demo.test"},
      {kEmployee, "employee@demo.test"},
  }};
  for (const auto& [role, email] : demo) {
    Caller caller{std::string("A/") + kRoleNames[role], role, kTenantA, email, "demo", {}};
    if (role != kAnonymous) {
      caller.session = c.login(email, "demo");
      ASSERT_FALSE(caller.session.token.empty())
          << email << " cannot log in: " << c.login_reply(email, "demo").body;
    }
    callers.push_back(caller);
  }
  std::map<std::string, std::int64_t> user_ids;
  const Json users = expect(c.get("/api/v1/users", admin()), 200, "users");
  for (const auto& user : users["users"]) {
    user_ids[user["email"].get<std::string>()] = user["id"].get<std::int64_t>();
  }
  const Json providers = expect(c.get("/api/v1/providers", admin()), 200, "providers");
  for (const auto& provider : providers["providers"]) {
    if (provider["kind"] == "reintegration_office") office = provider["id"].get<std::int64_t>();
    if (provider["kind"] == "arbo_service") a.arbo = provider["id"].get<std::int64_t>();
  }
  ASSERT_NE(office, 0);
  ASSERT_NE(a.arbo, 0);
  const Json employers = expect(c.get("/api/v1/employers", admin()), 200, "employers");
  for (const auto& employer : employers["employers"]) {
    a.employers.insert(employer["id"].get<std::int64_t>());
  }
  const Json me = expect(c.get("/api/v1/me", caller(kTenantA, kCaseManager).auth()), 200, "me");
  a.employer = me["employer_id"].get<std::int64_t>();
  const Json own =
      expect(c.get("/api/v1/cases", caller(kTenantA, kEmployee).auth()), 200, "own cases");
  ASSERT_FALSE(own["cases"].empty()) << "employee@demo.test has no case";
  a.case_id = own["cases"][0]["case_id"].get<std::int64_t>();
  ASSERT_EQ(own["cases"][0]["employer_id"], a.employer);
  a.case_manager_user = user_ids["casemanager@demo.test"];
  // The coach's office works on the employee's case: then every demo role reaches it.
  expect(c.post(id_path("/api/v1/cases/{id}/assignments", a.case_id),
                caller(kTenantA, kCaseManager).auth(), Json{{"provider_id", office}}),
         200, "assigning the office");
  const Json marked_a = expect(
      c.post(id_path("/api/v1/cases/{id}/entries", a.case_id), caller(kTenantA, kDoctor).auth(),
             conversation("progress_evaluation", Json{{"diagnosis", a.marker}})),
      201, "the doctor's medical entry in tenant A");
  ASSERT_TRUE(marked_a.is_object());
  a.marker_seq = marked_a["seq"].get<std::int64_t>();

  // ---- tenant B: made through the API by the platform administrator ----
  TenantWorld& b = tenants[kTenantB];
  b.name = "B";
  b.marker = "MEDISCH-MARKER-" + random_hex();
  b.employer = created_id(
      c.post("/api/v1/employers", admin(), Json{{"name", "Tweede Werkgever BV"}}), "employer B");
  b.employers = {b.employer};
  b.arbo = created_id(c.post("/api/v1/providers", admin(),
                             Json{{"name", "Arbodienst Tweede"}, {"kind", "arbo_service"}}),
                      "arbo service B");
  expect(c.post(id_path("/api/v1/providers/{id}/employers", b.arbo), admin(),
                Json{{"employer_id", b.employer}}),
         200, "the contract of arbo service B");
  const std::int64_t sick_employee =
      created_id(c.post(id_path("/api/v1/employers/{id}/employees", b.employer), admin(),
                        Json{{"name", "Werknemer Tweede"}, {"personnel_number", "B-1"}}),
                 "employee B");
  auto new_user = [&](const std::string& email, const std::string& role, Json tenancy) {
    Json body{{"email", email},
              {"display_name", email},
              {"password", kPassword},
              {"roles", Json::array({role})}};
    body.update(tenancy);
    return created_id(c.post("/api/v1/users", admin(), body), email);
  };
  b.case_manager_user =
      new_user("casemanager@tweede.test", "case_manager", {{"employer_id", b.employer}});
  const std::int64_t manager_b =
      new_user("manager@tweede.test", "line_manager", {{"employer_id", b.employer}});
  new_user("employee@tweede.test", "employee",
           {{"employer_id", b.employer}, {"employee_id", sick_employee}});
  new_user("doctor@tweede.test", "company_doctor", {{"provider_id", b.arbo}});
  new_user("admin@tweede.test", "administrator", {{"employer_id", b.employer}});
  expect(c.put(id_path("/api/v1/employees/{id}/manager", sick_employee), admin(),
               Json{{"user_id", manager_b}}),
         200, "the line manager of employee B");
  const std::array<std::pair<Role, const char*>, 5> tenant_b{{
      {kEmployerAdmin, "admin@tweede.test"},
      {kCaseManager, "casemanager@tweede.test"},
      {kLineManager, "manager@tweede.test"},
      {kDoctor, "doctor@tweede.test"},
      {kEmployee, "employee@tweede.test"},
  }};
  std::map<Role, Session> b_sessions;
  for (const auto& [role, email] : tenant_b) {
    Caller caller{std::string("B/") + kRoleNames[role], role, kTenantB, email, kPassword, {}};
    caller.session = c.login(email, kPassword);
    ASSERT_FALSE(caller.session.token.empty()) << email << " cannot log in";
    ASSERT_FALSE(caller.session.enrolment_only) << email;
    b_sessions[role] = caller.session;
    callers.push_back(caller);
  }
  const Json opened = expect(c.post("/api/v1/cases", b_sessions[kCaseManager].bearer(),
                                    Json{{"employee_id", sick_employee},
                                         {"first_sick_day", iso_day(-30)},
                                         {"payload", sick_report_payload()}}),
                             201, "the sick report of tenant B");
  ASSERT_TRUE(opened.is_object());
  b.case_id = opened["case_id"].get<std::int64_t>();
  const Json marked_b =
      expect(c.post(id_path("/api/v1/cases/{id}/entries", b.case_id), b_sessions[kDoctor].bearer(),
                    conversation("progress_evaluation", Json{{"diagnosis", b.marker}})),
             201, "the doctor's medical entry in tenant B");
  ASSERT_TRUE(marked_b.is_object());
  b.marker_seq = marked_b["seq"].get<std::int64_t>();

  add_tenant_targets(a, user_ids["manager@demo.test"]);
  add_tenant_targets(b, manager_b);
}

void AuthzMatrixTest::run_matrix() {
  auto check_markers = [this](const Caller& caller, const Reply& reply, const std::string& what) {
    for (const TenantWorld& tenant : tenants) {
      if (reply.body.find(tenant.marker) == std::string::npos) continue;
      const bool allowed = reads_medical(caller, tenant_of(caller), tenant);
      EXPECT_TRUE(allowed) << "MEDICAL LEAK: " << caller.label << " got tenant " << tenant.name
                           << "'s medical marker from " << what;
      if (allowed) marker_seen_[caller.label] = true;
    }
  };

  for (Row& row : table()) {
    for (const Caller& caller : callers) {
      const std::vector<Target> targets = row.targeted
                                              ? std::vector<Target>{Target::own, Target::other}
                                              : std::vector<Target>{Target::none};
      for (const Target target : targets) {
        TenantWorld& tenant = target == Target::other ? other_of(caller) : tenant_of(caller);
        const Request request = row.build(*this, caller, tenant);
        const Auth auth = request.auth ? *request.auth : caller.auth();
        const Reply reply =
            request.body ? client_->call(row.method, request.path, auth, request.body->dump())
                         : client_->call(row.method, request.path, auth);
        const int expected =
            target == Target::other ? row.other[caller.role] : row.own[caller.role];
        const std::string what = describe(row.method, request.path) +
                                 (row.variant.empty() ? "" : " [" + row.variant + "]") +
                                 (target == Target::other ? " (other tenant)"
                                  : target == Target::own ? " (own tenant)"
                                                          : "");
        ++asserted;
        EXPECT_EQ(reply.status, expected)
            << caller.label << " " << what << " answered " << reply.body.substr(0, 300);
        if (reply.status >= 400) {
          std::string why;
          EXPECT_TRUE(is_error_shape(reply, &why)) << caller.label << " " << what << ": " << why;
        }
        check_markers(caller, reply, what);
        if (reply.status == expected && reply.status < 300 && row.check) {
          SCOPED_TRACE(caller.label + " " + what);
          row.check(*this, caller, tenant, target, reply);
        }
      }
    }
  }
}

TEST_F(AuthzMatrixTest, EveryRouteRoleAndTenant) {
  build_world();
  if (HasFailure()) return;

  run_matrix();

  // The company doctors and the employees saw their own case's marker (and only they: above).
  for (const Caller& caller : callers) {
    if (caller.role == kDoctor || caller.role == kEmployee) {
      EXPECT_TRUE(marker_seen_[caller.label]) << caller.label << " never saw its medical marker";
    }
  }
  // Every session of the login row was ended by the logout row.
  for (const auto& [label, token] : fresh_sessions) {
    if (token.empty()) continue;
    EXPECT_EQ(client_->get("/api/v1/me", Auth::bearer(token)).status, 401) << label;
  }
  const std::size_t routes = server_->routes().size();
  std::cout << "[ matrix   ] " << asserted << " statuses asserted over " << routes << " routes, "
            << callers.size() << " callers (" << kRoleCount << " roles in 2 tenants), own and other"
            << " tenant ids" << std::endl;

  // At rest: no marker in the database, its WAL and shared memory, or the key file; looked at
  // while the server runs (the WAL holds the recent pages) and after it stopped.
  auto expect_no_marker_on_disk = [this](const std::string& when) {
    for (const std::string suffix :
         {"", "-wal", "-shm", ".key", ".reads", ".reads-wal", ".reads-shm"}) {
      const std::string bytes = file_bytes(db_ + suffix);
      for (const TenantWorld& tenant : tenants) {
        EXPECT_EQ(bytes.find(tenant.marker), std::string::npos)
            << "the medical marker of tenant " << tenant.name << " is readable in " << db_ << suffix
            << " " << when;
      }
    }
  };
  EXPECT_FALSE(file_bytes(db_ + "-wal").empty()) << "expected a WAL while the server runs";
  // The search does see plain text: tenant B's employer name is stored as written.
  EXPECT_NE((file_bytes(db_) + file_bytes(db_ + "-wal")).find("Tweede Werkgever BV"),
            std::string::npos);
  expect_no_marker_on_disk("while the server runs");
  client_.reset();
  server_->stop();
  expect_no_marker_on_disk("after the server stopped");
  EXPECT_FALSE(file_bytes(db_).empty());
}

TEST_F(AuthzMatrixTest, TableHasARowForEveryRoute) {
  ASSERT_EQ(run_spoorboek({"init", "--db", db_}), 0);
  InProcessServer server(db_);
  ASSERT_TRUE(server.running()) << server.error();
  const std::vector<Row> rows = table();
  std::set<std::pair<std::string, std::string>> in_table;
  for (const Row& row : rows) in_table.emplace(row.method, row.pattern);
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : server.routes()) {
    routed.emplace(std::string(api::method_name(route.method)), route.pattern);
  }
  for (const auto& route : routed) {
    EXPECT_TRUE(in_table.contains(route))
        << route.first << " " << route.second << " has no row in the authorisation matrix";
  }
  for (const auto& entry : in_table) {
    EXPECT_TRUE(routed.contains(entry))
        << entry.first << " " << entry.second << " is in the matrix but not a route";
  }
}

}  // namespace
}  // namespace spoorboek::apitest
