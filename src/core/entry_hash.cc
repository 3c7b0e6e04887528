#include "core/entry_hash.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

namespace spoorboek::core {
namespace {

using Json = nlohmann::json;

Json embedded_json(const std::string& text) {
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  // Not JSON (a damaged row): embed the text itself so that the hash differs from any real one.
  if (value.is_discarded()) return Json(text);
  return value;
}

}  // namespace

std::string canonical_entry(const Entry& entry) {
  Json object;
  object["case_id"] = entry.case_id;
  object["seq"] = entry.seq;
  object["type"] = entry_type_name(entry.type);
  object["occurred_on"] = format_iso_date(entry.occurred_on);
  object["recorded_at"] = entry.recorded_at;
  object["actor"] = entry.actor;
  object["visibility"] = visibility_name(entry.visibility);
  object["payload"] = embedded_json(entry.payload);
  object["medical"] = entry.medical ? embedded_json(*entry.medical) : Json(nullptr);
  // Invalid UTF-8 cannot come from a parsed draft; replacing it keeps hashing total.
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::string compute_entry_hash(const Entry& entry) {
  return sha256_hex(entry.prev_hash + canonical_entry(entry));
}

std::optional<ChainBreak> verify_chain(std::int64_t case_id, std::span<const Entry> entries) {
  std::string_view expected_prev = kGenesisHash;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    const auto expected_seq = static_cast<std::int64_t>(i) + 1;
    if (entry.seq != expected_seq) {
      return ChainBreak{expected_seq, "entry " + std::to_string(expected_seq) +
                                          " is missing (the next stored entry is " +
                                          std::to_string(entry.seq) + ")"};
    }
    if (entry.case_id != case_id) {
      return ChainBreak{entry.seq, "entry belongs to case " + std::to_string(entry.case_id)};
    }
    if (entry.prev_hash != expected_prev) {
      const std::string previous = i == 0 ? std::string("the genesis hash")
                                          : "the hash of entry " + std::to_string(expected_seq - 1);
      return ChainBreak{entry.seq, "prev_hash does not match " + previous +
                                       " (an entry was removed, reordered or replaced)"};
    }
    if (compute_entry_hash(entry) != entry.hash) {
      return ChainBreak{entry.seq, "hash does not match the entry's content (the entry was changed)"};
    }
    expected_prev = entry.hash;
  }
  return std::nullopt;
}

}  // namespace spoorboek::core
