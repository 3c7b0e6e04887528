// Several servers, one database (issue 6): two `spoorboek serve` processes on different ports
// against one PostgreSQL database see each other's writes at once, share sessions, and of two
// conflicting appends to one case exactly one wins while the other gets 409. Also: two
// `spoorboek init` started at the same moment on an empty database migrate it once.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "security/key_file.h"
#include "tests/http/child_process.h"
#include "tests/support/test_database.h"

namespace {

using namespace std::chrono_literals;
using namespace spoorboek::testing;
using Json = nlohmann::json;

class Server {
 public:
  Server(const ScratchDir& dir, const std::string& name, const std::string& db)
      : dir_(dir), name_(name), port_(free_port()) {
    child_ = spawn({"serve", "--db", db, "--port", std::to_string(port_), "--threads", "2",
                    "--no-access-log"},
                   dir.file(name + ".out"), dir.file(name + ".err"));
  }
  ~Server() {
    if (child_.pid > 0) {
      ::kill(child_.pid, SIGTERM);
      wait_for_exit(child_, 10s);
    }
  }
  bool wait_healthy() {
    httplib::Client http = client();
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (auto res = http.Get("/healthz"); res && res->status == 200) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  httplib::Client client() const {
    httplib::Client http("127.0.0.1", port_);
    http.set_connection_timeout(2);
    http.set_read_timeout(10);
    return http;
  }
  std::string errors() const { return read_file(dir_.file(name_ + ".err")); }

 private:
  const ScratchDir& dir_;
  std::string name_;
  std::uint16_t port_;
  Child child_;
};

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string login(httplib::Client& http, const std::string& email) {
  auto res = http.Post("/api/v1/login", Json{{"email", email}, {"password", "demo"}}.dump(),
                       "application/json");
  if (!res || res->status != 200) return "";
  return Json::parse(res->body)["token"];
}

std::string conversation(std::int64_t expected_seq, const std::string& summary) {
  return Json{{"type", "reintegration_interview"},
              {"occurred_on", "2026-11-20"},
              {"expected_seq", expected_seq},
              {"payload",
               {{"attendees", Json::array({"employee", "case_manager"})},
                {"employee_agreement", "agreed"},
                {"summary", summary}}}}
      .dump();
}

class TwoServers : public ::testing::Test {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(spoorboek::testing::Backend::postgres);
    database_ = std::make_unique<ScratchDatabase>(Backend::postgres, "two_servers");
    // Both servers (and the demo loader) use one key: the children inherit the environment.
    ::setenv("SPOORBOEK_KEY_FILE", dir_.file("medical.key").c_str(), 1);
  }
  void TearDown() override { ::unsetenv("SPOORBOEK_KEY_FILE"); }

