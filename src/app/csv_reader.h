// Reading CSV (RFC 4180) as HR and payroll systems export it (AFAS, Visma, Nmbrs, Loket), for
// the bulk imports of hr_import.h. Pure: the caller reads the bytes, this only parses them.
//
// What is accepted: a header row and data rows separated by ';' or ',' (whichever the header
// uses more of: Dutch spreadsheets write ';'), quoted fields with doubled inner quotes and with
// separators and line ends inside them, CRLF, LF or CR line ends, a UTF-8 byte-order mark.
// Values are trimmed of surrounding spaces and tabs; rows that hold nothing (blank lines, a row
// of separators only, as spreadsheets add at the end) are skipped.
//
// What is refused, naming the line (the physical line on which a row starts, counted from 1):
// - bytes that are not UTF-8: the whole file, at the first line holding one ("wrong_encoding",
//   usually Windows-1252 from an older export; the message says how to save it as UTF-8);
// - a quoted field that is never closed ("unterminated_quote", at the line where it opens);
// - characters between a closing quote and the next separator ("misplaced_quote");
// - a row with more or fewer columns than the header ("column_count"), and a last row without
//   a line end that stops short of the header's columns ("cut_off": the file was truncated).
// Extra columns at the end of a row are accepted when they are empty (trailing separators).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spoorboek::app {

// One problem in a file: where and why. `line` 0 means the file as a whole; `column` is the
// column's name as the header writes it, empty when the row as a whole is at fault.
struct LineError {
  std::size_t line = 0;
  std::string column;
  std::string code;
  std::string message;
  friend bool operator==(const LineError&, const LineError&) = default;
};

// "line 12, column Datum: why" (or "line 12: why", or "file: why" for line 0).
std::string describe(const LineError& error);

struct CsvRow {
  std::size_t line = 0;             // where the row starts
  std::vector<std::string> fields;  // exactly as many as the header has
};

struct CsvTable {
  char separator = ';';
  std::size_t header_line = 0;      // 0 when there is no header
  std::vector<std::string> header;  // trimmed, as written
  std::vector<CsvRow> rows;         // the data rows that have the header's shape
  std::size_t data_rows = 0;        // rows below the header that hold anything, shaped or not
  std::vector<LineError> errors;    // in line order; the rows are incomplete when there are any
};

CsvTable read_csv(std::string_view text);

}  // namespace spoorboek::app
