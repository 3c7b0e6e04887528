// Killing `spoorboek serve` with SIGKILL while eight clients append entries concurrently loses no
// entry the server acknowledged (2xx with seq and hash), leaves every hash chain intact and every
// case numbered 1..n without gaps, and the restarted server takes new appends. Three kills at
// random moments on the same database.
//
// The seed of the random moments is printed; SPOORBOEK_DURABILITY_SEED=<seed> repeats them.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/date.h"
#include "platform/clock.h"

extern char** environ;

namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;

constexpr int kClientThreads = 8;
constexpr int kKillCycles = 3;
constexpr std::size_t kMaxCases = 4;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "spoorboek_durability_XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Starts build/spoorboek with `args`, stdin from /dev/null, stdout and stderr to files.
pid_t spawn(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  std::vector<std::string> all = {SPOORBOEK_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : all) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs build/spoorboek with `args` to the end.
RunResult run(const ScratchDir& dir, const std::vector<std::string>& args) {
  const std::string out = dir.file("run.out");
  const std::string err = dir.file("run.err");
  const pid_t pid = spawn(args, out, err);
  RunResult result;
  if (pid < 0) return result;
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

// `spoorboek serve --db DB --port 0 --no-access-log` as a child; the port is read from its
// "listening" line on stderr.
class Server {
 public:
  Server(const ScratchDir& dir, const std::string& db, int generation)
      : err_path_(dir.file("serve" + std::to_string(generation) + ".err")) {
    pid_ = spawn({"serve", "--db", db, "--port", "0", "--no-access-log"},
                 dir.file("serve" + std::to_string(generation) + ".out"), err_path_);
    if (pid_ < 0) return;
    static const std::regex listening(R"(luistert op http://[^ ]*:(\d+) \(listening\))");
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
      std::smatch match;
      const std::string err = read_file(err_path_);
      if (std::regex_search(err, match, listening)) {
        port_ = std::stoi(match[1].str());
        return;
      }
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // died before listening
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(20ms);
    }
  }
  ~Server() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const { return port_; }
  bool running() const { return pid_ > 0 && port_ > 0; }
  std::string stderr_text() const { return read_file(err_path_); }

  // SIGKILL; true when the process died of it.
  bool kill_hard() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  }

  // SIGTERM; the exit code (nullopt when it did not exit within 30 s, or died of a signal).
  std::optional<int> stop() {
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        return std::nullopt;
      }
      std::this_thread::sleep_for(20ms);
    }
    return std::nullopt;
  }

 private:
  std::string err_path_;
  pid_t pid_ = -1;
  int port_ = 0;
};

std::unique_ptr<httplib::Client> client_for(int port, const std::string& token = "") {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
  client->set_keep_alive(true);
  client->set_connection_timeout(5, 0);
  client->set_read_timeout(30, 0);
  client->set_write_timeout(10, 0);
  if (!token.empty()) client->set_bearer_token_auth(token);
  return client;
}

// The bearer token of casemanager@demo.test, or "" (the test then fails).
std::string login(int port) {
  auto client = client_for(port);
  const auto answer = client->Post(
      "/api/v1/login",
      Json{{"email", "casemanager@demo.test"}, {"password", "demo"}}.dump(), "application/json");
  EXPECT_TRUE(answer) << "login: " << httplib::to_string(answer.error());
  if (!answer) return "";
  EXPECT_EQ(answer->status, 200) << answer->body;
  if (answer->status != 200) return "";
  return Json::parse(answer->body).at("token").get<std::string>();
}

// An acknowledged append: the server answered 2xx with this seq and hash.
struct Ack {
  std::int64_t case_id = 0;
  std::int64_t seq = 0;
  std::string hash;
};

// The contract's entry; the real server also requires payload.employee_agreement (every
// conversation records whether the employee agrees, core/case_file_facts.cc).
std::string entry_body(const std::string& today, const std::string& summary) {
  return Json{{"type", "reintegration_interview"},
              {"occurred_on", today},
              {"payload",
               {{"attendees", {"Casemanager"}},
                {"summary", summary},
                {"employee_agreement", "agreed"}}}}
      .dump();
}

