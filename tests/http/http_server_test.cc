// The transport in-process, with its own small Router, through a real HTTP client.
#include "api/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "api/json_error.h"

namespace spoorboek::api {
namespace {

using namespace std::chrono_literals;

HttpResponse json_ok(std::string body) {
  HttpResponse response;
  response.body = std::move(body);
  return response;
}

// Threads a test starts to answer later; joined before the test's objects go.
class Later {
 public:
  ~Later() { join(); }
  void run(std::function<void()> work) {
    std::lock_guard lock(mutex_);
    threads_.emplace_back(std::move(work));
  }
  void join() {
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(mutex_);
      threads.swap(threads_);
    }
    for (auto& thread : threads) thread.join();
  }

 private:
  std::mutex mutex_;
  std::vector<std::thread> threads_;
};

// A raw TCP connection, for what an HTTP client library will not send.
class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    const int on = 1;  // each send() its own segment, at once
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  }
  ~RawConnection() { ::close(fd_); }
  bool connected() const { return connected_; }
  void send(const std::string& bytes) {
    (void)!::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  }
  // Sends `head`, waits `gap`, sends `body`, and reads one answer: its status, or nullopt when
  // the connection ended (or stayed silent for 5 s) before a complete answer.
  std::optional<int> exchange(const std::string& head, const std::string& body,
                              std::chrono::milliseconds gap) {
    send(head);
    std::this_thread::sleep_for(gap);
    send(body);
    std::string data;
    std::size_t header_end = std::string::npos;
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
      if (!receive_some(data)) return std::nullopt;
    }
    std::size_t length = 0;
    const std::string header = data.substr(0, header_end);
    if (const auto at = header.find("Content-Length: "); at != std::string::npos) {
      length = std::stoul(header.substr(at + 16));
    }
    while (data.size() < header_end + 4 + length) {
      if (!receive_some(data)) return std::nullopt;
    }
    return std::stoi(data.substr(9, 3));
  }

  // Everything the server sends until it closes the connection, or nullopt when it is still open
  // after `timeout`.
  std::optional<std::string> read_until_closed(std::chrono::milliseconds timeout) {
    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd readable{fd_, POLLIN, 0};
      if (::poll(&readable, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return received;
      received.append(buffer, static_cast<std::size_t>(n));
    }
  }

 private:
  bool receive_some(std::string& data) {
    pollfd readable{fd_, POLLIN, 0};
    if (::poll(&readable, 1, 5000) <= 0) return false;
    char buffer[4096];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    data.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
};

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add(Method::get, "/hello", [this](HttpRequest& request, const Responder& responder) {
      ++hello_calls_;
      HttpResponse response = json_ok(R"({"hello":"world"})");
      response.log_user = "user-7";
      response.headers.emplace_back("Set-Cookie", "a=1; HttpOnly");
      response.headers.emplace_back("Set-Cookie", "b=2; HttpOnly");
      response.headers.emplace_back("X-Handler", std::string(request.request_id));
      responder.send(std::move(response));
    });
    router_.add(Method::post, "/hello", [](HttpRequest&, const Responder& responder) {
      responder.send(json_ok("{}"));
    });
    router_.add(Method::get, "/page", [](HttpRequest&, const Responder& responder) {
      HttpResponse response;
      response.content_type = "text/html";
      response.body = "<!doctype html><p>hoi</p>";
      responder.send(std::move(response));
    });
    router_.add(Method::post, "/upload", [this](HttpRequest& request, const Responder& responder) {
      ++upload_calls_;
      responder.send(json_ok(R"({"bytes":)" + std::to_string(request.body.size()) + "}"));
    });
    router_.add(Method::get, "/echo/{name}",
                [](HttpRequest& request, const Responder& responder) {
                  nlohmann::json echo;
                  echo["method"] = std::string(method_name(request.method));
                  echo["path"] = request.path;
                  echo["name"] = std::string(request.param("name").value_or("<none>"));
                  echo["q"] = std::string(request.query_value("q").value_or("<none>"));
                  echo["flag"] = request.query_value("flag").has_value();
                  echo["header"] = std::string(request.header("X-Custom").value_or("<none>"));
                  echo["remote"] = request.remote_address;
                  echo["request_id"] = request.request_id;
                  echo["tls"] = request.tls;
                  bool lower = true;
                  for (const auto& [name, value] : request.headers) {
                    for (char c : name) lower = lower && !(c >= 'A' && c <= 'Z');
                  }
                  echo["lower"] = lower;
                  responder.send(json_ok(echo.dump()));
                });
    router_.add(Method::get, "/throw", [](HttpRequest&, const Responder&) {
      throw std::runtime_error("boom");
    });
    router_.add(Method::get, "/forget", [](HttpRequest&, const Responder&) {});
    router_.add(Method::get, "/bad-status", [](HttpRequest&, const Responder& responder) {
      HttpResponse response;
      response.status = 42;
      responder.send(std::move(response));
    });
    router_.add(Method::get, "/bad-header", [](HttpRequest&, const Responder& responder) {
      HttpResponse response = json_ok("{}");
      response.headers.emplace_back("X-Split", "a\r\nX-Injected: yes");
      response.headers.emplace_back("Content-Length", "999");
      response.headers.emplace_back("Cache-Control", "private, max-age=60");
      responder.send(std::move(response));
    });
    router_.add(Method::get, "/later", [this](HttpRequest&, const Responder& responder) {
      ++later_arrivals_;
      later_.run([responder, this] {
        std::this_thread::sleep_for(std::chrono::milliseconds(later_delay_ms_.load()));
        responder.send(json_ok(R"({"later":true})"));
      });
    });
    router_.add(Method::get, "/slow", [this](HttpRequest&, const Responder& responder) {
      slow_arrived_.set_value();
      later_.run([responder] {
        std::this_thread::sleep_for(400ms);
        responder.send(json_ok(R"({"slow":true})"));
      });
    });
  }

  void TearDown() override {
    if (server_) server_->stop();
    later_.join();
    server_.reset();
  }

  void start(ServerOptions options = {}) {
    options.port = 0;
    options.bind = "127.0.0.1";
    if (options.threads == 0) options.threads = 4;
    server_ = std::make_unique<HttpServer>(options, router_, [this](std::string_view line) {
      std::lock_guard lock(log_mutex_);
      log_.emplace_back(line);
    });
    auto started = server_->start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    ASSERT_NE(server_->port(), 0);
  }

  httplib::Client client() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    client.set_write_timeout(10);
    return client;
  }

  std::vector<std::string> log_lines() {
    std::lock_guard lock(log_mutex_);
    return log_;
  }

  Router router_;
  std::unique_ptr<HttpServer> server_;
  Later later_;
  std::atomic<int> hello_calls_{0};
  std::atomic<int> upload_calls_{0};
  std::atomic<int> later_delay_ms_{50};
  std::atomic<int> later_arrivals_{0};
  std::promise<void> slow_arrived_;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
};

