// Who is acting, and when: every use case of the application layer takes both.
//
// An Actor is a user with one or more roles and a tenancy: the employer or the service provider
// (arbo service, reintegration office) the user belongs to, the employers that provider serves,
// and for an employee their own employee record. Which cases the actor reaches and which fields
// it reads follow from these in policy.h, and nowhere else.
//
// The application never reads the clock: adapters pass the Moment (today's business date for
// statuses and checks, the UTC timestamp recorded with an entry, and unix seconds for sessions
// and two-factor codes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
inline constexpr int kRoleCount = 7;
std::string_view role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);

// A set of roles; one role converts to a set of one.
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(Role role) : bits_(bit(role)) {}  // NOLINT: a role is a set of one
  constexpr bool has(Role role) const { return (bits_ & bit(role)) != 0; }
  constexpr void add(Role role) { bits_ |= bit(role); }
  constexpr bool empty() const { return bits_ == 0; }
  std::vector<Role> list() const;

 private:
  static constexpr std::uint8_t bit(Role role) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(role));
  }
  std::uint8_t bits_ = 0;
};

struct Actor {
  Actor() = default;
  Actor(std::string user, std::string name, RoleSet role_set)
      : user_id(std::move(user)), display_name(std::move(name)), roles(role_set) {}

  std::string user_id;  // recorded with every entry the actor appends: "user:12", "cli:root"
  std::string display_name;
  RoleSet roles;
  // The user account (users.id); 0 for an operator on the command line.
  std::int64_t account_id = 0;
  std::optional<std::int64_t> employer_id;  // an employer's own staff
  std::optional<std::int64_t> provider_id;  // staff of an arbo service or reintegration office
  std::vector<std::int64_t> served_employers;  // the employers provider_id serves
  std::optional<std::int64_t> employee_id;     // the employee role's own record

  // An administrator of the whole installation (no employer, no provider), e.g. the CLI.
  bool is_platform_administrator() const {
    return roles.has(Role::administrator) && !employer_id && !provider_id;
  }
};

struct Moment {
  core::Date today{};
  std::string timestamp;           // UTC, "2026-03-02T10:15:00Z"
  std::int64_t unix_seconds = 0;   // the same instant
};

}  // namespace spoorboek::app
