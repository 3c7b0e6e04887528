// The hash chain that makes the case file tamper-evident.
//
// hash(entry) = SHA-256(prev_hash || canonical_entry(entry)) in lowercase hex, where prev_hash is
// the previous entry's hash and kGenesisHash for seq 1. The canonical entry is the JSON object of
// every field except the hashes, keys sorted, no spaces; payload and medical are embedded as JSON
// (so whitespace in stored text does not matter, any change of content does).
//
// Pure functions: SHA-256 comes from libsodium, which needs no sodium_init() for hashing.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/case_file.h"

namespace spoorboek::core {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// REQUIRES: entry.payload (and entry.medical, when set) hold JSON objects; otherwise the entry is
// canonicalised with the raw text as a JSON string, which never matches a hash made from JSON.
std::string canonical_entry(const Entry& entry);

// SHA-256(entry.prev_hash || canonical_entry(entry)), lowercase hex.
std::string compute_entry_hash(const Entry& entry);

// SHA-256 of arbitrary bytes, lowercase hex.
std::string sha256_hex(std::string_view bytes);

// The first place where a case's chain is broken.
struct ChainBreak {
  std::int64_t seq = 0;  // the entry that is missing, changed or out of place
  std::string reason;    // one sentence for a person
};

// Walks one case's entries as stored (ordered by seq) and returns the first break: a seq that is
// missing or out of order, a prev_hash that is not the previous entry's hash (an entry deleted or
// reordered), a hash that does not match the content (an entry changed), an entry of another case.
// Returns nullopt when the chain is intact.
std::optional<ChainBreak> verify_chain(std::int64_t case_id, std::span<const Entry> entries);

}  // namespace spoorboek::core
