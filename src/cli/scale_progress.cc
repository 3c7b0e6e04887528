#include "cli/scale_progress.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace spoorboek::cli {

std::string grouped(std::int64_t number) {
  std::string digits = std::to_string(number < 0 ? -number : number);
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return number < 0 ? "-" + digits : digits;
}

std::string clock_duration(double seconds) {
  const auto total = static_cast<long>(std::lround(std::max(0.0, seconds)));
  const long hours = total / 3600, minutes = total / 60 % 60, rest = total % 60;
  std::ostringstream text;
  if (hours > 0) text << hours << ':' << (minutes < 10 ? "0" : "");
  text << minutes << ':' << (rest < 10 ? "0" : "") << rest;
  return text.str();
}

ScaleProgressBar::ScaleProgressBar(std::ostream& out, bool redraw, double started)
    : out_(out), redraw_(redraw), started_(started) {}

void ScaleProgressBar::update(const app::ScaleProgress& progress, double now) {
  if (progress.employees_total <= 0) return;
  const double share = static_cast<double>(progress.employees_done) /
                       static_cast<double>(progress.employees_total);
  const double elapsed = std::max(now - started_, 1e-9);
  const auto rate = static_cast<std::int64_t>(static_cast<double>(progress.entries) / elapsed);
  const double left = share > 0 ? elapsed * (1 - share) / share : 0;
  const int percent = static_cast<int>(share * 100);
  std::ostringstream figures;
  figures << grouped(progress.employees_done) << '/' << grouped(progress.employees_total)
          << " employees, " << grouped(progress.cases) << " cases, " << grouped(progress.entries)
          << " entries, " << grouped(rate) << " entries/s, " << clock_duration(left) << " left";
  if (redraw_) {
    constexpr int kWidth = 24;
    const int filled = std::clamp(static_cast<int>(share * kWidth), 0, kWidth);
    // Padded so that a shorter line wipes out the end of the longer one before it.
    std::string line = "\r[" + std::string(static_cast<std::size_t>(filled), '#') +
                       std::string(static_cast<std::size_t>(kWidth - filled), '-') + "] " +
                       (percent < 10 ? "  " : percent < 100 ? " " : "") + std::to_string(percent) +
                       "%  " + figures.str();
    out_ << line << std::string(8, ' ') << std::flush;
    drawn_ = true;
    return;
  }
  const int tenths = static_cast<int>(share * 10);
  if (tenths <= tenths_shown_) return;
  tenths_shown_ = tenths;
  out_ << "demo: " << tenths * 10 << "% (" << figures.str() << ")\n" << std::flush;
}

void ScaleProgressBar::finish() {
  if (drawn_) out_ << '\n' << std::flush;
  drawn_ = false;
}

}  // namespace spoorboek::cli
