#include "web/entry_form_fill.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/date.h"

namespace spoorboek::web {
namespace {

using Json = nlohmann::json;

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  const std::string clean = trimmed(text);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
  if (clean.empty() || error != std::errc() || end != clean.data() + clean.size()) {
    return std::nullopt;
  }
  return value;
}

std::string text_of(Language language, std::string_view key) {
  return std::string(Catalogue::instance().text(language, key));
}

std::string label_of(Language language, std::string_view input_name) {
  return text_of(language, "forms.field." + std::string(input_name));
}

std::string column_name(const GroupSpec& group, const InputSpec& column) {
  return std::string(group.name) + "_" + std::string(column.name);
}

std::string checklist_name(const InputSpec& input, std::string_view option) {
  return std::string(input.name) + "_" + std::string(option);
}

bool is_choice_kind(InputKind kind) {
  return kind == InputKind::choice || kind == InputKind::yes_no || kind == InputKind::version ||
         kind == InputKind::entry || kind == InputKind::employee;
}

// The values a choice input accepts, with their labels, in the order shown.
std::vector<ChoiceOption> choices_of(const InputSpec& input, const FormOptions& options,
                                     Language language) {
  std::vector<ChoiceOption> list;
  switch (input.kind) {
    case InputKind::yes_no:
      list.push_back({"yes", text_of(language, "forms.yes")});
      list.push_back({"no", text_of(language, "forms.no")});
      break;
    case InputKind::version:
    case InputKind::entry:
    case InputKind::employee:
      if (auto found = options.dynamic.find(input.name); found != options.dynamic.end()) {
        list = found->second;
      }
      break;
    default:
      for (const auto option : input.options) {
        list.push_back({std::string(option),
                        text_of(language, "forms.option." + std::string(input.name) + "." +
                                              std::string(option))});
      }
  }
  return list;
}

const ChoiceOption* chosen(const std::vector<ChoiceOption>& list, std::string_view value) {
  for (const auto& option : list) {
    if (option.value == value) return &option;
  }
  return nullptr;
}

// The refusal of one typed value, or "" when it can be read (core decides the rest).
std::string check_value(const InputSpec& input, const FormOptions& options, Language language,
                        std::string_view value) {
  if (is_blank(value)) return input.required ? "missing_field" : "";
  if (input.kind == InputKind::date && !core::parse_iso_date(trimmed(value))) return "invalid_date";
  if (input.kind == InputKind::number && !whole_number(value)) return "invalid_number";
  if (is_choice_kind(input.kind) && !chosen(choices_of(input, options, language), value)) {
    return "invalid_choice";
  }
  return "";
}

bool row_is_empty(const GroupSpec& group, int row, const TypedForm& typed) {
  return std::all_of(group.columns.begin(), group.columns.end(), [&](const InputSpec& column) {
    return is_blank(typed.value(group_cell_name(group.name, row, column.name)));
  });
}

// The JSON value of one non-blank typed value.
Json json_value(const InputSpec& input, const FormOptions& options, Language language,
                const std::string& value) {
  switch (input.kind) {
    case InputKind::yes_no: return value == "yes";
    case InputKind::number:
    case InputKind::version:
    case InputKind::entry:
    case InputKind::employee:
      if (auto number = whole_number(value)) return *number;
      return value;
    case InputKind::text: return value;  // several lines: kept as typed
    default: (void)options; (void)language; return trimmed(value);
  }
}

// "<label>: <value>" for the summary; a chosen option by its label.
std::string summary_line(const InputSpec& input, const FormOptions& options, Language language,
                         std::string_view label, const std::string& value) {
  std::string shown = trimmed(value);
  if (is_choice_kind(input.kind)) {
    const auto list = choices_of(input, options, language);
    if (const auto* option = chosen(list, value)) shown = option->label;
  }
  return std::string(label) + ": " + shown;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    if (std::string item = trimmed(std::string_view(text).substr(start, end - start));
        !item.empty()) {
      items.push_back(std::move(item));
    }
    start = end + 1;
  }
  return items;
}

