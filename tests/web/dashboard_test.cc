// The dashboard per role on the demo database, in Dutch and in English: what is overdue and due
// this week, the stages of the 104 weeks, filters and search, the company doctor's agenda, the
// coach's track-2 caseload, an employee sent to their own case; no page shows a raw key.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "tests/web/web_test_support.h"
#include "web/catalogue.h"

namespace spoorboek::webtest {
namespace {

const char* const kRoles[] = {"admin", "casemanager", "manager", "doctor", "expert", "coach"};

Browser logged_in(const std::string& who) {
  Browser browser(DemoSite::instance().port());
  const Page answer = browser.log_in(who + "@demo.test", kDemoPassword);
  EXPECT_EQ(answer.status, 303) << who << ": " << answer.body;
  return browser;
}

std::vector<std::string> case_links(const std::string& html) {
  static const std::regex link("href=\"(/cases/[0-9]+)\"");
  std::vector<std::string> links;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator();
       ++it) {
    links.push_back((*it)[1].str());
  }
  return links;
}

TEST(Dashboard, EveryRoleSeesItsDashboardInDutchAndEnglishWithoutRawKeys) {
  for (const char* role : kRoles) {
    SCOPED_TRACE(role);
    Browser browser = logged_in(role);
    const Page nl = browser.get("/dashboard");
    ASSERT_EQ(nl.status, 200) << nl.body;
    EXPECT_TRUE(contains(nl.body, "<html lang=\"nl\">"));
    EXPECT_TRUE(contains(nl.body, "Dossiers per fase van de 104 weken"));
    EXPECT_TRUE(contains(nl.body, "Termijn verstreken"));
    EXPECT_TRUE(raw_keys(nl.body).empty()) << raw_keys(nl.body).front();
    const Page en = browser.get("/dashboard?lang=en");
    ASSERT_EQ(en.status, 200);
    EXPECT_TRUE(contains(en.body, "<html lang=\"en\">"));
    EXPECT_TRUE(contains(en.body, "Cases by stage of the 104 weeks"));
    EXPECT_TRUE(contains(en.body, "Deadline passed"));
    EXPECT_TRUE(raw_keys(en.body).empty()) << raw_keys(en.body).front();
    for (const char* path : {"/account/password", "/login/code", "/nowhere"}) {
      for (const char* lang : {"nl", "en"}) {
        const Page page = browser.get(std::string(path) + "?lang=" + lang);
        EXPECT_TRUE(raw_keys(page.body).empty()) << path << " " << lang << ": "
                                                 << raw_keys(page.body).front();
      }
    }
  }
  Browser stranger(DemoSite::instance().port());
  for (const char* lang : {"nl", "en"}) {
    EXPECT_TRUE(raw_keys(stranger.get(std::string("/login?lang=") + lang).body).empty());
  }
}

TEST(Dashboard, ACaseManagerSeesCasesWithTheirDeadlinesAndLinks) {
  Browser browser = logged_in("casemanager");
  const Page page = browser.get("/dashboard");
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(case_links(page.body).empty());
  EXPECT_TRUE(contains(page.body, "Mijn dossiers"));
  EXPECT_TRUE(contains(page.body, "Volgende termijn"));
  // Dates the Dutch way: "<day> <month name> <year>".
  EXPECT_TRUE(std::regex_search(page.body, std::regex("[0-9]{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20[0-9]{2}")));
  EXPECT_FALSE(contains(page.body, "Agenda van de bedrijfsarts"));
}

TEST(Dashboard, SearchByNameNarrowsTheList) {
  Browser browser = logged_in("casemanager");
  const Page all = browser.get("/dashboard");
  const auto links = case_links(all.body);
  ASSERT_GE(links.size(), 2u);
  // The name in the first row of the case table.
  static const std::regex first_row("<tr class=\"[a-z_]*\"><td><a href=\"/cases/[0-9]+\">([^<]+)</a>");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(all.body, match, first_row));
  const std::string name = match[1].str();
  const Page found = browser.get("/dashboard?q=" + url_encode({{"", name}}).substr(1));
  ASSERT_EQ(found.status, 200);
  EXPECT_TRUE(contains(found.body, ">" + name + "</a>"));
  EXPECT_LT(case_links(found.body).size(), links.size());
  EXPECT_TRUE(contains(found.body, "value=\"" + name + "\""));  // the search box keeps it
  const Page none = browser.get("/dashboard?q=zzzzzzzz-niemand");
  EXPECT_TRUE(case_links(none.body).empty());
  EXPECT_TRUE(contains(none.body, "Geen dossiers die hierbij passen."));
}

TEST(Dashboard, BadFiltersAreNamedByTheirFieldAndKeepWhatWasTyped) {
  Browser browser = logged_in("casemanager");
  const Page page = browser.get("/dashboard?employer=abc&status=ziek&q=" + std::string(150, 'x'));
  EXPECT_EQ(page.status, 422);
  EXPECT_TRUE(contains(page.body, "id=\"employer-error\">Kies een werkgever uit de lijst.</p>"));
  EXPECT_TRUE(contains(page.body, "aria-describedby=\"employer-error\""));
  EXPECT_TRUE(contains(page.body, "id=\"status-error\">Kies een status uit de lijst.</p>"));
  EXPECT_TRUE(contains(page.body, "id=\"q-error\""));
  EXPECT_TRUE(contains(page.body, "value=\"" + std::string(150, 'x') + "\""));
}

