// The hand-written JSON reader against nlohmann/json as the reference: the same documents are
// accepted and refused, and the accepted ones give the same values.
#include "json/json_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace spoorboek::json {
namespace {

using nlohmann::json;

// Rebuilds the document as an nlohmann value from the reader's events.
class TreeRecorder final : public JsonEvents {
 public:
  json result;

  void null() override { put(json(nullptr)); }
  void boolean(bool value) override { put(json(value)); }
  void whole_number(long long value) override { put(json(value)); }
  void other_number(std::string_view written) override {
    const std::string text(written);
    const bool whole = text.find_first_of(".eE") == std::string::npos;
    // nlohmann keeps a whole number that fits in 64 bits unsigned as such, else a double.
    if (whole && text[0] != '-') {
      errno = 0;
      const unsigned long long value = std::strtoull(text.c_str(), nullptr, 10);
      if (errno == 0) {
        put(json(value));
        return;
      }
    }
    put(json(std::strtod(text.c_str(), nullptr)));
  }
  void string(std::string_view value) override { put(json(std::string(value))); }
  void start_object() override { open(json::object()); }
  void key(std::string_view name) override { pending_key_ = std::string(name); }
  void end_object() override { close(); }
  void start_array() override { open(json::array()); }
  void end_array() override { close(); }

 private:
  void put(json value) {
    if (open_.empty()) {
      result = std::move(value);
    } else if (open_.back().is_object()) {
      open_.back()[pending_key_] = std::move(value);
    } else {
      open_.back().push_back(std::move(value));
    }
  }
  void open(json container) {
    open_.push_back(std::move(container));
    keys_.push_back(pending_key_);
  }
  void close() {
    json done = std::move(open_.back());
    open_.pop_back();
    pending_key_ = keys_.back();
    keys_.pop_back();
    put(std::move(done));
  }

  std::vector<json> open_;
  std::vector<std::string> keys_;  // the key each open container will be stored under
  std::string pending_key_;
};

// Checks that the reader agrees with nlohmann on `text`; returns whether it was accepted.
bool expect_same_as_reference(const std::string& text) {
  TreeRecorder recorder;
  const core::Status status = read_json(text, recorder);
  const bool reference_accepts = json::accept(text);
  EXPECT_EQ(status.ok(), reference_accepts) << "document: " << text;
  if (!status.ok()) {
    EXPECT_EQ(status.error().code, "invalid_json");
    EXPECT_NE(status.error().message.find("line "), std::string::npos);
  }
  if (status.ok() && reference_accepts) {
    EXPECT_EQ(recorder.result, json::parse(text)) << "document: " << text;
  }
  return status.ok();
}

const std::vector<std::string> kValidDocuments = {
    R"({"periods":[{"kind":"sick","start":"2022-01-03","end":null}],"weeks":0})",
    R"( { "a" : [ 1 , -2 , 3.5 , -0.25e+3 , 1E2 , 0 , -0 ] , "b" : { } , "c" : [ ] } )",
    "\t\r\n[true,false,null]\n",
    R"("a string with \" \\ \/ \b \f \n \r \t escapes")",
    R"("\u00eb\u20AC\ud83d\ude00 and raw UTF-8: ë € 😀")",
    R"("\u0000 inside")",
    R"([9223372036854775807,-9223372036854775808,18446744073709551615,99999999999999999999999])",
    R"([1e300,-1e-400])",
    R"({"dup":1,"dup":2})",
    R"([[[[[[[[[[{"deep":[[[]]]}]]]]]]]]]])",
    "42",
    "\"\"",
    "\xEF\xBB\xBF{\"after a byte order mark\":true}",
};

const std::vector<std::string> kInvalidDocuments = {
    "",
    "   ",
    "{",
    "[1,]",
    R"({"a":1,})",
    R"({"a" 1})",
    R"({a:1})",
    "{'a':1}",
    "[01]",
    "[1.]",
    "[.5]",
    "[1e]",
    "[+1]",
    "[-]",
    "[NaN]",
    "[tru]",
    "[nul]",
    "[1] [2]",
    "[1] x",
    "\"unterminated",
    "\"bad escape \\x\"",
    "\"short \\u12\"",
    "\"lone low \\udc00\"",
    "\"lone high \\ud800 alone\"",
    "\"high then bad \\ud800\\u0041\"",
    "\"control \x01 char\"",
    "\"tab \t raw\"",
    "\"bad utf-8 \xff\"",
    "\"overlong \xc0\xaf\"",
    "\"surrogate in utf-8 \xed\xa0\x80\"",
    "\"beyond U+10FFFF \xf4\x90\x80\x80\"",
    "\"truncated \xe2\x82\"",
    "// comment\n{}",
    "[1,2",
    "{\"a\":[}",
    "]",
    "[1e400]",
    "\xEF\xBB\xBF",
    " \xEF\xBB\xBF{}",
};

TEST(ReadJson, AcceptsWhatTheReferenceAcceptsWithTheSameValues) {
  for (const std::string& text : kValidDocuments) EXPECT_TRUE(expect_same_as_reference(text));
}

TEST(ReadJson, RefusesWhatTheReferenceRefuses) {
  for (const std::string& text : kInvalidDocuments) EXPECT_FALSE(expect_same_as_reference(text));
}

TEST(ReadJson, SaysWhereTheTextBreaks) {
  TreeRecorder recorder;
  const core::Status status =
      read_json("{\n  \"periods\": [\n    {\"kind\": sick}\n  ]\n}", recorder);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("line 3, column 14"), std::string::npos)
      << status.error().message;
  EXPECT_NE(status.error().message.find("'s'"), std::string::npos) << status.error().message;
}

TEST(ReadJson, ReadsDeepNestingWithoutRecursion) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  TreeRecorder recorder;
  EXPECT_TRUE(read_json(deep, recorder).ok());
  EXPECT_FALSE(read_json(deep.substr(1), recorder).ok());
}

TEST(ReadJson, AgreesWithTheReferenceOnMutatedDocuments) {
  // Single-byte edits of real-looking documents hit most of the grammar's corners.
  const std::string alphabet =
      "{}[]:,\"\\ 0123456789.eE+-truefalsn/u\x01\x7f\xc3\xab\xe2\x82\xac\xff";
  std::mt19937 random(20261123);
  const auto pick = [&random](std::size_t size) {
    return static_cast<std::size_t>(random() % size);
  };
  int accepted = 0;
  int refused = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = kValidDocuments[pick(kValidDocuments.size())];
    for (int edit = 0, edits = 1 + static_cast<int>(pick(3)); edit < edits && !text.empty();
         ++edit) {
      const std::size_t at = pick(text.size());
      switch (pick(3)) {
        case 0: text.erase(at, 1); break;
        case 1: text.insert(at, 1, alphabet[pick(alphabet.size())]); break;
        default: text[at] = alphabet[pick(alphabet.size())]; break;
      }
    }
    (expect_same_as_reference(text) ? accepted : refused) += 1;
    if (::testing::Test::HasFailure()) break;  // one clear counterexample is enough
  }
  // Both outcomes must be well represented, or the test proves little.
  EXPECT_GT(accepted, 1000);
  EXPECT_GT(refused, 1000);
}

}  // namespace
}  // namespace spoorboek::json
