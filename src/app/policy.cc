#include "app/policy.h"

#include <string>

namespace spoorboek::app {
namespace {

using core::Visibility;

bool role_may(Role role, Action action) {
  switch (role) {
    case Role::administrator:
      return true;
    case Role::case_manager:
      return action != Action::init_database && action != Action::rebuild_projections &&
             action != Action::load_demo;
    case Role::line_manager:
    case Role::company_doctor:
    case Role::occupational_expert:
      return action == Action::read_case || action == Action::list_cases ||
             action == Action::append_entry;
    case Role::reintegration_coach:
    case Role::employee:
      return action == Action::read_case || action == Action::append_entry;
  }
  return false;
}

}  // namespace

core::Status authorize(const Actor& actor, Action action) {
  if (role_may(actor.role, action)) return core::ok_status();
  return core::make_error("forbidden", "",
                          "the role " + std::string(role_name(actor.role)) +
                              " may not do this");
}

bool may_read(Role role, Visibility visibility) {
  switch (role) {
    case Role::company_doctor:
    case Role::employee:
      return true;
    case Role::case_manager:
    case Role::line_manager:
    case Role::occupational_expert:
    case Role::administrator:
      return visibility == Visibility::admin || visibility == Visibility::absence ||
             visibility == Visibility::functional;
    case Role::reintegration_coach:
      return visibility == Visibility::admin || visibility == Visibility::functional;
  }
  return false;
}

}  // namespace spoorboek::app
