// `spoorboek timeline` as a user runs it: files and standard input, exit codes 0 and 2, errors
// on stderr naming the field, nothing on stdout when refused, and the batch form line by line.
#include <gtest/gtest.h>

#include <ctime>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/clock.h"
#include "cli_runner.h"

namespace spoorboek::cli::testing {
namespace {

using nlohmann::json;

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;

const std::string kCase =
    R"({"periods":[{"kind":"sick","start":"2022-01-03","end":"2022-07-03"},)"
    R"({"kind":"sick","start":"2022-07-25"}],"problem_analysis_date":"2022-02-10"})";

std::string case_starting(const std::string& first_sick_day) {
  return R"({"periods":[{"kind":"sick","start":")" + first_sick_day + R"("}]})";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(TimelineCommand, PrintsTheTimelineOfAFileAsOneLine) {
  const RunResult run =
      run_spoorboek("timeline --as-of 2023-03-01 " + quoted_path(write_temp_file(kCase)));
  EXPECT_EQ(run.exit_code, kExitOk) << run.err;
  EXPECT_EQ(run.err, "");
  ASSERT_EQ(lines_of(run.out).size(), 1u);
  const json timeline = json::parse(run.out);
  EXPECT_EQ(timeline["first_sick_day"], "2022-01-03");
  EXPECT_EQ(timeline["as_of"], "2023-03-01");
  EXPECT_EQ(timeline["deadlines"]["problem_analysis"]["status"], "done_on_time");
}

TEST(TimelineCommand, ReadsStandardInputForADash) {
  const RunResult from_stdin = run_spoorboek("timeline --as-of 2023-03-01 -", kCase);
  const RunResult from_file =
      run_spoorboek("timeline --as-of 2023-03-01 " + quoted_path(write_temp_file(kCase)));
  EXPECT_EQ(from_stdin.exit_code, kExitOk) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, from_file.out);
}

TEST(TimelineCommand, TheDescriptionsAsOfWinsOverTheOption) {
  const RunResult run =
      run_spoorboek("timeline --as-of 2023-03-01 -",
                    R"({"periods":[{"kind":"sick","start":"2022-01-03"}],"as_of":"2022-06-01"})");
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  EXPECT_EQ(json::parse(run.out)["as_of"], "2022-06-01");
}

// The binary's own notion of today, so the test and the command agree on the calendar.
std::string local_today() { return core::format_iso_date(cli::local_today()); }

TEST(TimelineCommand, WithoutAsOfUsesTodaysLocalDate) {
  const std::string before = local_today();
  const RunResult run = run_spoorboek("timeline -", kCase);
  const std::string after = local_today();
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  const std::string as_of = json::parse(run.out)["as_of"];
  EXPECT_TRUE(as_of == before || as_of == after) << as_of;
}

struct BadDescription {
  const char* name;
  std::string text;
  std::string field_in_message;
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const BadDescription& description, std::ostream* out) { *out << description.name; }

class TimelineCommandRefuses : public ::testing::TestWithParam<BadDescription> {};

TEST_P(TimelineCommandRefuses, WithExitTwoTheFieldOnStderrAndNothingOnStdout) {
  const RunResult run = run_spoorboek("timeline " + quoted_path(write_temp_file(GetParam().text)));
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err.rfind("error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find(GetParam().field_in_message), std::string::npos) << run.err;
  EXPECT_EQ(lines_of(run.err).size(), 1u) << run.err;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, TimelineCommandRefuses,
    ::testing::Values(
        BadDescription{"EmptyFile", "", "empty"},
        BadDescription{"NotJson", "periods: sick\n", "not valid JSON"},
        BadDescription{"NotAnObject", "[1, 2]", "must be a JSON object"},
        BadDescription{"ImpossibleDate", R"({"periods":[{"kind":"sick","start":"2026-02-30"}]})",
                       "periods[0].start: "},
        BadDescription{"EndBeforeStart",
                       R"({"periods":[{"kind":"sick","start":"2026-03-10","end":"2026-03-01"}]})",
                       "periods[0].end: "},
        BadDescription{"Overlap",
                       R"({"periods":[{"kind":"sick","start":"2026-01-05","end":"2026-02-10"},)"
                       R"({"kind":"sick","start":"2026-02-01"}]})",
                       "periods[1].start: "},
        BadDescription{"UnknownKind", R"({"periods":[{"kind":"holiday","start":"2026-01-05"}]})",
                       "periods[0].kind: "},
        BadDescription{"MissingField", R"({"periods":[{"kind":"sick"}]})", "periods[0].start: "},
        BadDescription{"UnknownKey", case_starting("2026-01-05").insert(1, R"("colour":"red",)"),
                       "colour: "},
        BadDescription{"WrongType",
                       case_starting("2026-01-05").insert(1, R"("wage_sanction_weeks":"2",)"),
                       "wage_sanction_weeks: "}),
    [](const ::testing::TestParamInfo<BadDescription>& info) { return info.param.name; });

TEST(TimelineCommand, RefusesAMissingFile) {
  const RunResult run =
      run_spoorboek("timeline " + quoted_path(::testing::TempDir() + "nope.json"));
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("nope.json"), std::string::npos) << run.err;
}

TEST(TimelineCommand, RefusesAnImpossibleAsOfOption) {
  const RunResult run = run_spoorboek("timeline --as-of 2026-02-30 -", kCase);
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("--as-of"), std::string::npos) << run.err;
}

TEST(TimelineCommand, HelpDescribesTheBatchFormAndTheExitCodes) {
  const RunResult run = run_spoorboek("timeline --help");
  EXPECT_EQ(run.exit_code, kExitOk);
  EXPECT_NE(run.out.find("--batch"), std::string::npos);
  EXPECT_NE(run.out.find("--as-of"), std::string::npos);
  EXPECT_NE(run.out.find("Exit codes"), std::string::npos);
  EXPECT_NE(run.out.find("wage_sanction_weeks"), std::string::npos);
}

TEST(TimelineBatchCommand, AnswersEveryLineInOrderAndMarksTheBadOne) {
  const std::string input = case_starting("2024-01-08") + "\n" +
                            R"({"periods":[{"kind":"sick","start":"2024-02-30"}]})" + "\n" +
                            case_starting("2024-03-04") + "\n";
  const RunResult run =
      run_spoorboek("timeline --batch --as-of 2024-06-01 " + quoted_path(write_temp_file(input)));
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_NE(run.err.find("1 of 3"), std::string::npos) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(json::parse(lines[0])["first_sick_day"], "2024-01-08");
  const json refused = json::parse(lines[1]);
  EXPECT_EQ(refused["line"], 2);
  EXPECT_EQ(refused["error"]["code"], "invalid_date");
  EXPECT_EQ(refused["error"]["field"], "periods[0].start");
  EXPECT_FALSE(refused["error"]["message"].get<std::string>().empty());
  EXPECT_EQ(json::parse(lines[2])["first_sick_day"], "2024-03-04");
}

TEST(TimelineBatchCommand, ExitsZeroWhenEveryLineIsGoodAndReadsALastLineWithoutNewline) {
  const std::string input = case_starting("2024-01-08") + "\n" + case_starting("2024-03-04");
  const RunResult run = run_spoorboek("timeline --batch --as-of 2024-06-01 -", input);
  EXPECT_EQ(run.exit_code, kExitOk) << run.err;
  EXPECT_EQ(run.err, "");
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(json::parse(lines[1])["first_sick_day"], "2024-03-04");
}

TEST(TimelineBatchCommand, RefusesAnEmptyLineInsteadOfSkippingIt) {
  const std::string input =
      case_starting("2024-01-08") + "\n\n" + case_starting("2024-03-04") + "\n";
  const RunResult run = run_spoorboek("timeline --batch --as-of 2024-06-01 -", input);
  EXPECT_EQ(run.exit_code, kExitBadInput);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(json::parse(lines[1])["line"], 2);
  EXPECT_EQ(json::parse(lines[1])["error"]["code"], "empty_line");
}

TEST(TimelineBatchCommand, KeepsOrderAndLineNumbersAcrossBlocksAndThreads) {
  // Several blocks of lines (a block is 256 KiB), a bad line in a later block, and a line longer
  // than a block; answered on one thread and on three, which must give the same bytes.
  std::string input;
  std::vector<std::string> first_days;
  constexpr int kLines = 9000;
  constexpr int kBadLine = 8123;
  for (int line = 1; line <= kLines; ++line) {
    const int day = line % 28 + 1;
    const std::string first_day =
        std::string("2024-03-") + (day < 10 ? "0" : "") + std::to_string(day);
    first_days.push_back(first_day);
    input += (line == kBadLine ? std::string("{\"periods\":1}") : case_starting(first_day)) + "\n";
  }
  const std::string long_cause(600 << 10, 'x');
  input += R"({"periods":[{"kind":"sick","start":"2024-05-06","cause":")" + long_cause + "\"}]}";
  first_days.push_back("2024-05-06");
  const std::string file = quoted_path(write_temp_file(input));

