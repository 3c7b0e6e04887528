#include "app/csv_reader.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>

#include "core/utf8.h"

namespace spoorboek::app {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string trimmed(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

// The line (from 1) and the position within it (from 1) of byte `offset`, counting line ends
// as the reader does: CRLF, LF and a lone CR each end one line.
std::pair<std::size_t, std::size_t> position_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, offset - line_start + 1};
}

std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
  return buffer;
}

// The first byte that is not UTF-8, as an error naming its line; none when the text is UTF-8.
std::optional<LineError> check_encoding(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte != 0 && byte < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = byte == 0 ? 0 : core::utf8_sequence_length(text, i);
    if (length > 0) {
      i += length;
      continue;
    }
    const auto [line, column] = position_of(text, i);
    const bool utf16 = byte == 0 || text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF");
    std::string message = "wrong encoding: the file is not UTF-8 (byte " + hex_byte(byte) +
                          " at position " + std::to_string(column) + " of this line). ";
    message += utf16 ? "It looks like UTF-16 (\"Unicode text\"): save it as \"CSV UTF-8\" and "
                       "import it again"
                     : "Windows-1252 (ANSI), the default of older exports and of Excel's plain "
                       "\"CSV\", writes letters such as \xC3\xA9, \xC3\xAB and \xE2\x82\xAC like "
                       "this: save the file as \"CSV UTF-8\" (Excel: Opslaan als > CSV UTF-8) and "
                       "import it again";
    return LineError{line, "", "wrong_encoding", std::move(message)};
  }
  return std::nullopt;
}

// The separator the header row uses: ';' or ',', whichever occurs more often outside quotes in
// the first line that holds anything; ';' when neither does (a one-column file).
char detect_separator(std::string_view text) {
  std::size_t semicolons = 0;
  std::size_t commas = 0;
  bool quoted = false;
  bool seen_content = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') {
      if (seen_content) break;
      continue;
    }
    if (!is_blank(c)) seen_content = true;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
  }
  return commas > semicolons ? ',' : ';';
}

struct RawRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
  bool ends_with_line_end = false;
  bool misplaced_quote = false;
};

// Splits the text into rows of fields (RFC 4180 with the leniencies above). Stops at an
// unterminated quote, which it reports in `errors`.
std::vector<RawRow> split_rows(std::string_view text, char separator,
                               std::vector<LineError>& errors) {
  std::vector<RawRow> rows;
  std::size_t pos = 0;
  std::size_t line = 1;
  const std::size_t n = text.size();
  // Consumes a line end at pos, if there is one.
  const auto take_line_end = [&]() {
    if (pos < n && text[pos] == '\r') {
      ++pos;
      if (pos < n && text[pos] == '\n') ++pos;
      ++line;
      return true;
    }
    if (pos < n && text[pos] == '\n') {
      ++pos;
      ++line;
      return true;
    }
    return false;
  };
  while (pos < n) {
    RawRow row;
    row.line = line;
    for (;;) {
      std::string field;
      while (pos < n && is_blank(text[pos])) ++pos;
      if (pos < n && text[pos] == '"') {
        const std::size_t opened_on = line;
        ++pos;
        bool closed = false;
        while (pos < n) {
          const char c = text[pos];
          if (c == '"') {
            if (pos + 1 < n && text[pos + 1] == '"') {
              field += '"';
              pos += 2;
              continue;
            }
            ++pos;
            closed = true;
            break;
          }
          if (c == '\n' || (c == '\r' && (pos + 1 >= n || text[pos + 1] != '\n'))) ++line;
          field += c;
          ++pos;
        }
        if (!closed) {
          errors.push_back(LineError{opened_on, "", "unterminated_quote",
                                     "a quoted value that starts on this line is never closed: "
                                     "the file is cut off, or a quote (\") is missing"});
          return rows;
        }
        while (pos < n && is_blank(text[pos])) ++pos;
        if (pos < n && text[pos] != separator && text[pos] != '\r' && text[pos] != '\n') {
          row.misplaced_quote = true;
          while (pos < n && text[pos] != separator && text[pos] != '\r' && text[pos] != '\n') {
            field += text[pos++];
          }
        }
      } else {
        while (pos < n && text[pos] != separator && text[pos] != '\r' && text[pos] != '\n') {
          field += text[pos++];
        }
      }
      row.fields.push_back(trimmed(field));
      if (pos < n && text[pos] == separator) {
        ++pos;
        continue;
      }
      row.ends_with_line_end = take_line_end();
      break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

bool holds_nothing(const RawRow& row) {
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& field) { return field.empty(); });
}

}  // namespace

std::string describe(const LineError& error) {
  std::string text = error.line == 0 ? "file" : "line " + std::to_string(error.line);
  if (!error.column.empty()) text += ", column " + error.column;
  return text + ": " + error.message;
}

CsvTable read_csv(std::string_view text) {
  CsvTable table;
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  if (auto wrong = check_encoding(text)) {
    table.errors.push_back(std::move(*wrong));
    return table;
  }
  table.separator = detect_separator(text);
  std::vector<LineError> quote_errors;
  std::vector<RawRow> rows = split_rows(text, table.separator, quote_errors);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    RawRow& row = rows[i];
    if (holds_nothing(row)) continue;
    if (table.header_line == 0) {
      table.header_line = row.line;
      table.header = std::move(row.fields);
      if (row.misplaced_quote) {
        table.errors.push_back(LineError{row.line, "", "misplaced_quote",
                                         "text follows a closing quote; quote the whole value"});
      }
      continue;
    }
    ++table.data_rows;
    const std::size_t columns = table.header.size();
    // Trailing separators with nothing after them are harmless.
    while (row.fields.size() > columns && row.fields.back().empty()) row.fields.pop_back();
    const bool last = i + 1 == rows.size() && quote_errors.empty();
    if (row.fields.size() < columns && last && !row.ends_with_line_end) {
      table.errors.push_back(LineError{
          row.line, "", "cut_off",
          "is cut off: the file ends in the middle of this line (" +
              std::to_string(row.fields.size()) + " of " + std::to_string(columns) +
              " columns, no line end); export the file again"});
      continue;
    }
    if (row.fields.size() != columns) {
      table.errors.push_back(LineError{
          row.line, "", "column_count",
          "has " + std::to_string(row.fields.size()) + " columns where the header has " +
              std::to_string(columns) + " (a separator '" + std::string(1, table.separator) +
              "' too many or too few, or a value holding one that is not quoted)"});
      continue;
    }
    if (row.misplaced_quote) {
      table.errors.push_back(LineError{row.line, "", "misplaced_quote",
                                       "text follows a closing quote; quote the whole value"});
      continue;
    }
    table.rows.push_back(CsvRow{row.line, std::move(row.fields)});
  }
  table.errors.insert(table.errors.end(), quote_errors.begin(), quote_errors.end());
  if (table.header_line == 0 && table.errors.empty()) {
    table.errors.push_back(LineError{0, "", "empty", "holds no header row and no data"});
  }
  return table;
}

}  // namespace spoorboek::app
