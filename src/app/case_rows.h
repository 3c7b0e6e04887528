// Internal to the application: a listed case as a dashboard row, shared by the case listing
// (case_queries.cc) and the dashboard (dashboard.cc), so that both show the same sick week and
// days left.
#pragma once

#include "app/application.h"

namespace spoorboek::app::detail {

// The sick week as of `day` from the projection's columns (see 0001_case_files.sql): 0 without a
// first sick day or before it, else the counted sick days up to the earlier of `day` and the
// last sick day, less the interruption days, in weeks rounded up. Store::count_cases_by_sick_week
// counts by the same rule.
long sick_week_from_summary(const store::CaseSummary& summary, core::Date day);

// The row of a listed case as of `as_of` (no risk score: that is asked for separately).
CaseRow case_row(const store::CaseListing& listing, core::Date as_of);

}  // namespace spoorboek::app::detail
