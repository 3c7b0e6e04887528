// Internal to the application: the demo's accounts, one per role of design.md, all with the
// password "demo", shared by the small demo (demo.cc) and the scale demo (demo_scale.cc), so that
// one logs in to either with the same accounts.
#pragma once

#include <cstdint>
#include <vector>

#include "app/actor.h"
#include "core/result.h"
#include "store/store.h"

namespace spoorboek::app::detail {

// Where the demo accounts work: the employer-side accounts (case manager, line manager, the
// employee) for the home employer, the company doctor and the occupational expert for the arbo
// service (which must serve the home employer), the coach for the reintegration office.
struct DemoOrganisations {
  std::int64_t home_employer = 0;
  std::int64_t arbo_service = 0;
  std::int64_t reintegration_office = 0;
};

// The administrator, case manager, line manager, company doctor, occupational expert and coach,
// and the setting that tells the login page the demo accounts exist. Returns the line manager's
// user id (lead_demo_team).
core::Result<std::int64_t> create_demo_staff(store::Store& store, const DemoOrganisations& where,
                                             const Moment& now);
// The line manager leads these employees of the home employer.
core::Status lead_demo_team(store::Store& store, std::int64_t manager_user_id,
                            const std::vector<std::int64_t>& employee_ids);
// The employee account: `employee_id` works for the home employer (and has an open case there).
core::Status create_demo_employee_account(store::Store& store, std::int64_t home_employer,
                                          std::int64_t employee_id, const Moment& now);

}  // namespace spoorboek::app::detail
