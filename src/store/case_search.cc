#include "store/case_search.h"

namespace spoorboek::store::detail {

std::string ascii_lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

std::string search_like_pattern(std::string_view search) {
  std::string pattern = "%";
  for (const char c : ascii_lower(search)) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace spoorboek::store::detail