void expect_security_headers(const httplib::Result& res) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(res->get_header_value("Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(res->get_header_value("Cross-Origin-Resource-Policy"), "same-origin");
  EXPECT_EQ(res->get_header_value("Permissions-Policy"),
            "camera=(), microphone=(), geolocation=()");
  EXPECT_TRUE(res->has_header("Content-Security-Policy"));
  EXPECT_FALSE(res->get_header_value("X-Request-Id").empty());
}

void expect_json_error(const httplib::Result& res, int status, const std::string& code,
                       const std::string& field = "") {
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, status);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["error"]["code"], code);
  EXPECT_EQ(body["error"]["field"], field);
  EXPECT_TRUE(body["error"]["message"].is_string());
  expect_security_headers(res);
}

TEST_F(HttpServerTest, GetAnswersWithSecurityHeadersAndRequestId) {
  start();
  auto http = client();
  auto res = http.Get("/hello");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"({"hello":"world"})");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  expect_security_headers(res);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(res->get_header_value("Content-Security-Policy"),
            "default-src 'none'; frame-ancestors 'none'");
  EXPECT_FALSE(res->has_header("Strict-Transport-Security"));
  EXPECT_TRUE(res->has_header("Date"));
  // The handler's headers are added, duplicates included; the id is the one the handler saw.
  EXPECT_EQ(res->get_header_value_count("Set-Cookie"), 2u);
  EXPECT_EQ(res->get_header_value("X-Handler"), res->get_header_value("X-Request-Id"));

  auto second = http.Get("/hello");
  ASSERT_TRUE(second);
  EXPECT_NE(second->get_header_value("X-Request-Id"), res->get_header_value("X-Request-Id"));
  EXPECT_EQ(hello_calls_.load(), 2);
}

