#include "platform/clock.h"

#include <chrono>
#include <ctime>

namespace spoorboek::platform {
namespace {

core::Date local_day(std::time_t now) {
  std::tm local{};
  localtime_r(&now, &local);
  const std::chrono::year_month_day day{std::chrono::year{local.tm_year + 1900},
                                        std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                        std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
  return core::Date{day};
}

}  // namespace

core::Date local_today() { return local_day(std::time(nullptr)); }

app::Moment current_moment() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return app::Moment{local_day(now), stamp, static_cast<std::int64_t>(now)};
}

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace spoorboek::platform
