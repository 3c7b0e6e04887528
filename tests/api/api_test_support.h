// What the API tests share: a scratch directory, databases made by the spoorboek binary, the API
// served in-process (ApiService + Router + HttpServer on a free port, no access log) and a small
// cpp-httplib client that speaks Bearer, cookie + CSRF, or nothing.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_service.h"
#include "api/http_server.h"
#include "api/router.h"

namespace spoorboek::apitest {

using Json = nlohmann::json;

class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Runs the spoorboek binary with `args` (its output to /dev/null); its exit code.
int run_spoorboek(const std::vector<std::string>& args);

// Today (UTC, as the server sees it) plus `days`, as YYYY-MM-DD.
std::string iso_day(int days_from_today = 0);
// 16 random hex characters.
std::string random_hex();

// The whole content of a file ("" when it does not exist).
std::string file_bytes(const std::string& path);

// The JSON API of one database, served on 127.0.0.1 on a port the system picked; `more_routes`
// adds further routes over the same service (the browser pages, tests/web).
class InProcessServer {
 public:
  using MoreRoutes = std::function<void(api::Router&, api::ApiService&)>;
  explicit InProcessServer(const std::string& db_path, const MoreRoutes& more_routes = {});
  ~InProcessServer();  // stop()s
  InProcessServer(const InProcessServer&) = delete;
  InProcessServer& operator=(const InProcessServer&) = delete;

  bool running() const { return running_; }
  const std::string& error() const { return error_; }
  std::uint16_t port() const;
  std::vector<api::RouteInfo> routes() const { return router_.routes(); }
  // Stops the transport, then flushes and closes the database. Idempotent.
  void stop();

 private:
  std::unique_ptr<api::ApiService> service_;
  api::Router router_;
  std::unique_ptr<api::HttpServer> server_;
  bool running_ = false;
  std::string error_;
};

// How a request authenticates.
struct Auth {
  enum class Kind { none, bearer, cookie };
  Kind kind = Kind::none;
  std::string token;
  std::optional<std::string> csrf;  // sent as X-CSRF-Token when set

  static Auth none() { return {}; }
  static Auth bearer(std::string token) { return {Kind::bearer, std::move(token), std::nullopt}; }
  static Auth cookie(std::string token, std::optional<std::string> csrf) {
    return {Kind::cookie, std::move(token), std::move(csrf)};
  }
};

struct Reply {
  int status = 0;  // 0: no answer (connection error)
  std::string body;
  httplib::Headers headers;

  Json json() const;  // discarded value when the body is no JSON
  std::string header(const std::string& name) const;
};

struct Session {
  std::string token;
  std::string csrf;
  std::int64_t user_id = 0;
  bool enrolment_only = false;
  Auth bearer() const { return Auth::bearer(token); }
};

class Client {
 public:
  explicit Client(std::uint16_t port);

  // `body` nullopt: no body and no Content-Type.
  Reply call(const std::string& method, const std::string& path, const Auth& auth,
             const std::optional<std::string>& body = std::nullopt,
             const std::string& content_type = "application/json");
  Reply get(const std::string& path, const Auth& auth) { return call("GET", path, auth); }
  Reply post(const std::string& path, const Auth& auth, const Json& body) {
    return call("POST", path, auth, body.dump());
  }
  Reply put(const std::string& path, const Auth& auth, const Json& body) {
    return call("PUT", path, auth, body.dump());
  }
  Reply del(const std::string& path, const Auth& auth) { return call("DELETE", path, auth); }

  Reply login_reply(const std::string& email, const std::string& password,
                    const std::optional<std::string>& totp = std::nullopt);
  // A successful login, or a Session with an empty token (the test then fails on it).
  Session login(const std::string& email, const std::string& password,
                const std::optional<std::string>& totp = std::nullopt);

 private:
  // Requests without a body share one kept-alive connection; a request with a body gets a
  // connection of its own (see keep_alive_test.cc for why).
  httplib::Client kept_alive_;
  httplib::Client one_off_;
};

// Whether the body is exactly {"error":{"code","message","field"}} with three strings and a
// non-empty code and message. On failure, `why` says what is wrong.
bool is_error_shape(const Reply& reply, std::string* why = nullptr);

// "POST /api/v1/cases" for messages.
std::string describe(const std::string& method, const std::string& path);

}  // namespace spoorboek::apitest
