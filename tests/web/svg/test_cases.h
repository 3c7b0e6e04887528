// Worked cases for the timeline SVG (domain.md §1, research/poortwachter-rules.md §9), built through
// the engine as the case page would: validated input, compute_timeline(), and the day the page is
// looked at. Shared by the tests and the sample tool, so it uses no test framework.
#pragma once

#include <string>
#include <vector>

#include "core/timeline.h"
#include "web/svg/timeline_svg.h"

namespace spoorboek::web::svg::testing {

struct TimelineCase {
  std::string name;
  core::TimelineInput input;
  core::Timeline timeline;
  core::Date today{};
  std::vector<PartialWorkSpan> partial_work;
};

// "2024-01-08" as a Date. REQUIRES: a valid ISO date (the cases are written by hand).
core::Date day(const char* iso);

// Validates input (as_of = today) and computes its timeline; `error` is set when validation fails.
TimelineCase make_case(std::string name, core::TimelineInput input, core::Date today, std::string* error);

// S1: sick since 8 January 2024, no interruption; problem analysis on time, plan of action overdue.
core::TimelineInput simple_case_input();
// S3: fit 4-24 July 2022 (21 days, under four weeks): one case, every later date moves 21 days.
core::TimelineInput relapse_case_input();
// S5: fit 28 days: the renewed sickness from 18 December 2023 is a new case.
core::TimelineInput new_case_input();
// S8: sick, pregnancy and maternity leave, sick again with the same cause: one case (WAZO).
core::TimelineInput maternity_case_input();
// S1 in its second year with every step taken and a voluntary extension of 13 weeks.
core::TimelineInput extension_case_input();
// S1 with a wage sanction of 26 weeks.
core::TimelineInput sanction_case_input();
// S10: sick until a maternity leave, no sickness after it: the case ended.
core::TimelineInput ended_case_input();
// Three short fit gaps close together (5, 5 and 1 days): their shift labels must not overlap.
core::TimelineInput close_gaps_case_input();

// Every case above with the day it is looked at.
std::vector<TimelineCase> all_cases(std::string* error);

}  // namespace spoorboek::web::svg::testing
