#include "api/json_error.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "api/http_server.h"

namespace spoorboek::api {
namespace {

TEST(JsonError, ExactShape) {
  const HttpResponse response = json_error(404, "not_found", "case 12 does not exist");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body,
            R"({"error":{"code":"not_found","message":"case 12 does not exist","field":""}})");
}

TEST(JsonError, WithField) {
  EXPECT_EQ(json_error(422, "invalid_date", "not a date", "periods[0].start").body,
            R"({"error":{"code":"invalid_date","message":"not a date","field":"periods[0].start"}})");
}

TEST(JsonError, EscapesWhatJsonRequires) {
  const std::string message = std::string("quote \" backslash \\ newline \n tab \t nul ") +
                              std::string(1, '\0') + " bell \x07 del \x7f";
  const HttpResponse response = json_error(400, "bad_request", message, "a\"b");
  EXPECT_EQ(response.body,
            "{\"error\":{\"code\":\"bad_request\",\"message\":\"quote \\\" backslash \\\\ newline "
            "\\n tab \\t nul \\u0000 bell \\u0007 del \\u007f\",\"field\":\"a\\\"b\"}}");
  const auto parsed = nlohmann::json::parse(response.body);
  EXPECT_EQ(parsed["error"]["message"], message);
  EXPECT_EQ(parsed["error"]["field"], "a\"b");
}

TEST(JsonError, KeepsUtf8AndReplacesInvalidBytes) {
  std::string out;
  append_json_string(out, "verzuim \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");  // é € 😀
  EXPECT_EQ(out, "\"verzuim \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"");
  out.clear();
  // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
  append_json_string(out, "a\x80" "b\xC3" "c\xC0\xAF" "d\xED\xA0\x80" "e");
  EXPECT_EQ(out, "\"a\\ufffdb\\ufffdc\\ufffd\\ufffdd\\ufffd\\ufffd\\ufffde\"");
  EXPECT_TRUE(nlohmann::json::accept(out));
}

TEST(JsonError, FromCoreError) {
  const HttpResponse response =
      json_error(core::make_error("missing", "payload.reason", "is required"));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.body,
            R"({"error":{"code":"missing","message":"is required","field":"payload.reason"}})");
}

int status_of(const std::string& code) { return http_status_for(core::make_error(code, "", "")); }

TEST(HttpStatusFor, MapsTheApplicationCodes) {
  EXPECT_EQ(status_of("malformed_json"), 400);
  EXPECT_EQ(status_of("bad_request"), 400);
  EXPECT_EQ(status_of("unauthenticated"), 401);
  EXPECT_EQ(status_of("forbidden"), 403);
  EXPECT_EQ(status_of("not_found"), 404);
  EXPECT_EQ(status_of("method_not_allowed"), 405);
  EXPECT_EQ(status_of("conflict"), 409);
  EXPECT_EQ(status_of("payload_too_large"), 413);
  EXPECT_EQ(status_of("too_many_requests"), 429);
  EXPECT_EQ(status_of("storage"), 500);
  EXPECT_EQ(status_of("internal"), 500);
  EXPECT_EQ(status_of("unavailable"), 503);
}

TEST(HttpStatusFor, ValidationErrorsAre422) {
  for (const char* code : {"invalid", "invalid_type", "future_date", "missing", "unknown_field",
                           "invalid_date", "overlap", "anything_else", ""}) {
    EXPECT_EQ(status_of(code), 422) << code;
  }
}

TEST(PercentDecode, DecodesEscapes) {
  EXPECT_EQ(percent_decode("/a%20b/%C3%A9", false), "/a b/\xC3\xA9");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%2f%2F", false), "//");
  EXPECT_EQ(percent_decode("", false), "");
}

TEST(PercentDecode, RefusesBadEscapesAndNul) {
  EXPECT_FALSE(percent_decode("%", false));
  EXPECT_FALSE(percent_decode("%4", false));
  EXPECT_FALSE(percent_decode("a%zz", false));
  EXPECT_FALSE(percent_decode("a%00b", false));
}

TEST(ParseQuery, SplitsAndDecodes) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(parse_query(""), Pairs{});
  EXPECT_EQ(parse_query("a=1&b=x%20y+z&c&&d="),
            (Pairs{{"a", "1"}, {"b", "x y z"}, {"c", ""}, {"d", ""}}));
  EXPECT_EQ(parse_query("a=1&a=2"), (Pairs{{"a", "1"}, {"a", "2"}}));
  EXPECT_EQ(parse_query("e=a%3Db%26c"), (Pairs{{"e", "a=b&c"}}));
  EXPECT_FALSE(parse_query("a=%G1"));
}

}  // namespace
}  // namespace spoorboek::api