  ScratchDir dir_;
  std::unique_ptr<ScratchDatabase> database_;
};

TEST_F(TwoServers, SeeEachOthersWritesAtOnceAndExactlyOneOfTwoConflictingAppendsWins) {
  ASSERT_EQ(run(dir_, {"demo", "--db", database_->db()}), 0) << read_file(dir_.file("run.err"));
  Server a(dir_, "a", database_->db());
  Server b(dir_, "b", database_->db());
  ASSERT_TRUE(a.wait_healthy()) << a.errors();
  ASSERT_TRUE(b.wait_healthy()) << b.errors();
  auto http_a = a.client();
  auto http_b = b.client();

  // A session made on A is valid on B: sessions live in the database.
  const std::string token = login(http_a, "casemanager@demo.test");
  ASSERT_FALSE(token.empty()) << a.errors();
  auto cases = http_b.Get("/api/v1/cases?status=sick", bearer(token));
  ASSERT_TRUE(cases && cases->status == 200) << (cases ? cases->body : b.errors());
  const Json listed = Json::parse(cases->body);
  ASSERT_FALSE(listed["cases"].empty()) << cases->body;
  const std::int64_t case_id = listed["cases"][0]["case_id"];
  const std::string path = "/api/v1/cases/" + std::to_string(case_id);

  const auto last_seq = [&](httplib::Client& http) -> std::int64_t {
    auto res = http.Get(path, bearer(token));
    if (!res || res->status != 200) return -1;
    return Json::parse(res->body)["entries"].back()["seq"];
  };

  // A write on A is visible on B at once (no cache, no delay).
  const std::int64_t before = last_seq(http_b);
  ASSERT_GT(before, 0);
  auto written = http_a.Post(path + "/entries", bearer(token),
                             conversation(before + 1, "Gesprek via server A"), "application/json");
  ASSERT_TRUE(written && written->status == 201) << (written ? written->body : a.errors());
  EXPECT_EQ(last_seq(http_b), before + 1);
  auto seen = http_b.Get(path, bearer(token));
  ASSERT_TRUE(seen);
  EXPECT_NE(seen->body.find("Gesprek via server A"), std::string::npos);

  // Conflicting appends: both servers are asked for the same next entry at the same moment.
  // Exactly one answers 201, the other 409; the file gains exactly one entry per round.
  constexpr int kRounds = 20;
  int conflicts_seen = 0;
  for (int round = 0; round < kRounds; ++round) {
    const std::int64_t next = last_seq(http_a) + 1;
    std::atomic<int> ready{0};
    int status_a = 0, status_b = 0;
    const auto race = [&](Server& server, int& status, const char* who) {
      auto http = server.client();
      ready++;
      while (ready.load() < 2) {
      }
      auto res = http.Post(path + "/entries", bearer(token),
                           conversation(next, std::string("ronde ") + std::to_string(round) + " " + who),
                           "application/json");
      status = res ? res->status : -1;
    };
    std::thread first(race, std::ref(a), std::ref(status_a), "A");
    std::thread second(race, std::ref(b), std::ref(status_b), "B");
    first.join();
    second.join();
    const bool one_won = (status_a == 201 && status_b == 409) || (status_a == 409 && status_b == 201);
    EXPECT_TRUE(one_won) << "round " << round << ": A " << status_a << ", B " << status_b;
    conflicts_seen += one_won ? 1 : 0;
    EXPECT_EQ(last_seq(http_b), next) << "round " << round;
  }
  EXPECT_EQ(conflicts_seen, kRounds);

  // The chain is intact after the races.
  EXPECT_EQ(run(dir_, {"verify", "--db", database_->db()}), 0) << read_file(dir_.file("run.out"));

  // Logging out on B ends the session on A at once.
  auto out = http_b.Post("/api/v1/logout", bearer(token), "", "application/json");
  ASSERT_TRUE(out && out->status / 100 == 2) << (out ? out->body : b.errors());
  auto after = http_a.Get(path, bearer(token));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST_F(TwoServers, TwoInitsAtTheSameMomentMigrateOnce) {
  // Servers of one database share one key, made once and handed to each (init refuses to
  // replace a key file another process made meanwhile).
  ASSERT_TRUE(spoorboek::security::create_key_file(dir_.file("medical.key")).ok());
  std::vector<Child> children;
  for (int i = 0; i < 4; ++i) {
    children.push_back(spawn({"init", "--db", database_->db()}, dir_.file("init" + std::to_string(i) + ".out"),
                             dir_.file("init" + std::to_string(i) + ".err")));
  }
  for (std::size_t i = 0; i < children.size(); ++i) {
    const auto code = wait_for_exit(children[i], 60s);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 0) << read_file(dir_.file("init" + std::to_string(i) + ".err"));
  }
  std::string error;
  const auto applied = database_->scalar("SELECT count(*) FROM schema_migrations", &error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(applied, database_->scalar("SELECT count(DISTINCT version) FROM schema_migrations"));
  EXPECT_EQ(applied, database_->scalar("SELECT max(version) FROM schema_migrations"));
  EXPECT_GE(applied, 4);
}

}  // namespace