TEST_F(HttpServerTest, HtmlGetsItsOwnContentSecurityPolicy) {
  start();
  auto res = client().Get("/page");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Security-Policy"),
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  expect_security_headers(res);
}

TEST_F(HttpServerTest, HstsWhenTlsIsTerminatedUpstream) {
  ServerOptions options;
  options.tls_terminated_upstream = true;
  start(options);
  auto http = client();
  auto res = http.Get("/hello");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Strict-Transport-Security"), "max-age=31536000");
  auto echo = http.Get("/echo/x");
  ASSERT_TRUE(echo);
  EXPECT_EQ(nlohmann::json::parse(echo->body)["tls"], true);
  auto missing = http.Get("/nothing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->get_header_value("Strict-Transport-Security"), "max-age=31536000");
}

TEST_F(HttpServerTest, RequestIsDecodedForTheHandler) {
  start();
  httplib::Headers headers = {{"X-Custom", "waarde"}};
  auto http = client();
  http.set_url_encode(false);  // the target goes out exactly as written
  auto res = http.Get("/echo/a%20b%C3%A9?q=x%2By+z&flag", headers);
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  ASSERT_EQ(res->status, 200);
  const auto echo = nlohmann::json::parse(res->body);
  EXPECT_EQ(echo["method"], "GET");
  EXPECT_EQ(echo["path"], "/echo/a b\xC3\xA9");
  EXPECT_EQ(echo["name"], "a b\xC3\xA9");
  EXPECT_EQ(echo["q"], "x+y z");
  EXPECT_EQ(echo["flag"], true);
  EXPECT_EQ(echo["header"], "waarde");
  EXPECT_EQ(echo["remote"], "127.0.0.1");
  EXPECT_EQ(echo["tls"], false);
  EXPECT_EQ(echo["lower"], true);
  EXPECT_EQ(echo["request_id"], res->get_header_value("X-Request-Id"));
}

TEST_F(HttpServerTest, BadPercentEncodingIs400) {
  start();
  auto http = client();
  http.set_url_encode(false);
  expect_json_error(http.Get("/echo/a%zz"), 400, "bad_request", "path");
  expect_json_error(http.Get("/echo/a%00"), 400, "bad_request", "path");
  expect_json_error(http.Get("/echo/a?q=%G0"), 400, "bad_request", "query");
}

TEST_F(HttpServerTest, UnknownPathIs404) {
  start();
  auto http = client();
  expect_json_error(http.Get("/nothing"), 404, "not_found");
  expect_json_error(http.Get("/hello/"), 404, "not_found");
}

TEST_F(HttpServerTest, WrongMethodIs405WithAllow) {
  start();
  auto http = client();
  auto res = http.Delete("/hello");
  expect_json_error(res, 405, "method_not_allowed");
  EXPECT_EQ(res->get_header_value("Allow"), "GET, POST");
  auto put = http.Put("/upload", "{}", "application/json");
  expect_json_error(put, 405, "method_not_allowed");
  EXPECT_EQ(put->get_header_value("Allow"), "POST");
  // HEAD gets the status and headers without a body, and the connection stays usable.
  http.set_keep_alive(true);
  auto head = http.Head("/hello");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 405);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(head->get_header_value("Allow"), "GET, POST");
  auto next = http.Get("/hello");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST_F(HttpServerTest, BodyOverTheLimitIs413WithoutCallingTheHandler) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  start(options);
  auto http = client();
  auto at_limit = http.Post("/upload", std::string(1024, 'x'), "application/octet-stream");
  ASSERT_TRUE(at_limit);
  EXPECT_EQ(at_limit->status, 200);
  EXPECT_EQ(at_limit->body, R"({"bytes":1024})");
  EXPECT_EQ(upload_calls_.load(), 1);

  expect_json_error(http.Post("/upload", std::string(1025, 'x'), "application/octet-stream"), 413,
                    "payload_too_large", "body");
  // Also for a path without a route: the size is checked first.
  expect_json_error(http.Post("/nothing", std::string(3000, 'x'), "text/plain"), 413,
                    "payload_too_large", "body");
  EXPECT_EQ(upload_calls_.load(), 1);

  // Far beyond the limit RESTinio's parser refuses the request and closes the connection.
  auto far = client().Post("/upload", std::string(1024 * 1024, 'x'), "application/octet-stream");
  EXPECT_TRUE(!far || far->status == 413);
  EXPECT_EQ(upload_calls_.load(), 1);

  // The server still serves.
  auto after = client().Get("/hello");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST_F(HttpServerTest, ChunkedBodyOverTheLimitIs413) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  start(options);
  auto http = client();
  std::size_t sent = 0;
  auto res = http.Post(
      "/upload",
      [&sent](std::size_t, httplib::DataSink& sink) {
        if (sent < 2048) {
          const std::string chunk(512, 'y');
          sink.write(chunk.data(), chunk.size());
          sent += chunk.size();
        } else {
          sink.done();
        }
        return true;
      },
      "application/octet-stream");
  expect_json_error(res, 413, "payload_too_large", "body");
  EXPECT_EQ(upload_calls_.load(), 0);
}

