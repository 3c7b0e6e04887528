#include "web/svg/xml_escape.h"

#include "core/utf8.h"

namespace spoorboek::web::svg {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

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
    const std::size_t length = core::utf8_sequence_length(text, at);
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
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;  // not a continuation byte
  }
  return count;
}

}  // namespace spoorboek::web::svg
