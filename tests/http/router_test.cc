#include "api/router.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace spoorboek::api {
namespace {

Handler tagged(std::string tag, std::string* called) {
  return [tag = std::move(tag), called](HttpRequest&, const Responder&) { *called = tag; };
}

// Calls the matched handler, so a test sees which route won: its tag, or "<none>".
std::string winner(const Router& router, Method method, std::string_view path,
                   std::string* called) {
  *called = "<none>";
  auto match = router.match(method, path);
  if (match.kind != Router::MatchKind::found) return *called;
  HttpRequest request;
  (*match.handler)(request, Responder());
  return *called;
}

TEST(Router, LiteralPathMatchesExactly) {
  std::string called;
  Router router;
  router.add(Method::get, "/healthz", tagged("health", &called));
  auto match = router.match(Method::get, "/healthz");
  ASSERT_EQ(match.kind, Router::MatchKind::found);
  ASSERT_NE(match.handler, nullptr);
  HttpRequest request;
  (*match.handler)(request, Responder());
  EXPECT_EQ(called, "health");
  EXPECT_TRUE(match.params.empty());
  EXPECT_EQ(router.match(Method::get, "/healthz/").kind, Router::MatchKind::no_path);
  EXPECT_EQ(router.match(Method::get, "/health").kind, Router::MatchKind::no_path);
  EXPECT_EQ(router.match(Method::get, "/healthzz").kind, Router::MatchKind::no_path);
  EXPECT_EQ(router.match(Method::get, "/").kind, Router::MatchKind::no_path);
  EXPECT_EQ(router.match(Method::get, "").kind, Router::MatchKind::no_path);
  EXPECT_EQ(router.match(Method::get, "healthz").kind, Router::MatchKind::no_path);
}

TEST(Router, TrailingSlashIsADifferentPath) {
  std::string called;
  Router router;
  router.add(Method::get, "/cases/", tagged("slash", &called));
  router.add(Method::get, "/cases", tagged("plain", &called));
  EXPECT_EQ(winner(router, Method::get, "/cases/", &called), "slash");
  EXPECT_EQ(winner(router, Method::get, "/cases", &called), "plain");
  EXPECT_EQ(router.match(Method::get, "/cases//").kind, Router::MatchKind::no_path);
}

TEST(Router, RootPath) {
  std::string called;
  Router router;
  router.add(Method::get, "/", tagged("root", &called));
  EXPECT_EQ(winner(router, Method::get, "/", &called), "root");
  EXPECT_EQ(router.match(Method::get, "//").kind, Router::MatchKind::no_path);
}

TEST(Router, ParametersCaptureOneNonEmptySegment) {
  std::string called;
  Router router;
  router.add(Method::get, "/api/v1/cases/{id}/entries/{seq}", tagged("entry", &called));
  auto match = router.match(Method::get, "/api/v1/cases/12/entries/3");
  ASSERT_EQ(match.kind, Router::MatchKind::found);
  ASSERT_EQ(match.params.size(), 2u);
  EXPECT_EQ(match.params[0], (std::pair<std::string, std::string>{"id", "12"}));
  EXPECT_EQ(match.params[1], (std::pair<std::string, std::string>{"seq", "3"}));
  EXPECT_EQ(router.match(Method::get, "/api/v1/cases//entries/3").kind,
            Router::MatchKind::no_path);
  EXPECT_EQ(router.match(Method::get, "/api/v1/cases/12/entries").kind,
            Router::MatchKind::no_path);
  EXPECT_EQ(router.match(Method::get, "/api/v1/cases/12/entries/3/x").kind,
            Router::MatchKind::no_path);
}

TEST(Router, ParameterValuesAreTakenAsGiven) {
  Router router;
  router.add(Method::get, "/files/{name}", [](HttpRequest&, const Responder&) {});
  // The transport decodes the path before routing; the router takes it verbatim.
  auto match = router.match(Method::get, "/files/a b%20é");
  ASSERT_EQ(match.kind, Router::MatchKind::found);
  EXPECT_EQ(match.params.at(0).second, "a b%20é");
}

TEST(Router, WrongMethodListsTheAllowedOnes) {
  std::string called;
  Router router;
  router.add(Method::get, "/cases/{id}", tagged("get", &called));
  router.add(Method::patch, "/cases/{id}", tagged("patch", &called));
  router.add(Method::del, "/cases/{id}", tagged("delete", &called));
  router.add(Method::post, "/cases", tagged("post", &called));
  auto match = router.match(Method::put, "/cases/7");
  EXPECT_EQ(match.kind, Router::MatchKind::wrong_method);
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<Method>{Method::get, Method::patch, Method::del}));
  auto other = router.match(Method::other, "/cases");
  EXPECT_EQ(other.kind, Router::MatchKind::wrong_method);
  EXPECT_EQ(other.allowed, (std::vector<Method>{Method::post}));
  EXPECT_EQ(router.match(Method::put, "/nothing").kind, Router::MatchKind::no_path);
  EXPECT_TRUE(router.match(Method::put, "/nothing").allowed.empty());
}

