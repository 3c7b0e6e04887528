// Low-level pieces of JSON text for the hand-written writers of this folder.
//
// The timeline output is written with plain string appends instead of a DOM because the batch
// command renders a million timelines in a few seconds; these helpers are the only place that
// knows how JSON escapes a string or spells a number.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"

namespace spoorboek::json {

// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped,
// everything else (UTF-8 included) copied as is.
// REQUIRES: `text` is valid UTF-8 (the output is then valid JSON).
void append_json_string(std::string& out, std::string_view text);

// Appends a whole number in decimal.
void append_json_integer(std::string& out, long value);

// Appends "YYYY-MM-DD" with its quotes.
void append_json_date(std::string& out, core::Date date);

}  // namespace spoorboek::json
