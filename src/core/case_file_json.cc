#include "core/case_file_json.h"

#include <algorithm>

namespace spoorboek::core::detail {

ObjectReader::ObjectReader(const Json& object, std::string path)
    : object_(object), path_(std::move(path)) {}

std::string ObjectReader::field(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

void ObjectReader::fail(std::string_view key, std::string code, std::string message) {
  if (!error_) error_ = make_error(std::move(code), field(key), std::move(message));
}

void ObjectReader::adopt(const Status& status) {
  if (!error_ && !status.ok()) error_ = status.error();
}

bool ObjectReader::has(std::string_view key) const {
  if (!object_.is_object()) return false;
  const auto it = object_.find(key);
  return it != object_.end() && !it->is_null();
}

const Json* ObjectReader::find(std::string_view key, bool required) {
  known_.emplace_back(key);
  if (error_) return nullptr;
  const auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) {
    if (required) fail(key, "missing_field", "is required");
    return nullptr;
  }
  return &*it;
}

std::optional<Date> ObjectReader::optional_date(std::string_view key) {
  const Json* value = find(key, false);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    fail(key, "invalid_date", "must be a date written as YYYY-MM-DD");
    return std::nullopt;
  }
  auto date = parse_iso_date(value->get_ref<const std::string&>());
  if (!date) {
    fail(key, "invalid_date",
         "'" + value->get<std::string>() + "' is not a real calendar date written as YYYY-MM-DD");
  }
  return date;
}

Date ObjectReader::required_date(std::string_view key) {
  if (!has(key)) {
    find(key, true);
    return Date{};
  }
  return optional_date(key).value_or(Date{});
}

std::optional<std::string> ObjectReader::optional_text(std::string_view key,
                                                       std::size_t max_length) {
  const Json* value = find(key, false);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    fail(key, "invalid_type", "must be a text");
    return std::nullopt;
  }
  const auto& text = value->get_ref<const std::string&>();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    fail(key, "empty_text", "must not be empty");
    return std::nullopt;
  }
  if (text.size() > max_length) {
    fail(key, "too_long", "is longer than " + std::to_string(max_length) + " bytes");
    return std::nullopt;
  }
  return text;
}

std::string ObjectReader::required_text(std::string_view key, std::size_t max_length) {
  if (!has(key)) {
    find(key, true);
    return {};
  }
  return optional_text(key, max_length).value_or(std::string{});
}

