// The parser of case descriptions: what it accepts, and that every kind of bad input is refused
// with a code and the path of the offending field.
#include <gtest/gtest.h>

#include <string>

#include "json/timeline_json.h"

namespace spoorboek::json {
namespace {

using core::Date;

Date date(const char* iso) { return *core::parse_iso_date(iso); }

const Date kToday = date("2026-11-23");

constexpr const char* kOnePeriod = R"("periods":[{"kind":"sick","start":"2025-03-03"}])";

std::string with_one_period(const std::string& more) {
  return std::string("{") + kOnePeriod + (more.empty() ? "" : "," + more) + "}";
}

core::Error refusal(const std::string& text) {
  auto result = parse_timeline_input(text, kToday);
  EXPECT_FALSE(result.ok()) << "accepted: " << text;
  if (result.ok()) return {};
  EXPECT_FALSE(result.error().message.empty());
  return result.error();
}

#define EXPECT_REFUSED(text, expected_code, expected_field)  \
  do {                                                       \
    const core::Error error = refusal(text);                 \
    EXPECT_EQ(error.code, expected_code) << error.message;   \
    EXPECT_EQ(error.field, expected_field) << error.message; \
  } while (false)

TEST(ParseTimelineInput, ReadsTheContractExample) {
  const auto result = parse_timeline_input(R"({
      "periods": [{"kind": "sick", "start": "2022-01-03", "end": "2022-07-03", "cause": "back"},
                  {"kind": "sick", "start": "2022-07-25"}],
      "problem_analysis_date": "2022-02-10", "first_year_evaluation_date": "2022-12-20",
      "voluntary_extension_weeks": 0, "wage_sanction_weeks": 0,
      "wia_application_date": "2023-10-01", "uwv_letter_date": "2023-09-01",
      "as_of": "2023-01-15"})",
                                           kToday);
  ASSERT_TRUE(result.ok()) << result.error().field << ": " << result.error().message;
  const core::TimelineInput& input = *result;
  ASSERT_EQ(input.periods.size(), 2u);
  EXPECT_EQ(input.periods[0].start, date("2022-01-03"));
  EXPECT_EQ(input.periods[0].end, date("2022-07-03"));
  EXPECT_EQ(input.periods[0].cause, "back");
  EXPECT_FALSE(input.periods[1].end.has_value());
  EXPECT_EQ(input.problem_analysis_date, date("2022-02-10"));
  EXPECT_EQ(input.first_year_evaluation_date, date("2022-12-20"));
  EXPECT_EQ(input.wia_application_date, date("2023-10-01"));
  EXPECT_EQ(input.uwv_letter_date, date("2023-09-01"));
  EXPECT_EQ(input.as_of, date("2023-01-15"));
}

TEST(ParseTimelineInput, ReadsTheOptionalKeysThatMirrorTheEngineInput) {
  const auto result = parse_timeline_input(with_one_period(R"(
      "plan_of_action_date": "2025-04-20", "progress_evaluation_dates": ["2025-06-01", "2025-07-10"],
      "uwv_42_week_report_date": "2025-12-20", "track_2_start_date": "2026-03-01",
      "wage_sanction_weeks": 12, "wage_sanction_decision_date": "2027-01-10",
      "employment_end_date": "2026-12-31", "safety_net": "no_risk",
      "deviations": [{"milestone": "plan_of_action", "reason": "employee in hospital"}],
      "file_is_complete": true)"),
                                           kToday);
  ASSERT_TRUE(result.ok()) << result.error().field << ": " << result.error().message;
  EXPECT_EQ(result->plan_of_action_date, date("2025-04-20"));
  ASSERT_EQ(result->progress_evaluation_dates.size(), 2u);
  EXPECT_EQ(result->progress_evaluation_dates[1], date("2025-07-10"));
  EXPECT_EQ(result->uwv_42_week_report_date, date("2025-12-20"));
  EXPECT_EQ(result->track_2_start_date, date("2026-03-01"));
  EXPECT_EQ(result->wage_sanction_weeks, 12);
  EXPECT_EQ(result->wage_sanction_decision_date, date("2027-01-10"));
  EXPECT_EQ(result->employment_end_date, date("2026-12-31"));
  EXPECT_EQ(result->safety_net, core::SafetyNet::no_risk);
  ASSERT_EQ(result->deviations.size(), 1u);
  EXPECT_EQ(result->deviations[0].milestone, core::MilestoneKey::plan_of_action);
  EXPECT_EQ(result->deviations[0].reason, "employee in hospital");
  EXPECT_TRUE(result->file_is_complete);
}