TEST_F(HttpServerTest, IdleAndSlowConnectionsAreClosedAfterTheReadTimeout) {
  ServerOptions options;
  options.read_timeout = std::chrono::seconds(1);
  start(options);
  RawConnection idle(server_->port());
  RawConnection slow(server_->port());
  ASSERT_TRUE(idle.connected());
  ASSERT_TRUE(slow.connected());
  slow.send("GET /hello HTTP/1.1\r\nHost: x\r\n");  // the header never ends
  const auto before = std::chrono::steady_clock::now();
  EXPECT_EQ(idle.read_until_closed(5s), "");
  EXPECT_EQ(slow.read_until_closed(5s), "");
  EXPECT_LT(std::chrono::steady_clock::now() - before, 4s);
  EXPECT_EQ(hello_calls_.load(), 0);
}

TEST_F(HttpServerTest, MalformedOrOversizedRequestsAreRefusedByTheParser) {
  ServerOptions options;
  options.max_header_bytes = 1024;
  start(options);
  {
    RawConnection garbage(server_->port());
    garbage.send("THIS IS NOT HTTP\r\n\r\n");
    EXPECT_EQ(garbage.read_until_closed(5s), "");
  }
  {
    RawConnection big_header(server_->port());
    big_header.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(2000, 'a') +
                    "\r\n\r\n");
    EXPECT_EQ(big_header.read_until_closed(5s), "");
  }
  {
    RawConnection long_url(server_->port());
    long_url.send("GET /hello?" + std::string(2000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(long_url.read_until_closed(5s), "");
  }
  EXPECT_EQ(hello_calls_.load(), 0);
  {
    RawConnection fine(server_->port());
    fine.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const auto answer = fine.read_until_closed(5s);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << *answer;
  }
  EXPECT_EQ(hello_calls_.load(), 1);
}

// A body arriving in a later TCP segment than its headers (as many clients send it), on a
// kept-alive connection, answered at once by the handler: every request gets its answer.
TEST_F(HttpServerTest, KeptAlivePostsWithTheBodyInALaterSegmentAreAllAnswered) {
  start();
  const std::string body = R"({"x":1})";
  const std::string head = "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n";
  constexpr int kRequests = 300;
  int unanswered = 0;
  int on_connection = 0;
  auto connection = std::make_unique<RawConnection>(server_->port());
  for (int i = 0; i < kRequests; ++i) {
    if (on_connection == 20) {
      connection = std::make_unique<RawConnection>(server_->port());
      on_connection = 0;
    }
    ASSERT_TRUE(connection->connected());
    const auto status = connection->exchange(head, body, std::chrono::milliseconds(i % 4));
    if (status == 200) {
      ++on_connection;
      continue;
    }
    ++unanswered;
    connection = std::make_unique<RawConnection>(server_->port());
    on_connection = 0;
  }
  EXPECT_EQ(unanswered, 0) << "of " << kRequests;
}

TEST_F(HttpServerTest, HandlerThatThrowsIs500AndTheServerKeepsServing) {
  start();
  auto http = client();
  expect_json_error(http.Get("/throw"), 500, "internal");
  auto next = http.Get("/hello");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  expect_json_error(client().Get("/throw"), 500, "internal");
  auto again = client().Get("/hello");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(HttpServerTest, UnansweredRequestGets500) {
  start();
  auto res = client().Get("/forget");
  expect_json_error(res, 500, "internal");
  EXPECT_EQ(nlohmann::json::parse(res->body)["error"]["message"], "the request was not answered");
}

TEST_F(HttpServerTest, InvalidStatusOrHeadersFromAHandlerAreNotSent) {
  start();
  auto http = client();
  expect_json_error(http.Get("/bad-status"), 500, "internal");
  auto res = http.Get("/bad-header");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_FALSE(res->has_header("X-Split"));
  EXPECT_FALSE(res->has_header("X-Injected"));
  EXPECT_EQ(res->get_header_value("Content-Length"), "2");
  EXPECT_EQ(res->get_header_value_count("Cache-Control"), 1u);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "private, max-age=60");
  EXPECT_EQ(res->body, "{}");
}

TEST_F(HttpServerTest, DeferredAnswerFromAnotherThreadArrives) {
  start();
  auto http = client();
  const auto before = std::chrono::steady_clock::now();
  auto res = http.Get("/later");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"({"later":true})");
  EXPECT_GE(std::chrono::steady_clock::now() - before, 50ms);
  expect_security_headers(res);
  // The same keep-alive connection goes on.
  auto next = http.Get("/hello");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST_F(HttpServerTest, StopWaitsForTheDeferredRequestThenRefusesConnections) {
  start();
  const auto port = server_->port();
  auto pending = std::async(std::launch::async, [port] {
    httplib::Client http("127.0.0.1", port);
    http.set_read_timeout(10);
    return http.Get("/slow");
  });
  slow_arrived_.get_future().wait();
  const auto before = std::chrono::steady_clock::now();
  auto stopping = std::async(std::launch::async, [this] { server_->stop(); });

  // While stop() waits for the slow answer, new connections are refused.
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(stopping.wait_for(0ms), std::future_status::timeout);
  httplib::Client during("127.0.0.1", port);
  during.set_connection_timeout(2);
  auto refused_during = during.Get("/hello");
  EXPECT_FALSE(refused_during);

  stopping.get();
  const auto stop_took = std::chrono::steady_clock::now() - before;
  auto res = pending.get();
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"({"slow":true})");
  EXPECT_EQ(res->get_header_value("Connection"), "close");
  EXPECT_GE(stop_took, 300ms);
  EXPECT_LT(stop_took, 5s);

  httplib::Client refused("127.0.0.1", port);
  refused.set_connection_timeout(2);
  auto after = refused.Get("/hello");
  EXPECT_FALSE(after);
}