std::optional<bool> ObjectReader::optional_bool(std::string_view key) {
  const Json* value = find(key, false);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    fail(key, "invalid_type", "must be true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

bool ObjectReader::required_bool(std::string_view key) {
  if (!has(key)) {
    find(key, true);
    return false;
  }
  return optional_bool(key).value_or(false);
}

std::optional<std::int64_t> ObjectReader::optional_integer(std::string_view key, std::int64_t min,
                                                           std::int64_t max) {
  const Json* value = find(key, false);
  if (!value) return std::nullopt;
  if (!value->is_number_integer()) {
    fail(key, "invalid_type", "must be a whole number");
    return std::nullopt;
  }
  // Unsigned values beyond int64 come out negative here and fail the range check below.
  const auto number = value->get<std::int64_t>();
  if (number < min || number > max || (value->is_number_unsigned() && number < 0)) {
    fail(key, "out_of_range",
         "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::int64_t ObjectReader::required_integer(std::string_view key, std::int64_t min,
                                            std::int64_t max) {
  if (!has(key)) {
    find(key, true);
    return 0;
  }
  return optional_integer(key, min, max).value_or(0);
}

std::optional<std::string> ObjectReader::optional_choice(
    std::string_view key, std::initializer_list<std::string_view> allowed) {
  const Json* value = find(key, false);
  if (!value) return std::nullopt;
  std::string list;
  for (auto name : allowed) {
    if (value->is_string() && value->get_ref<const std::string&>() == name) {
      return std::string(name);
    }
    list += list.empty() ? "" : ", ";
    list += name;
  }
  fail(key, "invalid_choice", "must be one of: " + list);
  return std::nullopt;
}

std::string ObjectReader::required_choice(std::string_view key,
                                          std::initializer_list<std::string_view> allowed) {
  if (!has(key)) {
    find(key, true);
    return {};
  }
  return optional_choice(key, allowed).value_or(std::string{});
}

std::vector<std::string> ObjectReader::text_list(std::string_view key, bool required,
                                                 std::size_t min_items, std::size_t max_length) {
  std::vector<std::string> items;
  const Json* value = find(key, required);
  if (!value) return items;
  if (!value->is_array()) {
    fail(key, "invalid_type", "must be a list of texts");
    return items;
  }
  if (value->size() < min_items) {
    fail(key, "too_few_items", "must hold at least " + std::to_string(min_items) + " item(s)");
    return items;
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    const Json& item = (*value)[i];
    const std::string item_key = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
      fail(item_key, "invalid_type", "must be a non-empty text");
      return {};
    }
    if (item.get_ref<const std::string&>().size() > max_length) {
      fail(item_key, "too_long", "is longer than " + std::to_string(max_length) + " bytes");
      return {};
    }
    items.push_back(item.get<std::string>());
  }
  return items;
}

std::vector<std::string> ObjectReader::choice_list(
    std::string_view key, bool required, std::initializer_list<std::string_view> allowed) {
  std::vector<std::string> chosen;
  const Json* value = find(key, required);
  if (!value) return chosen;
  if (!value->is_array()) {
    fail(key, "invalid_type", "must be a list of choices");
    return chosen;
  }
  std::string list;
  for (auto name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
  for (std::size_t i = 0; i < value->size(); ++i) {
    const Json& item = (*value)[i];
    const std::string item_key = std::string(key) + "[" + std::to_string(i) + "]";
    const bool known = item.is_string() &&
                       std::find(allowed.begin(), allowed.end(),
                                 item.get_ref<const std::string&>()) != allowed.end();
    if (!known) {
      fail(item_key, "invalid_choice", "must be one of: " + list);
      return {};
    }
    if (std::find(chosen.begin(), chosen.end(), item.get<std::string>()) != chosen.end()) {
      fail(item_key, "duplicate", "'" + item.get<std::string>() + "' is listed twice");
      return {};
    }
    chosen.push_back(item.get<std::string>());
  }
  return chosen;
}

void ObjectReader::object_list(std::string_view key, bool required, std::size_t min_items,
                               const std::function<void(ObjectReader&)>& read_item) {
  const Json* value = find(key, required);
  if (!value) return;
  if (!value->is_array()) {
    fail(key, "invalid_type", "must be a list of objects");
    return;
  }
  if (value->size() < min_items) {
    fail(key, "too_few_items", "must hold at least " + std::to_string(min_items) + " item(s)");
    return;
  }
  for (std::size_t i = 0; i < value->size() && !error_; ++i) {
    const std::string item_key = std::string(key) + "[" + std::to_string(i) + "]";
    const Json& item = (*value)[i];
    if (!item.is_object()) {
      fail(item_key, "invalid_type", "must be an object");
      return;
    }
    ObjectReader item_reader(item, field(item_key));
    read_item(item_reader);
    const Status status = item_reader.finish();
    if (!status.ok()) error_ = status.error();
  }
}

std::optional<Json> ObjectReader::optional_object(std::string_view key) {
  const Json* value = find(key, false);
  if (!value) return std::nullopt;
  if (!value->is_object()) {
    fail(key, "invalid_type", "must be an object");
    return std::nullopt;
  }
  return *value;
}

Status ObjectReader::finish() {
  if (error_) return *error_;
  if (!object_.is_object()) return make_error("invalid_type", path_, "must be a JSON object");
  for (const auto& item : object_.items()) {
    if (std::find(known_.begin(), known_.end(), item.key()) == known_.end()) {
      return make_error("unknown_field", field(item.key()), "is not a known field here");
    }
  }
  return ok_status();
}

Result<Json> parse_json_object(std::string_view text, std::string_view field) {
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    return make_error("invalid_json", std::string(field), "is not valid JSON");
  }
  if (!value.is_object()) {
    return make_error("invalid_type", std::string(field), "must be a JSON object");
  }
  return value;
}

}  // namespace spoorboek::core::detail
