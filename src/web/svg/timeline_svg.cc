#include "web/svg/timeline_svg.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "web/svg/svg_writer.h"
#include "web/svg/timeline_svg_layout.h"

namespace spoorboek::web::svg {
namespace {

using core::Date;
using core::MilestoneKey;
using core::MilestoneStatus;
using layout::DayScale;
using layout::Extent;

// Sizes in viewBox units. The compact layout is as wide as a phone in CSS pixels, so its text
// shows at its nominal size there.
struct Geometry {
  double width;
  double margin;
  double font;        // row names, legend, today
  double small_font;  // tick dates, marker labels, shift labels
  double row_height;  // the line a marker stands on
  bool names_above;   // row names on a line of their own (compact) or in a left column (wide)
  double bar_height;
  double marker_radius;
};
constexpr Geometry kWide{960, 8, 12, 11, 22, false, 14, 6};
constexpr Geometry kCompact{360, 6, 11, 10, 18, true, 12, 5};

// Default colours as presentation attributes: the page's stylesheet overrides them by class.
constexpr std::string_view kTextColour = "#1f2937";
constexpr std::string_view kSickColour = "#c2410c";
constexpr std::string_view kGridColour = "#e5e7eb";
constexpr std::string_view kWindowColour = "#bfdbfe";
constexpr double kBracketDepth = 5;

std::string_view status_colour(MilestoneStatus status) {
  switch (status) {
    case MilestoneStatus::upcoming: return "#1d4ed8";
    case MilestoneStatus::due_soon: return "#b45309";
    case MilestoneStatus::overdue: return "#b91c1c";
    case MilestoneStatus::done_on_time: return "#15803d";
    case MilestoneStatus::done_late: return "#a16207";
    case MilestoneStatus::deviation: return "#6d28d9";
    case MilestoneStatus::not_applicable: return "#9ca3af";
    case MilestoneStatus::info: return "#334155";
  }
  return "#334155";
}

constexpr std::array kAllStatuses{
    MilestoneStatus::upcoming,     MilestoneStatus::due_soon,  MilestoneStatus::overdue,
    MilestoneStatus::done_on_time, MilestoneStatus::done_late, MilestoneStatus::deviation,
    MilestoneStatus::not_applicable, MilestoneStatus::info};

std::string iso(Date date) { return core::format_iso_date(date); }

// The day the step was taken, when the milestone is settled by it. A rolling progress evaluation
// carries its last evaluation in done_on but is never done: that only moves the next one.
std::optional<Date> done_on(const core::Milestone& m) {
  const bool done = m.status == MilestoneStatus::done_on_time || m.status == MilestoneStatus::done_late ||
                    (m.status == MilestoneStatus::deviation && m.rule != core::Rule::rolling_evaluation);
  return done ? m.done_on.as_optional() : std::nullopt;
}

// A window the step may be taken in (first-year evaluation, UWV letter, WIA application). The
// rolling evaluation's `from` is its anchor, the previous evaluation, not a window.
bool has_window(const core::Milestone& m) {
  return m.from && m.due && m.rule != core::Rule::rolling_evaluation;
}
std::string num(double value) { return format_number(value); }

std::string sanitized_id_prefix(std::string_view prefix) {
  std::string out;
  for (char c : prefix) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (safe) out += c;
  }
  // An XML id must not start with a digit or '-'.
  if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) {
    out = "tl" + out;
  }
  return out;
}

// The words, from the caller's catalogue.
class Words {
 public:
  explicit Words(const TimelineSvgText& text) : text_(text) {}

  std::string say(std::string_view key, const MessageValues& values = {}) const {
    return text_.message ? text_.message(key, values) : std::string(key);
  }
  std::string date(Date date) const { return text_.format_date ? text_.format_date(date) : iso(date); }
  std::string milestone(MilestoneKey key) const { return say(milestone_message_key(key)); }
  std::string status(MilestoneStatus status) const { return say(status_message_key(status)); }
  std::string shift(long days) const {
    return days == 1 ? say("timeline.shift.one_day") : say("timeline.shift.days", {{"days", std::to_string(days)}});
  }
  std::string span(std::string_view what_key, Date from, Date to) const {
    return say("timeline.span", {{"what", say(what_key)}, {"from", date(from)}, {"to", date(to)}});
  }

 private:
  const TimelineSvgText& text_;
};

// A shift bracket under an interruption (or from the unshifted end of week 104 to E).
struct Bracket {
  Date first_day{};
  Date last_day{};
  long days = 0;
  bool total = false;
  std::string label;
  int lane = 0;
  double label_centre = 0;
};

// Something the legend explains.
enum class LegendSwatch : std::uint8_t {
  sick, sick_projected, partial_work, fit_gap, maternity_leave, waiting_period, extension,
  wage_extra, unshifted_end, window, status,
};
struct LegendItem {
  LegendSwatch swatch{};
  MilestoneStatus status{};
  std::string label;
  double x = 0;
  double y = 0;  // the middle of the line
};

class TimelineRenderer {
 public:
  TimelineRenderer(const core::TimelineInput& input, const core::Timeline& timeline, Date today,
                   const TimelineSvgText& text, const TimelineSvgOptions& options)
      : input_(input),
        timeline_(timeline),
        today_(today),
        words_(text),
        options_(options),
        geometry_(options.compact ? kCompact : kWide),
        id_prefix_(sanitized_id_prefix(options.id_prefix)),
        summary_(timeline.case_summary),
        ticks_(layout::week_ticks(input, timeline)),
        interruptions_(core::case_interruptions(input, timeline)),
        scale_(make_scale()) {}

  std::string render() &&;

