// The case page (/cases/{id}) for every role: it answers exactly where the API's case file does
// (and the same 404 elsewhere), never carries a byte of a medical part to those who may not read
// it, is on the read log before it is shown, draws the timeline with one marker per milestone in
// a wide and a compact layout, shows no raw catalogue key in Dutch or English, escapes what
// people typed, and gives the employee their own file in plain language.
#include <gtest/gtest.h>

#include <regex>

#include "tests/web/web_test_support.h"
#include "web/catalogue.h"

namespace spoorboek::webtest {
namespace {

using apitest::Client;
using apitest::Json;

const char* const kEveryRole[] = {"admin",  "casemanager", "manager", "doctor",
                                  "expert", "coach",       "employee"};
constexpr int kHighestDemoCaseId = 40;

// A demo database of its own: these tests add entries, which the shared DemoSite must not see.
DemoSite& case_site() {
  static DemoSite site;
  return site;
}

Browser browser_of(const std::string& who) {
  Browser browser(case_site().port());
  const Page answer = browser.log_in(who + "@demo.test", kDemoPassword);
  EXPECT_EQ(answer.status, 303) << who << ": " << answer.body;
  return browser;
}

apitest::Session api_session(const std::string& who) {
  Client client(case_site().port());
  return client.login(who + "@demo.test", kDemoPassword);
}

std::string case_path(int id) { return "/cases/" + std::to_string(id); }

// An open case the case manager and the company doctor both reach: the first of the case
// manager's dashboard that the doctor's API answers too.
int shared_case_id() {
  Browser manager = browser_of("casemanager");
  const std::string board = manager.get("/dashboard").body;
  static const std::regex link("href=\"/cases/([0-9]+)\"");
  Client client(case_site().port());
  const auto doctor = api_session("doctor");
  for (auto it = std::sregex_iterator(board.begin(), board.end(), link);
       it != std::sregex_iterator(); ++it) {
    const int id = std::stoi((*it)[1].str());
    if (client.get("/api/v1/cases/" + std::to_string(id), doctor.bearer()).status == 200) return id;
  }
  ADD_FAILURE() << "no case reached by both the case manager and the doctor";
  return 0;
}

// Appends an entry through the API as `who`; the new entry's seq.
std::int64_t append(const std::string& who, int case_id, const Json& entry) {
  Client client(case_site().port());
  const auto reply =
      client.post("/api/v1/cases/" + std::to_string(case_id) + "/entries", api_session(who).bearer(),
                  entry);
  EXPECT_EQ(reply.status, 201) << reply.body;
  return reply.json().value("seq", std::int64_t{0});
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// Every catalogue key that stands in the page as it is: a text the catalogue lacks shows its key.
std::vector<std::string> raw_catalogue_keys(const std::string& html) {
  std::vector<std::string> found;
  for (const auto& [key, text] : web::Catalogue::instance().texts(web::Language::nl)) {
    if (html.find(key) != std::string::npos) found.push_back(key);
  }
  if (html.find("{{") != std::string::npos) found.push_back("{{");
  return found;
}

TEST(CasePage, EveryRoleSeesExactlyTheCasesTheApiGivesItAndANotFoundElsewhere) {
  Client client(case_site().port());
  for (const char* role : kEveryRole) {
    SCOPED_TRACE(role);
    Browser browser = browser_of(role);
    const auto session = api_session(role);
    int shown = 0, refused = 0;
    for (int id = 1; id <= kHighestDemoCaseId; ++id) {
      const int api_status = client.get("/api/v1/cases/" + std::to_string(id), session.bearer()).status;
      const Page page = browser.get(case_path(id));
      EXPECT_EQ(page.status, api_status == 200 ? 200 : 404) << "case " << id;
      if (page.status == 200) {
        ++shown;
        EXPECT_TRUE(contains(page.body, "<svg")) << "case " << id;
      } else {
        ++refused;
        EXPECT_FALSE(contains(page.body, "<svg"));
      }
    }
    EXPECT_GT(shown, 0);
    const std::string name(role);
    if (name == "coach" || name == "employee") {
      EXPECT_GT(refused, 0);
    }
  }
  Browser manager = browser_of("casemanager");
  EXPECT_EQ(manager.get("/cases/999999").status, 404);
  EXPECT_EQ(manager.get("/cases/abc").status, 404);
  EXPECT_EQ(manager.get("/cases/-1").status, 404);
  Browser stranger(case_site().port());
  const Page anonymous = stranger.get(case_path(1));
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.location, "/login?notice=session_ended");
}

TEST(CasePage, TheCaseManagerNeverGetsAByteOfAMedicalPartTheDoctorReads) {
  const int id = shared_case_id();
  const std::string marker = "MEDICAL-MARKER-" + apitest::random_hex();
  append("doctor", id,
         Json{{"type", "reintegration_interview"},
              {"occurred_on", apitest::iso_day()},
              {"payload",
               {{"attendees", {"Bedrijfsarts (demo)"}},
                {"employee_agreement", "pending"},
                {"summary", "Gesprek over opbouw"},
                {"medical", {{"note", marker}}}}}});
  const Page doctor = browser_of("doctor").get(case_path(id));
  ASSERT_EQ(doctor.status, 200);
  EXPECT_TRUE(contains(doctor.body, marker));
  for (const char* role : {"casemanager", "manager", "expert", "admin"}) {
    SCOPED_TRACE(role);
    const Page page = browser_of(role).get(case_path(id));
    if (page.status == 404) continue;  // a role that does not reach this case sees nothing at all
    ASSERT_EQ(page.status, 200);
    EXPECT_FALSE(contains(page.body, marker));
    EXPECT_FALSE(contains(page.body, "MEDICAL-MARKER"));
    EXPECT_TRUE(contains(page.body, "bevat medische gegevens (alleen voor de bedrijfsarts)"));
    EXPECT_TRUE(contains(page.body, "Gesprek over opbouw"));
  }
}

TEST(CasePage, EveryViewIsOnTheReadLogBeforeItIsShown) {
  const int id = shared_case_id();
  Client client(case_site().port());
  const auto manager = api_session("casemanager");
  const std::string reads_path = "/api/v1/cases/" + std::to_string(id) + "/reads";
  auto page_reads = [&](std::int64_t user_id) {
    const Json reads = client.get(reads_path, manager.bearer()).json();
    std::size_t count = 0;
    for (const auto& read : reads.at("reads")) {
      if (read.at("what") == "case_page" && read.at("user_id") == user_id) ++count;
    }
    return count;
  };
  for (const char* role : {"casemanager", "doctor"}) {
    SCOPED_TRACE(role);
    const auto session = api_session(role);
    const std::size_t before = page_reads(session.user_id);
    Browser browser = browser_of(role);
    ASSERT_EQ(browser.get(case_path(id)).status, 200);
    ASSERT_EQ(browser.get(case_path(id) + "?lang=en").status, 200);
    EXPECT_EQ(page_reads(session.user_id), before + 2);
  }
  // A refused view reads nothing, so it records nothing.
  const auto coach = api_session("coach");
  const std::size_t before = page_reads(coach.user_id);
  if (browser_of("coach").get(case_path(id)).status == 404) {
    EXPECT_EQ(page_reads(coach.user_id), before);
  }
}

TEST(CasePage, TheTimelineHasOneMarkerPerMilestoneInAWideAndACompactLayout) {
  const int id = shared_case_id();
  Client client(case_site().port());
  const Json file = client.get("/api/v1/cases/" + std::to_string(id),
                               api_session("casemanager").bearer()).json();
  const std::size_t milestones = file.at("milestones").size();
  ASSERT_GT(milestones, 0u);
  const Page page = browser_of("casemanager").get(case_path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(count_of(page.body, "<svg"), 2u);
  EXPECT_EQ(count_of(page.body, "class=\"tl-marker "), 2 * milestones);
  const auto compact_at = page.body.find("tl-frame-compact");
  ASSERT_NE(compact_at, std::string::npos);
  const std::string wide = page.body.substr(0, compact_at);
  EXPECT_EQ(count_of(wide, "class=\"tl-marker "), milestones);
  for (const auto& milestone : file.at("milestones")) {
    EXPECT_TRUE(contains(wide, "data-milestone=\"" + milestone.at("key").get<std::string>() + "\""));
  }
  EXPECT_TRUE(contains(page.body, "id=\"tl-wide-title\"") || contains(page.body, "tl-wide-"));
  EXPECT_TRUE(contains(page.body, "aria-labelledby=\"tl-wide"));
  EXPECT_TRUE(contains(page.body, "aria-labelledby=\"tl-compact"));
  // Nothing in the SVG needs an inline style: the page's CSP (default-src 'self') forbids them.
  EXPECT_FALSE(contains(page.body, "style="));
  EXPECT_FALSE(contains(page.body, "<style"));
  EXPECT_FALSE(contains(page.body, "<script"));
}

TEST(CasePage, NoRawCatalogueKeyInDutchOrEnglishAndDatesReadTheDutchWay) {
  const std::regex dutch_date(
      "[0-9]{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
      "november|december) 20[0-9]{2}");
  const std::regex english_date(
      "[0-9]{1,2} (January|February|March|April|May|June|July|August|September|October|"
      "November|December) 20[0-9]{2}");
  for (const char* role : kEveryRole) {
    SCOPED_TRACE(role);
    Browser browser = browser_of(role);
    // An employee is sent to their own file; the others open the first case of their dashboard.
    const Page board = browser.get("/dashboard");
    std::string path = board.location;
    std::smatch found;
    if (path.empty() && std::regex_search(board.body, found, std::regex("href=\"(/cases/[0-9]+)\""))) {
      path = found[1].str();
    }
    ASSERT_FALSE(path.empty());
    const Page nl = browser.get(path + "?lang=nl");
    ASSERT_EQ(nl.status, 200) << path;
    EXPECT_TRUE(contains(nl.body, "<html lang=\"nl\">"));
    EXPECT_TRUE(std::regex_search(nl.body, dutch_date));
    const auto nl_keys = raw_catalogue_keys(nl.body);
    EXPECT_TRUE(nl_keys.empty()) << nl_keys.front();
    const Page en = browser.get(path + "?lang=en");
    ASSERT_EQ(en.status, 200);
    EXPECT_TRUE(contains(en.body, "<html lang=\"en\">"));
    EXPECT_TRUE(std::regex_search(en.body, english_date));
    EXPECT_TRUE(contains(en.body, "Timeline of the 104 weeks"));
    const auto en_keys = raw_catalogue_keys(en.body);
    EXPECT_TRUE(en_keys.empty()) << en_keys.front();
  }
}

TEST(CasePage, WhatPeopleTypedComesBackEscaped) {
  const int id = shared_case_id();
  const std::string script = "<script>alert('xss')</script>";
  const std::string attribute = "\"><img src=x onerror=alert(1)>";
  append("casemanager", id,
         Json{{"type", "reintegration_interview"},
              {"occurred_on", apitest::iso_day()},
              {"payload",
               {{"attendees", {attribute}},
                {"employee_agreement", "agreed"},
                {"summary", script},
                {"actions", {{{"description", script}, {"owner", attribute}, {"due", apitest::iso_day(7)}}}}}}});
  for (const char* role : {"casemanager", "doctor"}) {
    SCOPED_TRACE(role);
    const Page page = browser_of(role).get(case_path(id));
    ASSERT_EQ(page.status, 200);
    EXPECT_FALSE(contains(page.body, "<script"));
    EXPECT_FALSE(contains(page.body, "<img"));
    EXPECT_TRUE(contains(page.body, "&lt;script&gt;"));
    EXPECT_TRUE(contains(page.body, "&lt;img src=x onerror=alert(1)&gt;"));
  }
}

TEST(CasePage, ActionItemsShowOwnerAndDueDateAndThePastOnesAreMarked) {
  const int id = shared_case_id();
  const std::string late = "Late actie " + apitest::random_hex();
  const std::string soon = "Komende actie " + apitest::random_hex();
  append("casemanager", id,
         Json{{"type", "progress_evaluation"},
              {"occurred_on", apitest::iso_day()},
              {"payload",
               {{"attendees", {"Werknemer", "Casemanager"}},
                {"employee_agreement", "agreed"},
                {"actions",
                 {{{"description", late}, {"owner", "Casemanager"}, {"due", apitest::iso_day(-3)}},
                  {{"description", soon}, {"owner", "Werknemer"}, {"due", apitest::iso_day(10)}}}}}}});
  const Page page = browser_of("casemanager").get(case_path(id));
  ASSERT_EQ(page.status, 200);
  const auto table = page.body.find("id=\"actions-heading\"");
  ASSERT_NE(table, std::string::npos);
  const auto late_row = page.body.find(late, table);
  const auto soon_row = page.body.find(soon, table);
  ASSERT_NE(late_row, std::string::npos);
  ASSERT_NE(soon_row, std::string::npos);
  const std::string late_text = page.body.substr(page.body.rfind("<tr", late_row), 600);
  EXPECT_TRUE(contains(late_text, "datum verstreken")) << late_text;
  const std::string soon_text = page.body.substr(page.body.rfind("<tr", soon_row), 400);
  EXPECT_FALSE(contains(soon_text.substr(0, soon_text.find("</tr>")), "datum verstreken"));
}

TEST(CasePage, ACorrectionNamesWhatItCorrectsAndAVoidedEntryIsStruckWithItsReason) {
  const int id = shared_case_id();
  const std::int64_t seq = append(
      "casemanager", id,
      Json{{"type", "reintegration_interview"},
           {"occurred_on", apitest::iso_day()},
           {"payload", {{"attendees", {"Casemanager"}}, {"employee_agreement", "pending"}}}});
  ASSERT_GT(seq, 0);
  const std::string reason = "Dubbel ingevoerd " + apitest::random_hex();
  append("casemanager", id,
         Json{{"type", "correction"},
              {"occurred_on", apitest::iso_day()},
              {"payload", {{"corrects_seq", seq}, {"reason", reason}, {"void", true}}}});
  const Page page = browser_of("casemanager").get(case_path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "id=\"entry-" + std::to_string(seq) + "\" class=\"entry voided\""));
  EXPECT_TRUE(contains(page.body, "Vervallen: " + reason));
  EXPECT_TRUE(contains(page.body, "Corrigeert stuk #" + std::to_string(seq)));
}

TEST(CasePage, TheEmployeeSeesTheirOwnFileInPlainLanguageAndOnlyIt) {
  Browser employee = browser_of("employee");
  const Page dashboard = employee.get("/dashboard");
  ASSERT_EQ(dashboard.status, 303);
  ASSERT_TRUE(dashboard.location.starts_with("/cases/")) << dashboard.location;
  const Page own = employee.get(dashboard.location);
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(contains(own.body, "Mijn dossier"));
  EXPECT_TRUE(contains(own.body, "Wat er nu gebeurt"));
  EXPECT_TRUE(contains(own.body, "Uw documenten"));
  EXPECT_TRUE(contains(own.body, "Een kopie van uw dossier aanvragen"));
  EXPECT_TRUE(contains(own.body, "Instemmen met het Plan van Aanpak"));
  for (const char* form : {"plan_agreement", "employee_view", "file_copy_request"}) {
    EXPECT_TRUE(contains(own.body, dashboard.location + "/entries/new/" + form)) << form;
  }
  EXPECT_TRUE(contains(own.body, "<svg"));
  // Links to forms only for what the employee may add (policy.h): never a problem analysis.
  EXPECT_FALSE(contains(own.body, "/entries/new/problem_analysis"));
  const Page english = employee.get(dashboard.location + "?lang=en");
  EXPECT_TRUE(contains(english.body, "What happens now"));
  EXPECT_TRUE(contains(english.body, "Your documents"));
  const int own_id = std::stoi(dashboard.location.substr(std::string("/cases/").size()));
  for (int id = 1; id <= kHighestDemoCaseId; ++id) {
    if (id == own_id) continue;
    EXPECT_EQ(employee.get(case_path(id)).status, 404) << id;
  }
}

TEST(CasePage, StaffGetLinksToTheFormsOfTheStepsTheirRoleRecords) {
  const int id = shared_case_id();
  const Page manager = browser_of("casemanager").get(case_path(id));
  ASSERT_EQ(manager.status, 200);
  EXPECT_TRUE(contains(manager.body, "Wat er nu moet gebeuren"));
  EXPECT_TRUE(contains(manager.body, case_path(id) + "/entries/new/"));
  const Page coach_page = browser_of("coach").get(case_path(id));
  if (coach_page.status == 200) {
    EXPECT_FALSE(contains(coach_page.body, "/entries/new/plan_of_action"));
  }
  const Page doctor = browser_of("doctor").get(case_path(id));
  EXPECT_FALSE(contains(doctor.body, "/entries/new/plan_of_action"));
  EXPECT_FALSE(contains(doctor.body, "/entries/new/uwv_42_week_report"));
}


// The completeness check on the case page: every finding the API gives, with what to do, its
// legal basis and links to the entries concerned, and the wage-sanction risk.
TEST(CasePage, TheCheckShowsEveryFindingWithWhatToDoAndLinksToItsEntries) {
  const int id = shared_case_id();
  ASSERT_GT(id, 0);
  const std::int64_t seq =
      append("casemanager", id,
             Json{{"type", "reintegration_interview"},
                  {"occurred_on", apitest::iso_day()},
                  {"payload", Json{{"attendees", Json::array({"Carla"})},
                                   {"summary", "Sam heeft veel rugklachten"},
                                   {"employee_agreement", "agreed"}}}});
  ASSERT_GT(seq, 0);
  Client client(case_site().port());
  const auto api = client.get("/api/v1/cases/" + std::to_string(id) + "/check",
                              api_session("casemanager").bearer());
  ASSERT_EQ(api.status, 200) << api.body;
  const Json check = api.json();
  Browser browser = browser_of("casemanager");
  const Page nl = browser.get(case_path(id));
  ASSERT_EQ(nl.status, 200);
  EXPECT_TRUE(contains(nl.body, "Dossiercontrole"));
  EXPECT_TRUE(contains(nl.body, "Risico op een loonsanctie: <strong>" +
                                    std::to_string(check["risk"]["score"].get<int>()) + "/100"));
  for (const auto& finding : check["findings"]) {
    EXPECT_TRUE(contains(nl.body, finding["code"].get<std::string>())) << finding.dump();
  }
  EXPECT_TRUE(contains(nl.body, "RIV-C-medical_term_in_employer_text"));
  EXPECT_TRUE(contains(nl.body, "Wat te doen: Vervang de tekst met een correctie"));
  EXPECT_TRUE(contains(nl.body, "<a href=\"#entry-" + std::to_string(seq) + "\">#" +
                                    std::to_string(seq) + "</a>"));
  EXPECT_TRUE(contains(nl.body, "Grondslag: AVG art. 9"));
  EXPECT_TRUE(raw_catalogue_keys(nl.body).empty()) << raw_catalogue_keys(nl.body).front();
  const Page en = browser.get(case_path(id) + "?lang=en");
  EXPECT_TRUE(contains(en.body, "File check"));
  EXPECT_TRUE(contains(en.body, "What to do: Replace the text by a correction"));
  EXPECT_TRUE(raw_catalogue_keys(en.body).empty()) << raw_catalogue_keys(en.body).front();
}

}  // namespace
}  // namespace spoorboek::webtest
