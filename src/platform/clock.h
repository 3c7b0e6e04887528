// The adapters' only reading of the clock (CLI and server): the core and the application layer
// take "today" and the timestamp as values.
#pragma once

#include "app/actor.h"
#include "core/date.h"

namespace spoorboek::platform {

// Today's date on the local calendar (the user's day, which is what deadlines are about).
core::Date local_today();

// Now: the local date, the UTC timestamp "2026-03-02T10:15:00Z" and unix seconds.
app::Moment current_moment();

// Seconds on a monotonic clock from an arbitrary start: for durations (progress, elapsed time),
// never for dates.
double monotonic_seconds();

}  // namespace spoorboek::platform