 private:
  Date axis_last_day() const;
  double label_column_width() const;
  DayScale make_scale() const;
  std::string id(std::string_view name) const { return id_prefix_ + "-" + std::string(name); }
  std::string fill_url(std::string_view pattern) const { return "url(#" + id(pattern) + ")"; }
  double x_left() const;
  double x_right() const { return geometry_.width - geometry_.margin - 4; }

  // Layout, before drawing (the root's height must be known first).
  void plan_brackets();
  void plan_tick_lanes();
  void plan_legend(double top);
  // The phone layout labels every second tick: 13 weeks are too narrow there for a date.
  bool tick_has_label(const layout::WeekTick& tick) const { return !geometry_.names_above || tick.week % 26 == 0; }
  // The date under a tick: the first sick day under week 0, else the last day of the week, so that
  // week 104 reads as the end of the waiting period.
  std::string tick_date_label(const layout::WeekTick& tick) const {
    return words_.date(tick.week == 0 ? tick.date : core::add_days(tick.date, -1));
  }
  // x, moved just enough that text centred on it stays inside the picture.
  double centred_x(double x, std::string_view text, double font_size) const {
    const double half = layout::estimated_text_width(text, font_size) / 2;
    return std::clamp(x, geometry_.margin + half, geometry_.width - geometry_.margin - half);
  }
  double row_name_line() const { return geometry_.names_above ? geometry_.font + 3 : 0; }

  std::string description() const;
  std::string marker_label(const core::Milestone& milestone) const;
  std::optional<Date> known_sick_until(const core::Period& period) const;
  std::optional<Date> open_case_end() const;

  void draw_defs();
  void draw_axis(double label_top, double grid_top, double grid_bottom);
  void draw_row_name(const std::string& name, double row_top, double row_middle);
  void draw_absence_row(double top);
  void draw_wage_row(double top);
  void draw_shift_row(double top);
  void draw_milestone_row(const core::Milestone& milestone, double top);
  double bar_row_height() const;
  double shift_row_height() const;
  double milestone_row_height() const;
  double shift_lane_height() const { return geometry_.small_font + 3; }
  // The label above the axis; the line from below the axis labels down through the rows.
  void draw_today(double label_top, double line_top, double bottom);
  void draw_legend();
  void draw_bar(std::string css_class, Date first_day, Date last_day, double middle,
                std::string_view fill, const std::string& title, double height_factor = 1.0);
  void draw_marker(MilestoneStatus status, double cx, double cy, double radius);
  void draw_marker_label(const std::string& label, const std::string& name, double x, double top,
                         double middle);
  // halo: a white outline under the glyphs, so text that crosses a line stays readable.
  void draw_text(std::string css_class, double x, double y, std::string_view anchor,
                 double font_size, std::string_view text, bool halo = false);

  const core::TimelineInput& input_;
  const core::Timeline& timeline_;
  Date today_;
  Words words_;
  const TimelineSvgOptions& options_;
  Geometry geometry_;
  std::string id_prefix_;
  const core::CaseSummary& summary_;
  std::vector<layout::WeekTick> ticks_;
  std::vector<core::Interruption> interruptions_;
  DayScale scale_;
  SvgWriter svg_;

  std::vector<Bracket> brackets_;
  int bracket_lanes_ = 0;
  std::vector<int> tick_lanes_;
  int tick_lane_count_ = 0;
  std::vector<LegendItem> legend_;
  double legend_bottom_ = 0;
};

// ---- layout ----------------------------------------------------------------------------------

std::optional<Date> TimelineRenderer::open_case_end() const {
  if (!timeline_.wage_period) return std::nullopt;
  return timeline_.wage_period->waiting_period_end;
}

Date TimelineRenderer::axis_last_day() const {
  Date last = core::add_days(ticks_.back().date, -1);  // the last day of sick week 104
  const auto extend = [&](std::optional<Date> day) {
    if (day && *day > last) last = *day;
  };
  if (timeline_.wage_period) extend(timeline_.wage_period->extended_end);
  for (const core::Milestone& m : timeline_.milestones) {
    extend(m.from.as_optional());
    extend(m.due.as_optional());
    extend(m.done_on.as_optional());
  }
  for (std::size_t i = summary_.first_period; i < input_.periods.size(); ++i) {
    extend(input_.periods[i].end);
  }
  // Today widens the axis only when near: years later the case would shrink to a sliver, and the
  // line then stands at the edge, marked outside.
  constexpr long kTodayReachDays = 182;
  if (today_ > last && core::days_between(last, today_) <= kTodayReachDays) last = today_;
  return last;
}

double TimelineRenderer::label_column_width() const {
  if (geometry_.names_above) return 0;
  double widest = layout::estimated_text_width(words_.say("timeline.row.absence"), geometry_.font);
  for (std::string_view key : {"timeline.row.wage_period", "timeline.row.shift"}) {
    widest = std::max(widest, layout::estimated_text_width(words_.say(key), geometry_.font));
  }
  for (const core::Milestone& m : timeline_.milestones) {
    widest = std::max(widest, layout::estimated_text_width(words_.milestone(m.key), geometry_.font));
  }
  // A very long name must not squeeze the chart: it is cut, with the full name in its <title>.
  return std::clamp(widest + 10, 120.0, 300.0);
}

double TimelineRenderer::x_left() const {
  return geometry_.margin + (geometry_.names_above ? 0 : label_column_width() + 8);
}

DayScale TimelineRenderer::make_scale() const {
  return DayScale(summary_.first_sick_day, axis_last_day(), x_left(), x_right());
}

