// The per-user iCalendar feed end to end: made through the API, fetched without a login, parsed
// by an independent parser (Debian's python3-icalendar) and compared with the deadline engine's
// timelines of the same cases; rotating and revoking stop the old URL.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "tests/api/api_test_support.h"

namespace spoorboek::apitest {
namespace {

// Debian's interpreter, where python3-icalendar is installed (scripts/install-deps.sh); a
// python3 earlier on PATH (pyenv, a venv) may not have it.
constexpr const char* kPython = "/usr/bin/python3";

// Prints the feed's events as JSON: what a calendar client would read of them.
constexpr const char* kParseScript = R"py(
import datetime, json, sys
import icalendar
with open(sys.argv[1], 'rb') as f:
    calendar = icalendar.Calendar.from_ical(f.read())
events = []
for event in calendar.walk('VEVENT'):
    start = event.decoded('DTSTART')
    end = event.decoded('DTEND')
    events.append({
        'uid': str(event.get('UID')),
        'start': start.isoformat(),
        'end': end.isoformat(),
        'all_day': isinstance(start, datetime.date) and not isinstance(start, datetime.datetime),
        'summary': str(event.get('SUMMARY')),
        'description': str(event.get('DESCRIPTION', '')),
    })
print(json.dumps({'name': str(calendar.get('X-WR-CALNAME')), 'events': events}))
)py";

// Runs the parser over `ics`; the JSON it printed (discarded when it failed).
Json parse_with_python_icalendar(const ScratchDir& dir, const std::string& ics) {
  const std::string feed = dir.file("feed.ics");
  const std::string script = dir.file("parse_ics.py");
  std::ofstream(feed, std::ios::binary) << ics;
  std::ofstream(script) << kParseScript;
  const std::string command = std::string(kPython) + " " + script + " " + feed + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return Json::value_t::discarded;
  std::string out;
  char buffer[4096];
  while (const std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = pclose(pipe);
  EXPECT_EQ(status, 0) << "python3-icalendar could not parse the feed (is python3-icalendar "
                          "installed? scripts/install-deps.sh): "
                       << out.substr(0, 2000);
  return Json::parse(out, nullptr, false);
}

class CalendarFeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    ASSERT_EQ(run_spoorboek({"demo", "--db", dir_->file("calendar.db")}), 0);
    server_ = new InProcessServer(dir_->file("calendar.db"));
    ASSERT_TRUE(server_->running()) << server_->error();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<Client>(server_->port());
  }

  static ScratchDir* dir_;
  static InProcessServer* server_;
  std::unique_ptr<Client> client_;
};

ScratchDir* CalendarFeedTest::dir_ = nullptr;
InProcessServer* CalendarFeedTest::server_ = nullptr;

bool on_calendar(const std::string& status) {
  return status == "upcoming" || status == "due_soon" || status == "overdue" || status == "info";
}

TEST_F(CalendarFeedTest, PythonIcalendarReadsTheEnginesDeadlinesOfEveryReachedCase) {
  const Session manager = client_->login("casemanager@demo.test", "demo");
  ASSERT_FALSE(manager.token.empty());
  const Reply made = client_->call("POST", "/api/v1/me/calendar", manager.bearer());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string path = made.json().value("path", "");
  ASSERT_TRUE(path.starts_with("/calendar/sbc_") && path.ends_with(".ics")) << path;

  // No cookie, no token: the secret is the credential.
  const Reply feed = client_->get(path, Auth::none());
  ASSERT_EQ(feed.status, 200) << feed.body.substr(0, 300);
  EXPECT_NE(feed.header("Content-Type").find("text/calendar"), std::string::npos);
  EXPECT_EQ(feed.header("Cache-Control"), "private, no-store");

  const Json parsed = parse_with_python_icalendar(*dir_, feed.body);
  ASSERT_TRUE(parsed.is_object()) << feed.body.substr(0, 500);
  EXPECT_EQ(parsed["name"], "Spoorboek – termijnen");  // the user's language: Dutch by default

  // What the engine says, case by case, for the cases the manager reaches (open ones: the
  // dashboard's default listing).
  const Json cases = client_->get("/api/v1/cases?limit=500", manager.bearer()).json();
  ASSERT_TRUE(cases["cases"].is_array());
  ASSERT_LT(cases["cases"].size(), 500u) << "the listing was cut off: raise the limit";
  std::map<std::string, std::string> expected;  // uid -> due date
  std::map<std::int64_t, std::string> names;
  for (const auto& row : cases["cases"]) {
    const std::int64_t id = row["case_id"];
    names[id] = row["employee_name"];
    const Reply timeline =
        client_->get("/api/v1/cases/" + std::to_string(id) + "/timeline", manager.bearer());
    if (timeline.status == 404) continue;  // no sick report yet
    ASSERT_EQ(timeline.status, 200) << timeline.body;
    const Json deadlines = timeline.json()["deadlines"];
    for (const auto& [key, deadline] : deadlines.items()) {
      if (deadline["due"].is_null() || !on_calendar(deadline["status"])) continue;
      expected["spoorboek-case-" + std::to_string(id) + "-" + key] = deadline["due"];
    }
  }
  ASSERT_GT(expected.size(), 20u) << "the demo should give the manager many open deadlines";

  std::map<std::string, std::string> found;
  for (const auto& event : parsed["events"]) {
    const std::string uid = event["uid"];
    EXPECT_TRUE(found.emplace(uid, event["start"]).second) << "two events with UID " << uid;
    EXPECT_TRUE(event["all_day"].get<bool>()) << uid;
    // DTEND is the day after DTSTART (an all-day event of one day).
    EXPECT_GT(event["end"].get<std::string>(), event["start"].get<std::string>()) << uid;
    // The case by number and the employee by initials, never by name.
    const std::string summary = event["summary"];
    const std::int64_t id = std::stoll(uid.substr(std::string("spoorboek-case-").size()));
    EXPECT_NE(summary.find("dossier " + std::to_string(id)), std::string::npos) << summary;
    ASSERT_TRUE(names.contains(id)) << uid << " is not a case the manager reaches";
    EXPECT_EQ(summary.find(names[id]), std::string::npos) << summary << " names the employee";
    EXPECT_EQ(event["description"].get<std::string>().find(names[id]), std::string::npos);
  }
  EXPECT_EQ(found, expected);
}

