// The CLI's only reading of the clock: the core and the application layer take "today" as a value.
#pragma once

#include "core/date.h"

namespace spoorboek::cli {

// Today's date on the local calendar (the user's day, which is what deadlines are about).
core::Date local_today();

}  // namespace spoorboek::cli