void TimelineRenderer::plan_brackets() {
  for (const core::Interruption& gap : interruptions_) {
    brackets_.push_back({gap.first_day, gap.last_day, gap.days(), false, words_.shift(gap.days())});
  }
  if (timeline_.wage_period && summary_.interruption_days > 0) {
    const Date unshifted_end = core::add_days(summary_.first_sick_day, 727);
    brackets_.push_back({core::add_days(unshifted_end, 1), timeline_.wage_period->waiting_period_end,
                         summary_.interruption_days, true, words_.shift(summary_.interruption_days)});
  }
  std::vector<Extent> extents;
  for (Bracket& bracket : brackets_) {
    const double middle = (scale_.start_of(bracket.first_day) + scale_.end_of(bracket.last_day)) / 2;
    bracket.label_centre = centred_x(middle, bracket.label, geometry_.small_font);
    const double half = layout::estimated_text_width(bracket.label, geometry_.small_font) / 2;
    extents.push_back({bracket.label_centre - half, bracket.label_centre + half});
  }
  const std::vector<int> lanes = layout::assign_lanes(extents, 6);
  for (std::size_t i = 0; i < brackets_.size(); ++i) {
    brackets_[i].lane = lanes[i];
    bracket_lanes_ = std::max(bracket_lanes_, lanes[i] + 1);
  }
}

// Tick dates can be long ("22 januari 2024"): those that would touch go onto a second line.
void TimelineRenderer::plan_tick_lanes() {
  std::vector<Extent> extents;
  std::vector<std::size_t> labelled;
  for (std::size_t i = 0; i < ticks_.size(); ++i) {
    if (!tick_has_label(ticks_[i])) continue;
    const std::string date = tick_date_label(ticks_[i]);
    const double width = layout::estimated_text_width(date, geometry_.small_font);
    const double middle = centred_x(scale_.start_of(ticks_[i].date), date, geometry_.small_font);
    extents.push_back({middle - width / 2, middle + width / 2});
    labelled.push_back(i);
  }
  const std::vector<int> lanes = layout::assign_lanes(extents, 6);
  tick_lanes_.assign(ticks_.size(), 0);
  tick_lane_count_ = 1;
  for (std::size_t j = 0; j < labelled.size(); ++j) {
    tick_lanes_[labelled[j]] = lanes[j];
    tick_lane_count_ = std::max(tick_lane_count_, lanes[j] + 1);
  }
}

void TimelineRenderer::plan_legend(double top) {
  const auto add = [&](LegendSwatch swatch, std::string_view key) {
    legend_.push_back({swatch, MilestoneStatus::info, words_.say(key)});
  };
  add(LegendSwatch::sick, "timeline.legend.sick");
  const core::Period& last_period = input_.periods[summary_.last_period];
  if (!last_period.end && open_case_end() && today_ < *open_case_end()) {
    add(LegendSwatch::sick_projected, "timeline.legend.sick_projected");
  }
  if (!options_.partial_work.empty()) add(LegendSwatch::partial_work, "timeline.legend.partial_work");
  const bool fit_gap = std::any_of(interruptions_.begin(), interruptions_.end(),
                                   [](const auto& gap) { return !gap.maternity_leave; });
  if (fit_gap) add(LegendSwatch::fit_gap, "timeline.legend.fit_gap");
  bool leave = false;
  for (std::size_t i = summary_.first_period; i < input_.periods.size(); ++i) {
    leave = leave || input_.periods[i].kind == core::PeriodKind::maternity_leave;
  }
  if (leave) add(LegendSwatch::maternity_leave, "timeline.legend.maternity_leave");
  if (const auto& wage = timeline_.wage_period) {
    add(LegendSwatch::waiting_period, "timeline.legend.waiting_period");
    if (wage->extended_end > wage->waiting_period_end) {
      add(LegendSwatch::extension, "timeline.legend.extension");
    }
    const auto wage_end = timeline_.at(MilestoneKey::wage_continuation_end).due;
    if (wage_end && *wage_end > wage->extended_end) add(LegendSwatch::wage_extra, "timeline.legend.wage_extra");
    if (summary_.interruption_days > 0) add(LegendSwatch::unshifted_end, "timeline.legend.unshifted_end");
  }
  const bool window = std::any_of(timeline_.milestones.begin(), timeline_.milestones.end(),
                                  [](const auto& m) { return has_window(m); });
  if (window) add(LegendSwatch::window, "timeline.legend.window");
  for (MilestoneStatus status : kAllStatuses) {
    const bool present = std::any_of(timeline_.milestones.begin(), timeline_.milestones.end(),
                                     [&](const auto& m) { return m.status == status; });
    if (present) legend_.push_back({LegendSwatch::status, status, words_.status(status)});
  }
  // Flow the items into lines as wide as the picture.
  const double line_height = geometry_.font + 8;
  const double swatch_width = 18;
  double x = geometry_.margin;
  double middle = top + line_height / 2;
  for (LegendItem& item : legend_) {
    const double width = swatch_width + 5 + layout::estimated_text_width(item.label, geometry_.font);
    if (x > geometry_.margin && x + width > geometry_.width - geometry_.margin) {
      x = geometry_.margin;
      middle += line_height;
    }
    item.x = x;
    item.y = middle;
    x += width + 14;
  }
  legend_bottom_ = middle + line_height / 2;
}

// ---- text --------------------------------------------------------------------------------------

std::string TimelineRenderer::marker_label(const core::Milestone& m) const {
  const std::string status = words_.status(m.status);
  if (m.status == MilestoneStatus::not_applicable) return status;
  if (const auto done = done_on(m)) return words_.say("timeline.label.done", {{"date", words_.date(*done)}, {"status", status}});
  if (!m.due) return status;
  if (m.status == MilestoneStatus::info) return words_.date(*m.due);
  if (has_window(m)) {
    return words_.say("timeline.label.window",
                      {{"from", words_.date(*m.from)}, {"to", words_.date(*m.due)}, {"status", status}});
  }
  return words_.say("timeline.label.due", {{"date", words_.date(*m.due)}, {"status", status}});
}