TEST(ParseTimelineInput, AsOfDefaultsToTheDateTheCallerPasses) {
  const auto result = parse_timeline_input(with_one_period(""), kToday);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->as_of, kToday);
}

TEST(ParseTimelineInput, NullMeansAbsent) {
  const auto result = parse_timeline_input(
      R"({"periods":[{"kind":"sick","start":"2025-03-03","end":null,"cause":null}],
          "problem_analysis_date":null,"wage_sanction_weeks":null,"as_of":null,
          "deviations":null})",
      kToday);
  ASSERT_TRUE(result.ok()) << result.error().field << ": " << result.error().message;
  EXPECT_FALSE(result->periods[0].end.has_value());
  EXPECT_FALSE(result->problem_analysis_date.has_value());
  EXPECT_EQ(result->wage_sanction_weeks, 0);
  EXPECT_EQ(result->as_of, kToday);
}

TEST(ParseTimelineInput, ReusesTheInputWithoutCarryingOverOldValues) {
  core::TimelineInput input;
  ASSERT_TRUE(parse_timeline_input_into(
      with_one_period(R"("problem_analysis_date":"2025-04-01","wage_sanction_weeks":3)"), kToday,
      input));
  ASSERT_TRUE(parse_timeline_input_into(with_one_period(""), kToday, input));
  EXPECT_FALSE(input.problem_analysis_date.has_value());
  EXPECT_EQ(input.wage_sanction_weeks, 0);
  EXPECT_EQ(input.periods.size(), 1u);
}

TEST(ParseTimelineInput, RefusesAnEmptyInput) {
  EXPECT_REFUSED("", "empty_input", "");
  EXPECT_REFUSED(" \n\t\r\n", "empty_input", "");
}

TEST(ParseTimelineInput, RefusesTextThatIsNotJson) {
  EXPECT_REFUSED("periods: sick", "invalid_json", "");
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick","start":"2025-03-03"}])", "invalid_json", "");
  EXPECT_REFUSED(with_one_period("") + " {}", "invalid_json", "");
}

TEST(ParseTimelineInput, BrokenJsonOutranksAnEarlierSchemaError) {
  EXPECT_REFUSED(R"({"colour": 1, "periods": [)", "invalid_json", "");
}

TEST(ParseTimelineInput, KeepsTheMessageOfBrokenUtf8Printable) {
  const core::Error error = refusal("{\"periods\": \"\xff\xfe\"}");
  EXPECT_EQ(error.code, "invalid_json");
  for (const char c : error.message) EXPECT_LT(static_cast<unsigned char>(c), 0x80);
}

TEST(ParseTimelineInput, RefusesADescriptionThatIsNoObject) {
  EXPECT_REFUSED("[]", "not_an_object", "");
  EXPECT_REFUSED("42", "not_an_object", "");
  EXPECT_REFUSED(R"("2025-03-03")", "not_an_object", "");
}

TEST(ParseTimelineInput, NamesAnUnknownKey) {
  EXPECT_REFUSED(with_one_period(R"("colour":"red")"), "unknown_key", "colour");
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick","start":"2025-03-03","percentage":50}]})",
                 "unknown_key", "periods[0].percentage");
  EXPECT_REFUSED(with_one_period(R"("deviations":[{"milestone":"plan_of_action","why":"x"}])"),
                 "unknown_key", "deviations[0].why");
}

TEST(ParseTimelineInput, RefusesADuplicateKey) {
  EXPECT_REFUSED(with_one_period(R"("as_of":"2026-01-01","as_of":"2026-01-02")"), "duplicate_key",
                 "as_of");
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick","start":"2025-03-03","start":"2025-03-04"}]})",
                 "duplicate_key", "periods[0].start");
}

