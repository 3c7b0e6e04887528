// Whom an actor may report sick: the choice list of the sick-report form.
//
// Contract: employees_to_report_sick() lists, sorted by employer name, then employee name, every
// employee for whom policy.h lets the actor register a sick report (the same question
// Application::open_case asks: the reach a new case of that employee would have, and
// may_append(sick_report)). Employees with an open case are listed too, marked, because
// open_case refuses them with a reason the form shows. An actor whose roles may not open cases
// gets "forbidden".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "core/result.h"
#include "store/store.h"

namespace spoorboek::app {

struct ReportableEmployee {
  std::int64_t id = 0;
  std::string name;
  std::string personnel_number;
  std::string employer_name;
  bool has_open_case = false;
};

core::Result<std::vector<ReportableEmployee>> employees_to_report_sick(store::Store& store,
                                                                       const Actor& actor);

}  // namespace spoorboek::app