void add_input(const InputSpec& input, const FormOptions& options, Language language,
               const TypedForm& typed, Json& payload, Json& medical,
               std::vector<std::string>& summary) {
  if (input.destination == Destination::none) return;
  Json& target = input.destination == Destination::medical ? medical : payload;
  const std::string key(input.field());
  if (input.kind == InputKind::checklist) {
    Json ticked = Json::array();
    for (const auto option : input.options) {
      if (!is_blank(typed.value(checklist_name(input, option)))) ticked.push_back(option);
    }
    if (!ticked.empty()) target[key] = ticked;
    return;
  }
  const std::string& value = typed.value(input.name);
  if (input.kind == InputKind::lines) {
    // Always sent: core's lists are required (an empty list says "none").
    if (input.destination != Destination::summary) target[key] = lines_of(value);
    return;
  }
  if (is_blank(value)) return;
  if (input.destination == Destination::summary) {
    summary.push_back(summary_line(input, options, language, label_of(language, input.name), value));
    return;
  }
  // "object.field": a field of a nested object, made when its first input is filled in.
  if (const auto dot = key.find('.'); dot != std::string::npos) {
    target[key.substr(0, dot)][key.substr(dot + 1)] = json_value(input, options, language, value);
    return;
  }
  target[key] = json_value(input, options, language, value);
}

void add_group(const GroupSpec& group, const FormOptions& options, Language language,
               TypedForm& typed, Json& payload, std::vector<std::string>& summary) {
  Json rows = Json::array();
  std::vector<int>& sent = typed.sent_rows[std::string(group.name)];
  sent.clear();
  std::vector<std::string> lines;
  for (int row = 0; row < typed.rows[std::string(group.name)]; ++row) {
    if (row_is_empty(group, row, typed)) continue;
    Json object = Json::object();
    std::string line;
    for (const auto& column : group.columns) {
      const std::string& value = typed.value(group_cell_name(group.name, row, column.name));
      if (is_blank(value)) continue;
      object[std::string(column.name)] = json_value(column, options, language, value);
      line += (line.empty() ? "" : "; ") +
              summary_line(column, options, language,
                           label_of(language, column_name(group, column)), value);
    }
    rows.push_back(object);
    sent.push_back(row);
    lines.push_back("- " + line);
  }
  if (group.destination == Destination::payload) {
    payload[std::string(group.name)] = rows;
  } else if (!lines.empty()) {
    summary.push_back(text_of(language, "forms.group." + std::string(group.name)) + ":");
    summary.insert(summary.end(), lines.begin(), lines.end());
  }
}

const InputSpec* input_with_field(const EntryFormSpec& spec, std::string_view field,
                                  Destination destination) {
  for (const auto& item : spec.items) {
    const auto* input = std::get_if<InputSpec>(&item);
    if (input && input->destination == destination && input->field() == field) return input;
  }
  return nullptr;
}

// The first input writing a field of the nested object `object` ("reintegration_status").
const InputSpec* input_in_object(const EntryFormSpec& spec, std::string_view object) {
  for (const auto& item : spec.items) {
    const auto* input = std::get_if<InputSpec>(&item);
    if (input && input->destination == Destination::payload &&
        input->field().starts_with(std::string(object) + ".")) {
      return input;
    }
  }
  return nullptr;
}

const GroupSpec* group_named(const EntryFormSpec& spec, std::string_view name) {
  for (const auto& item : spec.items) {
    const auto* group = std::get_if<GroupSpec>(&item);
    if (group && group->name == name && group->destination == Destination::payload) return group;
  }
  return nullptr;
}

// Where a refusal of the summary text goes: the last free-text input written into it.
const InputSpec* last_summary_text(const EntryFormSpec& spec) {
  const InputSpec* last = nullptr;
  for (const auto& item : spec.items) {
    const auto* input = std::get_if<InputSpec>(&item);
    if (input && input->destination == Destination::summary && input->kind == InputKind::text) {
      last = input;
    }
  }
  return last;
}

