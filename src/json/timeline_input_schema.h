// The shape of a case description (the input of the `timeline` contract), as data: every key,
// the kind of value it takes and the core::TimelineInput member it fills. The reader in
// timeline_json_parse.cc is a state machine over this table; the --help text lists its keys.
// Internal to src/json.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/timeline.h"

namespace spoorboek::json::timeline_input_schema {

using core::Date;
using core::TimelineInput;

enum class ValueKind : std::uint8_t {
  periods,
  optional_date,
  as_of,
  evaluation_dates,
  whole_number,
  safety_net,
  deviations,
  flag,
};

struct RootKey {
  std::string_view name;
  ValueKind kind;
  std::optional<Date> TimelineInput::*date = nullptr;
  int TimelineInput::*number = nullptr;
};

inline constexpr RootKey kRootKeys[] = {
    {"periods", ValueKind::periods},
    {"long_term_expected_on", ValueKind::optional_date, &TimelineInput::long_term_expected_on},
    {"company_doctor_report_date", ValueKind::optional_date,
     &TimelineInput::company_doctor_report_date},
    {"uwv_safety_net_report_date", ValueKind::optional_date,
     &TimelineInput::uwv_safety_net_report_date},
    {"problem_analysis_date", ValueKind::optional_date, &TimelineInput::problem_analysis_date},
    {"plan_of_action_date", ValueKind::optional_date, &TimelineInput::plan_of_action_date},
    {"progress_evaluation_dates", ValueKind::evaluation_dates},
    {"uwv_42_week_report_date", ValueKind::optional_date, &TimelineInput::uwv_42_week_report_date},
    {"first_year_evaluation_date", ValueKind::optional_date,
     &TimelineInput::first_year_evaluation_date},
    {"track_2_start_date", ValueKind::optional_date, &TimelineInput::track_2_start_date},
    {"uwv_employment_end_report_date", ValueKind::optional_date,
     &TimelineInput::uwv_employment_end_report_date},
    {"uwv_letter_date", ValueKind::optional_date, &TimelineInput::uwv_letter_date},
    {"reintegration_report_date", ValueKind::optional_date,
     &TimelineInput::reintegration_report_date},
    {"wia_application_date", ValueKind::optional_date, &TimelineInput::wia_application_date},
    {"voluntary_extension_weeks", ValueKind::whole_number, nullptr,
     &TimelineInput::voluntary_extension_weeks},
    {"voluntary_extension_end", ValueKind::optional_date, &TimelineInput::voluntary_extension_end},
    {"wage_sanction_weeks", ValueKind::whole_number, nullptr, &TimelineInput::wage_sanction_weeks},
    {"wage_sanction_decision_date", ValueKind::optional_date,
     &TimelineInput::wage_sanction_decision_date},
    {"wage_sanction_repaired_on", ValueKind::optional_date,
     &TimelineInput::wage_sanction_repaired_on},
    {"employment_end_date", ValueKind::optional_date, &TimelineInput::employment_end_date},
    {"safety_net", ValueKind::safety_net},
    {"early_iva_application_date", ValueKind::optional_date,
     &TimelineInput::early_iva_application_date},
    {"deviations", ValueKind::deviations},
    {"file_is_complete", ValueKind::flag},
    {"as_of", ValueKind::as_of},
};
inline constexpr std::size_t kRootKeyCount = std::size(kRootKeys);

enum class PeriodKey : std::uint8_t { kind, start, end, cause };
inline constexpr std::string_view kPeriodKeyNames[] = {"kind", "start", "end", "cause"};

enum class DeviationKey : std::uint8_t { milestone, reason };
inline constexpr std::string_view kDeviationKeyNames[] = {"milestone", "reason"};

// The keys an item (a period, a deviation) cannot do without, and what to say when one is missing.
struct RequiredKey {
  std::uint8_t index;  // PeriodKey or DeviationKey
  std::string_view name;
  std::string_view missing_message;
};
inline constexpr RequiredKey kPeriodRequiredKeys[] = {
    {static_cast<std::uint8_t>(PeriodKey::kind), "kind",
     "is required (\"sick\" or \"maternity_leave\")"},
    {static_cast<std::uint8_t>(PeriodKey::start), "start",
     "is required (the first day, YYYY-MM-DD)"},
};
inline constexpr RequiredKey kDeviationRequiredKeys[] = {
    {static_cast<std::uint8_t>(DeviationKey::milestone), "milestone",
     "is required (the milestone key, e.g. \"plan_of_action\")"},
    {static_cast<std::uint8_t>(DeviationKey::reason), "reason",
     "is required (why the term was not kept)"},
};

}  // namespace spoorboek::json::timeline_input_schema
