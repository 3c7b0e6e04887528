// Requests on a kept-alive connection are all answered, also a POST whose body arrives in a
// later TCP segment than its headers (cpp-httplib writes them separately, as many clients do;
// with Nagle's algorithm the body then follows some 40 ms later).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "tests/api/api_test_support.h"

namespace spoorboek::apitest {
namespace {

// One HTTP/1.1 connection on a raw socket, to control how a request is split into segments.
class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) close();
    const int on = 1;
    if (fd_ >= 0) ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    timeval timeout{5, 0};
    if (fd_ >= 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~RawConnection() { close(); }
  bool open() const { return fd_ >= 0; }

  // Sends `head`, waits, sends `body`; the status of the answer, or nullopt when the connection
  // ended (or timed out) before a complete answer.
  std::optional<int> exchange(const std::string& head, const std::string& body,
                              std::chrono::milliseconds gap) {
    if (!send_all(head)) return std::nullopt;
    std::this_thread::sleep_for(gap);
    if (!send_all(body)) return std::nullopt;
    std::string data;
    std::size_t header_end = std::string::npos;
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
      if (!receive(data)) return std::nullopt;
    }
    const std::string header = data.substr(0, header_end);
    std::size_t length = 0;
    for (const char* name : {"Content-Length: ", "content-length: "}) {
      const auto at = header.find(name);
      if (at != std::string::npos) length = std::stoul(header.substr(at + std::strlen(name)));
    }
    while (data.size() < header_end + 4 + length) {
      if (!receive(data)) return std::nullopt;
    }
    return std::stoi(data.substr(9, 3));
  }

 private:
  bool send_all(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }
  bool receive(std::string& data) {
    char buffer[4096];
    const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    data.append(buffer, static_cast<std::size_t>(n));
    return true;
  }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd_ = -1;
};

TEST(KeepAliveTest, EveryPostOnAKeptAliveConnectionIsAnswered) {
  ScratchDir dir;
  const std::string db = dir.file("keepalive.db");
  ASSERT_EQ(run_spoorboek({"demo", "--db", db}), 0);
  InProcessServer server(db);
  ASSERT_TRUE(server.running()) << server.error();
  const Session admin = Client(server.port()).login("admin@demo.test", "demo");
  ASSERT_FALSE(admin.token.empty());

  // A body the route refuses (422): the database does not change.
  const std::string body = R"({"name":5})";
  const std::string head =
      "POST /api/v1/employers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Authorization: Bearer " +
      admin.token +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\n\r\n";
  constexpr int kRequests = 600;
  int unanswered = 0;
  int first_unanswered = -1;
  int answered_on_connection = 0;
  auto connection = std::make_unique<RawConnection>(server.port());
  ASSERT_TRUE(connection->open());
  for (int i = 0; i < kRequests; ++i) {
    // A few requests per connection, on many connections, with gaps of 0 to 4 ms between
    // headers and body: the fault is a race and shows more reliably so.
    if (answered_on_connection == 20) {
      connection = std::make_unique<RawConnection>(server.port());
      ASSERT_TRUE(connection->open());
      answered_on_connection = 0;
    }
    const auto status = connection->exchange(head, body, std::chrono::milliseconds(i % 5));
    if (status) {
      EXPECT_EQ(*status, 422);
      ++answered_on_connection;
      continue;
    }
    ++unanswered;
    if (first_unanswered < 0) first_unanswered = i;
    connection = std::make_unique<RawConnection>(server.port());
    ASSERT_TRUE(connection->open());
    answered_on_connection = 0;
  }
  // Before a31a6cb this failed in nearly every run: with RESTinio 0.6.16 and
  // max_pipelined_requests(1), a handler answering inside RESTinio's call made it start reading
  // the next request twice, and a POST whose body came in a later segment than its headers lost
  // its connection without an answer (restinio/impl/connection.hpp, m_init_read_after_this_write).
  // The transport now allows two pipelined requests per connection.
  EXPECT_EQ(unanswered, 0) << unanswered << " of " << kRequests
                           << " requests were not answered; the first was request "
                           << first_unanswered;
}

}  // namespace
}  // namespace spoorboek::apitest
