// CSV (RFC 4180) for spreadsheets and payroll/HR imports.
//
// Every row ends in CRLF; a field holding a comma, a double quote, CR or LF is quoted, with inner
// quotes doubled. Text that a spreadsheet would run as a formula (starting with = + - @, or a tab
// or CR, OWASP "CSV injection") gets a leading apostrophe, so that it stays text. Numbers we
// render ourselves are passed as CsvCell::number and never guarded: "-3" days left stays a number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spoorboek::report {

struct CsvCell {
  static CsvCell text(std::string value) { return CsvCell{std::move(value), false}; }
  static CsvCell number(long long value) { return CsvCell{std::to_string(value), true}; }
  std::string value;
  bool is_number = false;
};

// One field as written: guarded (text only) and quoted when needed.
std::string csv_field(const CsvCell& cell);

// The fields joined by commas, ended with CRLF.
std::string csv_row(const std::vector<CsvCell>& cells);

}  // namespace spoorboek::report
