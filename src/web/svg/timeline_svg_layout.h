// Geometry of the timeline SVG, apart from the drawing: the day scale of the x axis, the sick-week
// ticks, and the staggering of labels that would overlap. Internal to the renderer; pure.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/timeline.h"

namespace spoorboek::web::svg::layout {

// Calendar days onto x: day `first` starts at x_left, the day after `last` starts at x_right.
class DayScale {
 public:
  // REQUIRES: first <= last, x_left < x_right.
  DayScale(core::Date first, core::Date last, double x_left, double x_right);

  core::Date first() const { return first_; }
  core::Date last() const { return last_; }
  bool contains(core::Date day) const { return day >= first_ && day <= last_; }
  double day_width() const { return day_width_; }
  // The left edge of `day`, clamped to the axis.
  double start_of(core::Date day) const;
  // The right edge of `day` (the left edge of the next), clamped to the axis.
  double end_of(core::Date day) const { return start_of(core::add_days(day, 1)); }
  // The middle of `day`, clamped to the axis: where markers and today's line stand.
  double middle_of(core::Date day) const;

 private:
  core::Date first_;
  core::Date last_;
  double x_left_;
  double day_width_;
};

// A tick at the start of sick week 13 * index + 1 (index 0 is D).
struct WeekTick {
  int week = 0;  // 0, 13, ... 104
  core::Date date{};
};
// Where sick weeks 0, 13, ... 104 end, on the case's clock. When the case ended before such a week
// the ticks run on at calendar pace from its last sick day, so the axis keeps its shape.
std::vector<WeekTick> week_ticks(const core::TimelineInput& input, const core::Timeline& timeline);

// An estimate of the width of `text` in a proportional sans-serif font (no font metrics here:
// it only needs to be generous enough to keep labels apart).
double estimated_text_width(std::string_view text, double font_size);

// A label's horizontal extent.
struct Extent {
  double left = 0;
  double right = 0;
};
// Lane (0, 1, ...) for each extent, so that no two extents on one lane come within `gap` of each
// other; each takes the lowest lane free. The result has one lane per extent, in input order.
std::vector<int> assign_lanes(const std::vector<Extent>& extents, double gap);

}  // namespace spoorboek::web::svg::layout
