#include "app/demo_plan.h"

#include <array>
#include <string_view>

namespace spoorboek::app::detail {
namespace {

using core::add_days;
using core::Date;
using core::EntryType;

struct EmployerProfile {
  std::string_view name;
  int employees;
};
constexpr std::array<EmployerProfile, 4> kEmployers{{
    {"Zorggroep Amstelland", 120},
    {"Transportbedrijf Van Dijk & Zn.", 90},
    {"Bakkerij De Korenschoof", 60},
    {"Gemeente Waterland", 40},
}};

}  // namespace

DemoPlan plan_demo(std::uint64_t seed, Date today) {
  DemoRandom random(seed);
  DemoPlan plan;
  for (std::size_t e = 0; e < kEmployers.size(); ++e) {
    plan.employers.emplace_back(kEmployers[e].name);
    for (int i = 0; i < kEmployers[e].employees; ++i) {
      const std::string name = std::string(random.pick(kFirstNames)) + " " +
                               std::string(random.pick(kLastNames));
      plan.employees.push_back(
          DemoEmployee{e, name, "W" + std::to_string(e + 1) + "-" + std::to_string(1000 + i)});
    }
  }
  // Every special situation once, then a random mix; one employee per case except the
  // employee whose second sickness came more than 4 weeks after the first (a new case).
  std::size_t employee = 0;
  const auto add = [&](DemoCase c) {
    c.employee = employee++ % plan.employees.size();
    if (c.pregnancy) {
      plan.employees[c.employee].name =
          std::string(random.pick(kWomensNames)) + " " + std::string(random.pick(kLastNames));
    }
    plan.cases.push_back(std::move(c));
  };
  add(relapse_within_four_weeks(today, random));
  {
    CaseScript first(days_before(today, random, 250, 330), today);
    first.add(EntryType::sick_report, first.first(), sick_report_payload(random, false));
    const Date recovered = add_days(first.first(), random.between(10, 25));
    first.add(EntryType::recovery, recovered);
    add(DemoCase{0, first.take()});
    CaseScript second(add_days(recovered, random.between(35, 70)), today);
    second.add(EntryType::sick_report, second.first(), sick_report_payload(random, false));
    run_process(second, random, ProcessOptions{});
    second.sort();
    --employee;  // the same employee
    add(DemoCase{0, second.take()});
  }
  add(maternity(today, random, true));
  add(maternity(today, random, false));
  add(with_options(today, random, 420, 520, ProcessOptions{}));  // track 2 under way
  ProcessOptions overdue_plan;
  overdue_plan.skip_plan = true;
  add(with_options(today, random, 80, 130, overdue_plan));
  ProcessOptions sanction;
  sanction.wage_sanction = true;
  sanction.careful = false;
  add(with_options(today, random, 735, 800, sanction));
  ProcessOptions extension;
  extension.voluntary_extension = true;
  add(with_options(today, random, 660, 720, extension));
  add(corrected(today, random));
  ProcessOptions deviation;
  deviation.deviation_for_plan = true;
  add(with_options(today, random, 100, 200, deviation));
  add(adjusted_plan(today, random));
  add(recovered_after_process(today, random));

  // About a third of the remaining employees has or had a case.
  while (employee < plan.employees.size()) {
    if (!random.chance(35)) {
      ++employee;
      continue;
    }
    const long kind = random.between(1, 100);
    if (kind <= 40) {
      add(short_recovered(today, random));
    } else if (kind <= 75) {
      add(open_case(today, random, /*careful=*/true));
    } else if (kind <= 95) {
      add(open_case(today, random, /*careful=*/false));
    } else {
      add(relapse_within_four_weeks(today, random));
    }
  }
  return plan;
}

}  // namespace spoorboek::app::detail