// Places a refusal of "payload.<rest>"; false when no input matches.
bool place_payload_error(const EntryFormSpec& spec, const FormOptions& options,
                         const std::string& rest, const std::string& message, TypedForm& typed) {
  const auto head_end = rest.find_first_of("[.");
  const std::string head = rest.substr(0, head_end);
  if (head == "medical") {
    for (const auto& item : spec.items) {
      const auto* input = std::get_if<InputSpec>(&item);
      if (input && input->destination == Destination::medical && input_shown(*input, options)) {
        typed.errors.emplace(std::string(input->name), message);
        return true;
      }
    }
    return false;
  }
  if (head == "summary") {
    if (const auto* input = last_summary_text(spec)) {
      typed.errors.emplace(std::string(input->name), message);
      return true;
    }
    return false;
  }
  // A field of a nested object ("reintegration_status.tasks"), or the object as a whole.
  for (const auto* input : {input_with_field(spec, rest, Destination::payload),
                            input_with_field(spec, head, Destination::payload),
                            input_in_object(spec, head)}) {
    if (input) {
      typed.errors.emplace(std::string(input->name), message);
      return true;
    }
  }
  const GroupSpec* group = group_named(spec, head);
  if (!group) return false;
  // "activities[1].due": the second row sent, its "due" cell.
  if (head_end != std::string::npos && rest[head_end] == '[') {
    const auto close = rest.find(']', head_end);
    const auto index = whole_number(rest.substr(head_end + 1, close - head_end - 1));
    const auto& sent = typed.sent_rows[head];
    if (close != std::string::npos && index && *index >= 0 &&
        *index < static_cast<std::int64_t>(sent.size()) && close + 1 < rest.size() &&
        rest[close + 1] == '.') {
      const std::string column = rest.substr(close + 2);
      typed.errors.emplace(group_cell_name(head, sent[*index], column), message);
      return true;
    }
  }
  typed.errors.emplace(head, message);
  return true;
}

Data option_list(const std::vector<ChoiceOption>& list, std::string_view value, bool with_blank,
                 Language language) {
  Data options{Data::type::list};
  if (with_blank) {
    Data blank{Data::type::object};
    blank.set("value", "");
    blank.set("label", text_of(language, "forms.choose"));
    blank.set("selected", value.empty());
    options.push_back(blank);
  }
  for (const auto& option : list) {
    Data data{Data::type::object};
    data.set("value", option.value);
    data.set("label", option.label);
    data.set("selected", option.value == value);
    options.push_back(data);
  }
  return options;
}

// The data of one input; every key is set, so that nothing is looked up in an outer context.
Data input_data(const InputSpec& input, const std::string& name, const std::string& label,
                bool label_hidden, const FormOptions& options, Language language,
                const TypedForm& typed) {
  const Catalogue& texts = Catalogue::instance();
  Data data{Data::type::object};
  const std::string id = "f-" + name;
  data.set("is_group", false);
  data.set("name", name);
  data.set("id", id);
  data.set("label", label);
  data.set("label_hidden", label_hidden);
  data.set("required", input.required);
  data.set("medical", input.destination == Destination::medical);
  const std::string hint_key = "forms.hint." + std::string(input.name);
  const bool hinted = !label_hidden && texts.has(language, hint_key);
  data.set("hint", hinted ? Data(text_of(language, hint_key)) : Data(false));
  const auto error = typed.errors.find(name);
  data.set("error", error != typed.errors.end() ? Data(error->second) : Data(false));
  std::string described;
  if (hinted) described = id + "-hint";
  if (error != typed.errors.end()) described += (described.empty() ? "" : " ") + id + "-error";
  data.set("describedby", described.empty() ? Data(false) : Data(described));
  const std::string& value = typed.value(name);
  data.set("value", value);
  data.set("is_date", input.kind == InputKind::date);
  data.set("is_line", input.kind == InputKind::line);
  data.set("is_phone", input.kind == InputKind::phone);
  data.set("is_number", input.kind == InputKind::number);
  data.set("is_text", input.kind == InputKind::text || input.kind == InputKind::lines);
  data.set("is_select", is_choice_kind(input.kind));
  data.set("is_checklist", input.kind == InputKind::checklist);
  Data options_data{Data::type::list};
  if (is_choice_kind(input.kind)) {
    options_data = option_list(choices_of(input, options, language), value, true, language);
  } else if (input.kind == InputKind::checklist) {
    for (const auto option : input.options) {
      const std::string box = checklist_name(input, option);
      Data data_option{Data::type::object};
      data_option.set("box_name", box);
      data_option.set("box_id", "f-" + box);
      data_option.set("label", text_of(language, "forms.option." + std::string(input.name) + "." +
                                                     std::string(option)));
      data_option.set("checked", !is_blank(typed.value(box)));
      options_data.push_back(data_option);
    }
  }
  data.set("options", options_data);
  return data;
}