// Search text that is not UTF-8 cannot be compared with any name: refused by its field.
TEST(Dashboard, ASearchThatIsNotTextIsRefusedByItsField) {
  Browser browser = logged_in("casemanager");
  const Page page = browser.get("/dashboard?q=%FF&lang=nl");
  EXPECT_EQ(page.status, 422);
  EXPECT_TRUE(contains(page.body, "id=\"q-error\">De zoektekst bevat tekens die niet gelezen "
                                  "kunnen worden.</p>"));
  EXPECT_FALSE(case_links(page.body).empty());  // the list, without the search
}

// The rows of the case table (not the cards or the agenda).
std::size_t table_rows(const std::string& html) {
  static const std::regex row("<tr class=\"[a-z_]*\"><td><a href=\"/cases/[0-9]+\">");
  const std::string table = html.substr(html.find("id=\"cases-heading\""));
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(table.begin(), table.end(), row), std::sregex_iterator()));
}

// The case table is read a page at a time: 50 rows, the range shown of the total, and links to
// the pages around that keep the filters. A page number that cannot be read shows the first
// page, one beyond the last the last.
TEST(Dashboard, TheCaseTableIsPagedAndThePagesKeepTheFilters) {
  Browser browser = logged_in("doctor");
  const Page first = browser.get("/dashboard?q=&status=&lang=nl");
  ASSERT_EQ(first.status, 200);
  std::smatch total;
  ASSERT_TRUE(std::regex_search(first.body, total,
                                std::regex("<p class=\"total\">Dossiers 1–50 van ([0-9.]+)</p>")))
      << "the demo's company doctor has more than one page of cases";
  const int cases = std::stoi(std::regex_replace(total[1].str(), std::regex("\\."), ""));
  ASSERT_GT(cases, 50);
  ASSERT_LE(cases, 100) << "the test reads two pages";
  EXPECT_EQ(table_rows(first.body), 50u);
  EXPECT_TRUE(contains(first.body, "<nav class=\"pager\" aria-label=\"Pagina&apos;s\"><a "
                                   "href=\"/dashboard?q=&amp;status=&amp;page=2\" rel=\"next\">"
                                   "Volgende</a></nav>"));
  const Page second = browser.get("/dashboard?q=&status=&page=2");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(table_rows(second.body), static_cast<std::size_t>(cases - 50));
  EXPECT_TRUE(contains(second.body, "<p class=\"total\">Dossiers 51–" + std::to_string(cases) +
                                        " van " + std::to_string(cases) + "</p>"));
  EXPECT_TRUE(
      contains(second.body, "<a href=\"/dashboard?q=&amp;status=\" rel=\"prev\">Vorige</a>"));
  EXPECT_FALSE(contains(second.body, "rel=\"next\""));
  const auto table = [](const Page& page) {
    return page.body.substr(page.body.find("id=\"cases-heading\""));
  };
  // No row on both pages.
  for (const auto& link : case_links(table(second))) {
    EXPECT_FALSE(contains(table(first), "href=\"" + link + "\"")) << link;
  }
  EXPECT_EQ(table(browser.get("/dashboard?q=&status=&page=99999999")), table(second));
  for (const char* bad : {"0", "-1", "abc", "1e3", "99999999999999999999999"}) {
    const Page page = browser.get(std::string("/dashboard?q=&status=&page=") + bad);
    EXPECT_EQ(page.status, 200) << bad;
    EXPECT_EQ(table(page), table(first)) << bad;
  }
  const Page english = browser.get("/dashboard?page=2&lang=en");
  EXPECT_TRUE(contains(english.body, "Cases 51–" + std::to_string(cases) + " of " +
                                         std::to_string(cases)));
  EXPECT_TRUE(contains(english.body, ">Previous</a>"));
  EXPECT_TRUE(raw_keys(english.body).empty()) << raw_keys(english.body).front();
  browser.get("/dashboard?lang=nl");
}

// Switching the language returns to the same list: the language form carries the path with the
// query (filters, search), without the old ?lang=.
TEST(Dashboard, TheLanguageSwitchKeepsFiltersAndSearch) {
  Browser browser = logged_in("casemanager");
  const Page page = browser.get("/dashboard?q=de%20Vries&status=sick&lang=nl");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "name=\"back\" value=\"/dashboard?q=de%20Vries&amp;status=sick\""))
      << page.body.substr(page.body.find("name=\"back\""), 120);
  const Page switched = browser.post("/account/language", {{"csrf", csrf_of(page.body)},
                                                           {"language", "en"},
                                                           {"back", "/dashboard?q=de%20Vries&status=sick"}});
  EXPECT_EQ(switched.status, 303);
  // cpp-httplib hands the Location header over percent-decoded.
  EXPECT_EQ(switched.location, "/dashboard?q=de Vries&status=sick");
}

