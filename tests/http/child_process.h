// `spoorboek` as a child process for the HTTP tests: a scratch directory, free ports, spawning
// build/spoorboek with its output in files, and waiting for it (serve_command_test.cc,
// two_servers_test.cc).
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace spoorboek::testing {

using namespace std::chrono_literals;

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "spoorboek_http_XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A socket bound to 127.0.0.1 on a port the system picked; listening when asked.
class HeldPort {
 public:
  explicit HeldPort(bool listen_on_it) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return;
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    if (listen_on_it) ::listen(fd_, 4);
  }
  ~HeldPort() { release(); }
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  std::uint16_t port() const { return port_; }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

// A free port: bound, read, released.
inline std::uint16_t free_port() {
  HeldPort held(false);
  return held.port();
}

struct Child {
  pid_t pid = -1;
};

// Starts build/spoorboek with `args`, stdout and stderr to files.
inline Child spawn(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
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
  Child child;
  const int rc = posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) child.pid = -1;
  return child;
}

// The exit code, or nullopt when the child did not exit in time (it is then killed) or died of
// a signal (-signal).
inline std::optional<int> wait_for_exit(const Child& child, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t done = ::waitpid(child.pid, &status, WNOHANG);
    if (done == child.pid) {
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return -WTERMSIG(status);
      return std::nullopt;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(child.pid, SIGKILL);
      ::waitpid(child.pid, &status, 0);
      return std::nullopt;
    }
    std::this_thread::sleep_for(20ms);
  }
}

// Runs build/spoorboek to the end.
inline int run(const ScratchDir& dir, const std::vector<std::string>& args) {
  const Child child = spawn(args, dir.file("run.out"), dir.file("run.err"));
  EXPECT_GT(child.pid, 0);
  const auto code = wait_for_exit(child, 30s);
  return code ? *code : -1000;
}

}  // namespace spoorboek::testing