TEST_F(HttpServerTest, StopGivesUpAfterTheGracePeriod) {
  ServerOptions options;
  options.shutdown_grace = std::chrono::seconds(1);
  start(options);
  later_delay_ms_ = 2000;
  const auto port = server_->port();
  auto pending = std::async(std::launch::async, [port] {
    httplib::Client http("127.0.0.1", port);
    http.set_read_timeout(10);
    return http.Get("/later");
  });
  // Wait until the request is in the handler's hands.
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (later_arrivals_.load() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  ASSERT_EQ(later_arrivals_.load(), 1);
  const auto before = std::chrono::steady_clock::now();
  server_->stop();
  const auto stop_took = std::chrono::steady_clock::now() - before;
  EXPECT_GE(stop_took, 900ms);
  EXPECT_LT(stop_took, 2500ms);
  auto res = pending.get();
  EXPECT_FALSE(res);  // the connection closed without an answer
  later_.join();      // the late answer is dropped quietly
  EXPECT_TRUE(log_lines().empty());
}

TEST_F(HttpServerTest, ManyConcurrentKeepAliveClients) {
  ServerOptions options;
  options.threads = 4;
  start(options);
  constexpr int kClients = 64;
  constexpr int kRequests = 50;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  clients.reserve(kClients);
  const auto port = server_->port();
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([port, &ok] {
      httplib::Client http("127.0.0.1", port);
      http.set_keep_alive(true);
      http.set_read_timeout(30);
      for (int r = 0; r < kRequests; ++r) {
        auto res = http.Get("/hello");
        if (res && res->status == 200 && res->body == R"({"hello":"world"})") ++ok;
      }
    });
  }
  for (auto& client : clients) client.join();
  EXPECT_EQ(ok.load(), kClients * kRequests);
  EXPECT_EQ(hello_calls_.load(), kClients * kRequests);
  EXPECT_EQ(log_lines().size(), static_cast<std::size_t>(kClients * kRequests));
}

