// validate_timeline_input(): refuses what the engine cannot compute, naming the field and why.
#include <algorithm>
#include <numeric>
#include <string>

#include "core/timeline.h"
#include "core/timeline_case.h"

namespace spoorboek::core {
namespace {

std::string period_field(std::size_t index, std::string_view member) {
  std::string field = "periods[" + std::to_string(index) + "]";
  if (!member.empty()) {
    field += ".";
    field += member;
  }
  return field;
}

Status check_period(const Period& p, std::size_t index) {
  if (p.end && *p.end < p.start) {
    return make_error("end_before_start", period_field(index, "end"),
                      "the end " + format_iso_date(*p.end) + " is before the start " +
                          format_iso_date(p.start));
  }
  if (p.kind == PeriodKind::maternity_leave && !p.end) {
    return make_error("missing_field", period_field(index, "end"),
                      "a maternity_leave period needs an end date (the last day of the leave)");
  }
  return ok_status();
}

Status check_step_date(const std::optional<Date>& date, std::string_view field, Date earliest) {
  if (date && *date < earliest) {
    return make_error("before_first_sick_day", std::string(field),
                      "the date " + format_iso_date(*date) + " is before the first period (" +
                          format_iso_date(earliest) + ")");
  }
  return ok_status();
}

}  // namespace

Status validate_timeline_input(TimelineInput& input) {
  auto& periods = input.periods;
  if (periods.empty()) {
    return make_error("missing_field", "periods", "at least one sick period is required");
  }
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (auto status = check_period(periods[i], i); !status) return status;
  }

  // Sort by start, remembering the original positions so that errors name what the user wrote.
  std::vector<std::size_t> order(periods.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return periods[a].start < periods[b].start;
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const Period& before = periods[order[k - 1]];
    const Period& after = periods[order[k]];
    if (!before.end) {
      return make_error("overlap", period_field(order[k], "start"),
                        "this period starts while " + period_field(order[k - 1], "") +
                            " is still open (it has no end); only the last period may be open");
    }
    if (after.start <= *before.end) {
      return make_error("overlap", period_field(order[k], "start"),
                        "this period overlaps " + period_field(order[k - 1], "") + " (" +
                            format_iso_date(before.start) + " to " +
                            format_iso_date(*before.end) + ")");
    }
  }
  if (!std::is_sorted(order.begin(), order.end())) {
    std::vector<Period> sorted;
    sorted.reserve(periods.size());
    for (std::size_t index : order) sorted.push_back(std::move(periods[index]));
    periods = std::move(sorted);
  }

  const auto first_sick = std::find_if(periods.begin(), periods.end(), [](const Period& p) {
    return p.kind == PeriodKind::sick;
  });
  if (first_sick == periods.end()) {
    return make_error("missing_field", "periods", "at least one period of kind \"sick\" is required");
  }
  if (first_sick->start < kEarliestFirstSickDay) {
    return make_error("unsupported_date", "periods",
                      "a first sick day before " + format_iso_date(kEarliestFirstSickDay) +
                          " is not supported: the WIA terms changed on 1 July 2013 and the older "
                          "rules are not modelled");
  }

  const Date earliest = periods.front().start;
  const std::pair<const std::optional<Date>*, std::string_view> steps[] = {
      {&input.long_term_expected_on, "long_term_expected_on"},
      {&input.company_doctor_report_date, "company_doctor_report_date"},
      {&input.uwv_safety_net_report_date, "uwv_safety_net_report_date"},
      {&input.problem_analysis_date, "problem_analysis_date"},
      {&input.plan_of_action_date, "plan_of_action_date"},
      {&input.uwv_42_week_report_date, "uwv_42_week_report_date"},
      {&input.first_year_evaluation_date, "first_year_evaluation_date"},
      {&input.track_2_start_date, "track_2_start_date"},
      {&input.uwv_employment_end_report_date, "uwv_employment_end_report_date"},
      {&input.uwv_letter_date, "uwv_letter_date"},
      {&input.reintegration_report_date, "reintegration_report_date"},
      {&input.wia_application_date, "wia_application_date"},
      {&input.wage_sanction_decision_date, "wage_sanction_decision_date"},
      {&input.wage_sanction_repaired_on, "wage_sanction_repaired_on"},
      {&input.employment_end_date, "employment_end_date"},
      {&input.early_iva_application_date, "early_iva_application_date"},
  };
  for (const auto& [date, field] : steps) {
    if (auto status = check_step_date(*date, field, earliest); !status) return status;
  }
  for (std::size_t i = 0; i < input.progress_evaluation_dates.size(); ++i) {
    const std::string field = "progress_evaluation_dates[" + std::to_string(i) + "]";
    if (auto status = check_step_date(input.progress_evaluation_dates[i], field, earliest);
        !status) {
      return status;
    }
  }

  if (input.voluntary_extension_weeks < 0 || input.voluntary_extension_weeks > 520) {
    return make_error("out_of_range", "voluntary_extension_weeks",
                      "must be a whole number of weeks from 0 to 520");
  }
  if (input.voluntary_extension_weeks > 0 && input.voluntary_extension_end) {
    return make_error("conflict", "voluntary_extension_end",
                      "give either the end date UWV set or a number of weeks, not both");
  }
  if (input.wage_sanction_weeks < 0 || input.wage_sanction_weeks > 52) {
    return make_error("out_of_range", "wage_sanction_weeks",
                      "a wage sanction lasts at most 52 weeks (WIA art. 25 lid 9)");
  }
  if (input.wage_sanction_weeks == 0 &&
      (input.wage_sanction_decision_date || input.wage_sanction_repaired_on)) {
    return make_error("missing_field", "wage_sanction_weeks",
                      "a wage sanction decision or repair date needs the sanction's length in weeks");
  }

  for (std::size_t i = 0; i < input.deviations.size(); ++i) {
    const Deviation& deviation = input.deviations[i];
    const std::string field = "deviations[" + std::to_string(i) + "]";
    if (!deviation_allowed(deviation.milestone)) {
      return make_error("not_allowed", field + ".milestone",
                        "no deviation is possible from the statutory term of " +
                            std::string(milestone_key_name(deviation.milestone)) +
                            " (RPG art. 5 covers only the terms of the first year)");
    }
    if (deviation.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      return make_error("missing_field", field + ".reason",
                        "a deviation needs its reason (RPG art. 5: 'gemotiveerd')");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (input.deviations[j].milestone == deviation.milestone) {
        return make_error("duplicate", field + ".milestone",
                          "a deviation for this milestone is already given");
      }
    }
  }

  if (input.voluntary_extension_end || input.voluntary_extension_weeks > 0) {
    const auto range = detail::latest_case(periods);
    const auto end = detail::sick_day(periods, range.first, range.last, 728);
    const std::string field =
        input.voluntary_extension_end ? "voluntary_extension_end" : "voluntary_extension_weeks";
    if (!end) {
      return make_error("not_applicable", field,
                        "the case ended before the waiting period did, so its wage period "
                        "cannot be extended");
    }
    if (input.voluntary_extension_end && *input.voluntary_extension_end <= *end) {
      return make_error("out_of_range", field,
                        "the extended end must be after the end of the waiting period (" +
                            format_iso_date(*end) + ")");
    }
  }
  return ok_status();
}

}  // namespace spoorboek::core
