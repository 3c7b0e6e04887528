// The core's allocation-free JSON reader (json_scan.h), against nlohmann/json as the reference.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json_scan.h"

namespace spoorboek::core::detail {
namespace {

TEST(JsonScan, ReadsTheMembersOfAnObjectAsSlices) {
  const std::string text =
      R"({"a":"x\"y","b":[1,{"c":[]}],"d":true,"e":null,"f":-12.5e3,"g":{"h":"i"}})";
  std::vector<std::pair<std::string, JsonKind>> seen;
  ASSERT_TRUE(for_each_member(text, [&](std::string_view key, const JsonValue& value) {
    seen.emplace_back(std::string(key), value.kind);
    return true;
  }));
  const std::vector<std::pair<std::string, JsonKind>> expected{
      {"a", JsonKind::string}, {"b", JsonKind::array},  {"d", JsonKind::boolean},
      {"e", JsonKind::null},   {"f", JsonKind::number}, {"g", JsonKind::object}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(find_json_member(text, "a")->text, R"(x\"y)");
  EXPECT_EQ(find_json_member(text, "b")->text, R"([1,{"c":[]}])");
  EXPECT_EQ(find_json_member(text, "g")->text, R"({"h":"i"})");
  EXPECT_EQ(find_json_member(text, "f")->text, "-12.5e3");
  EXPECT_FALSE(find_json_member(text, "h").has_value());  // only top-level members
}

TEST(JsonScan, RefusesMalformedTextWithoutReadingPastIt) {
  for (const char* text : {"", "[]", "{", R"({"a")", R"({"a":})", R"({"a":"b)", R"({"a":1,})",
                           R"({"a":[1,2})", R"({"a":tru})", R"({a:1})", "{\"a\":\"b\\\"}"}) {
    EXPECT_FALSE(for_each_member(text, [](std::string_view, const JsonValue&) { return true; }))
        << text;
  }
  std::string deep(200, '[');
  deep = R"({"a":)" + deep + std::string(200, ']') + "}";
  EXPECT_FALSE(for_each_member(deep, [](std::string_view, const JsonValue&) { return true; }));
}

TEST(JsonScan, DecodesStringsAsNlohmannDoes) {
  for (const char* raw : {R"(plain)", R"(a\"b\\c\/d)", R"(tab\tnew\nline\r)", R"(\u00e9t\u00C9)",
                          R"(\ud83d\ude00 smile)", R"(ré-integratie)"}) {
    const auto reference = nlohmann::json::parse(std::string("\"") + raw + "\"").get<std::string>();
    std::string decoded;
    decode_json_string(raw, decoded);
    EXPECT_EQ(decoded, reference) << raw;
  }
}

TEST(JsonScan, WalksArrays) {
  int count = 0;
  EXPECT_TRUE(for_each_element(R"([ "a" , 2 , [3] , {"b":4} ])", [&](const JsonValue&) {
    ++count;
    return true;
  }));
  EXPECT_EQ(count, 4);
  EXPECT_TRUE(for_each_element("[]", [](const JsonValue&) { return true; }));
  EXPECT_FALSE(for_each_element("{}", [](const JsonValue&) { return true; }));
}

}  // namespace
}  // namespace spoorboek::core::detail
