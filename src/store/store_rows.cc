#include "store/store_rows.h"

#include <charconv>

#include "core/case_file_fold.h"
#include "core/date.h"

namespace spoorboek::store::detail {
namespace {

core::Error corrupt(std::int64_t case_id, std::int64_t seq, std::string_view column,
                    const std::string& value) {
  return core::make_error("corrupt_entry",
                          "entries[" + std::to_string(seq) + "]." + std::string(column),
                          "case " + std::to_string(case_id) + ", entry " + std::to_string(seq) +
                              ": stored " + std::string(column) + " '" + value +
                              "' cannot be read");
}

template <class Part>
std::vector<Part> split(std::string_view text, Part (*convert)(std::string_view)) {
  std::vector<Part> parts;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    parts.push_back(convert(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return parts;
}

}  // namespace

core::Result<core::Entry> decode_entry(std::int64_t case_id, StoredEntry row) {
  core::Entry entry;
  entry.case_id = case_id;
  entry.seq = row.seq;
  const auto type = core::entry_type_from_name(row.type);
  if (!type) return corrupt(case_id, row.seq, "type", row.type);
  entry.type = *type;
  const auto occurred_on = core::parse_iso_date(row.occurred_on);
  if (!occurred_on) return corrupt(case_id, row.seq, "occurred_on", row.occurred_on);
  entry.occurred_on = *occurred_on;
  const auto visibility = core::visibility_from_name(row.visibility);
  if (!visibility) return corrupt(case_id, row.seq, "visibility", row.visibility);
  entry.visibility = *visibility;
  entry.recorded_at = std::move(row.recorded_at);
  entry.actor = std::move(row.actor);
  entry.payload = std::move(row.payload);
  entry.medical = std::move(row.medical);
  entry.prev_hash = std::move(row.prev_hash);
  entry.hash = std::move(row.hash);
  return entry;
}

core::Error stale_append(std::int64_t case_id, std::int64_t last_seq, std::int64_t seq) {
  return core::make_error("conflict", "expected_seq",
                          "case " + std::to_string(case_id) + " has " + std::to_string(last_seq) +
                              " entries, so the next is " + std::to_string(last_seq + 1) +
                              ", not " + std::to_string(seq) +
                              " (someone else appended first: reload and try again)");
}

core::Error missing_row(std::string_view field, std::string_view what, std::int64_t id) {
  return core::make_error("not_found", std::string(field),
                          "no " + std::string(what) + " with id " + std::to_string(id));
}

std::vector<std::int64_t> split_ids(std::string_view text) {
  return split<std::int64_t>(text, [](std::string_view part) {
    std::int64_t value = 0;
    std::from_chars(part.data(), part.data() + part.size(), value);
    return value;
  });
}

std::vector<std::string> split_words(std::string_view text) {
  return split<std::string>(text, [](std::string_view part) { return std::string(part); });
}

const std::string& date_only_types_sql() {
  static const std::string list = [] {
    std::string types;
    for (std::size_t i = 0; i < core::kEntryTypeCount; ++i) {
      const auto type = static_cast<core::EntryType>(i);
      if (!core::fold_reads_only_date(type)) continue;
      if (!types.empty()) types += ", ";
      types += "'" + std::string(core::entry_type_name(type)) + "'";
    }
    return types;
  }();
  return list;
}

}  // namespace spoorboek::store::detail
