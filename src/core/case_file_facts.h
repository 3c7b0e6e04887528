// The facts of an entry's payload that the fold and the deadline engine need, read from its
// canonical JSON once so that the fold itself works on plain values.
//
// read_entry_facts() validates the payload against its type's field list (the same check as
// parse_entry_draft) and extracts the engine-relevant fields; everything else in the payload is
// content for people and stays in the JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/case_file.h"
#include "core/result.h"
#include "core/timeline.h"

namespace spoorboek::core {

struct EntryFacts {
  // maternity_leave: last leave day; voluntary_extension: the end date UWV set.
  std::optional<Date> end;
  // track_2_decision: the day spoor 2 started.
  std::optional<Date> start;
  // wage_sanction: the day UWV found the shortcoming repaired.
  std::optional<Date> repaired_on;
  // safety_net, employment_end: the day the employer reported it to UWV.
  std::optional<Date> uwv_reported_on;
  // voluntary_extension (when no end date), wage_sanction.
  int weeks = 0;
  // partial_work: percentage of the agreed hours worked.
  int percentage = 0;
  // relapse: whether the company doctor says the cause is the same as before (unknown: empty).
  std::optional<bool> same_cause_as_before;
  // problem_analysis, plan_of_action: the seq of the version this adjustment replaces.
  std::optional<std::int64_t> replaces_seq;
  // plan_agreement: the plan version agreed to, and agreed / agreed_with_remarks / refused.
  std::int64_t plan_seq = 0;
  std::string agreement;
  // safety_net.
  SafetyNet safety_net = SafetyNet::none;
  // deviation.
  std::optional<MilestoneKey> milestone;
  std::string reason;  // deviation, correction
  // first_year_evaluation: continue_track_1 | start_track_2 | neither.
  std::string track_decision;
  // expert_opinion: "requested" or "answered", and for an answer the request it answers (when
  // given).
  std::string expert_stage;
  std::optional<std::int64_t> request_seq;
  // correction: the entry corrected, and either void or a replacement date and/or payload.
  std::int64_t corrects_seq = 0;
  bool voids = false;
  std::optional<Date> new_occurred_on;
  std::optional<std::string> new_payload;  // canonical JSON, validated against the target's type
                                           // by the fold (only it knows that type)
};

// REQUIRES: payload_json is a JSON object text. Error fields start with `field_prefix`.
Result<EntryFacts> read_entry_facts(EntryType type, std::string_view payload_json,
                                    std::string_view field_prefix = "payload");

}  // namespace spoorboek::core
