// Rendering a worked case and reading the SVG back: the x axis recovered from the grid lines, so
// that tests can check positions against dates without knowing the layout's constants.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/web/svg/test_catalogue.h"
#include "tests/web/svg/test_cases.h"
#include "tests/web/svg/xml_check.h"
#include "web/svg/timeline_svg.h"

namespace spoorboek::web::svg::testing {

struct Rendered {
  std::string svg;
  XmlParse xml;
  const XmlElement& root() const { return xml.root; }
};

inline Rendered render(const TimelineCase& c, core::Language language = core::Language::nl,
                       TimelineSvgOptions options = {}) {
  if (options.partial_work.empty()) options.partial_work = c.partial_work;
  Rendered out;
  out.svg = render_timeline_svg(c.input, c.timeline, c.today, catalogue_words(language), options);
  out.xml = parse_xml(out.svg);
  EXPECT_TRUE(out.xml.ok) << c.name << ": " << out.xml.error;
  return out;
}

inline double number(const std::string& text) { return text.empty() ? -1e9 : std::stod(text); }

// The day scale, read from two grid lines (ticks at known dates).
struct Axis {
  core::Date origin{};
  double x0 = 0;
  double day_width = 0;
  double start_of(core::Date day) const { return x0 + day_width * static_cast<double>(core::days_between(origin, day)); }
  double middle_of(core::Date day) const { return start_of(day) + day_width / 2; }
};

inline Axis axis_of(const XmlElement& root) {
  const auto grid = with_class(root, "tl-grid");
  EXPECT_GE(grid.size(), 2u);
  if (grid.size() < 2) return {};
  const auto first = core::parse_iso_date(grid.front()->attr("data-date"));
  const auto last = core::parse_iso_date(grid.back()->attr("data-date"));
  Axis axis;
  axis.origin = *first;
  axis.x0 = number(grid.front()->attr("x1"));
  axis.day_width = (number(grid.back()->attr("x1")) - axis.x0) / static_cast<double>(core::days_between(*first, *last));
  return axis;
}

// Elements with this class whose data-from is `from`.
inline std::vector<const XmlElement*> spans_from(const XmlElement& root, std::string_view css_class,
                                                 const char* from) {
  std::vector<const XmlElement*> out;
  for (const XmlElement* e : with_class(root, css_class)) {
    if (e->attr("data-from") == from) out.push_back(e);
  }
  return out;
}

// The element with data-milestone = key.
inline const XmlElement* milestone_row(const XmlElement& root, core::MilestoneKey key) {
  for (const XmlElement* e : with_class(root, "tl-milestone")) {
    if (e->attr("data-milestone") == core::milestone_key_name(key)) return e;
  }
  return nullptr;
}

// The wide and the phone layout, for tests that hold for both.
inline std::vector<TimelineSvgOptions> both_layouts() {
  return {TimelineSvgOptions{.compact = false, .id_prefix = "tl", .partial_work = {}},
          TimelineSvgOptions{.compact = true, .id_prefix = "tl", .partial_work = {}}};
}

// Coordinates are written to a tenth.
inline constexpr double kRounding = 0.11;

}  // namespace spoorboek::web::svg::testing
