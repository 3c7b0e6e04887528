#include "core/json_scan.h"

namespace spoorboek::core::detail {
namespace {

// Deep enough for any payload; a deeper text is refused rather than risk the stack.
constexpr int kMaxDepth = 64;

bool read_value(std::string_view text, std::size_t& at, JsonValue& value, int depth);

// Lenient on one point: raw control characters inside a string are accepted. (A byte loop beats
// memchr here: the case file's strings are short.)
bool read_string(std::string_view text, std::size_t& at, JsonValue& value) {
  const std::size_t start = ++at;  // after the opening quote
  const char* data = text.data();
  const std::size_t size = text.size();
  while (at < size) {
    const char c = data[at];
    if (c == '"') {
      value.kind = JsonKind::string;
      value.text = text.substr(start, at - start);
      ++at;
      return true;
    }
    at += c == '\\' ? 2 : 1;
  }
  return false;
}

bool read_literal(std::string_view text, std::size_t& at, std::string_view word, JsonKind kind,
                  JsonValue& value) {
  if (text.substr(at, word.size()) != word) return false;
  value.kind = kind;
  value.text = text.substr(at, word.size());
  at += word.size();
  return true;
}

bool read_number(std::string_view text, std::size_t& at, JsonValue& value) {
  const std::size_t start = at;
  if (at < text.size() && text[at] == '-') ++at;
  std::size_t digits = 0;
  while (at < text.size() &&
         ((text[at] >= '0' && text[at] <= '9') || text[at] == '.' || text[at] == 'e' ||
          text[at] == 'E' || text[at] == '+' || text[at] == '-')) {
    ++at;
    ++digits;
  }
  if (digits == 0) return false;
  value.kind = JsonKind::number;
  value.text = text.substr(start, at - start);
  return true;
}

// Skips a whole object or array, checking its structure.
bool read_container(std::string_view text, std::size_t& at, JsonValue& value, int depth) {
  if (depth > kMaxDepth) return false;
  const std::size_t start = at;
  const char close = text[at] == '{' ? '}' : ']';
  const bool object = close == '}';
  ++at;
  skip_json_space(text, at);
  if (at < text.size() && text[at] == close) {
    ++at;
  } else {
    while (true) {
      JsonValue item;
      if (object) {
        skip_json_space(text, at);
        if (at >= text.size() || text[at] != '"' || !read_string(text, at, item)) return false;
        skip_json_space(text, at);
        if (at >= text.size() || text[at] != ':') return false;
        ++at;
      }
      if (!read_value(text, at, item, depth + 1)) return false;
      skip_json_space(text, at);
      if (at >= text.size()) return false;
      if (text[at] == close) {
        ++at;
        break;
      }
      if (text[at] != ',') return false;
      ++at;
    }
  }
  value.kind = object ? JsonKind::object : JsonKind::array;
  value.text = text.substr(start, at - start);
  return true;
}

bool read_value(std::string_view text, std::size_t& at, JsonValue& value, int depth) {
  skip_json_space(text, at);
  if (at >= text.size()) return false;
  switch (text[at]) {
    case '"': return read_string(text, at, value);
    case '{':
    case '[': return read_container(text, at, value, depth);
    case 't': return read_literal(text, at, "true", JsonKind::boolean, value);
    case 'f': return read_literal(text, at, "false", JsonKind::boolean, value);
    case 'n': return read_literal(text, at, "null", JsonKind::null, value);
    default: return read_number(text, at, value);
  }
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

std::optional<std::uint32_t> hex4(std::string_view raw, std::size_t at) {
  if (at + 4 > raw.size()) return std::nullopt;
  std::uint32_t code = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char c = raw[i];
    code <<= 4;
    if (c >= '0' && c <= '9') code |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') code |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') code |= static_cast<std::uint32_t>(c - 'A' + 10);
    else return std::nullopt;
  }
  return code;
}

}  // namespace

void skip_json_space(std::string_view text, std::size_t& at) {
  while (at < text.size() &&
         (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
    ++at;
  }
}

bool read_json_value(std::string_view text, std::size_t& at, JsonValue& value) {
  return read_value(text, at, value, 0);
}

void decode_json_string(std::string_view raw, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      out.push_back(raw[i]);
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u': {
        auto code = hex4(raw, i + 1);
        if (!code) {
          out.push_back('\\');
          out.push_back('u');
          break;
        }
        i += 4;
        if (*code >= 0xD800 && *code < 0xDC00 && i + 2 < raw.size() && raw[i + 1] == '\\' &&
            raw[i + 2] == 'u') {
          if (const auto low = hex4(raw, i + 3); low && *low >= 0xDC00 && *low < 0xE000) {
            *code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(out, *code);
        break;
      }
      default: out.push_back(e); break;  // \" \\ \/ and anything unknown
    }
  }
}

std::optional<JsonValue> find_json_member(std::string_view object_text, std::string_view key) {
  std::optional<JsonValue> found;
  for_each_member(object_text, [&](std::string_view raw_key, const JsonValue& value) {
    if (raw_key != key) return true;
    found = value;
    return false;
  });
  return found;
}

}  // namespace spoorboek::core::detail
