// Internal to the case page: an entry's payload (canonical JSON, as app::EntryView carries it)
// turned into what a person reads, and the action items agreed in plans and conversations.
//
// Field names and closed choices are read through the catalogue ("case.field.<name>",
// "case.value.<choice>"); a name the catalogue lacks is shown with its underscores as spaces, so
// that a field added to core later still reads as words. ISO dates read as "2 maart 2026".
// Everything returned is plain text: the templates escape it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/application.h"
#include "web/catalogue.h"

namespace spoorboek::web {

// One line of a payload: a label and either a text or a list of texts.
struct PayloadField {
  std::string label;
  std::string text;
  std::vector<std::string> items;
};

// The fields of a JSON object text in its key order; an unreadable text gives no fields.
std::vector<PayloadField> payload_fields(Language language, std::string_view json_text);

struct ActionItem {
  std::int64_t source_seq = 0;
  core::EntryType source_type = core::EntryType::plan_of_action;
  std::string description;
  std::string owner;
  std::optional<core::Date> due;
};

// The actions ("actions") of conversations and the activities ("activities") of the current plan
// of action (earlier versions were replaced by it), from entries that are neither voided nor
// redacted, ordered by due date.
std::vector<ActionItem> action_items(const app::CaseFileView& file);

// The value of a top-level integer or text field of a payload, if present.
std::optional<std::int64_t> payload_integer(std::string_view json_text, std::string_view name);
std::optional<std::string> payload_text(std::string_view json_text, std::string_view name);

}  // namespace spoorboek::web
