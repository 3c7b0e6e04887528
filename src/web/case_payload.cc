#include "web/case_payload.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace spoorboek::web {
namespace {

using Json = nlohmann::json;

std::optional<Json> parse_object(std::string_view json_text) {
  Json parsed = Json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return std::nullopt;
  return parsed;
}

std::string spaced(std::string_view name) {
  std::string text(name);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::string field_label(Language language, std::string_view name) {
  const std::string key = "case.field." + std::string(name);
  const Catalogue& texts = Catalogue::instance();
  return texts.has(language, key) ? std::string(texts.text(language, key)) : spaced(name);
}

// A closed choice ("agreed", "own_work") reads as words; free text stays exactly as typed.
std::string text_value(Language language, const std::string& value) {
  if (const auto date = core::parse_iso_date(value)) return Catalogue::long_date(language, *date);
  const std::string key = "case.value." + value;
  const Catalogue& texts = Catalogue::instance();
  return texts.has(language, key) ? std::string(texts.text(language, key)) : value;
}

std::string scalar_text(Language language, const Json& value) {
  if (value.is_string()) return text_value(language, value.get<std::string>());
  if (value.is_boolean()) {
    return std::string(Catalogue::instance().text(language, value.get<bool>() ? "case.yes" : "case.no"));
  }
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) return value.dump();
  if (value.is_null()) return "";
  return value.dump();
}

// "label: value; label: value" of a nested object (an appointment, a replacement payload).
std::string object_text(Language language, const Json& object) {
  // An action item reads as a sentence: what, who, by when.
  if (object.contains("description") && object.contains("owner")) {
    std::string text = scalar_text(language, object.at("description"));
    text += " (" + scalar_text(language, object.at("owner"));
    if (object.contains("due")) text += ", " + scalar_text(language, object.at("due"));
    return text + ")";
  }
  std::string text;
  for (const auto& [name, value] : object.items()) {
    if (!text.empty()) text += "; ";
    text += field_label(language, name) + ": " +
            (value.is_object() ? object_text(language, value) : scalar_text(language, value));
  }
  return text;
}

std::string item_text(Language language, const Json& value) {
  return value.is_object() ? object_text(language, value) : scalar_text(language, value);
}

bool carries_actions(core::EntryType type) {
  return type == core::EntryType::plan_of_action ||
         type == core::EntryType::reintegration_interview ||
         type == core::EntryType::progress_evaluation;
}

void collect_actions(const app::EntryView& entry, std::vector<ActionItem>& out) {
  const auto payload = parse_object(entry.payload);
  if (!payload) return;
  for (const char* list : {"actions", "activities"}) {
    const auto found = payload->find(list);
    if (found == payload->end() || !found->is_array()) continue;
    for (const auto& item : *found) {
      if (!item.is_object()) continue;
      ActionItem action;
      action.source_seq = entry.seq;
      action.source_type = entry.type;
      action.description = item.value("description", "");
      action.owner = item.value("owner", "");
      action.due = core::parse_iso_date(item.value("due", ""));
      out.push_back(std::move(action));
    }
  }
}

}  // namespace

std::vector<PayloadField> payload_fields(Language language, std::string_view json_text) {
  std::vector<PayloadField> fields;
  const auto payload = parse_object(json_text);
  if (!payload) return fields;
  for (const auto& [name, value] : payload->items()) {
    PayloadField field;
    field.label = field_label(language, name);
    if (value.is_array()) {
      for (const auto& item : value) field.items.push_back(item_text(language, item));
      if (field.items.empty()) field.text = "–";
    } else if (value.is_object()) {
      for (const auto& [inner, inner_value] : value.items()) {
        field.items.push_back(field_label(language, inner) + ": " + item_text(language, inner_value));
      }
    } else {
      field.text = scalar_text(language, value);
    }
    fields.push_back(std::move(field));
  }
  return fields;
}

std::vector<ActionItem> action_items(const app::CaseFileView& file) {
  std::vector<ActionItem> items;
  for (const auto& entry : file.entries) {
    if (entry.voided || entry.redacted || !carries_actions(entry.type)) continue;
    if (entry.type == core::EntryType::plan_of_action && file.state.current_plan_seq &&
        *file.state.current_plan_seq != entry.seq) {
      continue;
    }
    collect_actions(entry, items);
  }
  std::stable_sort(items.begin(), items.end(), [](const ActionItem& a, const ActionItem& b) {
    return a.due.value_or(core::Date::max()) < b.due.value_or(core::Date::max());
  });
  return items;
}

namespace {

// A top-level member of a payload when it is there and of the type `is_kind` accepts.
std::optional<Json> payload_member(std::string_view json_text, std::string_view name,
                                   bool (Json::*is_kind)() const noexcept) {
  const auto payload = parse_object(json_text);
  if (!payload) return std::nullopt;
  const auto found = payload->find(std::string(name));
  if (found == payload->end() || !((*found).*is_kind)()) return std::nullopt;
  return *found;
}

}  // namespace

std::optional<std::int64_t> payload_integer(std::string_view json_text, std::string_view name) {
  const auto member = payload_member(json_text, name, &Json::is_number_integer);
  return member ? std::optional(member->get<std::int64_t>()) : std::nullopt;
}

std::optional<std::string> payload_text(std::string_view json_text, std::string_view name) {
  const auto member = payload_member(json_text, name, &Json::is_string);
  return member ? std::optional(member->get<std::string>()) : std::nullopt;
}

}  // namespace spoorboek::web
