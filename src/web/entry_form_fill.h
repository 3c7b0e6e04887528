// Internal to the pages: one entry form as typed, from the posted fields to the payload JSON
// that core validates and back to the mustache data that shows it (with each refusal next to
// its input).
//
// Contract:
// - read_typed() keeps every value as sent (nothing is trimmed or dropped), so a refused form
//   shows exactly what was typed;
// - check_typed() names every required input left empty and every date, number or option that
//   cannot be read, by input name, in the viewer's language; it decides nothing core decides;
// - payload_json() builds the payload core's field list expects (empty inputs and wholly empty
//   rows left out; MEDICAL inputs under "medical"; summary inputs as "<label>: <value>" lines);
// - place_error() puts a refusal of core or the application next to the input its field path
//   ("occurred_on", "payload.actions[1].due", "payload.limitations[0]") names, or above the form;
// - form_items() is the data of form_entry.mustache's item list.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "web/entry_form_spec.h"
#include "web/form.h"
#include "web/page_render.h"

namespace spoorboek::web {

struct ChoiceOption {
  std::string value;
  std::string label;
};

// What a form shows besides its spec: the options that come from the file or the store, and
// whether the viewer writes MEDICAL data (else the MEDICAL inputs are left out).
struct FormOptions {
  std::map<std::string, std::vector<ChoiceOption>, std::less<>> dynamic;  // by input name
  bool writes_medical = false;
  std::string viewer_name;  // the attendee of a form with attendee_is_viewer
};

struct TypedForm {
  std::map<std::string, std::string, std::less<>> values;  // by input name
  std::map<std::string, int, std::less<>> rows;            // by group name
  std::map<std::string, std::string, std::less<>> errors;  // by input or group name
  std::string form_error;                                  // shown above the form
  // Maps the index of a row in the payload's list to the row on the form (empty rows are left
  // out of the payload), per group.
  std::map<std::string, std::vector<int>, std::less<>> sent_rows;

  const std::string& value(std::string_view name) const;
};

// Whether the input is on the form for this viewer.
bool input_shown(const InputSpec& input, const FormOptions& options);

TypedForm blank_form(const EntryFormSpec& spec);
TypedForm read_typed(const EntryFormSpec& spec, const Form& form, std::string_view date_input);
// One more row for the group named by the form's "add_row" button; false when none was pressed.
bool add_row_pressed(const EntryFormSpec& spec, const Form& form, TypedForm& typed);

// True when nothing was refused.
bool check_typed(const EntryFormSpec& spec, const FormOptions& options, Language language,
                 std::string_view date_input, TypedForm& typed);

std::string payload_json(const EntryFormSpec& spec, const FormOptions& options, Language language,
                         TypedForm& typed);

void place_error(const EntryFormSpec& spec, const FormOptions& options, Language language,
                 const core::Error& error, std::string_view date_input, TypedForm& typed);

// The date input (`date_input`, labelled "forms.date.<slug>") first, then the spec's items.
Data form_items(const EntryFormSpec& spec, const FormOptions& options, Language language,
                std::string_view date_input, const TypedForm& typed);

// The message of a refusal code ("forms.error.<code>", a general one for codes without text).
std::string error_text(Language language, std::string_view code);

}  // namespace spoorboek::web
