// Internal to the pages: what each entry form asks, as data (entry_form_spec.cc holds the table).
//
// A form is a list of items, each one input or a group of repeating rows. Every input says where
// its value goes: a field of the entry's payload, a field of its MEDICAL part, or a line of the
// payload's "summary" text (for the topics of a conversation core has no field for; the page
// writes them as "<label>: <value>" lines). The core decides what is valid (case_file_facts.cc);
// an input marked `required` is also checked by the page so that every empty one is named at
// once.
//
// Catalogue keys (web/i18n/<lang>/forms.json): the label of input `name` is
// "forms.field.<name>", an optional hint "forms.hint.<name>", the label of an option
// "forms.option.<name>.<value>"; a group's legend is "forms.group.<group>" and its column labels
// "forms.field.<group>_<column>"; a form's title "forms.title.<slug>", its introduction
// "forms.intro.<slug>" and the label of its date "forms.date.<slug>".
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "app/policy.h"
#include "core/case_file.h"

namespace spoorboek::web {

enum class InputKind {
  date,       // YYYY-MM-DD
  line,       // one short line of text
  phone,      // a telephone number (digits only: the core refuses anything else)
  text,       // several lines of text
  lines,      // a list of texts, one per line (payload: a JSON array of strings)
  number,     // a whole number
  choice,     // one of `options`
  yes_no,     // yes / no (payload: true / false); optional ones also offer "not known"
  checklist,  // any of `options` (payload: a JSON array of the chosen values)
  version,    // an earlier entry of type `version_of` (payload: its seq)
  entry,      // any earlier entry the viewer reads, to correct (payload: its seq)
  employee,   // whom the sick report is about (filled from app::employees_to_report_sick)
};

enum class Destination { payload, medical, summary, none };

struct InputSpec {
  std::string_view name;  // the form input's name ([a-z0-9_], see form.h)
  InputKind kind = InputKind::line;
  Destination destination = Destination::payload;
  // The payload / medical field; the input's name when empty. "a.b" names field b of the
  // object a (the object is left out when none of its inputs is filled in).
  std::string_view key = {};
  bool required = false;
  std::vector<std::string_view> options = {};
  core::EntryType version_of = core::EntryType::plan_of_action;
  // A version input offers only the entries whose payload has this value in this field (the
  // requests among the deskundigenoordelen); every entry of `version_of` when empty.
  std::string_view version_field = {};
  std::string_view version_value = {};

  std::string_view field() const { return key.empty() ? name : key; }
};

// Rows of inputs ("actions_0_due"); the page shows kInitialRows (or as many as were sent) and
// one more for each press of "add a row", up to kMaxRows. A row left wholly empty is skipped.
struct GroupSpec {
  std::string_view name;
  Destination destination = Destination::payload;  // payload: a list of objects under `name`
  std::vector<InputSpec> columns;
};

using FormItem = std::variant<InputSpec, GroupSpec>;

// Who a form is for: the people who run the case, or the employee about their own file.
enum class Audience { staff, own_employee };

struct EntryFormSpec {
  std::string_view slug;  // in the URL: the entry type's name, or the form's own name
  core::EntryType type;
  Audience audience = Audience::staff;
  bool medical_only = false;        // the whole form is MEDICAL: only for who writes medical data
  bool attendee_is_viewer = false;  // a conversation of the employee: they are its attendee
  std::vector<FormItem> items;
  // Payload fields the form sets itself: one form per kind of an entry type (a spoor 2
  // application, a request for a deskundigenoordeel) asks only what that kind needs.
  std::vector<std::pair<std::string_view, std::string_view>> fixed = {};
};

inline constexpr int kInitialRows = 3;
inline constexpr int kMaxRows = 6;

// Every entry form but the sick report's, in the order the index page lists them.
const std::vector<EntryFormSpec>& entry_form_specs();
const EntryFormSpec* find_entry_form(std::string_view slug);
// The sick report (/cases/new): its date is "first_sick_day" and it names the employee.
const EntryFormSpec& sick_report_form();

// Whether the form is for this viewer in this case: its entry type is one the viewer may add
// there, a MEDICAL form only for who writes medical data, the employee's own forms only in their
// own file and the others only for staff. The application still decides the write.
bool form_offered(const EntryFormSpec& spec, const app::Actor& actor, const app::CaseAccess& access,
                  const store::CaseReach& reach);
// Where a link by entry type (the case page's) leads this viewer: the form named after the type,
// else the employee's own form of that type; nullptr when the viewer is offered neither.
const EntryFormSpec* form_for_type(core::EntryType type, const app::Actor& actor,
                                   const app::CaseAccess& access, const store::CaseReach& reach);

// The input names of a group's cell and of its row count.
std::string group_cell_name(std::string_view group, int row, std::string_view column);
std::string group_rows_name(std::string_view group);

}  // namespace spoorboek::web
