// One output line per input line, numbered like the input, with the refused lines counted.
#include "json/timeline_batch.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace spoorboek::json {
namespace {

using nlohmann::json;

TEST(TimelineBatch, AnswersEachLineWithOneLineAndNumbersTheRefusedOnes) {
  TimelineBatch batch(*core::parse_iso_date("2026-11-23"));
  std::string out;
  EXPECT_TRUE(batch.process_line(R"({"periods":[{"kind":"sick","start":"2026-01-05"}]})", out));
  EXPECT_FALSE(batch.process_line("", out));
  EXPECT_FALSE(batch.process_line(R"({"periods":[{"kind":"flu","start":"2026-01-05"}]})", out));
  EXPECT_TRUE(batch.process_line(R"({"periods":[{"kind":"sick","start":"2026-02-02"}]})", out));
  EXPECT_EQ(batch.lines_read(), 4);
  EXPECT_EQ(batch.lines_refused(), 2);

  std::vector<json> lines;
  for (std::size_t start = 0; start < out.size();) {
    const std::size_t end = out.find('\n', start);
    ASSERT_NE(end, std::string::npos) << "every answer ends with a newline";
    lines.push_back(json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["first_sick_day"], "2026-01-05");
  EXPECT_EQ(lines[0]["as_of"], "2026-11-23");
  EXPECT_EQ(lines[1]["error"]["code"], "empty_line");
  EXPECT_EQ(lines[1]["line"], 2);
  EXPECT_EQ(lines[2]["error"]["code"], "unknown_kind");
  EXPECT_EQ(lines[2]["error"]["field"], "periods[0].kind");
  EXPECT_EQ(lines[2]["line"], 3);
  EXPECT_EQ(lines[3]["first_sick_day"], "2026-02-02");
}

TEST(TimelineBatch, NumbersLinesFromWhereItsBlockStartsAndReadsALastLineWithoutNewline) {
  TimelineBatch batch(*core::parse_iso_date("2026-11-23"), /*first_line_number=*/701);
  std::string out;
  batch.process_lines(
      "{\"periods\":[{\"kind\":\"sick\",\"start\":\"2026-01-05\"}]}\n"
      "\n"
      "{\"periods\":[{\"kind\":\"sick\",\"start\":\"2026-02-02\"}]}",
      out);
  EXPECT_EQ(batch.lines_read(), 3);
  EXPECT_EQ(batch.lines_refused(), 1);
  const std::size_t first_end = out.find('\n');
  const std::size_t second_end = out.find('\n', first_end + 1);
  ASSERT_NE(second_end, std::string::npos);
  const json second = json::parse(out.substr(first_end + 1, second_end - first_end - 1));
  EXPECT_EQ(second["line"], 702);
  EXPECT_EQ(json::parse(out.substr(second_end + 1))["first_sick_day"], "2026-02-02");
}

}  // namespace
}  // namespace spoorboek::json