Data group_data(const GroupSpec& group, const FormOptions& options, Language language,
                const TypedForm& typed) {
  const Catalogue& texts = Catalogue::instance();
  Data data{Data::type::object};
  const std::string name(group.name);
  data.set("is_group", true);
  data.set("name", name);
  data.set("id", "f-" + name);
  data.set("legend", text_of(language, "forms.group." + name));
  const auto error = typed.errors.find(name);
  data.set("error", error != typed.errors.end() ? Data(error->second) : Data(false));
  Data columns{Data::type::list};
  for (const auto& column : group.columns) {
    Data heading{Data::type::object};
    heading.set("heading", label_of(language, column_name(group, column)));
    columns.push_back(heading);
  }
  data.set("columns", columns);
  const int count = typed.rows.at(name);
  Data rows{Data::type::list};
  for (int row = 0; row < count; ++row) {
    Data cells{Data::type::list};
    for (const auto& column : group.columns) {
      const std::string cell_label =
          texts.format(language, "forms.cell_label",
                       {{"column", label_of(language, column_name(group, column))},
                        {"row", std::to_string(row + 1)}});
      InputSpec cell = column;
      cell.required = false;  // a wholly empty row is left out
      Data cell_data = input_data(cell, group_cell_name(name, row, column.name), cell_label, true,
                                  options, language, typed);
      cell_data.set("column_label", label_of(language, column_name(group, column)));
      cells.push_back(cell_data);
    }
    Data row_data{Data::type::object};
    row_data.set("cells", cells);
    rows.push_back(row_data);
  }
  data.set("rows", rows);
  data.set("rows_name", group_rows_name(name));
  data.set("rows_count", std::to_string(count));
  data.set("can_add", count < kMaxRows);
  return data;
}

}  // namespace

const std::string& TypedForm::value(std::string_view name) const {
  static const std::string empty;
  const auto found = values.find(name);
  return found == values.end() ? empty : found->second;
}

bool input_shown(const InputSpec& input, const FormOptions& options) {
  return input.destination != Destination::medical || options.writes_medical;
}

TypedForm blank_form(const EntryFormSpec& spec) {
  TypedForm typed;
  for (const auto& item : spec.items) {
    if (const auto* group = std::get_if<GroupSpec>(&item)) {
      typed.rows[std::string(group->name)] = kInitialRows;
    }
  }
  return typed;
}

TypedForm read_typed(const EntryFormSpec& spec, const Form& form, std::string_view date_input) {
  TypedForm typed = blank_form(spec);
  typed.values[std::string(date_input)] = form.value(date_input);
  for (const auto& item : spec.items) {
    if (const auto* input = std::get_if<InputSpec>(&item)) {
      if (input->kind == InputKind::checklist) {
        for (const auto option : input->options) {
          const std::string box = checklist_name(*input, option);
          typed.values[box] = form.value(box);
        }
      } else {
        typed.values[std::string(input->name)] = form.value(input->name);
      }
      continue;
    }
    const auto& group = std::get<GroupSpec>(item);
    const auto sent = whole_number(form.value(group_rows_name(group.name)));
    const int rows = sent ? static_cast<int>(std::clamp<std::int64_t>(*sent, kInitialRows, kMaxRows))
                          : kInitialRows;
    typed.rows[std::string(group.name)] = rows;
    for (int row = 0; row < rows; ++row) {
      for (const auto& column : group.columns) {
        const std::string cell = group_cell_name(group.name, row, column.name);
        typed.values[cell] = form.value(cell);
      }
    }
  }
  return typed;
}

bool add_row_pressed(const EntryFormSpec& spec, const Form& form, TypedForm& typed) {
  if (!form.has("add_row")) return false;
  for (const auto& item : spec.items) {
    const auto* group = std::get_if<GroupSpec>(&item);
    if (group && group->name == form.value("add_row")) {
      int& rows = typed.rows[std::string(group->name)];
      rows = std::min(rows + 1, kMaxRows);
    }
  }
  return true;
}