TEST_F(HttpServerTest, AccessLogHasTheFieldsAndNoSecrets) {
  start();
  httplib::Headers headers = {{"Authorization", "Bearer geheim-token"},
                              {"Cookie", "session=geheim-cookie"}};
  auto res = client().Post("/hello?token=geheim-query", headers, R"({"bsn":"geheim-body"})",
                           "application/json");
  ASSERT_TRUE(res);
  auto get = client().Get("/hello?token=geheim-query", headers);
  ASSERT_TRUE(get);
  const auto lines = log_lines();
  ASSERT_EQ(lines.size(), 2u);
  for (const auto& line : lines) {
    EXPECT_EQ(line.find("geheim"), std::string::npos) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
  }
  const auto entry = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(entry["request_id"], get->get_header_value("X-Request-Id"));
  EXPECT_EQ(entry["remote"], "127.0.0.1");
  EXPECT_EQ(entry["method"], "GET");
  EXPECT_EQ(entry["path"], "/hello");
  EXPECT_EQ(entry["status"], 200);
  EXPECT_EQ(entry["bytes"], get->body.size());
  EXPECT_TRUE(entry["duration_us"].is_number_integer());
  EXPECT_EQ(entry["user"], "user-7");
  const std::string ts = entry["ts"];
  ASSERT_EQ(ts.size(), 24u) << ts;
  EXPECT_EQ(ts[10], 'T');
  EXPECT_EQ(ts[19], '.');
  EXPECT_EQ(ts.back(), 'Z');
  EXPECT_EQ(nlohmann::json::parse(lines[0])["method"], "POST");
}

TEST_F(HttpServerTest, AccessLogCanBeTurnedOff) {
  ServerOptions options;
  options.access_log = false;
  start(options);
  auto res = client().Get("/hello");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(log_lines().empty());
}

TEST(HttpServer, PortInUseIsAnError) {
  Router router;
  ServerOptions options;
  options.port = 0;
  HttpServer first(options, router, [](std::string_view) {});
  ASSERT_TRUE(first.start().ok());
  options.port = first.port();
  HttpServer second(options, router, [](std::string_view) {});
  auto started = second.start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().code, "address_in_use");
  EXPECT_EQ(started.error().field, "port");
  EXPECT_NE(started.error().message.find(std::to_string(options.port)), std::string::npos);
  EXPECT_EQ(second.port(), 0);
  // The first one is unharmed.
  httplib::Client http("127.0.0.1", first.port());
  auto res = http.Get("/x");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

TEST(HttpServer, BadBindAddressIsAnError) {
  Router router;
  ServerOptions options;
  options.bind = "localhost";
  options.port = 0;
  HttpServer server(options, router, [](std::string_view) {});
  auto started = server.start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().field, "bind");
}

TEST(HttpServer, ListensOnIpv6Loopback) {
  Router router;
  router.add(Method::get, "/v6", [](HttpRequest& request, const Responder& responder) {
    responder.send(json_ok("\"" + request.remote_address + "\""));
  });
  ServerOptions options;
  options.bind = "::1";
  options.port = 0;
  HttpServer server(options, router, [](std::string_view) {});
  auto started = server.start();
  if (!started.ok()) GTEST_SKIP() << "no IPv6 loopback here: " << started.error().message;
  httplib::Client http("::1", server.port());
  auto res = http.Get("/v6");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->body, "\"::1\"");
}

TEST(HttpServer, StopWithoutStartAndTwiceIsHarmless) {
  Router router;
  ServerOptions options;
  options.port = 0;
  HttpServer never(options, router, [](std::string_view) {});
  never.stop();
  HttpServer twice(options, router, [](std::string_view) {});
  ASSERT_TRUE(twice.start().ok());
  twice.stop();
  twice.stop();
  EXPECT_FALSE(twice.start().ok());
}

}  // namespace
}  // namespace spoorboek::api