TEST(Router, AllowedMethodsAreListedOnce) {
  Router router;
  router.add(Method::get, "/a/{x}", [](HttpRequest&, const Responder&) {});
  router.add(Method::get, "/a/b", [](HttpRequest&, const Responder&) {});
  auto match = router.match(Method::post, "/a/b");
  EXPECT_EQ(match.kind, Router::MatchKind::wrong_method);
  EXPECT_EQ(match.allowed, (std::vector<Method>{Method::get}));
}

TEST(Router, LiteralSegmentBeatsParameterWhateverTheOrder) {
  std::string called;
  Router router;
  router.add(Method::get, "/cases/{id}", tagged("by-id", &called));
  router.add(Method::get, "/cases/export", tagged("export", &called));
  router.add(Method::get, "/{section}/export", tagged("section", &called));
  EXPECT_EQ(winner(router, Method::get, "/cases/export", &called), "export");
  EXPECT_EQ(winner(router, Method::get, "/cases/12", &called), "by-id");
  EXPECT_EQ(winner(router, Method::get, "/users/export", &called), "section");
  auto match = router.match(Method::get, "/cases/export");
  EXPECT_TRUE(match.params.empty());
}

TEST(Router, FoundWhenAnotherMethodAlsoMatches) {
  std::string called;
  Router router;
  router.add(Method::get, "/x", tagged("get", &called));
  router.add(Method::post, "/x", tagged("post", &called));
  EXPECT_EQ(winner(router, Method::post, "/x", &called), "post");
  EXPECT_TRUE(router.match(Method::post, "/x").allowed.empty());
}

TEST(Router, RoutesInInsertionOrder) {
  Router router;
  router.add(Method::post, "/b", [](HttpRequest&, const Responder&) {});
  router.add(Method::get, "/a/{id}", [](HttpRequest&, const Responder&) {});
  router.add(Method::del, "/a/{id}", [](HttpRequest&, const Responder&) {});
  const auto routes = router.routes();
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes[0].method, Method::post);
  EXPECT_EQ(routes[0].pattern, "/b");
  EXPECT_EQ(routes[1].method, Method::get);
  EXPECT_EQ(routes[1].pattern, "/a/{id}");
  EXPECT_EQ(routes[2].method, Method::del);
  EXPECT_EQ(routes[2].pattern, "/a/{id}");
}

TEST(Router, RefusesDuplicatesAndMalformedPatterns) {
  Router router;
  auto noop = [](HttpRequest&, const Responder&) {};
  router.add(Method::get, "/a/{id}", noop);
  EXPECT_THROW(router.add(Method::get, "/a/{id}", noop), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{other}", noop), std::invalid_argument);
  EXPECT_NO_THROW(router.add(Method::post, "/a/{id}", noop));
  EXPECT_THROW(router.add(Method::get, "no-slash", noop), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "", noop), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/b/{id", noop), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/b/{}", noop), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/b/x{id}", noop), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/c", Handler()), std::invalid_argument);
  EXPECT_EQ(router.routes().size(), 2u);
}

TEST(Router, MethodNames) {
  EXPECT_EQ(method_name(Method::get), "GET");
  EXPECT_EQ(method_name(Method::post), "POST");
  EXPECT_EQ(method_name(Method::put), "PUT");
  EXPECT_EQ(method_name(Method::patch), "PATCH");
  EXPECT_EQ(method_name(Method::del), "DELETE");
  EXPECT_EQ(method_name(Method::head), "HEAD");
  EXPECT_EQ(method_name(Method::options), "OPTIONS");
}

}  // namespace
}  // namespace spoorboek::api
