// The actor of a command's `--as EMAIL` option: that user's roles and reach, so that the command
// shows or does what the user may. Without the option the operator acts (cli_actor(): an
// administrator of the whole installation).
#pragma once

#include <string>

#include "app/actor.h"
#include "cli/cmd_database_support.h"
#include "core/result.h"

namespace spoorboek::cli {

// "not_found" (field "--as") for an unknown address, "forbidden" for a disabled account.
core::Result<app::Actor> acting_user(Database& database, const std::string& email);

}  // namespace spoorboek::cli
