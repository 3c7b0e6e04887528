#include "web/form.h"

#include <cctype>
#include <cstdint>

namespace spoorboek::web {
namespace {

core::Error refused(std::string field, std::string message) {
  return core::make_error("bad_request", std::move(field), std::move(message));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      decoded.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      decoded.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      decoded.push_back(c);
    }
  }
  return decoded;
}

// Valid UTF-8 (no overlong forms, no surrogates) without control characters but tab, CR, LF.
bool is_clean_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if ((byte < 0x20 && byte != '\t' && byte != '\r' && byte != '\n') || byte == 0x7f) {
        return false;
      }
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    if ((byte & 0xe0) == 0xc0) {
      length = 2;
      code = byte & 0x1f;
    } else if ((byte & 0xf0) == 0xe0) {
      length = 3;
      code = byte & 0x0f;
    } else if ((byte & 0xf8) == 0xf0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
    if (code >= 0x80 && code < 0xa0) return false;  // C1 controls
    i += length;
  }
  return true;
}

bool is_field_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
          c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::string& Form::value(std::string_view name) const {
  static const std::string kAbsent;
  const auto found = fields_.find(name);
  return found == fields_.end() ? kAbsent : found->second;
}

core::Result<Form> parse_form(std::optional<std::string_view> content_type, std::string_view body) {
  if (!content_type) return refused("Content-Type", "a form is sent as a form");
  std::string_view media = content_type->substr(0, content_type->find(';'));
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (media != "application/x-www-form-urlencoded") {
    return refused("Content-Type", "a form is sent as application/x-www-form-urlencoded");
  }
  if (body.size() > kMaxFormBytes) return refused("body", "the form is too large");
  Form form;
  while (!body.empty()) {
    const auto end = body.find('&');
    const std::string_view pair = body.substr(0, end);
    body = end == std::string_view::npos ? std::string_view{} : body.substr(end + 1);
    if (pair.empty()) return refused("body", "an empty field in the form");
    const auto equals = pair.find('=');
    const auto name = percent_decode(pair.substr(0, equals));
    if (!name || !is_field_name(*name)) return refused("body", "a field name is not valid");
    const auto value =
        percent_decode(equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1));
    if (!value || !is_clean_text(*value)) return refused(*name, "the value is not valid text");
    if (value->size() > kMaxFieldBytes) return refused(*name, "the value is too long");
    if (form.fields_.size() >= kMaxFormFields) return refused("body", "the form has too many fields");
    if (!form.fields_.emplace(*name, std::move(*value)).second) {
      return refused(*name, "the field is sent twice");
    }
  }
  return form;
}

}  // namespace spoorboek::web
