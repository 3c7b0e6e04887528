#include "web/svg/xml_escape.h"

namespace spoorboek::web::svg {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The length of the valid UTF-8 sequence starting at text[at], or 0 when it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are invalid, per RFC 3629).
std::size_t valid_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // overlong
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // overlong
    if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(1) < second_min || byte(1) > second_max) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!is_continuation(byte(i))) return 0;
  }
  return length;
}

// XML 1.0 excludes U+FFFE and U+FFFF even though they are valid UTF-8.
bool is_xml_noncharacter(std::string_view sequence) {
  return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF";
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      switch (byte) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\t':
        case '\n':
        case '\r': out += static_cast<char>(byte); break;
        default:
          if (byte >= 0x20 && byte != 0x7F) out += static_cast<char>(byte);
          break;  // other control characters are not allowed in XML: dropped
      }
      ++at;
      continue;
    }
    const std::size_t length = valid_sequence_length(text, at);
    if (length == 0) {
      out += kReplacementCharacter;
      ++at;
      continue;
    }
    const std::string_view sequence = text.substr(at, length);
    if (!is_xml_noncharacter(sequence)) out += sequence;
    at += length;
  }
}

std::string xml_escape(std::string_view text) {
  std::string out;
  append_xml_escaped(out, text);
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if (!is_continuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

}  // namespace spoorboek::web::svg