// POSTs one entry; the Ack when the answer was 2xx. `status` gets the HTTP status (0: no answer).
// `answer_body` (when given) gets the answer's body.
std::optional<Ack> append(httplib::Client& client, std::int64_t case_id, const std::string& body,
                          int* status, std::string* answer_body = nullptr) {
  const auto answer =
      client.Post("/api/v1/cases/" + std::to_string(case_id) + "/entries", body, "application/json");
  *status = answer ? answer->status : 0;
  if (answer_body) *answer_body = answer ? answer->body : httplib::to_string(answer.error());
  if (!answer || answer->status < 200 || answer->status > 299) return std::nullopt;
  const Json parsed = Json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object() || !parsed.contains("seq") || !parsed.contains("hash")) {
    ADD_FAILURE() << "a 2xx append answer without seq and hash: " << answer->body;
    return std::nullopt;
  }
  return Ack{case_id, parsed.at("seq").get<std::int64_t>(), parsed.at("hash").get<std::string>()};
}

// Cases of the case manager's reach that take an append (each probed with one, which counts as
// acknowledged).
std::vector<std::int64_t> pick_cases(int port, const std::string& token, const std::string& today,
                                     std::vector<Ack>& acks) {
  auto client = client_for(port, token);
  const auto answer = client->Get("/api/v1/cases?limit=50");
  EXPECT_TRUE(answer && answer->status == 200) << (answer ? answer->body : "no answer");
  if (!answer || answer->status != 200) return {};
  std::vector<std::int64_t> picked;
  const Json page = Json::parse(answer->body);
  for (const auto& row : page.at("cases")) {
    if (picked.size() == kMaxCases) break;
    const std::int64_t case_id = row.at("case_id").get<std::int64_t>();
    int status = 0;
    std::string answer_body;
    if (auto ack =
            append(*client, case_id, entry_body(today, "gesprek proef"), &status, &answer_body)) {
      acks.push_back(*ack);
      picked.push_back(case_id);
    } else {
      std::cout << "[ skip     ] case " << case_id << " takes no entry: HTTP " << status << " "
                << answer_body << std::endl;
    }
  }
  return picked;
}

// Eight clients appending round-robin over `cases` until stopped.
struct Load {
  std::vector<std::thread> threads;
  std::mutex mutex;
  std::vector<Ack> acks;
  std::vector<std::string> refusals;  // non-2xx HTTP answers (an answer, not a broken connection)
  std::atomic<long> transport_errors{0};
  std::atomic<bool> stop{false};

  void start(int port, const std::string& token, const std::vector<std::int64_t>& cases,
             const std::string& today, int cycle) {
    for (int t = 0; t < kClientThreads; ++t) {
      threads.emplace_back([this, port, token, cases, today, cycle, t] {
        auto client = client_for(port, token);
        for (long n = 0; !stop.load(); ++n) {
          const std::int64_t case_id = cases[static_cast<std::size_t>(t + n) % cases.size()];
          const std::string summary = "gesprek " + std::to_string(cycle) + "." +
                                      std::to_string(t) + "." + std::to_string(n);
          int status = 0;
          auto ack = append(*client, case_id, entry_body(today, summary), &status);
          std::lock_guard lock(mutex);
          if (ack) {
            acks.push_back(*ack);
          } else if (status != 0) {
            refusals.push_back("case " + std::to_string(case_id) + ": HTTP " +
                               std::to_string(status));
          } else {
            ++transport_errors;
            if (!stop.load()) std::this_thread::sleep_for(5ms);
          }
        }
      });
    }
  }
  void join() {
    stop = true;
    for (auto& thread : threads) thread.join();
    threads.clear();
  }
};

// Every acknowledged entry is in its case file with the acknowledged hash, and every case's seqs
// are 1..n; the number of entries of each case is returned.
std::map<std::int64_t, std::size_t> check_acknowledged(int port, const std::string& token,
                                                       const std::vector<std::int64_t>& cases,
                                                       const std::vector<Ack>& acks) {
  auto client = client_for(port, token);
  std::map<std::int64_t, std::map<std::int64_t, std::string>> stored;
  std::map<std::int64_t, std::size_t> sizes;
  for (const std::int64_t case_id : cases) {
    const auto answer = client->Get("/api/v1/cases/" + std::to_string(case_id));
    EXPECT_TRUE(answer && answer->status == 200)
        << "case " << case_id << ": " << (answer ? answer->body : httplib::to_string(answer.error()));
    if (!answer || answer->status != 200) continue;
    const Json file = Json::parse(answer->body);
    std::int64_t expected = 1;
    for (const auto& entry : file.at("entries")) {
      const std::int64_t seq = entry.at("seq").get<std::int64_t>();
      EXPECT_EQ(seq, expected) << "case " << case_id << ": seqs not 1..n without gaps";
      expected = seq + 1;
      stored[case_id][seq] = entry.at("hash").get<std::string>();
    }
    sizes[case_id] = stored[case_id].size();
  }
  std::map<std::pair<std::int64_t, std::int64_t>, std::string> acknowledged;
  for (const Ack& ack : acks) {
    const auto [at, fresh] = acknowledged.emplace(std::pair{ack.case_id, ack.seq}, ack.hash);
    EXPECT_TRUE(fresh) << "case " << ack.case_id << " seq " << ack.seq
                       << " was acknowledged twice";
    const auto& entries = stored[ack.case_id];
    const auto found = entries.find(ack.seq);
    if (found == entries.end()) {
      ADD_FAILURE() << "acknowledged entry lost: case " << ack.case_id << " seq " << ack.seq;
    } else {
      EXPECT_EQ(found->second, ack.hash)
          << "acknowledged entry changed: case " << ack.case_id << " seq " << ack.seq;
    }
  }
  return sizes;
}