  const RunResult one_thread = run_spoorboek("timeline --batch -j 1 --as-of 2025-01-01 " + file);
  const RunResult three_threads = run_spoorboek("timeline --batch -j 3 --as-of 2025-01-01 " + file);
  EXPECT_EQ(one_thread.exit_code, kExitBadInput);
  EXPECT_EQ(three_threads.exit_code, kExitBadInput);
  EXPECT_TRUE(one_thread.out == three_threads.out) << "the output differs between -j 1 and -j 3";
  const auto lines = lines_of(three_threads.out);
  ASSERT_EQ(lines.size(), first_days.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json answer = json::parse(lines[i]);
    if (i + 1 == kBadLine) {
      EXPECT_EQ(answer["line"], kBadLine);
      EXPECT_EQ(answer["error"]["field"], "periods");
    } else {
      EXPECT_EQ(answer["first_sick_day"], first_days[i]) << "line " << i + 1;
    }
  }
}

TEST(TimelineBatchCommand, AcceptsAnEmptyInputAsNoWork) {
  const RunResult run = run_spoorboek("timeline --batch -", "");
  EXPECT_EQ(run.exit_code, kExitOk) << run.err;
  EXPECT_EQ(run.out, "");
}

}  // namespace
}  // namespace spoorboek::cli::testing