std::string TimelineRenderer::description() const {
  std::vector<std::string> sentences;
  if (summary_.last_sick_day) {
    sentences.push_back(words_.say("timeline.desc.ended", {{"first_sick_day", words_.date(summary_.first_sick_day)},
                                                           {"last_sick_day", words_.date(*summary_.last_sick_day)}}));
  } else {
    sentences.push_back(words_.say(
        "timeline.desc.open", {{"first_sick_day", words_.date(summary_.first_sick_day)},
                               {"week", std::to_string(core::sick_week_as_of(timeline_))},
                               {"date", words_.date(timeline_.as_of)}}));
  }
  if (summary_.interruption_days > 0) {
    sentences.push_back(words_.say("timeline.desc.shift", {{"days", std::to_string(summary_.interruption_days)}}));
  }
  if (const auto& wage = timeline_.wage_period) {
    sentences.push_back(words_.say("timeline.desc.waiting_period_end", {{"date", words_.date(wage->waiting_period_end)}}));
    const auto wage_end = timeline_.at(MilestoneKey::wage_continuation_end).due;
    if (wage_end && *wage_end != wage->waiting_period_end) {
      sentences.push_back(words_.say("timeline.desc.wage_end", {{"date", words_.date(*wage_end)}}));
    }
  }
  for (const core::Milestone& m : timeline_.milestones) {
    sentences.push_back(words_.say("timeline.desc.milestone", {{"name", words_.milestone(m.key)}, {"label", marker_label(m)}}));
  }
  std::string text;
  for (const std::string& sentence : sentences) {
    if (!text.empty()) text += ' ';
    text += sentence;
  }
  return text;
}

// ---- drawing -----------------------------------------------------------------------------------

void TimelineRenderer::draw_text(std::string css_class, double x, double y, std::string_view anchor,
                                 double font_size, std::string_view text, bool halo) {
  if (!halo) {
    svg_.text_element("text",
                      {{"class", std::move(css_class)}, {"x", num(x)}, {"y", num(y)},
                       {"text-anchor", std::string(anchor)}, {"font-size", num(font_size)},
                       {"fill", std::string(kTextColour)}},
                      text);
    return;
  }
  svg_.text_element("text",
                    {{"class", std::move(css_class)}, {"x", num(x)}, {"y", num(y)},
                     {"text-anchor", std::string(anchor)}, {"font-size", num(font_size)},
                     {"fill", std::string(kTextColour)}, {"stroke", "#ffffff"}, {"stroke-width", "3"},
                     {"stroke-linejoin", "round"}, {"paint-order", "stroke"}},
                    text);
}

void TimelineRenderer::draw_defs() {
  svg_.open("defs");
  // Each pattern is a ground and a stroke, tilted or not, so that the kinds differ in texture
  // and not in colour alone.
  struct PatternSpec {
    std::string_view name, ground, stroke;
    double size, stroke_width, angle;
  };
  constexpr std::array<PatternSpec, 5> kPatterns{{
      {"partial", "#fdba74", "#ffffff", 6, 2.5, 45},
      {"projected", "#ffffff", kSickColour, 5, 1.5, -45},
      {"leave", "#f3e8ff", "#7e22ce", 5, 2, 0},
      {"extension", "#e2e8f0", "#64748b", 6, 1.5, 45},
      {"wage-extra", "#cbd5e1", "#334155", 4, 1, 90},
  }};
  for (const PatternSpec& p : kPatterns) {
    svg_.open("pattern", {{"id", id(p.name)}, {"patternUnits", "userSpaceOnUse"},
                          {"width", num(p.size)}, {"height", num(p.size)},
                          {"patternTransform", "rotate(" + num(p.angle) + ")"}});
    svg_.empty("rect", {{"class", "tl-pattern-" + std::string(p.name) + "-ground"},
                        {"width", num(p.size)}, {"height", num(p.size)}, {"fill", std::string(p.ground)}});
    svg_.empty("line", {{"class", "tl-pattern-" + std::string(p.name) + "-stroke"}, {"x1", "0"},
                        {"y1", "0"}, {"x2", "0"}, {"y2", num(p.size)}, {"stroke", std::string(p.stroke)},
                        {"stroke-width", num(p.stroke_width)}});
    svg_.close();
  }
  // Fit days: dots on a pale ground.
  svg_.open("pattern", {{"id", id("fit")}, {"patternUnits", "userSpaceOnUse"}, {"width", "4"},
                        {"height", "4"}});
  svg_.empty("rect", {{"class", "tl-pattern-fit-ground"}, {"width", "4"}, {"height", "4"},
                      {"fill", "#ecfdf5"}});
  svg_.empty("circle", {{"class", "tl-pattern-fit-stroke"}, {"cx", "2"}, {"cy", "2"},
                        {"r", "1.1"}, {"fill", "#15803d"}});
  svg_.close();
  svg_.close();
}

