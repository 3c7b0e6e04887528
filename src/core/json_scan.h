// Internal to the core: a small, allocation-free reader of JSON text that hands out slices of the
// text itself, for the completeness check (riv_check.cc), which reads every payload of a file and
// must run over 100,000 files a second (bench/core_check_bench.cc). nlohmann/json builds a tree of
// allocated nodes per payload and was four times too slow there.
//
// It reads any JSON (RFC 8259) and refuses malformed text by returning false (it is lenient only
// about raw control characters inside strings); it never reads past the text. A string's slice is its raw content between the quotes (escapes undecoded:
// decode_json_string() decodes them). Keys are compared raw, which is exact for keys without
// escapes (all of the case file's).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spoorboek::core::detail {

enum class JsonKind : std::uint8_t { string, number, boolean, null, object, array };

struct JsonValue {
  JsonKind kind = JsonKind::null;
  std::string_view text;  // string: the raw content between the quotes; otherwise the whole value
};

// The members of a JSON object text, in order; false when `text` is no single JSON object.
// `visit(std::string_view raw_key, const JsonValue&)` returns false to stop early.
template <class Visit>
bool for_each_member(std::string_view text, Visit&& visit);
// The elements of a JSON array text; false when `text` is no JSON array.
template <class Visit>
bool for_each_element(std::string_view text, Visit&& visit);

// Reads one value at text[at] (after white space); on success sets `value` and moves `at` past it.
bool read_json_value(std::string_view text, std::size_t& at, JsonValue& value);
void skip_json_space(std::string_view text, std::size_t& at);

// Decodes a string's raw content (escapes, \u sequences with surrogate pairs) into `out`
// (replaced). Invalid escapes are copied as they are.
void decode_json_string(std::string_view raw, std::string& out);

// The value of `key` in an object text, if present.
std::optional<JsonValue> find_json_member(std::string_view object_text, std::string_view key);

template <class Visit>
bool for_each_member(std::string_view text, Visit&& visit) {
  std::size_t at = 0;
  skip_json_space(text, at);
  if (at >= text.size() || text[at] != '{') return false;
  ++at;
  skip_json_space(text, at);
  if (at < text.size() && text[at] == '}') return true;
  while (at < text.size()) {
    JsonValue key;
    if (!read_json_value(text, at, key) || key.kind != JsonKind::string) return false;
    skip_json_space(text, at);
    if (at >= text.size() || text[at] != ':') return false;
    ++at;
    JsonValue value;
    if (!read_json_value(text, at, value)) return false;
    if (!visit(key.text, value)) return true;
    skip_json_space(text, at);
    if (at >= text.size()) return false;
    if (text[at] == '}') return true;
    if (text[at] != ',') return false;
    ++at;
  }
  return false;
}

template <class Visit>
bool for_each_element(std::string_view text, Visit&& visit) {
  std::size_t at = 0;
  skip_json_space(text, at);
  if (at >= text.size() || text[at] != '[') return false;
  ++at;
  skip_json_space(text, at);
  if (at < text.size() && text[at] == ']') return true;
  while (at < text.size()) {
    JsonValue value;
    if (!read_json_value(text, at, value)) return false;
    if (!visit(value)) return true;
    skip_json_space(text, at);
    if (at >= text.size()) return false;
    if (text[at] == ']') return true;
    if (text[at] != ',') return false;
    ++at;
  }
  return false;
}

}  // namespace spoorboek::core::detail
