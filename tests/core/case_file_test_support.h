// Test support: builds a hash-chained case file from JSON lines, as the application would.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/case_file.h"
#include "core/entry_hash.h"

namespace spoorboek::core::testing {

inline Date day(const char* iso) { return *parse_iso_date(iso); }

// Appends one entry parsed from `json` to `file` with the next seq and a correct hash.
// REQUIRES: json is a valid draft (the test fails otherwise).
inline const Entry& append(std::vector<Entry>& file, const std::string& json,
                           std::int64_t case_id = 1) {
  auto draft = parse_entry_draft(json);
  EXPECT_TRUE(draft.ok()) << json << ": " << (draft.ok() ? "" : draft.error().field + " " +
                                                                    draft.error().message);
  Entry entry;
  entry.case_id = case_id;
  entry.seq = static_cast<std::int64_t>(file.size()) + 1;
  entry.type = draft->type;
  entry.occurred_on = draft->occurred_on;
  entry.recorded_at = "2026-03-02T10:15:00Z";
  entry.actor = "test";
  entry.visibility = default_visibility(draft->type);
  entry.payload = draft->payload;
  entry.medical = draft->medical;
  entry.prev_hash = file.empty() ? std::string(kGenesisHash) : file.back().hash;
  entry.hash = compute_entry_hash(entry);
  file.push_back(entry);
  return file.back();
}

inline std::string sick_report(const char* date) {
  return std::string(R"({"type":"sick_report","occurred_on":")") + date +
         R"(","payload":{"expected_duration":"over_6_weeks","safety_net_applies":false,)"
         R"("work_accident":false,"third_party_liability":false}})";
}

inline std::string simple(const char* type, const char* date, const char* payload = "{}") {
  return std::string(R"({"type":")") + type + R"(","occurred_on":")" + date +
         R"(","payload":)" + payload + "}";
}

}  // namespace spoorboek::core::testing
