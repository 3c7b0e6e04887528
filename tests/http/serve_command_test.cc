// `spoorboek serve` as a child process: starts, answers /healthz, logs, stops on SIGTERM.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include "tests/http/child_process.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>


namespace {

using namespace std::chrono_literals;
using namespace spoorboek::testing;

class ServeCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("spoorboek.db");
    ASSERT_EQ(run(dir_, {"init", "--db", db_}), 0) << read_file(dir_.file("run.err"));
  }

  ScratchDir dir_;
  std::string db_;
};

TEST_F(ServeCommand, ServesHealthzLogsItAndStopsOnSigterm) {
  const std::uint16_t port = free_port();
  const Child child = spawn({"serve", "--db", db_, "--port", std::to_string(port), "--threads", "2"},
                            dir_.file("serve.out"), dir_.file("serve.err"));
  ASSERT_GT(child.pid, 0);

  httplib::Client http("127.0.0.1", port);
  http.set_connection_timeout(1);
  http.set_read_timeout(2);
  bool healthy = false;
  std::string request_id;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!healthy && std::chrono::steady_clock::now() < deadline) {
    auto res = http.Get("/healthz");
    if (res && res->status == 200) {
      healthy = true;
      request_id = res->get_header_value("X-Request-Id");
      EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
    } else {
      std::this_thread::sleep_for(50ms);
    }
  }
  ASSERT_TRUE(healthy) << read_file(dir_.file("serve.err"));

  ASSERT_EQ(::kill(child.pid, SIGTERM), 0);
  const auto code = wait_for_exit(child, 10s);
  const std::string err = read_file(dir_.file("serve.err"));
  ASSERT_TRUE(code.has_value()) << "did not exit within 10 s; stderr: " << err;
  EXPECT_EQ(*code, 0) << err;
  EXPECT_NE(err.find("Spoorboek luistert op http://127.0.0.1:" + std::to_string(port) +
                     " (listening)"),
            std::string::npos)
      << err;

  // The access log: one JSON object per line on stdout.
  std::istringstream out(read_file(dir_.file("serve.out")));
  std::string line;
  bool found = false;
  while (std::getline(out, line)) {
    const auto entry = nlohmann::json::parse(line);  // every line is JSON
    if (entry.value("request_id", "") != request_id) continue;
    found = true;
    EXPECT_EQ(entry["method"], "GET");
    EXPECT_EQ(entry["path"], "/healthz");
    EXPECT_EQ(entry["status"], 200);
    EXPECT_EQ(entry["remote"], "127.0.0.1");
    EXPECT_TRUE(entry["bytes"].is_number_integer());
    EXPECT_TRUE(entry["duration_us"].is_number_integer());
    EXPECT_TRUE(entry["user"].is_string());
    EXPECT_TRUE(entry["ts"].is_string());
  }
  EXPECT_TRUE(found) << read_file(dir_.file("serve.out"));

  // Stopped: the port no longer answers.
  httplib::Client after("127.0.0.1", port);
  after.set_connection_timeout(1);
  EXPECT_FALSE(after.Get("/healthz"));
}

// A calendar feed's URL holds its secret: the access log shows where it was asked, never the
// secret (neither for a feed that answers nor for a guess).
TEST_F(ServeCommand, TheAccessLogNeverHoldsACalendarSecret) {
  const std::string demo = dir_.file("demo.db");
  ASSERT_EQ(run(dir_, {"demo", "--db", demo}), 0) << read_file(dir_.file("run.err"));
  const std::uint16_t port = free_port();
  const Child child = spawn({"serve", "--db", demo, "--port", std::to_string(port)},
                            dir_.file("serve.out"), dir_.file("serve.err"));
  ASSERT_GT(child.pid, 0);
  httplib::Client http("127.0.0.1", port);
  http.set_connection_timeout(1);
  http.set_read_timeout(5);
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto res = http.Get("/healthz"); res && res->status == 200) break;
    std::this_thread::sleep_for(50ms);
  }
  auto login = http.Post("/api/v1/login",
                         R"({"email":"casemanager@demo.test","password":"demo"})",
                         "application/json");
  ASSERT_TRUE(login && login->status == 200) << read_file(dir_.file("serve.err"));
  const std::string token = nlohmann::json::parse(login->body)["token"];
  const auto made = http.Post("/api/v1/me/calendar", {{"Authorization", "Bearer " + token}}, "",
                              "application/json");
  ASSERT_TRUE(made && made->status == 201);
  const std::string path = nlohmann::json::parse(made->body)["path"];
  const std::string secret = path.substr(std::string("/calendar/").size(), 20);
  const auto feed = http.Get(path);
  ASSERT_TRUE(feed && feed->status == 200);
  const auto guess = http.Get("/calendar/sbc_guessed_secret.ics");
  ASSERT_TRUE(guess && guess->status == 404);
  ASSERT_EQ(::kill(child.pid, SIGTERM), 0);
  ASSERT_TRUE(wait_for_exit(child, 10s).has_value());

  const std::string log = read_file(dir_.file("serve.out"));
  EXPECT_EQ(log.find(secret), std::string::npos) << "the feed's secret is in the access log";
  EXPECT_EQ(log.find("sbc_guessed_secret"), std::string::npos);
  std::istringstream lines(log);
  std::string line;
  std::vector<int> statuses;
  while (std::getline(lines, line)) {
    const auto entry = nlohmann::json::parse(line);
    if (entry["path"] == "/calendar/(secret).ics") statuses.push_back(entry["status"]);
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 404})) << log;
}

TEST_F(ServeCommand, PortInUseIsExit2) {
  HeldPort held(/*listen_on_it=*/true);
  ASSERT_NE(held.port(), 0);
  EXPECT_EQ(run(dir_, {"serve", "--db", db_, "--port", std::to_string(held.port())}), 2);
  const std::string err = read_file(dir_.file("run.err"));
  EXPECT_NE(err.find("--port"), std::string::npos) << err;
  EXPECT_NE(err.find("already in use"), std::string::npos) << err;
}

TEST_F(ServeCommand, BadOptionsAreExit2NamingTheOption) {
  struct Case {
    std::vector<std::string> extra;
    std::string option;
  };
  const std::vector<Case> cases = {
      {{"--port", "70000"}, "--port"},
      {{"--port", "-1"}, "--port"},
      {{"--threads", "0"}, "--threads"},
      {{"--threads", "257"}, "--threads"},
      {{"--bind", "localhost"}, "--bind"},
      {{"--bind", "256.0.0.1"}, "--bind"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"serve", "--db", db_};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    EXPECT_EQ(run(dir_, args), 2) << c.extra[0] << " " << c.extra[1];
    const std::string err = read_file(dir_.file("run.err"));
    EXPECT_NE(err.find(c.option), std::string::npos) << err;
  }
}

}  // namespace
