#include "api/json_error.h"

#include <array>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"

namespace spoorboek::api {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  out.reserve(out.size() + text.size() + 2);
  out.push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = core::utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0x0F]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out.push_back('"');
}

HttpResponse json_error(int status, std::string_view code, std::string_view message,
                        std::string_view field) {
  HttpResponse response;
  response.status = status;
  response.content_type = "application/json";
  std::string& body = response.body;
  body.reserve(48 + code.size() + message.size() + field.size());
  body += R"({"error":{"code":)";
  append_json_string(body, code);
  body += R"(,"message":)";
  append_json_string(body, message);
  body += R"(,"field":)";
  append_json_string(body, field);
  body += "}}";
  return response;
}

int http_status_for(const core::Error& error) {
  struct Mapping {
    std::string_view code;
    int status;
  };
  static constexpr std::array<Mapping, 12> kMappings{{
      {"malformed_json", 400},
      {"bad_request", 400},
      {"unauthenticated", 401},
      {"forbidden", 403},
      {"not_found", 404},
      {"conflict", 409},
      {"payload_too_large", 413},
      {"too_many_requests", 429},
      {"storage", 500},
      {"internal", 500},
      {"unavailable", 503},
      {"method_not_allowed", 405},
  }};
  for (const auto& mapping : kMappings) {
    if (mapping.code == error.code) return mapping.status;
  }
  return 422;
}

HttpResponse json_error(const core::Error& error) {
  return json_error(http_status_for(error), error.code, error.message, error.field);
}

}  // namespace spoorboek::api
