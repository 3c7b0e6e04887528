// Routes: method + path pattern -> handler. Patterns are literal segments and {name} segments
// ("/api/v1/cases/{id}/entries"); a {name} segment matches one non-empty segment and its value
// lands in HttpRequest::params. Pure: no I/O, so the route table can be listed and checked
// against the OpenAPI document by a test.
#pragma once

#include <string>
#include <vector>

#include "api/http_types.h"

namespace spoorboek::api {

struct RouteInfo {
  Method method = Method::get;
  std::string pattern;
};

class Router {
 public:
  // REQUIRES: no route with the same method and pattern exists yet.
  void add(Method method, std::string pattern, Handler handler);

  enum class MatchKind { found, no_path, wrong_method };
  struct Match {
    MatchKind kind = MatchKind::no_path;
    const Handler* handler = nullptr;                          // when found
    std::vector<std::pair<std::string, std::string>> params;   // when found
    std::vector<Method> allowed;                               // when wrong_method (for Allow)
  };
  Match match(Method method, std::string_view path) const;

  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace spoorboek::api
