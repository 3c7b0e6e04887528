// The CLI reads the clock through platform/clock.h, like the server.
#pragma once

#include "platform/clock.h"

namespace spoorboek::cli {

using platform::local_today;

}  // namespace spoorboek::cli
