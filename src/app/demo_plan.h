// Internal to the application: the demo data set as a plan, a pure function of a seed and a date.
//
// The plan holds organisations, employees and per case the entries (type, date, payload JSON)
// in the order they are appended. Cases cover every stage of the 104 weeks, short absences that
// ended, relapses within 4 weeks, a relapse after more than 4 weeks (a new case), maternity
// leave, track 2, an overdue plan of action, a wage sanction, a voluntary extension, a correction
// and a recorded deviation. No entry is dated after `today`, except an announced leave.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/demo_cases.h"
#include "core/case_file.h"

namespace spoorboek::app::detail {

struct DemoEmployee {
  std::size_t employer = 0;  // index into DemoPlan::employers
  std::string name;
  std::string personnel_number;
};

struct DemoPlan {
  std::vector<std::string> employers;
  std::vector<DemoEmployee> employees;
  std::vector<DemoCase> cases;  // an employee's earlier case comes before the later one
};

DemoPlan plan_demo(std::uint64_t seed, core::Date today);

}  // namespace spoorboek::app::detail
