// The CSV reader of the HR imports: RFC 4180 as HR and payroll systems write it, and every way a
// file can be wrong named by its line.
#include "app/csv_reader.h"

#include <gtest/gtest.h>

namespace spoorboek::app {
namespace {

std::vector<std::vector<std::string>> fields_of(const CsvTable& table) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : table.rows) rows.push_back(row.fields);
  return rows;
}

std::vector<std::size_t> lines_of(const CsvTable& table) {
  std::vector<std::size_t> lines;
  for (const auto& row : table.rows) lines.push_back(row.line);
  return lines;
}

TEST(CsvReaderTest, DetectsTheSemicolonOfDutchSpreadsheetsAndTheCommaOfOthers) {
  const CsvTable dutch = read_csv("naam;datum\nJan, de Vries;02-03-2026\n");
  EXPECT_TRUE(dutch.errors.empty());
  EXPECT_EQ(dutch.separator, ';');
  EXPECT_EQ(dutch.header, (std::vector<std::string>{"naam", "datum"}));
  EXPECT_EQ(fields_of(dutch), (std::vector<std::vector<std::string>>{{"Jan, de Vries", "02-03-2026"}}));

  const CsvTable english = read_csv("name,date\n\"Vries; Jan de\",2026-03-02\n");
  EXPECT_TRUE(english.errors.empty());
  EXPECT_EQ(english.separator, ',');
  EXPECT_EQ(fields_of(english),
            (std::vector<std::vector<std::string>>{{"Vries; Jan de", "2026-03-02"}}));
}

TEST(CsvReaderTest, QuotedFieldsHoldSeparatorsQuotesAndLineEnds) {
  const CsvTable table =
      read_csv("a;b;c\r\n\"x;y\";\"He said \"\"hi\"\"\";\"two\r\nlines\"\r\nlast;row;here\r\n");
  ASSERT_TRUE(table.errors.empty()) << describe(table.errors.front());
  EXPECT_EQ(fields_of(table), (std::vector<std::vector<std::string>>{
                                  {"x;y", "He said \"hi\"", "two\r\nlines"},
                                  {"last", "row", "here"}}));
  // A row is numbered by the line it starts on: the quoted line end moves the next row down.
  EXPECT_EQ(lines_of(table), (std::vector<std::size_t>{2, 4}));
}

TEST(CsvReaderTest, AByteOrderMarkBlankRowsAndTrailingSeparatorsAreHarmless) {
  const CsvTable table = read_csv("\xEF\xBB\xBFnaam ; nummer\n\n  Jan  ; 12 ;;\n;;\n");
  ASSERT_TRUE(table.errors.empty()) << describe(table.errors.front());
  EXPECT_EQ(table.header, (std::vector<std::string>{"naam", "nummer"}));
  EXPECT_EQ(fields_of(table), (std::vector<std::vector<std::string>>{{"Jan", "12"}}));
  EXPECT_EQ(lines_of(table), (std::vector<std::size_t>{3}));
  EXPECT_EQ(table.data_rows, 1u);
}

TEST(CsvReaderTest, LoneCarriageReturnsEndLinesToo) {
  const CsvTable table = read_csv("a;b\r1;2\r3;4");
  ASSERT_TRUE(table.errors.empty());
  EXPECT_EQ(lines_of(table), (std::vector<std::size_t>{2, 3}));
}

