#include "web/svg/timeline_svg_layout.h"

#include <algorithm>
#include <numeric>

#include "web/svg/xml_escape.h"

namespace spoorboek::web::svg::layout {

DayScale::DayScale(core::Date first, core::Date last, double x_left, double x_right)
    : first_(first),
      last_(last),
      x_left_(x_left),
      day_width_((x_right - x_left) / static_cast<double>(core::days_between(first, last) + 1)) {}

double DayScale::start_of(core::Date day) const {
  const long offset =
      std::clamp(core::days_between(first_, day), 0L, core::days_between(first_, last_) + 1);
  return x_left_ + day_width_ * static_cast<double>(offset);
}

double DayScale::middle_of(core::Date day) const {
  const core::Date inside = std::clamp(day, first_, last_);
  return start_of(inside) + day_width_ / 2;
}

std::vector<WeekTick> week_ticks(const core::TimelineInput& input, const core::Timeline& timeline) {
  constexpr int kWeeksPerTick = 13;
  constexpr int kLastWeek = 104;
  const core::CaseSummary& summary = timeline.case_summary;
  // Counted sick days of the case and its last one, for running on past a closed case.
  long counted = 0;
  for (std::size_t i = summary.first_period; i <= summary.last_period; ++i) {
    const core::Period& period = input.periods[i];
    if (period.kind == core::PeriodKind::sick && period.end) {
      counted += core::days_between(period.start, *period.end) + 1;
    }
  }
  std::vector<WeekTick> ticks;
  ticks.push_back({0, summary.first_sick_day});
  for (int week = kWeeksPerTick; week <= kLastWeek; week += kWeeksPerTick) {
    const long day_number = 7L * week;
    const auto last_day_of_week = core::sick_day(input, summary, day_number);
    const core::Date end =
        last_day_of_week ? *last_day_of_week
                         : core::add_days(*summary.last_sick_day, day_number - counted);
    ticks.push_back({week, core::add_days(end, 1)});
  }
  return ticks;
}

double estimated_text_width(std::string_view text, double font_size) {
  // 0.55 em per character: a little wider than DejaVu Sans (about 0.51 on the labels here) or
  // Arial, and not so generous that labels leave their places for nothing.
  return static_cast<double>(utf8_length(text)) * font_size * 0.55;
}

std::vector<int> assign_lanes(const std::vector<Extent>& extents, double gap) {
  std::vector<std::size_t> order(extents.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return extents[a].left < extents[b].left;
  });
  std::vector<double> lane_right_edges;
  std::vector<int> lanes(extents.size(), 0);
  for (std::size_t index : order) {
    std::size_t lane = 0;
    while (lane < lane_right_edges.size() && lane_right_edges[lane] + gap > extents[index].left) {
      ++lane;
    }
    if (lane == lane_right_edges.size()) lane_right_edges.push_back(extents[index].right);
    lane_right_edges[lane] = extents[index].right;
    lanes[index] = static_cast<int>(lane);
  }
  return lanes;
}

}  // namespace spoorboek::web::svg::layout
