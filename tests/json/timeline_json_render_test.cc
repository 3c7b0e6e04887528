// The rendered timeline: valid JSON with the stable shape of the contract, read back with
// nlohmann so that the hand-written writer is checked by an independent parser.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/holidays.h"
#include "json/json_text.h"
#include "json/timeline_json.h"

namespace spoorboek::json {
namespace {

using core::Date;
using nlohmann::json;

Date date(const char* iso) { return *core::parse_iso_date(iso); }

// The example of domain.md §1 with the first steps recorded, as of a day in the second year.
constexpr const char* kRealisticCase = R"({
    "periods": [{"kind": "sick", "start": "2022-01-03", "end": "2022-07-03"},
                {"kind": "sick", "start": "2022-07-25"}],
    "problem_analysis_date": "2022-02-10", "plan_of_action_date": "2022-02-20",
    "progress_evaluation_dates": ["2022-04-01", "2022-05-10"],
    "first_year_evaluation_date": "2023-01-02", "as_of": "2023-03-01"})";

std::string render_text(const std::string& description) {
  const auto input = parse_timeline_input(description, date("2026-11-23"));
  EXPECT_TRUE(input.ok()) << input.error().field << ": " << input.error().message;
  if (!input.ok()) return "null";
  std::string out;
  append_timeline_json(out, *input, core::compute_timeline(*input));
  EXPECT_EQ(out.find('\n'), std::string::npos) << "one line per timeline";
  return out;
}

json render(const std::string& description) { return json::parse(render_text(description)); }

bool is_date(const json& value) {
  return value.is_string() && core::parse_iso_date(value.get<std::string>()).has_value();
}

TEST(RenderTimeline, HasTheContractKeysWithTheirTypes) {
  const json timeline = render(kRealisticCase);
  ASSERT_TRUE(timeline.is_object());
  EXPECT_EQ(timeline["first_sick_day"], "2022-01-03");
  EXPECT_EQ(timeline["as_of"], "2023-03-01");
  const json& deadlines = timeline["deadlines"];
  for (const char* key :
       {"problem_analysis", "plan_of_action", "uwv_42_week_report", "first_year_evaluation",
        "track_2_start", "reintegration_report", "wia_application", "waiting_period_end",
        "uwv_sanction_decision", "wage_continuation_end"}) {
    ASSERT_TRUE(deadlines.contains(key)) << key;
    EXPECT_TRUE(is_date(deadlines[key]["due"])) << key;
  }
  EXPECT_TRUE(is_date(deadlines["first_year_evaluation"]["from"]));
  EXPECT_TRUE(is_date(deadlines["wia_application"]["from"]));
}

TEST(RenderTimeline, ListsEveryMilestoneInProcessOrderWithItsDescription) {
  const std::string text = render_text(kRealisticCase);
  const json deadlines = json::parse(text)["deadlines"];
  ASSERT_EQ(deadlines.size(), core::kMilestoneCount);
  // nlohmann sorts object keys, so the order is checked on the positions in the text.
  std::size_t previous = 0;
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    const auto key = core::milestone_key_name(static_cast<core::MilestoneKey>(i));
    const std::size_t at = text.find("\"" + std::string(key) + "\":{");
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, previous) << key;
    previous = at;
    const json& deadline = deadlines[std::string(key)];
    EXPECT_TRUE(deadline["due"].is_null() || is_date(deadline["due"])) << key;
    EXPECT_TRUE(deadline["responsible"].is_string()) << key;
    EXPECT_TRUE(deadline["legal_basis"].is_string()) << key;
    EXPECT_TRUE(deadline["status"].is_string()) << key;
    EXPECT_FALSE(deadline["explanation"].get<std::string>().empty()) << key;
    EXPECT_FALSE(deadline["explanation_nl"].get<std::string>().empty()) << key;
  }
}

TEST(RenderTimeline, ShowsTheLastWorkingDayOnlyWhenTheDueDateIsNone) {
  const json deadlines = render(kRealisticCase)["deadlines"];
  for (const auto& [key, deadline] : deadlines.items()) {
    if (!deadline["due"].is_string()) continue;
    const Date due = date(deadline["due"].get<std::string>().c_str());
    if (core::is_working_day(due)) {
      EXPECT_FALSE(deadline.contains("last_working_day")) << key;
    } else {
      ASSERT_TRUE(deadline.contains("last_working_day")) << key;
      const Date last = date(deadline["last_working_day"].get<std::string>().c_str());
      EXPECT_LT(last, due) << key;
      EXPECT_TRUE(core::is_working_day(last)) << key;
    }
  }
  const json& report = deadlines["uwv_42_week_report"];
  ASSERT_TRUE(report.contains("uwv_working_day"));
  EXPECT_GE(report["uwv_working_day"].get<std::string>(), report["due"].get<std::string>());
}