TEST(ParseTimelineInput, RefusesWrongTypes) {
  EXPECT_REFUSED(with_one_period(R"("wage_sanction_weeks":"two")"), "wrong_type",
                 "wage_sanction_weeks");
  EXPECT_REFUSED(with_one_period(R"("wage_sanction_weeks":2.5)"), "wrong_type",
                 "wage_sanction_weeks");
  EXPECT_REFUSED(with_one_period(R"("problem_analysis_date":20250401)"), "wrong_type",
                 "problem_analysis_date");
  EXPECT_REFUSED(with_one_period(R"("problem_analysis_date":{"date":"2025-04-01"})"), "wrong_type",
                 "problem_analysis_date");
  EXPECT_REFUSED(R"({"periods":{"kind":"sick","start":"2025-03-03"}})", "wrong_type", "periods");
  EXPECT_REFUSED(R"({"periods":["2025-03-03"]})", "wrong_type", "periods[0]");
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick","start":["2025-03-03"]}]})", "wrong_type",
                 "periods[0].start");
  EXPECT_REFUSED(with_one_period(R"("progress_evaluation_dates":["2025-05-01",null])"),
                 "wrong_type", "progress_evaluation_dates[1]");
  EXPECT_REFUSED(with_one_period(R"("file_is_complete":"yes")"), "wrong_type", "file_is_complete");
}

TEST(ParseTimelineInput, RefusesANumberTooLargeForItsField) {
  EXPECT_REFUSED(with_one_period(R"("voluntary_extension_weeks":99999999999999999999)"),
                 "out_of_range", "voluntary_extension_weeks");
  EXPECT_REFUSED(with_one_period(R"("wage_sanction_weeks":4294967296)"), "out_of_range",
                 "wage_sanction_weeks");
  EXPECT_REFUSED(with_one_period(R"("wage_sanction_weeks":53)"), "out_of_range",
                 "wage_sanction_weeks");
}

TEST(ParseTimelineInput, RefusesImpossibleDates) {
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick","start":"2026-01-05"},
                                {"kind":"sick","start":"2026-02-20","end":"2026-02-30"}]})",
                 "invalid_date", "periods[1].end");
  EXPECT_REFUSED(with_one_period(R"("as_of":"2026-13-01")"), "invalid_date", "as_of");
  EXPECT_REFUSED(with_one_period(R"("uwv_letter_date":"2026-2-3")"), "invalid_date",
                 "uwv_letter_date");
  EXPECT_REFUSED(with_one_period(R"("progress_evaluation_dates":["2025-05-01","2025-06-31"])"),
                 "invalid_date", "progress_evaluation_dates[1]");
}

TEST(ParseTimelineInput, RefusesAnEndBeforeTheStart) {
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick","start":"2026-03-10","end":"2026-03-01"}]})",
                 "end_before_start", "periods[0].end");
}

TEST(ParseTimelineInput, RefusesOverlappingPeriods) {
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick","start":"2026-01-05","end":"2026-02-10"},
                                {"kind":"sick","start":"2026-02-10"}]})",
                 "overlap", "periods[1].start");
}

TEST(ParseTimelineInput, RefusesAnUnknownPeriodKind) {
  EXPECT_REFUSED(R"({"periods":[{"kind":"holiday","start":"2026-01-05"}]})", "unknown_kind",
                 "periods[0].kind");
}

TEST(ParseTimelineInput, RefusesUnknownValues) {
  EXPECT_REFUSED(with_one_period(R"("safety_net":"lottery")"), "unknown_value", "safety_net");
  EXPECT_REFUSED(with_one_period(R"("deviations":[{"milestone":"lunch","reason":"x"}])"),
                 "unknown_value", "deviations[0].milestone");
}

TEST(ParseTimelineInput, RefusesMissingFields) {
  EXPECT_REFUSED(R"({"as_of":"2026-01-01"})", "missing_field", "periods");
  EXPECT_REFUSED(R"({"periods":[]})", "missing_field", "periods");
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick"}]})", "missing_field", "periods[0].start");
  EXPECT_REFUSED(R"({"periods":[{"kind":"sick","start":"2026-01-05","end":"2026-01-20"},
                                {"start":"2026-03-05"}]})",
                 "missing_field", "periods[1].kind");
  EXPECT_REFUSED(R"({"periods":[{"kind":"maternity_leave","start":"2026-01-05"},
                                {"kind":"sick","start":"2026-06-05"}]})",
                 "missing_field", "periods[0].end");
  EXPECT_REFUSED(with_one_period(R"("deviations":[{"reason":"x"}])"), "missing_field",
                 "deviations[0].milestone");
}

TEST(ParseTimelineInput, ListsEveryKeyItAccepts) {
  const auto keys = timeline_input_keys();
  for (const std::string_view key : keys) {
    // Every listed key is known: the parser refuses it for its value, never as unknown.
    const core::Error error = refusal(with_one_period("\"" + std::string(key) + "\":{}"));
    EXPECT_NE(error.code, "unknown_key") << key;
  }
  EXPECT_EQ(keys.front(), "periods");
}

}  // namespace
}  // namespace spoorboek::json
