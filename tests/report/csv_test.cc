// CSV cells: RFC 4180 quoting and the formula-injection guard.
#include "report/csv.h"

#include <gtest/gtest.h>

namespace spoorboek::report {
namespace {

TEST(CsvField, PlainTextIsWrittenAsIs) {
  EXPECT_EQ(csv_field(CsvCell::text("Jan de Vries")), "Jan de Vries");
  EXPECT_EQ(csv_field(CsvCell::text("")), "");
}

TEST(CsvField, QuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(csv_field(CsvCell::text("Vries, Jan de")), "\"Vries, Jan de\"");
  EXPECT_EQ(csv_field(CsvCell::text("the \"best\" employer")), "\"the \"\"best\"\" employer\"");
  EXPECT_EQ(csv_field(CsvCell::text("two\nlines")), "\"two\nlines\"");
  EXPECT_EQ(csv_field(CsvCell::text("cr\rhere")), "\"cr\rhere\"");
}

TEST(CsvField, TextThatASpreadsheetWouldRunGetsALeadingApostrophe) {
  EXPECT_EQ(csv_field(CsvCell::text("=HYPERLINK(\"http://x\")")), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_field(CsvCell::text("+31 6 1234")), "'+31 6 1234");
  EXPECT_EQ(csv_field(CsvCell::text("-2+3")), "'-2+3");
  EXPECT_EQ(csv_field(CsvCell::text("@SUM(A1)")), "'@SUM(A1)");
  EXPECT_EQ(csv_field(CsvCell::text("\tx")), "'\tx");
  EXPECT_EQ(csv_field(CsvCell::text("a=b")), "a=b");  // only the first character counts
}

TEST(CsvField, NumbersWeRenderAreNotGuarded) {
  EXPECT_EQ(csv_field(CsvCell::number(-3)), "-3");
  EXPECT_EQ(csv_field(CsvCell::number(42)), "42");
}

TEST(CsvRow, JoinsWithCommasAndEndsWithCrlf) {
  EXPECT_EQ(csv_row({CsvCell::text("a"), CsvCell::number(1), CsvCell::text("b,c")}),
            "a,1,\"b,c\"\r\n");
  EXPECT_EQ(csv_row({}), "\r\n");
}

}  // namespace
}  // namespace spoorboek::report