void TimelineRenderer::draw_axis(double label_top, double grid_top, double grid_bottom) {
  svg_.open("g", {{"class", "tl-axis"}});
  for (std::size_t i = 0; i < ticks_.size(); ++i) {
    const layout::WeekTick& tick = ticks_[i];
    const double x = scale_.start_of(tick.date);
    svg_.empty("line", {{"class", "tl-grid"}, {"x1", num(x)}, {"y1", num(grid_top)}, {"x2", num(x)},
                        {"y2", num(grid_bottom)}, {"stroke", std::string(kGridColour)},
                        {"data-date", iso(tick.date)}});
    if (!tick_has_label(tick)) continue;
    const std::string week = words_.say("timeline.axis.week", {{"week", std::to_string(tick.week)}});
    const std::string date = tick_date_label(tick);
    draw_text("tl-tick-label", centred_x(x, week, geometry_.font), label_top + geometry_.font, "middle",
              geometry_.font, week);
    const double date_y = label_top + geometry_.font + 2 + (tick_lanes_[i] + 1) * (geometry_.small_font + 3) - 2;
    draw_text("tl-tick-date", centred_x(x, date, geometry_.small_font), date_y, "middle",
              geometry_.small_font, date, true);
  }
  svg_.close();
}

void TimelineRenderer::draw_row_name(const std::string& name, double row_top, double row_middle) {
  if (geometry_.names_above) {
    draw_text("tl-row-label", geometry_.margin, row_top + geometry_.font, "start", geometry_.font, name, true);
    return;
  }
  // Cut a name that would run into the chart; the row's <title> keeps it whole.
  const double room = x_left() - 8 - geometry_.margin;
  std::string shown = name;
  if (layout::estimated_text_width(name, geometry_.font) > room) {
    const auto keep = static_cast<std::size_t>(room / layout::estimated_text_width("x", geometry_.font)) - 1;
    std::size_t bytes = 0;
    for (std::size_t chars = 0; bytes < name.size() && chars < keep; ++chars) {
      do ++bytes; while (bytes < name.size() && (static_cast<unsigned char>(name[bytes]) & 0xC0) == 0x80);
    }
    shown = name.substr(0, bytes) + "\xE2\x80\xA6";  // U+2026 horizontal ellipsis
  }
  draw_text("tl-row-label", geometry_.margin, row_middle + geometry_.font * 0.35, "start",
            geometry_.font, shown);
}

void TimelineRenderer::draw_bar(std::string css_class, Date first_day, Date last_day, double middle,
                                std::string_view fill, const std::string& title, double height_factor) {
  if (last_day < scale_.first() || first_day > scale_.last()) return;
  const double height = geometry_.bar_height * height_factor;
  const double x = scale_.start_of(first_day);
  const double width = std::max(scale_.end_of(last_day) - x, 1.0);
  svg_.open("g", {{"class", std::move(css_class)}, {"data-from", iso(first_day)}, {"data-to", iso(last_day)}});
  svg_.text_element("title", {}, title);
  svg_.empty("rect", {{"x", num(x)}, {"y", num(middle - height / 2)}, {"width", num(width)},
                      {"height", num(height)}, {"fill", std::string(fill)}});
  svg_.close();
}

// How long the sick period is known to last: its end, or for the open one up to today.
std::optional<Date> TimelineRenderer::known_sick_until(const core::Period& period) const {
  if (period.end) return period.end;
  if (today_ < period.start) return std::nullopt;
  return std::min(today_, scale_.last());
}

void TimelineRenderer::draw_absence_row(double top) {
  const double middle = top + row_name_line() + geometry_.bar_height / 2 + 5;
  svg_.open("g", {{"class", "tl-row tl-row-absence"}});
  draw_row_name(words_.say("timeline.row.absence"), top, middle);
  for (std::size_t i = summary_.first_period; i < input_.periods.size(); ++i) {
    const core::Period& period = input_.periods[i];
    if (period.kind == core::PeriodKind::maternity_leave) {
      draw_bar("tl-maternity-leave", period.start, *period.end, middle, fill_url("leave"),
               words_.span("timeline.legend.maternity_leave", period.start, *period.end));
      continue;
    }
    if (i > summary_.last_period) continue;
    if (const auto until = known_sick_until(period)) {
      draw_bar("tl-sick", period.start, *until, middle, kSickColour,
               words_.span("timeline.legend.sick", period.start, *until));
    }
    const auto end = open_case_end();
    if (!period.end && end) {
      const Date from = std::max(period.start, core::add_days(today_, 1));
      if (from <= *end) {
        draw_bar("tl-sick-projected", from, *end, middle, fill_url("projected"),
                 words_.span("timeline.legend.sick_projected", from, *end));
      }
    }
  }
  for (const core::Interruption& gap : interruptions_) {
    if (gap.maternity_leave) continue;  // drawn as the leave period itself
    draw_bar("tl-fit-gap", gap.first_day, gap.last_day, middle, fill_url("fit"),
             words_.span("timeline.legend.fit_gap", gap.first_day, gap.last_day));
  }
  for (const PartialWorkSpan& span : options_.partial_work) {
    // Partial work lies inside a sick period; it ends at the latest where that period is known to.
    for (std::size_t i = summary_.first_period; i <= summary_.last_period; ++i) {
      const core::Period& period = input_.periods[i];
      const auto until = known_sick_until(period);
      if (period.kind != core::PeriodKind::sick || !until || span.first_day < period.start ||
          span.first_day > *until) {
        continue;
      }
      const Date last = std::min(span.last_day.value_or(*until), *until);
      const std::string what = words_.say("timeline.partial_work", {{"percentage", std::to_string(span.percentage)}});
      draw_bar("tl-partial-work", span.first_day, last, middle, fill_url("partial"),
               words_.say("timeline.span", {{"what", what}, {"from", words_.date(span.first_day)}, {"to", words_.date(last)}}), 0.6);
    }
  }
  svg_.close();
}

