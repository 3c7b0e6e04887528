#include "json/json_reader.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace spoorboek::json {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the well-formed UTF-8 sequence at the start of [p, end), or 0 when it is not
// one (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(const char* p, const char* end) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
  const auto available = static_cast<std::size_t>(end - p);
  const auto continuation = [&](std::size_t i, unsigned char low = 0x80,
                                unsigned char high = 0xBF) {
    return i < available && byte(i) >= low && byte(i) <= high;
  };
  const unsigned char lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

class Reader {
 public:
  Reader(std::string_view text, JsonEvents& events)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), events_(events) {}

  core::Status read();

 private:
  enum class Step { failed, value_done, value_next };
  Step value_or_open();
  Step done_if(bool ok) const { return ok ? Step::value_done : Step::failed; }

  // Each returns false once the error is recorded.
  bool member_key();
  bool string_token(std::string_view& out);
  bool escaped_string_rest(const char* start, std::string_view& out);
  bool unicode_escape(std::uint32_t& code_unit);
  bool number();
  bool literal(std::string_view word);
  bool fail(const char* at, std::string reason);
  bool fail_unexpected(const char* at, std::string_view expected);

  void skip_whitespace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  void close_container() {
    if (open_.back() == '{') {
      events_.end_object();
    } else {
      events_.end_array();
    }
    open_.pop_back();
  }

  const char* const begin_;
  const char* p_;
  const char* const end_;
  JsonEvents& events_;
  std::vector<char> open_;  // the open containers, '{' or '[': an explicit stack, no recursion
  std::string scratch_;     // unescaped strings
  core::Error error_;
};

core::Status Reader::read() {
  // RFC 8259 §8.1 lets a reader ignore a byte order mark; editors on Windows still write one.
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (std::string_view(p_, static_cast<std::size_t>(end_ - p_)).starts_with(kByteOrderMark)) {
    p_ += kByteOrderMark.size();
  }
  skip_whitespace();
  bool expect_value = true;
  for (;;) {
    if (expect_value) {
      const Step step = value_or_open();
      if (step == Step::failed) return error_;
      if (step == Step::value_next) continue;
      expect_value = false;
    }
    skip_whitespace();
    if (open_.empty()) {
      if (p_ == end_) return core::ok_status();
      fail(p_, "unexpected text after the JSON value");
      return error_;
    }
    const bool in_object = open_.back() == '{';
    if (p_ == end_) {
      fail(p_, in_object ? "unexpected end of input; expected ',' or '}'"
                         : "unexpected end of input; expected ',' or ']'");
      return error_;
    }
    if (*p_ == ',') {
      ++p_;
      skip_whitespace();
      if (in_object && !member_key()) return error_;
      expect_value = true;
    } else if (*p_ == (in_object ? '}' : ']')) {
      ++p_;
      close_container();
    } else {
      fail_unexpected(p_, in_object ? "',' or '}'" : "',' or ']'");
      return error_;
    }
  }
}

// Reads a scalar, or opens a container (reading the first key of an object): then the next
// thing to read is a value again, unless the container was empty.
Reader::Step Reader::value_or_open() {
  if (p_ == end_) return done_if(fail(p_, "unexpected end of input; expected a value"));
  switch (*p_) {
    case '{':
    case '[': {
      const char open = *p_++;
      const char close = open == '{' ? '}' : ']';
      if (open == '{') {
        events_.start_object();
      } else {
        events_.start_array();
      }
      open_.push_back(open);
      skip_whitespace();
      if (p_ != end_ && *p_ == close) {
        ++p_;
        close_container();
        return Step::value_done;
      }
      if (open == '{' && !member_key()) return Step::failed;
      return Step::value_next;
    }
    case '"': {
      std::string_view text;
      if (!string_token(text)) return Step::failed;
      events_.string(text);
      return Step::value_done;
    }
    case 't': return done_if(literal("true"));
    case 'f': return done_if(literal("false"));
    case 'n': return done_if(literal("null"));
    default:
      if (*p_ == '-' || is_digit(*p_)) return done_if(number());
      return done_if(fail_unexpected(p_, "a value"));
  }
}

// Reads `"name"` and the colon after it, leaving the reader before the member's value.
bool Reader::member_key() {
  if (p_ == end_ || *p_ != '"') return fail_unexpected(p_, "a member name in double quotes");
  std::string_view name;
  if (!string_token(name)) return false;
  events_.key(name);
  skip_whitespace();
  if (p_ == end_ || *p_ != ':') return fail_unexpected(p_, "':' after the member name");
  ++p_;
  skip_whitespace();
  return true;
}

// REQUIRES: *p_ == '"'. Without escapes the result points into the text (no copy).
bool Reader::string_token(std::string_view& out) {
  const char* const start = ++p_;
  while (p_ != end_) {
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      out = std::string_view(start, static_cast<std::size_t>(p_ - start));
      ++p_;
      return true;
    }
    if (c == '\\') return escaped_string_rest(start, out);
    if (c < 0x20) return fail(p_, "a control character in a string must be escaped");
    if (c < 0x80) {
      ++p_;
      continue;
    }
    const std::size_t length = utf8_sequence_length(p_, end_);
    if (length == 0) return fail(p_, "invalid UTF-8 in a string");
    p_ += length;
  }
  return fail(start - 1, "unterminated string");
}

