// Internal to the stores: what both backends read and report alike, so that SQLite and
// PostgreSQL decode a stored entry, name a stale append and split an aggregated id list the same
// way (the Store contract promises identical answers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_file.h"
#include "core/result.h"

namespace spoorboek::store::detail {

// The columns of an entry row in the order every entry query selects them.
inline constexpr std::string_view kEntryColumns =
    "seq, type, occurred_on, recorded_at, actor, visibility, payload, medical, prev_hash, hash";

// An entry row as text, as read from kEntryColumns.
struct StoredEntry {
  std::int64_t seq = 0;
  std::string type;
  std::string occurred_on;
  std::string recorded_at;
  std::string actor;
  std::string visibility;
  std::string payload;
  std::optional<std::string> medical;
  std::string prev_hash;
  std::string hash;
};

// The entry of case `case_id`; "corrupt_entry" (field "entries[seq].column") when a stored type,
// date or visibility cannot be read.
core::Result<core::Entry> decode_entry(std::int64_t case_id, StoredEntry row);

// "conflict" (field "expected_seq"): the case has `last_seq` entries, so `seq` is not next.
core::Error stale_append(std::int64_t case_id, std::int64_t last_seq, std::int64_t seq);

// "not_found" naming the field: "no <what> with id <id>".
core::Error missing_row(std::string_view field, std::string_view what, std::int64_t id);

// "3,17,4" -> {3, 17, 4}; "" -> {} (an aggregate of ids over rows).
std::vector<std::int64_t> split_ids(std::string_view text);
// "a,b" -> {"a", "b"}; "" -> {}.
std::vector<std::string> split_words(std::string_view text);

// The entry types core::fold_relevant_entries() reads only the date of, as an SQL list of
// quoted names ("'a', 'b'") for the stores' versions of that selection.
const std::string& date_only_types_sql();

}  // namespace spoorboek::store::detail