void TimelineRenderer::draw_wage_row(double top) {
  const auto& wage = timeline_.wage_period;
  if (!wage) return;
  const double middle = top + row_name_line() + geometry_.bar_height / 2 + 5;
  svg_.open("g", {{"class", "tl-row tl-row-wage"}});
  draw_row_name(words_.say("timeline.row.wage_period"), top, middle);
  const Date first = summary_.first_sick_day;
  draw_bar("tl-waiting-period", first, wage->waiting_period_end, middle, "#cbd5e1",
           words_.span("timeline.legend.waiting_period", first, wage->waiting_period_end));
  if (wage->extended_end > wage->waiting_period_end) {
    const Date from = core::add_days(wage->waiting_period_end, 1);
    draw_bar("tl-extension", from, wage->extended_end, middle, fill_url("extension"),
             words_.span("timeline.legend.extension", from, wage->extended_end));
  }
  const auto wage_end = timeline_.at(MilestoneKey::wage_continuation_end).due;
  if (wage_end && *wage_end > wage->extended_end) {
    const Date from = core::add_days(wage->extended_end, 1);
    draw_bar("tl-wage-extra", from, *wage_end, middle, fill_url("wage-extra"),
             words_.span("timeline.legend.wage_extra", from, *wage_end));
  }
  if (summary_.interruption_days > 0) {
    const Date unshifted_end = core::add_days(first, 727);
    const double x = scale_.end_of(unshifted_end);
    svg_.open("g", {{"class", "tl-unshifted-end"}, {"data-date", iso(unshifted_end)}});
    svg_.text_element("title", {},
                      words_.say("timeline.legend.unshifted_end") + ": " + words_.date(unshifted_end));
    svg_.empty("line", {{"x1", num(x)}, {"y1", num(middle - geometry_.bar_height / 2 - 3)}, {"x2", num(x)},
                        {"y2", num(middle + geometry_.bar_height / 2 + 3)}, {"stroke", std::string(kTextColour)},
                        {"stroke-width", "1.5"}, {"stroke-dasharray", "3 2"}});
    svg_.close();
  }
  svg_.close();
}

void TimelineRenderer::draw_shift_row(double top) {
  if (brackets_.empty()) return;
  const double bracket_top = top + row_name_line() + 2;
  const double lane_height = shift_lane_height();
  svg_.open("g", {{"class", "tl-row tl-row-shift"}});
  draw_row_name(words_.say("timeline.row.shift"), top, bracket_top + 4);
  for (const Bracket& bracket : brackets_) {
    const double left = scale_.start_of(bracket.first_day);
    const double right = std::max(scale_.end_of(bracket.last_day), left + 2);
    const double depth = kBracketDepth;
    svg_.open("g", {{"class", bracket.total ? "tl-shift tl-shift-total" : "tl-shift"},
                    {"data-from", iso(bracket.first_day)}, {"data-to", iso(bracket.last_day)},
                    {"data-days", std::to_string(bracket.days)}});
    const std::string title =
        bracket.total ? words_.say("timeline.shift.total") + ": " + bracket.label
                      : words_.span("timeline.legend.fit_gap", bracket.first_day, bracket.last_day) + ": " + bracket.label;
    svg_.text_element("title", {}, title);
    svg_.empty("path", {{"d", "M" + num(left) + " " + num(bracket_top) + "V" + num(bracket_top + depth) +
                                  "H" + num(right) + "V" + num(bracket_top)},
                        {"fill", "none"}, {"stroke", std::string(kTextColour)}, {"stroke-width", "1.2"}});
    const double baseline = bracket_top + depth + (bracket.lane + 1) * lane_height - 1;
    draw_text("tl-shift-label", bracket.label_centre, baseline, "middle", geometry_.small_font,
              bracket.label, true);
    svg_.close();
  }
  svg_.close();
}

void TimelineRenderer::draw_marker(MilestoneStatus status, double cx, double cy, double r) {
  const std::string colour(status_colour(status));
  const auto path = [&](const std::string& d, bool filled, double stroke_width = 2) {
    svg_.empty("path", {{"d", d}, {"fill", filled ? colour : "#ffffff"}, {"stroke", colour},
                        {"stroke-width", num(stroke_width)}, {"stroke-linejoin", "round"}});
  };
  const auto at = [&](double dx, double dy) { return num(cx + dx) + " " + num(cy + dy); };
  const std::string check = "M" + at(-r * 0.5, 0) + "L" + at(-r * 0.1, r * 0.4) + "L" + at(r * 0.55, -r * 0.45);
  const auto draw_check = [&] {
    svg_.empty("path", {{"d", check}, {"fill", "none"}, {"stroke", "#ffffff"}, {"stroke-width", "1.6"}});
  };
  const auto circle = [&](bool filled) {
    svg_.empty("circle", {{"cx", num(cx)}, {"cy", num(cy)}, {"r", num(r)},
                          {"fill", filled ? colour : "#ffffff"}, {"stroke", colour}, {"stroke-width", "2"}});
  };
  switch (status) {
    case MilestoneStatus::upcoming:
      circle(false);
      break;
    case MilestoneStatus::due_soon:  // a hollow diamond
      path("M" + at(0, -r * 1.2) + "L" + at(r * 1.2, 0) + "L" + at(0, r * 1.2) + "L" + at(-r * 1.2, 0) + "Z",
           false, 2.5);
      break;
    case MilestoneStatus::overdue:  // a warning triangle
      path("M" + at(0, -r * 1.2) + "L" + at(r * 1.15, r) + "L" + at(-r * 1.15, r) + "Z", true);
      break;
    case MilestoneStatus::done_on_time:
      circle(true);
      draw_check();
      break;
    case MilestoneStatus::done_late:  // a square with a tick: done, but not in time
      path("M" + at(-r, -r) + "H" + num(cx + r) + "V" + num(cy + r) + "H" + num(cx - r) + "Z", true);
      draw_check();
      break;
    case MilestoneStatus::deviation:  // a circle struck through
      circle(false);
      path("M" + at(-r * 0.7, r * 0.7) + "L" + at(r * 0.7, -r * 0.7), false);
      break;
    case MilestoneStatus::not_applicable:  // a dash
      path("M" + at(-r, 0) + "H" + num(cx + r), false, 2.5);
      break;
    case MilestoneStatus::info:  // a hollow square
      path("M" + at(-r * 0.85, -r * 0.85) + "H" + num(cx + r * 0.85) + "V" + num(cy + r * 0.85) + "H" +
               num(cx - r * 0.85) + "Z",
           false);
      break;
  }
}

