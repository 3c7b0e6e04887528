// The one place where the application decides what an actor may do and see.
//
// Three questions, each answered here and nowhere else:
// - authorize(): may the actor's roles run this kind of use case at all?
// - case_access(): does the actor reach this case, which visibility classes of its file does it
//   read, and which entry types may it add? A role counts only where it reaches the case: a
//   company doctor reads MEDICAL only in cases of employers the doctor's arbo service serves (or
//   of the doctor's own employer), an employee only in their own file, a coach reaches only the
//   cases assigned to the coach's office, a line manager only the team's cases.
// - reach_filter(): the same reach as a filter for listings.
// Unknown or missing facts refuse: an empty reach matches nothing.
#pragma once

#include <bitset>
#include <cstdint>

#include "app/actor.h"
#include "core/case_file.h"
#include "core/result.h"
#include "store/store.h"

namespace spoorboek::app {

enum class Action : std::uint8_t {
  init_database,
  manage_organisations,  // employers, providers, employees and their links
  manage_users,          // users, roles, API tokens
  open_case,
  append_entry,
  read_case,
  list_cases,
  assign_case,           // which office and people work on a case
  verify,
  rebuild_projections,
  load_demo,
};

// Ok, or an Error with code "forbidden".
core::Status authorize(const Actor& actor, Action action);

struct CaseAccess {
  bool reach = false;
  std::bitset<5> readable;                          // by core::Visibility
  std::bitset<core::kEntryTypeCount> appendable;    // by core::EntryType
  bool assign = false;                              // may name the case's office and people

  bool reads(core::Visibility visibility) const {
    return readable.test(static_cast<std::size_t>(visibility));
  }
  bool may_append(core::EntryType type) const {
    return appendable.test(static_cast<std::size_t>(type));
  }
};
CaseAccess case_access(const Actor& actor, const store::CaseReach& reach);

// The cases an actor's listing may hold.
store::CaseReachFilter reach_filter(const Actor& actor);

// Whether the actor administers this employer or provider (its own, or any for a platform
// administrator). Administrators of a provider also administer the employers it serves.
bool administers_employer(const Actor& actor, std::int64_t employer_id);
bool administers_provider(const Actor& actor, std::int64_t provider_id);

// Whether a role reads data of this class where it reaches a case.
bool may_read(Role role, core::Visibility visibility);

}  // namespace spoorboek::app
