#include "tests/report/pdf_text.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace spoorboek::report::testing {

std::string pdf_text(const std::string& pdf) {
  char name[] = "/tmp/spoorboek-pdf-XXXXXX";
  const int fd = ::mkstemp(name);
  if (fd < 0) return "";
  ::close(fd);
  {
    std::ofstream out(name, std::ios::binary);
    out << pdf;
  }
  const std::string command =
      std::string(SPOORBOEK_PDFTOTEXT) + " -raw -enc UTF-8 '" + name + "' - 2>/dev/null";
  std::string text;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
    if (::pclose(pipe) != 0) text.clear();
  }
  std::remove(name);
  return text;
}

// Runs of white space (line breaks where a column wrapped, page breaks) as one space.
std::string squeezed(std::string_view text) {
  std::string result;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '\r';
    if (space) {
      if (!result.empty() && result.back() != ' ') result.push_back(' ');
    } else {
      result.push_back(c);
    }
  }
  return result;
}

std::string first_out_of_order(std::string_view raw, const std::vector<std::string>& needles) {
  const std::string text = squeezed(raw);
  std::size_t at = 0;
  for (const auto& raw_needle : needles) {
    const std::string needle = squeezed(raw_needle);
    const auto found = text.find(needle, at);
    if (found == std::string::npos) return raw_needle;
    at = found + needle.size();
  }
  return "";
}

int page_of(std::string_view text, std::string_view needle) {
  const auto found = text.find(needle);
  if (found == std::string_view::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(found), '\f'));
}

}  // namespace spoorboek::report::testing