void TimelineRenderer::draw_milestone_row(const core::Milestone& m, double top) {
  const std::string name = words_.milestone(m.key);
  const std::string status_class = "tl-status-" + std::string(core::status_name(m.status));
  const std::string label = marker_label(m);
  const double middle = top + row_name_line() + geometry_.row_height / 2;
  const double r = geometry_.marker_radius;
  svg_.open("g", {{"class", "tl-milestone " + status_class},
                  {"data-milestone", std::string(core::milestone_key_name(m.key))},
                  {"data-status", std::string(core::status_name(m.status))}});
  svg_.text_element("title", {}, name + ": " + label);
  draw_row_name(name, top, middle);
  svg_.empty("line", {{"class", "tl-row-guide"}, {"x1", num(x_left())}, {"y1", num(middle)},
                      {"x2", num(x_right())}, {"y2", num(middle)}, {"stroke", std::string(kGridColour)}});
  if (has_window(m)) {
    const double x = scale_.start_of(*m.from);
    svg_.empty("rect", {{"class", "tl-window"}, {"data-from", iso(*m.from)}, {"data-to", iso(*m.due)},
                        {"x", num(x)}, {"y", num(middle - 4)}, {"width", num(std::max(scale_.end_of(*m.due) - x, 1.0))},
                        {"height", "8"}, {"fill", std::string(kWindowColour)}});
  }
  if (m.key == MilestoneKey::progress_evaluation) {
    for (const core::EvaluationCycle& cycle : core::progress_evaluation_cycles(input_, timeline_)) {
      if (!cycle.done_on) continue;
      svg_.open("g", {{"class", "tl-cycle tl-status-" + std::string(core::status_name(cycle.status))},
                      {"data-date", iso(*cycle.done_on)}});
      svg_.text_element("title", {}, name + ": " + words_.say("timeline.label.done",
                                                              {{"date", words_.date(*cycle.done_on)},
                                                               {"status", words_.status(cycle.status)}}));
      svg_.empty("circle", {{"cx", num(scale_.middle_of(*cycle.done_on))}, {"cy", num(middle)}, {"r", "3"},
                            {"fill", std::string(status_colour(cycle.status))}});
      svg_.close();
    }
  }
  const std::optional<Date> done = done_on(m);
  const std::optional<Date> at = done ? done : m.due.as_optional();
  if (done && m.due && *done != *m.due) {
    const double x = scale_.middle_of(*m.due);
    svg_.empty("line", {{"class", "tl-due-line"}, {"data-date", iso(*m.due)}, {"x1", num(x)},
                        {"y1", num(middle - r - 2)}, {"x2", num(x)}, {"y2", num(middle + r + 2)},
                        {"stroke", std::string(status_colour(m.status))}, {"stroke-width", "1.5"}});
  }
  // Without a date (not applicable) the marker stands at the start of the axis.
  const double x = at ? scale_.middle_of(*at) : x_left() + r;
  if (at) {
    svg_.open("g", {{"class", "tl-marker " + status_class}, {"data-date", iso(*at)}});
  } else {
    svg_.open("g", {{"class", "tl-marker " + status_class}});
  }
  draw_marker(m.status, x, middle, r);
  svg_.close();
  draw_marker_label(label, name, x, top, middle);
  svg_.close();
}

// Beside the marker where there is room; in the phone layout else at the end of the name line;
// else as far in as it goes (over the marker, which the halo keeps readable).
void TimelineRenderer::draw_marker_label(const std::string& label, const std::string& name, double x,
                                         double top, double middle) {
  const double width = layout::estimated_text_width(label, geometry_.small_font);
  const double gap = geometry_.marker_radius + 5;
  const double baseline = middle + geometry_.small_font * 0.35;
  if (x + gap + width <= x_right()) {
    draw_text("tl-date-label", x + gap, baseline, "start", geometry_.small_font, label, true);
  } else if (x - gap - width >= x_left()) {
    draw_text("tl-date-label", x - gap, baseline, "end", geometry_.small_font, label, true);
  } else if (geometry_.names_above &&
             layout::estimated_text_width(name, geometry_.font) + 12 + width <= x_right() - x_left()) {
    draw_text("tl-date-label", x_right(), top + geometry_.font, "end", geometry_.small_font, label, true);
  } else {
    draw_text("tl-date-label", std::max(x_left(), x_right() - width), baseline, "start",
              geometry_.small_font, label, true);
  }
}

void TimelineRenderer::draw_today(double label_top, double line_top, double bottom) {
  const bool inside = scale_.contains(today_);
  const double x = inside ? scale_.middle_of(today_) : (today_ < scale_.first() ? x_left() : x_right());
  const std::string label = words_.say("timeline.today");
  svg_.open("g", {{"class", inside ? "tl-today" : "tl-today tl-today-outside"}, {"data-date", iso(today_)}});
  svg_.text_element("title", {}, label + ": " + words_.date(today_));
  svg_.empty("line", {{"x1", num(x)}, {"y1", num(line_top)}, {"x2", num(x)}, {"y2", num(bottom)},
                      {"stroke", "#111827"}, {"stroke-width", "2"},
                      {"stroke-dasharray", inside ? "none" : "4 3"}});
  draw_text("tl-today-label", centred_x(x, label, geometry_.font), label_top + geometry_.font, "middle",
            geometry_.font, label);
  svg_.close();
}