TEST(CsvReaderTest, Windows1252IsRefusedAsWrongEncodingNamingTheFirstBadLine) {
  // "Jos\xE9" is José in Windows-1252; line 3 holds it.
  const CsvTable table = read_csv("naam;nummer\nJan;1\nJos\xE9;2\nRen\xE9;3\n");
  ASSERT_EQ(table.errors.size(), 1u);
  const LineError& error = table.errors.front();
  EXPECT_EQ(error.code, "wrong_encoding");
  EXPECT_EQ(error.line, 3u);
  EXPECT_NE(error.message.find("0xE9"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("position 4"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("Windows-1252"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("CSV UTF-8"), std::string::npos) << error.message;
  EXPECT_TRUE(table.rows.empty());
}

TEST(CsvReaderTest, Utf16IsNamedAsSuch) {
  const CsvTable table = read_csv(std::string("\xFF\xFEn\0a\0", 6));
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors.front().line, 1u);
  EXPECT_NE(table.errors.front().message.find("UTF-16"), std::string::npos);
}

TEST(CsvReaderTest, ProperUtf8IsRead) {
  const CsvTable table = read_csv("naam\nJos\xC3\xA9 M\xC3\xBCller \xE2\x82\xAC\n");
  ASSERT_TRUE(table.errors.empty());
  EXPECT_EQ(table.rows.front().fields.front(), "Jos\xC3\xA9 M\xC3\xBCller \xE2\x82\xAC");
}

TEST(CsvReaderTest, ALastLineCutOffMidwayIsAnErrorOfThatLine) {
  const CsvTable table = read_csv("a;b;c\n1;2;3\n4;5");
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors.front().code, "cut_off");
  EXPECT_EQ(table.errors.front().line, 3u);
  EXPECT_EQ(describe(table.errors.front()).substr(0, 8), "line 3: ");
  EXPECT_EQ(fields_of(table), (std::vector<std::vector<std::string>>{{"1", "2", "3"}}));
}

TEST(CsvReaderTest, ALastLineWithoutLineEndButAllColumnsIsFine) {
  const CsvTable table = read_csv("a;b\n1;2");
  EXPECT_TRUE(table.errors.empty());
  EXPECT_EQ(table.rows.size(), 1u);
}

TEST(CsvReaderTest, AnUnterminatedQuoteNamesTheLineWhereItOpens) {
  const CsvTable table = read_csv("a;b\n1;2\n3;\"four\n5;6\n");
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors.front().code, "unterminated_quote");
  EXPECT_EQ(table.errors.front().line, 3u);
  EXPECT_EQ(table.rows.size(), 1u);
}

TEST(CsvReaderTest, ARowOfTheWrongWidthInTheMiddleIsAColumnCountError) {
  const CsvTable table = read_csv("a;b;c\n1;2\n1;2;3;4\n1;2;3\n");
  ASSERT_EQ(table.errors.size(), 2u);
  EXPECT_EQ(table.errors[0].code, "column_count");
  EXPECT_EQ(table.errors[0].line, 2u);
  EXPECT_EQ(table.errors[1].line, 3u);
  EXPECT_NE(table.errors[1].message.find("4 columns where the header has 3"), std::string::npos);
  EXPECT_EQ(lines_of(table), (std::vector<std::size_t>{4}));
  EXPECT_EQ(table.data_rows, 3u);
}

TEST(CsvReaderTest, TextAfterAClosingQuoteIsRefused) {
  const CsvTable table = read_csv("a;b\n\"x\"y;2\n");
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors.front().code, "misplaced_quote");
  EXPECT_EQ(table.errors.front().line, 2u);
}

TEST(CsvReaderTest, AnEmptyFileHasNoHeader) {
  for (const std::string_view text : {"", "\n\n", "\xEF\xBB\xBF", ";;\n"}) {
    const CsvTable table = read_csv(text);
    ASSERT_EQ(table.errors.size(), 1u);
    EXPECT_EQ(table.errors.front().code, "empty");
    EXPECT_EQ(describe(table.errors.front()).substr(0, 6), "file: ");
  }
}

TEST(CsvReaderTest, DescribeNamesLineAndColumn) {
  EXPECT_EQ(describe(LineError{12, "Datum", "invalid_date", "why"}), "line 12, column Datum: why");
  EXPECT_EQ(describe(LineError{3, "", "cut_off", "why"}), "line 3: why");
}

}  // namespace
}  // namespace spoorboek::app
