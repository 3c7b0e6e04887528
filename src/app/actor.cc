#include "app/actor.h"

#include <array>

namespace spoorboek::app {
namespace {

constexpr std::array<std::string_view, kRoleCount> kRoleNames{
    "case_manager",        "line_manager", "company_doctor", "occupational_expert",
    "reintegration_coach", "employee",     "administrator"};

}  // namespace

std::string_view role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<Role> role_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::vector<Role> RoleSet::list() const {
  std::vector<Role> roles;
  for (int i = 0; i < kRoleCount; ++i) {
    if (has(static_cast<Role>(i))) roles.push_back(static_cast<Role>(i));
  }
  return roles;
}

}  // namespace spoorboek::app