void TimelineRenderer::draw_legend() {
  svg_.open("g", {{"class", "tl-legend"}});
  const double r = geometry_.marker_radius;
  for (const LegendItem& item : legend_) {
    const double box_top = item.y - 5;
    const auto swatch = [&](std::string css_class, std::string fill) {
      svg_.empty("rect", {{"class", std::move(css_class)}, {"x", num(item.x)}, {"y", num(box_top)},
                          {"width", "18"}, {"height", "10"}, {"fill", std::move(fill)}});
    };
    switch (item.swatch) {
      case LegendSwatch::sick: swatch("tl-sick", std::string(kSickColour)); break;
      case LegendSwatch::sick_projected: swatch("tl-sick-projected", fill_url("projected")); break;
      case LegendSwatch::partial_work: swatch("tl-partial-work", fill_url("partial")); break;
      case LegendSwatch::fit_gap: swatch("tl-fit-gap", fill_url("fit")); break;
      case LegendSwatch::maternity_leave: swatch("tl-maternity-leave", fill_url("leave")); break;
      case LegendSwatch::waiting_period: swatch("tl-waiting-period", "#cbd5e1"); break;
      case LegendSwatch::extension: swatch("tl-extension", fill_url("extension")); break;
      case LegendSwatch::wage_extra: swatch("tl-wage-extra", fill_url("wage-extra")); break;
      case LegendSwatch::window: swatch("tl-window", std::string(kWindowColour)); break;
      case LegendSwatch::unshifted_end:
        svg_.empty("line", {{"class", "tl-unshifted-end"}, {"x1", num(item.x + 9)}, {"y1", num(box_top - 2)},
                            {"x2", num(item.x + 9)}, {"y2", num(box_top + 12)}, {"stroke", std::string(kTextColour)},
                            {"stroke-width", "1.5"}, {"stroke-dasharray", "3 2"}});
        break;
      case LegendSwatch::status:
        svg_.open("g", {{"class", "tl-legend-marker tl-status-" + std::string(core::status_name(item.status))}});
        draw_marker(item.status, item.x + 9, item.y, r);
        svg_.close();
        break;
    }
    draw_text("tl-legend-label", item.x + 23, item.y + geometry_.font * 0.35, "start", geometry_.font, item.label);
  }
  svg_.close();
}

// The rows' heights, known before drawing: the root's viewBox needs the total first.
double TimelineRenderer::bar_row_height() const { return row_name_line() + geometry_.bar_height + 10; }

double TimelineRenderer::shift_row_height() const {
  if (brackets_.empty()) return 0;
  return row_name_line() + 2 + kBracketDepth + bracket_lanes_ * shift_lane_height() + 4;
}

double TimelineRenderer::milestone_row_height() const { return row_name_line() + geometry_.row_height; }

std::string TimelineRenderer::render() && {
  plan_brackets();
  plan_tick_lanes();
  const double axis_top = geometry_.margin + geometry_.font + 4;  // below today's label
  const double grid_top = axis_top + geometry_.font + 2 + tick_lane_count_ * (geometry_.small_font + 3);
  const double rows_top = grid_top + 4;
  const double wage_row_top = rows_top + bar_row_height();
  const double shift_row_top = wage_row_top + (timeline_.wage_period ? bar_row_height() : 0);
  const double milestones_top = shift_row_top + shift_row_height();
  const double rows_bottom = milestones_top + core::kMilestoneCount * milestone_row_height() + 4;
  plan_legend(rows_bottom + 8);
  const double height = legend_bottom_ + geometry_.margin;

  const std::string title_id = id("title");
  const std::string desc_id = id("desc");
  svg_.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                    {"class", options_.compact ? "tl tl-compact" : "tl tl-wide"},
                    {"viewBox", "0 0 " + num(geometry_.width) + " " + num(height)},
                    {"width", "100%"},
                    {"role", "img"},
                    {"aria-labelledby", title_id + " " + desc_id},
                    {"font-family", "DejaVu Sans, Arial, sans-serif"}});
  svg_.text_element("title", {{"id", title_id}}, words_.say("timeline.title"));
  svg_.text_element("desc", {{"id", desc_id}}, description());
  draw_defs();
  draw_axis(axis_top, grid_top, rows_bottom);
  draw_absence_row(rows_top);
  draw_wage_row(wage_row_top);
  draw_shift_row(shift_row_top);
  // Today's line over the bars but under the markers, which it must not hide.
  draw_today(geometry_.margin, grid_top, rows_bottom);
  svg_.open("g", {{"class", "tl-milestones"}});
  double top = milestones_top;
  for (const core::Milestone& m : timeline_.milestones) {
    draw_milestone_row(m, top);
    top += milestone_row_height();
  }
  svg_.close();
  draw_legend();
  svg_.close();
  return std::move(svg_).finish();
}

}  // namespace

std::string milestone_message_key(MilestoneKey key) {
  return "milestone." + std::string(core::milestone_key_name(key));
}

std::string status_message_key(MilestoneStatus status) {
  return "milestone_status." + std::string(core::status_name(status));
}

std::string render_timeline_svg(const core::TimelineInput& input, const core::Timeline& timeline,
                                Date today, const TimelineSvgText& text,
                                const TimelineSvgOptions& options) {
  return TimelineRenderer(input, timeline, today, text, options).render();
}

}  // namespace spoorboek::web::svg