TEST(RenderTimeline, DescribesTheCaseAndItsInterruptions) {
  const json timeline = render(kRealisticCase);
  const json& summary = timeline["case"];
  EXPECT_EQ(summary["first_sick_day"], "2022-01-03");
  EXPECT_TRUE(summary["last_sick_day"].is_null());
  EXPECT_FALSE(summary.contains("relapse_combines_until"));
  EXPECT_EQ(summary["interruption_days"], 21);
  EXPECT_EQ(summary["earlier_cases"], 0);
  EXPECT_TRUE(summary["counted_sick_days"].is_number_integer());
  ASSERT_EQ(summary["interruptions"].size(), 1u);
  EXPECT_EQ(summary["interruptions"][0],
            json::parse(R"({"from":"2022-07-04","to":"2022-07-24","days":21,"kind":"fit"})"));
}

TEST(RenderTimeline, MovesTheWaitingPeriodByTheFitGap) {
  // domain.md §1: the fit gap of 21 days moves E from 2023-12-31 to 2024-01-21.
  const json wage = render(kRealisticCase)["wage_period"];
  ASSERT_TRUE(wage.is_object());
  EXPECT_EQ(wage["waiting_period_end"], "2024-01-21");
  EXPECT_EQ(wage["extended_end"], "2024-01-21");
  EXPECT_EQ(wage["wage_continuation_end"], "2024-01-21");
  EXPECT_EQ(wage["wia_from"], "2024-01-22");
  EXPECT_EQ(wage["late_application_days"], 0);
  EXPECT_EQ(wage["sanction_days"], 0);
}

TEST(RenderTimeline, ListsTheProgressEvaluations) {
  const json evaluations = render(kRealisticCase)["progress_evaluations"];
  ASSERT_TRUE(evaluations.is_array());
  ASSERT_GE(evaluations.size(), 2u);
  EXPECT_EQ(evaluations[0]["done_on"], "2022-04-01");
  EXPECT_EQ(evaluations[1]["done_on"], "2022-05-10");
  for (const json& cycle : evaluations) {
    EXPECT_TRUE(is_date(cycle["due"]));
    EXPECT_TRUE(cycle["status"].is_string());
  }
}

TEST(RenderTimeline, LeavesDeadlinesOfAnEndedCaseWithoutADate) {
  const json timeline = render(
      R"({"periods":[{"kind":"sick","start":"2026-01-05","end":"2026-01-20"}],
          "as_of":"2026-06-01"})");
  EXPECT_EQ(timeline["case"]["last_sick_day"], "2026-01-20");
  // A relapse after a gap of at most 27 days (21 January-16 February) continues this case.
  EXPECT_EQ(timeline["case"]["relapse_combines_until"], "2026-02-17");
  EXPECT_TRUE(timeline["wage_period"].is_null());
  const json& end = timeline["deadlines"]["waiting_period_end"];
  EXPECT_TRUE(end["due"].is_null());
  EXPECT_EQ(end["status"], "not_applicable");
  EXPECT_EQ(end["not_applicable_reason"], "case_ended_first");
}

TEST(RenderTimeline, CountsAMaternityLeaveAsAnInterruption) {
  const json summary = render(
      R"({"periods":[{"kind":"sick","start":"2025-01-06","end":"2025-03-02","cause":"back"},
                     {"kind":"maternity_leave","start":"2025-03-03","end":"2025-06-22"},
                     {"kind":"sick","start":"2025-06-23","cause":"back"}],
          "as_of":"2025-09-01"})")["case"];
  ASSERT_EQ(summary["interruptions"].size(), 1u);
  EXPECT_EQ(summary["interruptions"][0]["kind"], "maternity_leave");
  EXPECT_EQ(summary["first_sick_day"], "2025-01-06");
}

TEST(AppendJsonString, EscapesWhatJsonRequiresAndKeepsUtf8) {
  const std::string original = "quote \" backslash \\ newline \n tab \t bell \x07 ë — €";
  std::string out;
  append_json_string(out, original);
  EXPECT_EQ(out.find('\n'), std::string::npos);
  EXPECT_NE(out.find("\\u0007"), std::string::npos);
  EXPECT_NE(out.find("ë — €"), std::string::npos);
  EXPECT_EQ(json::parse(out).get<std::string>(), original);
}

TEST(AppendJsonString, FindsEveryEscapeWhereverItFallsInTheText) {
  // The scan looks at eight bytes at a time: put each kind of escape at every offset of a word.
  for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
    for (std::size_t at = 0; at < 24; ++at) {
      std::string original(24, 'a');
      original[at] = special;
      original += "\xc3\xab";  // UTF-8 after it stays as is
      std::string out;
      append_json_string(out, original);
      EXPECT_EQ(json::parse(out).get<std::string>(), original) << "offset " << at;
    }
  }
}

TEST(AppendErrorJson, GivesCodeFieldMessageAndLine) {
  std::string out;
  append_error_json(out,
                    core::make_error("invalid_date", "periods[1].end", "\"2026-02-30\" is bad"), 7);
  const json error = json::parse(out);
  EXPECT_EQ(error["error"]["code"], "invalid_date");
  EXPECT_EQ(error["error"]["field"], "periods[1].end");
  EXPECT_EQ(error["error"]["message"], "\"2026-02-30\" is bad");
  EXPECT_EQ(error["line"], 7);
}

}  // namespace
}  // namespace spoorboek::json
