// Internal to the case file: a strict reader for JSON objects that names the offending field.
//
// The reader keeps the first error it meets ("sticky"), so a field list reads as a flat sequence
// of calls and is checked once at the end by finish(), which also refuses fields nobody asked
// for. After an error every read returns an empty value. Only .cc files include this header: it
// pulls in nlohmann/json.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/case_file_facts.h"
#include "core/date.h"
#include "core/result.h"

namespace spoorboek::core::detail {

using Json = nlohmann::json;

// Longest accepted free text and name, in bytes: generous for people, bounded for the store.
inline constexpr std::size_t kMaxTextLength = 4000;
inline constexpr std::size_t kMaxNameLength = 200;

class ObjectReader {
 public:
  // REQUIRES: `object` outlives the reader. `path` names the object in errors ("payload").
  ObjectReader(const Json& object, std::string path);

  Date required_date(std::string_view key);
  std::optional<Date> optional_date(std::string_view key);
  std::string required_text(std::string_view key, std::size_t max_length = kMaxTextLength);
  std::optional<std::string> optional_text(std::string_view key,
                                           std::size_t max_length = kMaxTextLength);
  bool required_bool(std::string_view key);
  std::optional<bool> optional_bool(std::string_view key);
  std::int64_t required_integer(std::string_view key, std::int64_t min, std::int64_t max);
  std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min,
                                               std::int64_t max);
  std::string required_choice(std::string_view key, std::initializer_list<std::string_view> allowed);
  std::optional<std::string> optional_choice(std::string_view key,
                                             std::initializer_list<std::string_view> allowed);
  // An array of non-empty texts; `min_items` 0 accepts an empty array.
  std::vector<std::string> text_list(std::string_view key, bool required, std::size_t min_items,
                                     std::size_t max_length = kMaxTextLength);
  // An array of distinct values out of `allowed` (a checklist); an empty array is accepted.
  std::vector<std::string> choice_list(std::string_view key, bool required,
                                       std::initializer_list<std::string_view> allowed);
  // An array of objects, each read by `read_item` with its own reader ("payload.activities[2]").
  void object_list(std::string_view key, bool required, std::size_t min_items,
                   const std::function<void(ObjectReader&)>& read_item);
  // A JSON object passed through unchanged (correction replacement payloads).
  std::optional<Json> optional_object(std::string_view key);

  // Records an error of the caller's own (a rule across fields). Keeps the first error only.
  void fail(std::string_view key, std::string code, std::string message);
  // Takes over the error of a reader of a nested object (its field is complete already).
  void adopt(const Status& status);
  bool failed() const { return error_.has_value(); }
  bool has(std::string_view key) const;

  // Marks keys as known without reading them (a field handled elsewhere).
  void accept(std::string_view key) { known_.emplace_back(key); }

  // The first error, or an "unknown_field" error for a key nobody read.
  Status finish();

  std::string field(std::string_view key) const;

 private:
  const Json* find(std::string_view key, bool required);

  const Json& object_;
  std::string path_;
  std::vector<std::string> known_;
  std::optional<Error> error_;
};

// read_entry_facts() on an already parsed payload (which may still hold its "medical" object).
Result<EntryFacts> read_entry_facts_json(EntryType type, const Json& payload,
                                         std::string_view field_prefix);

// The field list of the "medical" object of a submitted payload, for the types that have one (the
// GP conversation); others take any object. Only submissions are checked: a stored payload holds
// no medical object (it is sealed apart), so the fold cannot check it.
Status check_medical_part(EntryType type, const Json& payload, std::string_view field_prefix);

// Parses text that must be one JSON object. `field` names it in errors.
Result<Json> parse_json_object(std::string_view text, std::string_view field);

}  // namespace spoorboek::core::detail
