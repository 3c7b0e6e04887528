// The account page of the calendar feed: make the secret link (shown once), rotate it, revoke it;
// the link serves the feed without a login until it is revoked.
#include <gtest/gtest.h>

#include <regex>

#include "tests/web/web_test_support.h"

namespace spoorboek::webtest {
namespace {

std::string feed_path_in(const std::string& html) {
  std::smatch match;
  static const std::regex path(R"(/calendar/sbc_[A-Za-z0-9_-]+\.ics)");
  return std::regex_search(html, match, path) ? match.str() : std::string();
}

TEST(CalendarPage, MakesShowsOnceRotatesAndRevokesTheFeedLink) {
  DemoSite site;  // of its own: the test writes feeds
  Browser browser(site.port());
  ASSERT_EQ(browser.log_in("casemanager@demo.test", "demo").status, 303);
  EXPECT_TRUE(contains(browser.get("/dashboard").body, "href=\"/account/calendar\""));

  const Page empty = browser.get("/account/calendar");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(contains(empty.body, "Je hebt nog geen agendalink."));
  EXPECT_EQ(empty.cache_control, "no-store");

  const Page made = browser.post("/account/calendar",
                                 {{"csrf", csrf_of(empty.body)}, {"action", "create"}});
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(made.cache_control, "no-store");
  const std::string first = feed_path_in(made.body);
  ASSERT_FALSE(first.empty()) << made.body;
  EXPECT_TRUE(contains(made.body, "http://"));  // a whole URL to paste into a calendar
  EXPECT_TRUE(contains(made.body, "maar één keer getoond"));

  Browser calendar_client(site.port());  // no cookies: the link is the credential
  const Page feed = calendar_client.get(first);
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.content_type.find("text/calendar"), std::string::npos);
  EXPECT_TRUE(feed.body.starts_with("BEGIN:VCALENDAR\r\n"));

  // Shown once: the page afterwards says a link exists but not what it is.
  const Page shown = browser.get("/account/calendar");
  EXPECT_TRUE(contains(shown.body, "Je agendalink is gemaakt op"));
  EXPECT_TRUE(feed_path_in(shown.body).empty());

  // A new link replaces the old one.
  const Page rotated = browser.post("/account/calendar",
                                    {{"csrf", csrf_of(shown.body)}, {"action", "create"}});
  const std::string second = feed_path_in(rotated.body);
  ASSERT_FALSE(second.empty());
  EXPECT_NE(second, first);
  EXPECT_EQ(calendar_client.get(first).status, 404);
  EXPECT_EQ(calendar_client.get(second).status, 200);

  // Without the form's CSRF token nothing happens; an unknown action is a bad request.
  EXPECT_EQ(browser.post("/account/calendar", {{"action", "revoke"}}).status, 403);
  EXPECT_EQ(calendar_client.get(second).status, 200);
  EXPECT_EQ(browser.post("/account/calendar",
                         {{"csrf", csrf_of(rotated.body)}, {"action", "explode"}})
                .status,
            400);

  const Page revoked = browser.post("/account/calendar",
                                    {{"csrf", csrf_of(rotated.body)}, {"action", "revoke"}});
  ASSERT_EQ(revoked.status, 303);
  EXPECT_EQ(revoked.location, "/account/calendar?notice=revoked");
  EXPECT_TRUE(contains(browser.get(revoked.location).body, "Je agendalink is ingetrokken."));
  EXPECT_EQ(calendar_client.get(second).status, 404);
}

TEST(CalendarPage, TheFeedSpeaksTheLanguageChosenWhenTheLinkWasMade) {
  DemoSite site;
  Browser browser(site.port());
  ASSERT_EQ(browser.log_in("manager@demo.test", "demo").status, 303);
  const Page page = browser.get("/account/calendar");
  ASSERT_EQ(browser.post("/account/language", {{"csrf", csrf_of(page.body)},
                                               {"language", "en"},
                                               {"back", "/account/calendar"}})
                .status,
            303);
  const Page english = browser.get("/account/calendar");
  EXPECT_TRUE(contains(english.body, "You have no calendar link yet."));
  const Page made = browser.post("/account/calendar",
                                 {{"csrf", csrf_of(english.body)}, {"action", "create"}});
  const std::string path = feed_path_in(made.body);
  ASSERT_FALSE(path.empty()) << made.body;
  const Page feed = Browser(site.port()).get(path);
  ASSERT_EQ(feed.status, 200);
  EXPECT_TRUE(contains(feed.body, "X-WR-CALNAME:Spoorboek – deadlines\r\n"));
  EXPECT_TRUE(contains(feed.body, " – case "));
  EXPECT_FALSE(contains(feed.body, " – dossier "));
}

TEST(CalendarPage, NeedsALogin) {
  Browser anonymous(DemoSite::instance().port());
  const Page page = anonymous.get("/account/calendar");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(anonymous.post("/account/calendar", {{"action", "create"}}).status, 303);
}

}  // namespace
}  // namespace spoorboek::webtest