bool check_typed(const EntryFormSpec& spec, const FormOptions& options, Language language,
                 std::string_view date_input, TypedForm& typed) {
  const InputSpec date_spec{date_input, InputKind::date, Destination::none, {}, true};
  auto refuse = [&](const std::string& name, const std::string& code) {
    if (!code.empty()) typed.errors.emplace(name, error_text(language, code));
  };
  refuse(std::string(date_input), check_value(date_spec, options, language, typed.value(date_input)));
  for (const auto& item : spec.items) {
    if (const auto* input = std::get_if<InputSpec>(&item)) {
      if (!input_shown(*input, options) || input->kind == InputKind::checklist) continue;
      refuse(std::string(input->name),
             check_value(*input, options, language, typed.value(input->name)));
      continue;
    }
    const auto& group = std::get<GroupSpec>(item);
    for (int row = 0; row < typed.rows[std::string(group.name)]; ++row) {
      if (row_is_empty(group, row, typed)) continue;
      for (const auto& column : group.columns) {
        const std::string cell = group_cell_name(group.name, row, column.name);
        refuse(cell, check_value(column, options, language, typed.value(cell)));
      }
    }
  }
  return typed.errors.empty();
}

std::string payload_json(const EntryFormSpec& spec, const FormOptions& options, Language language,
                         TypedForm& typed) {
  Json payload = Json::object();
  Json medical = Json::object();
  std::vector<std::string> summary;
  for (const auto& item : spec.items) {
    if (const auto* input = std::get_if<InputSpec>(&item)) {
      add_input(*input, options, language, typed, payload, medical, summary);
    } else {
      add_group(std::get<GroupSpec>(item), options, language, typed, payload, summary);
    }
  }
  if (spec.attendee_is_viewer) payload["attendees"] = Json::array({options.viewer_name});
  for (const auto& [field, value] : spec.fixed) payload[std::string(field)] = value;
  if (!summary.empty()) {
    std::string text;
    for (const auto& line : summary) text += (text.empty() ? "" : "\n") + line;
    payload["summary"] = text;
  }
  if (!medical.empty()) payload["medical"] = medical;
  return payload.dump();
}

void place_error(const EntryFormSpec& spec, const FormOptions& options, Language language,
                 const core::Error& error, std::string_view date_input, TypedForm& typed) {
  if (error.code == "conflict" && error.field == "expected_seq") {
    typed.form_error = error_text(language, "stale");
    return;
  }
  if (error.code == "forbidden" && error.field == "payload.medical") {
    typed.form_error = error_text(language, "forbidden_medical");
    return;
  }
  const std::string message = error_text(language, error.code);
  if (error.field == "occurred_on" || error.field == date_input) {
    typed.errors.emplace(std::string(date_input), message);
    return;
  }
  if (error.field == "employee_id") {
    typed.errors.emplace("employee_id", error.code == "conflict" ? error_text(language, "open_case")
                                                                 : message);
    return;
  }
  constexpr std::string_view kPayload = "payload.";
  if (error.field.starts_with(kPayload) &&
      place_payload_error(spec, options, error.field.substr(kPayload.size()), message, typed)) {
    return;
  }
  typed.form_error = message;
}

Data form_items(const EntryFormSpec& spec, const FormOptions& options, Language language,
                std::string_view date_input, const TypedForm& typed) {
  Data items{Data::type::list};
  const InputSpec date_spec{date_input, InputKind::date, Destination::none, {}, true};
  items.push_back(input_data(date_spec, std::string(date_input),
                             text_of(language, "forms.date." + std::string(spec.slug)), false,
                             options, language, typed));
  for (const auto& item : spec.items) {
    if (const auto* input = std::get_if<InputSpec>(&item)) {
      if (!input_shown(*input, options)) continue;
      items.push_back(input_data(*input, std::string(input->name), label_of(language, input->name),
                                 false, options, language, typed));
    } else {
      items.push_back(group_data(std::get<GroupSpec>(item), options, language, typed));
    }
  }
  return items;
}

std::string error_text(Language language, std::string_view code) {
  const std::string key = "forms.error." + std::string(code);
  return text_of(language, Catalogue::instance().has(language, key) ? key : "forms.error.invalid");
}

}  // namespace spoorboek::web
