// HTTP requests and responses as the API's handlers see them, free of any server library.
//
// The transport (http_server.cc, RESTinio) turns a wire request into an HttpRequest, finds the
// route (router.h) and hands the handler a Responder. A handler answers exactly once through the
// Responder, at once or later from another thread (e.g. after the read of a case file has been
// recorded); a Responder dropped without an answer sends a 500, so no request hangs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spoorboek::api {

enum class Method : std::uint8_t { get, post, put, patch, del, head, options, other };
std::string_view method_name(Method method);  // "GET", "DELETE", ...

struct HttpRequest {
  Method method = Method::get;
  std::string path;  // decoded path without the query, "/api/v1/cases/12"
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::vector<std::pair<std::string, std::string>> params;   // from the route, {"id","12"}
  std::string body;
  std::string remote_address;  // "127.0.0.1"
  bool tls = false;
  std::string request_id;  // unique per request, echoed as X-Request-Id and in the access log

  // The first value, or nullopt. Names are matched case-insensitively.
  std::optional<std::string_view> header(std::string_view name) const;
  std::optional<std::string_view> query_value(std::string_view name) const;
  std::optional<std::string_view> param(std::string_view name) const;
  // The value of the first cookie named `name` (exactly) in the Cookie header, or nullopt.
  std::optional<std::string_view> cookie(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // added to the security headers
  std::string body;
  // For the access log only: who made the request (a user id), when the handler knew it.
  std::string log_user;
  // For the access log only: what it shows instead of the request's path, when the path holds a
  // secret (a calendar feed's URL). Empty: the path.
  std::string log_path;
};

// Answers one request, once. Copyable handles share one answer slot: the first send wins.
class Responder {
 public:
  using SendFunction = std::function<void(HttpResponse&&)>;
  Responder() = default;
  explicit Responder(SendFunction send);
  void send(HttpResponse&& response) const;
  bool answered() const;

 private:
  struct Slot;
  std::shared_ptr<Slot> slot_;
};

using Handler = std::function<void(HttpRequest& request, const Responder& responder)>;

}  // namespace spoorboek::api
