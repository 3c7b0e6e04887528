// The completeness check as JSON: one shape for `GET /api/v1/cases/{id}/check` and
// `spoorboek check --json`, so that the two cannot drift apart.
//
//   {"case_id", "as_of", "riv_phase", "blocks", "warnings", "infos",
//    "risk": {"score" 0-100, "level" none|low|medium|high, "reasons": [{"code", "points"}]},
//    "findings": [{"code", "number" (§13), "severity" BLOCK|WARN|INFO, "legal_basis",
//                  "title", "action" (in the language asked), "entries" [seq...],
//                  "element" ("a".."l", "medical_information" or null),
//                  "milestone" (a milestone key or null), "due" (date or null),
//                  "field" and "term" (privacy lint only)}]}
// Keep it stable: new keys are fine, renamed ones are not.
#pragma once

#include <cstdint>
#include <string>

#include "core/riv_check.h"

namespace spoorboek::json {

std::string render_check_report(std::int64_t case_id, const core::CheckReport& report,
                                core::Language language);

}  // namespace spoorboek::json
