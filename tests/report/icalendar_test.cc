// The iCalendar writer against RFC 5545: line endings, folding, TEXT escaping, all-day events.
#include "report/icalendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/core/timeline_test_support.h"

namespace spoorboek::report {
namespace {

using core::testing::d;

std::vector<std::string> split_crlf(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

// Undoes folding (RFC 5545 §3.1): a CRLF followed by one space or tab is removed.
std::string unfold(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

TEST(EscapeText, EscapesBackslashSemicolonCommaAndNewlines) {
  EXPECT_EQ(escape_text(R"(a\b;c,d)"), R"(a\\b\;c\,d)");
  EXPECT_EQ(escape_text("one\ntwo\r\nthree\rfour"), R"(one\ntwo\nthree\nfour)");
  EXPECT_EQ(escape_text("tab\there"), "tab here");
  EXPECT_EQ(escape_text(std::string("bell\x07!", 6)), "bell!");
  EXPECT_EQ(escape_text("Probleemanalyse – dossier 12"), "Probleemanalyse – dossier 12");
}

TEST(FoldContentLine, ShortLinesAreEndedWithCrlfOnly) {
  EXPECT_EQ(fold_content_line("BEGIN:VCALENDAR"), "BEGIN:VCALENDAR\r\n");
  const std::string exactly75(75, 'x');
  EXPECT_EQ(fold_content_line(exactly75), exactly75 + "\r\n");
}

TEST(FoldContentLine, LongLinesFoldAt75OctetsAndUnfoldToTheOriginal) {
  const std::string line = "DESCRIPTION:" + std::string(200, 'a');
  const std::string folded = fold_content_line(line);
  for (const auto& physical : split_crlf(folded)) {
    EXPECT_LE(physical.size(), 75u) << physical;
  }
  // 212 octets: 75 on the first line, 74 (after the space) on the second, 63 on the third.
  const auto lines = split_crlf(folded);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].size(), 75u);
  EXPECT_EQ(lines[1].size(), 75u);
  EXPECT_EQ(lines[2], " " + std::string(63, 'a'));
  EXPECT_EQ(unfold(folded), line + "\r\n");
}

TEST(FoldContentLine, NeverSplitsAUtf8Sequence) {
  // 73 ASCII octets, then "é" (2 octets) twice: the second "é" does not fit on the first line.
  const std::string line = std::string(73, 'a') + "éé";
  const std::string folded = fold_content_line(line);
  const auto lines = split_crlf(folded);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], std::string(73, 'a') + "é");
  EXPECT_EQ(lines[1], " é");
  // A line of 4-octet characters: every physical line holds whole characters.
  std::string emoji;
  for (int i = 0; i < 40; ++i) emoji += "\xF0\x9F\x93\x85";  // U+1F4C5 calendar
  for (const auto& physical : split_crlf(fold_content_line("SUMMARY:" + emoji))) {
    EXPECT_LE(physical.size(), 75u);
    const std::size_t body = physical.starts_with("SUMMARY:") ? physical.size() - 8
                                                                : physical.size() - 1;
    EXPECT_EQ(body % 4, 0u) << physical;
  }
}

TEST(IcalUtcTimestamp, WritesTheBasicFormat) {
  EXPECT_EQ(ical_utc_timestamp("2026-03-02T10:15:00Z"), "20260302T101500Z");
}

TEST(WriteCalendar, WritesAllDayEventsWithCrlfAndEscapedText) {
  Calendar calendar;
  calendar.name = "Spoorboek, deadlines";
  calendar.timestamp = "2026-03-02T10:15:00Z";
  calendar.events.push_back(
      CalendarEvent{"spoorboek-case-7-problem_analysis", d("2026-02-28"),
                    "Probleemanalyse – dossier 7 (J.d.V.)", "Status: gepland.\nGrondslag: x; y"});
  const std::string text = write_calendar(calendar);
  // Every line ends in CRLF; no bare LF anywhere.
  ASSERT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(text[i - 1], '\r') << "bare LF at " << i;
    }
  }
  const std::string unfolded = unfold(text);
  EXPECT_TRUE(unfolded.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  EXPECT_NE(unfolded.find("X-WR-CALNAME:Spoorboek\\, deadlines\r\n"), std::string::npos);
  EXPECT_NE(unfolded.find("BEGIN:VEVENT\r\nUID:spoorboek-case-7-problem_analysis\r\n"
                          "DTSTAMP:20260302T101500Z\r\n"
                          "DTSTART;VALUE=DATE:20260228\r\n"
                          "DTEND;VALUE=DATE:20260301\r\n"  // the next day, across month end
                          "SUMMARY:Probleemanalyse – dossier 7 (J.d.V.)\r\n"
                          "DESCRIPTION:Status: gepland.\\nGrondslag: x\\; y\r\n"
                          "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"),
            std::string::npos)
      << unfolded;
}

TEST(WriteCalendar, AnEmptyCalendarIsStillValid) {
  Calendar calendar;
  calendar.name = "leeg";
  calendar.timestamp = "2026-03-02T10:15:00Z";
  const std::string text = write_calendar(calendar);
  EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
  EXPECT_EQ(text.find("VEVENT"), std::string::npos);
}

}  // namespace
}  // namespace spoorboek::report