TEST(Dashboard, ThePagesHaveAnIcon) {
  Browser browser = logged_in("casemanager");
  const Page page = browser.get("/dashboard");
  const auto start = page.body.find("rel=\"icon\" type=\"image/svg+xml\" href=\"");
  ASSERT_NE(start, std::string::npos);
  const auto href = start + std::string("rel=\"icon\" type=\"image/svg+xml\" href=\"").size();
  const std::string url = page.body.substr(href, page.body.find('"', href) - href);
  const Page icon = browser.get(url);
  EXPECT_EQ(icon.status, 200);
  EXPECT_EQ(icon.content_type, "image/svg+xml");
}

TEST(Dashboard, StatusFilterShowsOnlyThatStatus) {
  Browser browser = logged_in("casemanager");
  const Page page = browser.get("/dashboard?status=recovered");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<option value=\"recovered\" selected>"));
  EXPECT_FALSE(contains(page.body, "<td>Ziek</td>"));
}

TEST(Dashboard, TheCompanyDoctorHasAnAgendaOfMedicalSteps) {
  Browser browser = logged_in("doctor");
  const Page page = browser.get("/dashboard");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Agenda van de bedrijfsarts"));
  EXPECT_TRUE(contains(browser.get("/dashboard?lang=en").body, "Company doctor&apos;s agenda"));
}

TEST(Dashboard, TheCoachSeesTheTrackTwoCaseloadAcrossEmployers) {
  Browser browser = logged_in("coach");
  const Page page = browser.get("/dashboard");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Caseload Spoor 2"));
  EXPECT_FALSE(case_links(page.body).empty());
}

TEST(Dashboard, AnEmployeeIsSentToTheirOwnCase) {
  Browser browser = logged_in("employee");
  const Page page = browser.get("/dashboard");
  EXPECT_EQ(page.status, 303);
  EXPECT_TRUE(std::regex_match(page.location, std::regex("/cases/[0-9]+")));
}

TEST(Dashboard, WithoutASessionTheDashboardSendsToLogin) {
  Browser browser(DemoSite::instance().port());
  EXPECT_EQ(browser.get("/dashboard").location, "/login?notice=session_ended");
}

TEST(Dashboard, TheLanguageChoiceIsKeptForTheUser) {
  Browser browser = logged_in("expert");
  const Page page = browser.get("/dashboard");
  const Page chosen = browser.post("/account/language",
                                   {{"csrf", csrf_of(page.body)}, {"language", "en"},
                                    {"back", "/dashboard"}});
  EXPECT_EQ(chosen.status, 303);
  EXPECT_EQ(chosen.location, "/dashboard");
  // A new browser (no language cookie) logging in gets the stored choice.
  Browser elsewhere = logged_in("expert");
  EXPECT_TRUE(contains(elsewhere.get("/dashboard").body, "<html lang=\"en\">"));
  // Without the CSRF token nothing changes.
  EXPECT_EQ(browser.post("/account/language", {{"language", "nl"}}).status, 403);
  const Page back = browser.post("/account/language", {{"csrf", csrf_of(page.body)},
                                                       {"language", "nl"},
                                                       {"back", "/dashboard"}});
  EXPECT_EQ(back.status, 303);
}


// "Risk first": only the cases at risk of a wage sanction, the highest risk first, each with the
// score the API's check gives.
TEST(Dashboard, RiskFirstListsTheCasesAtRiskHighestFirst) {
  Browser browser = logged_in("casemanager");
  // In Dutch whatever language an earlier test stored for the case manager on the shared site.
  const Page page = browser.get("/dashboard?risk=1&lang=nl");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "het hoogste risico eerst"));
  EXPECT_TRUE(raw_keys(page.body).empty()) << raw_keys(page.body).front();
  static const std::regex row(R"re(href="/cases/([0-9]+)">[^<]*</a></td>(?:(?!</tr>).)*<td class="risk">([0-9]+)/100</td>)re");
  apitest::Client client(DemoSite::instance().port());
  const auto session = client.login("casemanager@demo.test", kDemoPassword);
  std::vector<int> scores;
  for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), row);
       it != std::sregex_iterator(); ++it) {
    const int score = std::stoi((*it)[2].str());
    EXPECT_GT(score, 0);
    const auto check = client.get("/api/v1/cases/" + (*it)[1].str() + "/check", session.bearer());
    ASSERT_EQ(check.status, 200);
    EXPECT_EQ(check.json()["risk"]["score"], score) << (*it)[1].str();
    scores.push_back(score);
  }
  ASSERT_FALSE(scores.empty()) << "the demo has cases at risk";
  EXPECT_TRUE(std::is_sorted(scores.rbegin(), scores.rend()));
  // The default view does not run the check.
  EXPECT_FALSE(contains(browser.get("/dashboard").body, "class=\"risk\""));
  EXPECT_TRUE(contains(browser.get("/dashboard?risk=1&lang=en").body, "Risk first"));
}

}  // namespace
}  // namespace spoorboek::webtest
