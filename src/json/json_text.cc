#include "json/json_text.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace spoorboek::json {
namespace {

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Whether any of the 8 bytes of `word` needs an escape, tested on all bytes at once: the text is
// mostly long explanations without any, so the scan is what costs (bit tricks: each term is
// non-zero exactly when some byte is below 0x20, equal to '"', or equal to '\\').
bool any_needs_escape(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  const auto has_zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  return (below_space | has_zero_byte(word ^ (kOnes * '"')) |
          has_zero_byte(word ^ (kOnes * '\\'))) != 0;
}

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out.append("\\\""); return;
    case '\\': out.append("\\\\"); return;
    case '\n': out.append("\\n"); return;
    case '\r': out.append("\\r"); return;
    case '\t': out.append("\\t"); return;
    case '\b': out.append("\\b"); return;
    case '\f': out.append("\\f"); return;
    default: break;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
  out.append(escaped, sizeof escaped);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  // Copy runs of plain bytes in one append: explanations are long and rarely need escapes.
  std::size_t run_start = 0;
  std::size_t i = 0;
  const auto load_word = [&text](std::size_t at) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, sizeof word);
    return word;
  };
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      if (!any_needs_escape(load_word(i))) {
        i += 8;
        continue;
      }
    } else if (text.size() >= 8 && !any_needs_escape(load_word(text.size() - 8))) {
      break;  // the last, partial word is clean: test it as the text's last eight bytes
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (needs_escape(c)) {
      out.append(text.data() + run_start, i - run_start);
      append_escape(out, c);
      run_start = i + 1;
    }
    ++i;
  }
  out.append(text.data() + run_start, text.size() - run_start);
  out.push_back('"');
}

void append_json_integer(std::string& out, long value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

void append_json_date(std::string& out, core::Date date) {
  out.push_back('"');
  core::append_iso_date(out, date);
  out.push_back('"');
}

}  // namespace spoorboek::json
