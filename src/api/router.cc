// Matching is a scan over the route table: a few dozen routes, compared segment by segment, costs
// less than the parsing of the request around it.
//
// Paths are compared exactly, segment by segment: "/a/b/" has a last, empty segment and is not
// "/a/b". When several patterns match one path, the most specific wins: at the first segment where
// they differ, a literal beats a {name}; among equally specific patterns the first added wins.
#include "api/router.h"

#include <algorithm>
#include <stdexcept>

namespace spoorboek::api {
namespace {

// "/a/b" -> {"a","b"}; "/" -> {""}; "/a/" -> {"a",""}. Empty result: not an absolute path.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      segments.push_back(path.substr(start));
      return segments;
    }
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
}

bool is_parameter(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

std::string_view parameter_name(std::string_view segment) {
  return segment.substr(1, segment.size() - 2);
}

// Matches `path` against a route's segments; fills `params` when it does.
bool matches(const std::vector<std::string>& pattern, const std::vector<std::string_view>& path,
             std::vector<std::pair<std::string, std::string>>* params) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_parameter(pattern[i])) {
      if (path[i].empty()) return false;
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  if (params != nullptr) {
    params->clear();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (is_parameter(pattern[i])) {
        params->emplace_back(std::string(parameter_name(pattern[i])), std::string(path[i]));
      }
    }
  }
  return true;
}

// True when `a` is more specific than `b` (both matching the same path, so of equal length):
// at the first segment where one is literal and the other a parameter, the literal wins.
bool more_specific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const bool a_param = is_parameter(a[i]);
    const bool b_param = is_parameter(b[i]);
    if (a_param != b_param) return !a_param;
  }
  return false;
}

// Same shape: equal length, same literals at the same places, parameters at the same places
// (names may differ). Two routes of one method with the same shape could never both be reached.
bool same_shape(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool a_param = is_parameter(a[i]);
    if (a_param != is_parameter(b[i])) return false;
    if (!a_param && a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

void Router::add(Method method, std::string pattern, Handler handler) {
  const std::vector<std::string_view> views = split_path(pattern);
  if (views.empty()) {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  std::vector<std::string> segments;
  segments.reserve(views.size());
  for (std::string_view segment : views) {
    const bool has_brace = segment.find_first_of("{}") != std::string_view::npos;
    if (has_brace) {
      const bool well_formed = is_parameter(segment) && segment.size() > 2 &&
                               parameter_name(segment).find_first_of("{}") ==
                                   std::string_view::npos;
      if (!well_formed) {
        throw std::invalid_argument("route pattern has a malformed {name} segment: " + pattern);
      }
    }
    segments.emplace_back(segment);
  }
  for (const Route& route : routes_) {
    if (route.method == method && same_shape(route.segments, segments)) {
      throw std::invalid_argument("route " + std::string(method_name(method)) + " " + pattern +
                                  " duplicates " + route.pattern);
    }
  }
  if (!handler) {
    throw std::invalid_argument("route " + pattern + " has no handler");
  }
  routes_.push_back(Route{method, std::move(pattern), std::move(segments), std::move(handler)});
}

Router::Match Router::match(Method method, std::string_view path) const {
  Match result;
  const std::vector<std::string_view> segments = split_path(path);
  if (segments.empty()) return result;  // no_path

  const Route* best = nullptr;
  bool path_known = false;
  for (const Route& route : routes_) {
    if (!matches(route.segments, segments, nullptr)) continue;
    path_known = true;
    if (route.method == method) {
      if (best == nullptr || more_specific(route.segments, best->segments)) best = &route;
    } else if (std::find(result.allowed.begin(), result.allowed.end(), route.method) ==
               result.allowed.end()) {
      result.allowed.push_back(route.method);
    }
  }
  if (best != nullptr) {
    result.kind = MatchKind::found;
    result.handler = &best->handler;
    result.allowed.clear();
    matches(best->segments, segments, &result.params);
    return result;
  }
  result.kind = path_known ? MatchKind::wrong_method : MatchKind::no_path;
  if (!path_known) result.allowed.clear();
  return result;
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> infos;
  infos.reserve(routes_.size());
  for (const Route& route : routes_) infos.push_back(RouteInfo{route.method, route.pattern});
  return infos;
}

}  // namespace spoorboek::api
