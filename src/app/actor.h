// Who is acting, and when: every use case of the application layer takes both.
//
// The application never reads the clock: adapters pass the Moment (today's business date for
// statuses and checks, and the UTC timestamp that is recorded with an entry).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace spoorboek::app {

// The roles of design.md "Who uses it".
enum class Role : std::uint8_t {
  case_manager,
  line_manager,
  company_doctor,
  occupational_expert,
  reintegration_coach,
  employee,
  administrator,
};
std::string_view role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);

struct Actor {
  std::string user_id;       // recorded with every entry the actor appends
  std::string display_name;
  Role role = Role::employee;
};

struct Moment {
  core::Date today{};
  std::string timestamp;  // UTC, "2026-03-02T10:15:00Z"
};

}  // namespace spoorboek::app
