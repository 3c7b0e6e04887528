#include "report/csv.h"

namespace spoorboek::report {
namespace {

bool looks_like_formula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string csv_field(const CsvCell& cell) {
  std::string value = cell.value;
  if (!cell.is_number && looks_like_formula(value)) value.insert(value.begin(), '\'');
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

std::string csv_row(const std::vector<CsvCell>& cells) {
  std::string row;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) row.push_back(',');
    row += csv_field(cells[i]);
  }
  row += "\r\n";
  return row;
}

}  // namespace spoorboek::report