TEST_F(CalendarFeedTest, RotatingAndRevokingStopTheOldAddress) {
  const Session coach = client_->login("coach@demo.test", "demo");
  ASSERT_FALSE(coach.token.empty());
  EXPECT_EQ(client_->get("/api/v1/me/calendar", coach.bearer()).json()["active"], false);
  const std::string first =
      client_->call("POST", "/api/v1/me/calendar", coach.bearer()).json().value("path", "");
  const std::string second =
      client_->call("POST", "/api/v1/me/calendar", coach.bearer()).json().value("path", "");
  ASSERT_FALSE(first.empty());
  ASSERT_NE(first, second);
  EXPECT_EQ(client_->get(first, Auth::none()).status, 404) << "a rotated feed must stop";
  EXPECT_EQ(client_->get(second, Auth::none()).status, 200);
  const Json state = client_->get("/api/v1/me/calendar", coach.bearer()).json();
  EXPECT_EQ(state["active"], true);
  EXPECT_EQ(state["language"], "nl");
  EXPECT_FALSE(state.contains("secret")) << "the secret is shown once, at creation";

  EXPECT_EQ(client_->del("/api/v1/me/calendar", coach.bearer()).status, 200);
  const Reply gone = client_->get(second, Auth::none());
  EXPECT_EQ(gone.status, 404);
  EXPECT_TRUE(is_error_shape(gone));
  EXPECT_EQ(client_->del("/api/v1/me/calendar", coach.bearer()).status, 404);
  EXPECT_EQ(client_->get("/api/v1/me/calendar", coach.bearer()).json()["active"], false);
}

TEST_F(CalendarFeedTest, ADisabledAccountsFeedAnswers404) {
  const Session expert = client_->login("expert@demo.test", "demo");
  const Session admin = client_->login("admin@demo.test", "demo");
  ASSERT_FALSE(expert.token.empty());
  ASSERT_FALSE(admin.token.empty());
  const Reply made = client_->call("POST", "/api/v1/me/calendar", expert.bearer());
  ASSERT_EQ(made.status, 201);
  const std::string path = made.json().value("path", "");
  ASSERT_EQ(client_->get(path, Auth::none()).status, 200);
  const std::string user = "/api/v1/users/" + std::to_string(expert.user_id);
  ASSERT_EQ(client_->call("POST", user + "/disable", admin.bearer()).status, 200);
  EXPECT_EQ(client_->get(path, Auth::none()).status, 404);
  ASSERT_EQ(client_->call("POST", user + "/enable", admin.bearer()).status, 200);
  EXPECT_EQ(client_->get(path, Auth::none()).status, 200);
}

TEST_F(CalendarFeedTest, UnknownOrMalformedAddressesAnswer404) {
  for (const char* path : {"/calendar/sbc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
                           "/calendar/anything.ics", "/calendar/sbc_x", "/calendar/.ics"}) {
    const Reply reply = client_->get(path, Auth::none());
    EXPECT_EQ(reply.status, 404) << path;
    EXPECT_TRUE(is_error_shape(reply)) << path;
  }
  // A session token is not a feed secret.
  const Session manager = client_->login("casemanager@demo.test", "demo");
  EXPECT_EQ(client_->get("/calendar/" + manager.token + ".ics", Auth::none()).status, 404);
}

TEST_F(CalendarFeedTest, TheCompanyDoctorsFeedHoldsNothingMedical) {
  // The doctor reads the medical parts of the demo cases; the feed carries only deadlines.
  const Session doctor = client_->login("doctor@demo.test", "demo");
  ASSERT_FALSE(doctor.token.empty());
  const Reply made = client_->call("POST", "/api/v1/me/calendar", doctor.bearer());
  ASSERT_EQ(made.status, 201);
  const Reply feed = client_->get(made.json().value("path", ""), Auth::none());
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.body.find("BEGIN:VEVENT"), std::string::npos);
  for (const char* word : {"medical", "Medical", "diagnos", "sealed:"}) {
    EXPECT_EQ(feed.body.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace spoorboek::apitest
