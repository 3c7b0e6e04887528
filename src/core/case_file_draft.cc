// Parsing a submitted entry and bringing its payload into canonical form.
#include "core/case_file.h"
#include "core/case_file_json.h"

namespace spoorboek::core {
namespace {

using detail::Json;

// Splits the medical object off and dumps both parts canonically (nlohmann's object keeps its
// keys sorted, and dump() without indent writes no spaces).
CanonicalPayload split_and_dump(Json payload) {
  CanonicalPayload canonical;
  if (auto it = payload.find("medical"); it != payload.end()) {
    canonical.medical = it->dump();
    payload.erase(it);
  }
  canonical.payload = payload.dump();
  return canonical;
}

}  // namespace

Result<CanonicalPayload> canonicalize_payload(EntryType type, std::string_view payload_json,
                                              std::string_view field_prefix) {
  auto payload = detail::parse_json_object(payload_json, field_prefix);
  if (!payload.ok()) return payload.error();
  auto facts = detail::read_entry_facts_json(type, *payload, field_prefix);
  if (!facts.ok()) return facts.error();
  if (auto medical = detail::check_medical_part(type, *payload, field_prefix); !medical.ok()) {
    return medical.error();
  }
  return split_and_dump(std::move(*payload));
}

Result<EntryDraft> parse_entry_draft(std::string_view json_text) {
  auto parsed = detail::parse_json_object(json_text, "");
  if (!parsed.ok()) return parsed.error();
  const Json& object = *parsed;

  detail::ObjectReader reader(object, "");
  const auto type_name = reader.required_text("type", detail::kMaxNameLength);
  const Date occurred_on = reader.required_date("occurred_on");
  const auto expected_seq = reader.optional_integer("expected_seq", 1, INT64_MAX);
  const auto payload = reader.optional_object("payload");
  if (!reader.failed() && !payload) reader.fail("payload", "missing_field", "is required");
  std::optional<EntryType> type;
  if (!reader.failed()) {
    type = entry_type_from_name(type_name);
    if (!type) reader.fail("type", "unknown_type", "'" + type_name + "' is not an entry type");
  }
  if (const Status status = reader.finish(); !status.ok()) return status.error();

  auto facts = detail::read_entry_facts_json(*type, *payload, "payload");
  if (!facts.ok()) return facts.error();
  if (auto medical = detail::check_medical_part(*type, *payload, "payload"); !medical.ok()) {
    return medical.error();
  }
  CanonicalPayload canonical = split_and_dump(*payload);
  EntryDraft draft;
  draft.type = *type;
  draft.occurred_on = occurred_on;
  draft.payload = std::move(canonical.payload);
  draft.medical = std::move(canonical.medical);
  draft.expected_seq = expected_seq;
  return draft;
}

}  // namespace spoorboek::core
