// The progress of `spoorboek demo --scale N` on stderr: on a terminal one line redrawn in place
// (bar, percentage, employees, cases, entries, rate, time left), elsewhere (a log, CI) one line
// per 10 %.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "app/application.h"

namespace spoorboek::cli {

// 1234567 -> "1,234,567".
std::string grouped(std::int64_t number);
// Seconds as "1:05" or "1:02:03".
std::string clock_duration(double seconds);

class ScaleProgressBar {
 public:
  // `redraw`: `out` is a terminal. `started` is platform::monotonic_seconds() at the start.
  ScaleProgressBar(std::ostream& out, bool redraw, double started);
  // After each batch, with platform::monotonic_seconds().
  void update(const app::ScaleProgress& progress, double now);
  // Ends the redrawn line (before anything else is written).
  void finish();

 private:
  std::ostream& out_;
  bool redraw_;
  double started_;
  int tenths_shown_ = 0;
  bool drawn_ = false;
};

}  // namespace spoorboek::cli
