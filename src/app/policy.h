// The one place where the application decides what an actor may do and see.
//
// Today this is a table by role: who may run which use case, and which visibility classes each
// role reads (design.md "Privacy by design"; documents-and-privacy.md §0, §10.3). Per-case rules
// (own team, own file, cases assigned to a coach) come with user accounts in the HTTP server; they
// belong here too, so that no adapter ever decides access.
#pragma once

#include <cstdint>

#include "app/actor.h"
#include "core/case_file.h"
#include "core/result.h"

namespace spoorboek::app {

enum class Action : std::uint8_t {
  init_database,
  manage_organisations,  // employers, employees
  open_case,
  append_entry,
  read_case,
  list_cases,
  verify,
  rebuild_projections,
  load_demo,
};

// Ok, or an Error with code "forbidden".
core::Status authorize(const Actor& actor, Action action);

// Whether the role may read data of this class. Only the company doctor (and the employee, in
// their own file) reads MEDICAL.
bool may_read(Role role, core::Visibility visibility);

}  // namespace spoorboek::app