unsigned seed_from_environment() {
  if (const char* text = std::getenv("SPOORBOEK_DURABILITY_SEED"); text && *text) {
    return static_cast<unsigned>(std::strtoul(text, nullptr, 10));
  }
  return std::random_device{}();
}

TEST(ServerKill, NoAcknowledgedAppendIsLostAndTheChainsStayIntact) {
  ScratchDir dir;
  const std::string db = dir.file("spoorboek.db");
  const RunResult demo = run(dir, {"demo", "--db", db});
  ASSERT_EQ(demo.exit_code, 0) << demo.out << demo.err;
  const std::string today = spoorboek::core::format_iso_date(spoorboek::platform::local_today());

  const unsigned seed = seed_from_environment();
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(300, 1500);
  std::cout << "[ seed     ] SPOORBOEK_DURABILITY_SEED=" << seed << std::endl;

  std::vector<Ack> acks;  // every acknowledged append so far, over all cycles
  std::vector<std::int64_t> cases;
  for (int cycle = 0; cycle <= kKillCycles; ++cycle) {
    SCOPED_TRACE("server start " + std::to_string(cycle));
    Server server(dir, db, cycle);
    ASSERT_TRUE(server.running()) << server.stderr_text();
    const std::string token = login(server.port());
    ASSERT_FALSE(token.empty());

    if (cycle == 0) {
      cases = pick_cases(server.port(), token, today, acks);
      ASSERT_GE(cases.size(), 2u) << "the case manager reaches too few cases that take an entry";
    } else {
      // After a kill: nothing acknowledged is lost, the chains are whole, and a new append works.
      const auto sizes = check_acknowledged(server.port(), token, cases, acks);
      auto client = client_for(server.port(), token);
      int status = 0;
      const auto next =
          append(*client, cases.front(), entry_body(today, "na herstart " + std::to_string(cycle)),
                 &status);
      ASSERT_TRUE(next) << "no append after the restart: HTTP " << status;
      EXPECT_EQ(next->seq, static_cast<std::int64_t>(sizes.at(cases.front())) + 1);
      acks.push_back(*next);
      std::size_t total = 0;
      for (const auto& [id, size] : sizes) total += size;
      std::cout << "[ restart  ] " << acks.size() << " acknowledged appends checked; "
                << total << " entries in the " << cases.size() << " cases" << std::endl;
    }
    if (cycle == kKillCycles) {
      EXPECT_EQ(server.stop(), std::optional<int>(0)) << server.stderr_text();
      break;
    }

    Load load;
    const int delay = delay_ms(random);
    load.start(server.port(), token, cases, today, cycle);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ASSERT_TRUE(server.kill_hard()) << "the server was not killed by SIGKILL";
    load.join();

    std::cout << "[ kill " << cycle + 1 << "/" << kKillCycles << " ] after " << delay << " ms: "
              << load.acks.size() << " appends acknowledged, " << load.refusals.size()
              << " refused, " << load.transport_errors.load()
              << " without an answer (in flight at the kill or after it)" << std::endl;
    EXPECT_GT(load.acks.size(), 0u) << "nothing was acknowledged before the kill";
    EXPECT_TRUE(load.refusals.empty())
        << load.refusals.size() << " appends were refused, the first: " << load.refusals.front();
    acks.insert(acks.end(), load.acks.begin(), load.acks.end());

    const RunResult verify = run(dir, {"verify", "--db", db});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  }
}

}  // namespace
