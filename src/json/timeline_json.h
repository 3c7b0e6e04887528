// The `timeline` JSON contract (issue 2): a case description in, its timeline out.
//
// Integrations depend on both shapes; keep them stable (new keys are fine, renamed ones are not).
//
// Input: one JSON object with "periods" (required) and optional keys that mirror
// core::TimelineInput one to one ("problem_analysis_date", "wage_sanction_weeks", "deviations",
// "safety_net", ...; see timeline_input_keys()). A null value means the key is absent. Unknown
// keys, wrong types, impossible dates and broken rules are refused.
//
// Output: one line of compact JSON:
//   {"first_sick_day","as_of","case":{...},"deadlines":{"<milestone key>":{...}, every milestone
//    in process order},"wage_period":{...}|null,"progress_evaluations":[...],"early_iva":{...}?}
// A deadline has "due" (null when the case ended before it), "responsible", "legal_basis",
// "status", "explanation" (English), "explanation_nl", and when they apply "from", "remind_on",
// "last_working_day" (only when "due" is no working day), "uwv_working_day" (42nd-week report),
// "done_on", "deemed_timely", "not_applicable_reason".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/timeline.h"

namespace spoorboek::json {

// Every top-level key a description may carry, in the order of core::TimelineInput.
std::vector<std::string_view> timeline_input_keys();

// Parses one description and validates it with core::validate_timeline_input(). `default_as_of`
// is the as-of date when the description has no "as_of" (the caller's today: nothing here reads
// the clock).
// Guarantees: on success the input is ready for core::compute_timeline(). On failure the Error
// names the input path in `field` ("periods[1].end", "wage_sanction_weeks"; "" for the whole
// text) and the reason in `message`; codes: empty_input, invalid_json, not_an_object,
// unknown_key, duplicate_key, wrong_type, invalid_date, missing_field, unknown_value,
// out_of_range, and the codes of core::validate_timeline_input().
core::Result<core::TimelineInput> parse_timeline_input(std::string_view text,
                                                       core::Date default_as_of);

// The same, filling `input` and reusing its storage (for bulk work). On failure `input` holds an
// unspecified partial description.
core::Status parse_timeline_input_into(std::string_view text, core::Date default_as_of,
                                       core::TimelineInput& input);

// Appends the timeline as one line of compact JSON, without a newline.
// REQUIRES: timeline == core::compute_timeline(input) for a validated input.
void append_timeline_json(std::string& out, const core::TimelineInput& input,
                          const core::Timeline& timeline);

// Appends {"error":{"code","field","message"}} and, when line > 0, "line":line, without a newline.
void append_error_json(std::string& out, const core::Error& error, long line = 0);

}  // namespace spoorboek::json