// The rest of a string from its first backslash on, unescaped into scratch_.
bool Reader::escaped_string_rest(const char* start, std::string_view& out) {
  scratch_.assign(start, p_);
  while (p_ != end_) {
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      ++p_;
      out = scratch_;
      return true;
    }
    if (c < 0x20) return fail(p_, "a control character in a string must be escaped");
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence_length(p_, end_);
      if (length == 0) return fail(p_, "invalid UTF-8 in a string");
      scratch_.append(p_, length);
      p_ += length;
      continue;
    }
    if (c != '\\') {
      scratch_.push_back(static_cast<char>(c));
      ++p_;
      continue;
    }
    const char* const escape = p_++;
    if (p_ == end_) break;
    switch (*p_++) {
      case '"': scratch_.push_back('"'); break;
      case '\\': scratch_.push_back('\\'); break;
      case '/': scratch_.push_back('/'); break;
      case 'b': scratch_.push_back('\b'); break;
      case 'f': scratch_.push_back('\f'); break;
      case 'n': scratch_.push_back('\n'); break;
      case 'r': scratch_.push_back('\r'); break;
      case 't': scratch_.push_back('\t'); break;
      case 'u': {
        std::uint32_t unit = 0;
        if (!unicode_escape(unit)) return false;
        if (unit >= 0xDC00 && unit <= 0xDFFF) return fail(escape, "a lone low surrogate");
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          std::uint32_t low = 0;
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
            return fail(escape, "a high surrogate without its low surrogate");
          }
          p_ += 2;
          if (!unicode_escape(low)) return false;
          if (low < 0xDC00 || low > 0xDFFF) {
            return fail(escape, "a high surrogate without its low surrogate");
          }
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(scratch_, unit);
        break;
      }
      default: return fail(escape, "an unknown escape in a string");
    }
  }
  return fail(start - 1, "unterminated string");
}

// Reads the four hex digits after "\u".
bool Reader::unicode_escape(std::uint32_t& code_unit) {
  if (end_ - p_ < 4) return fail(p_, "\\u needs four hex digits");
  code_unit = 0;
  for (int i = 0; i < 4; ++i, ++p_) {
    const char c = *p_;
    std::uint32_t digit = 0;
    if (is_digit(c)) {
      digit = static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return fail(p_, "\\u needs four hex digits");
    }
    code_unit = code_unit * 16 + digit;
  }
  return true;
}

bool Reader::number() {
  const char* const start = p_;
  if (*p_ == '-') ++p_;
  if (p_ == end_ || !is_digit(*p_)) return fail(start, "invalid number");
  if (*p_ == '0') {
    ++p_;
  } else {
    while (p_ != end_ && is_digit(*p_)) ++p_;
  }
  bool whole = true;
  if (p_ != end_ && *p_ == '.') {
    ++p_;
    if (p_ == end_ || !is_digit(*p_)) return fail(start, "invalid number: digits must follow '.'");
    while (p_ != end_ && is_digit(*p_)) ++p_;
    whole = false;
  }
  if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (p_ == end_ || !is_digit(*p_)) return fail(start, "invalid number: digits must follow 'e'");
    while (p_ != end_ && is_digit(*p_)) ++p_;
    whole = false;
  }
  const std::string_view written(start, static_cast<std::size_t>(p_ - start));
  long long value = 0;
  if (whole && std::from_chars(start, p_, value).ec == std::errc{}) {
    events_.whole_number(value);
    return true;
  }
  // Like common parsers, refuse a number no double can hold (1e400) rather than make it infinite.
  if (std::isinf(std::strtod(std::string(written).c_str(), nullptr))) {
    return fail(start, "number out of range");
  }
  events_.other_number(written);
  return true;
}

bool Reader::literal(std::string_view word) {
  if (static_cast<std::size_t>(end_ - p_) < word.size() ||
      std::string_view(p_, word.size()) != word) {
    return fail_unexpected(p_, "a value");
  }
  p_ += word.size();
  if (word == "null") {
    events_.null();
  } else {
    events_.boolean(word == "true");
  }
  return true;
}

bool Reader::fail(const char* at, std::string reason) {
  long line = 1;
  const char* line_start = begin_;
  for (const char* c = begin_; c < at; ++c) {
    if (*c == '\n') {
      ++line;
      line_start = c + 1;
    }
  }
  error_ = core::make_error("invalid_json", "",
                            "not valid JSON: line " + std::to_string(line) + ", column " +
                                std::to_string(at - line_start + 1) + ": " + std::move(reason));
  return false;
}

bool Reader::fail_unexpected(const char* at, std::string_view expected) {
  std::string found;
  if (at == end_) {
    found = "the end of the input";
  } else if (const auto c = static_cast<unsigned char>(*at); c >= 0x20 && c < 0x7F) {
    found = std::string("'") + static_cast<char>(c) + "'";
  } else {
    static constexpr char kHex[] = "0123456789abcdef";
    found = std::string("the byte 0x") + kHex[c >> 4] + kHex[c & 0xF];
  }
  return fail(at, "expected " + std::string(expected) + ", found " + found);
}

}  // namespace

core::Status read_json(std::string_view text, JsonEvents& events) {
  return Reader(text, events).read();
}

}  // namespace spoorboek::json
