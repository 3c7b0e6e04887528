// The SVG as a document: accessible, free of inline styles, well-formed whatever the words,
// deterministic, and asking only for message keys it declares.
#include "web/svg/timeline_svg.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "tests/web/svg/svg_test_support.h"
#include "web/svg/timeline_svg_layout.h"

namespace spoorboek::web::svg {
namespace {

using core::Language;
using core::MilestoneKey;
using core::MilestoneStatus;
using namespace testing;  // NOLINT(google-build-using-namespace)

TimelineCase simple_case() {
  std::string error;
  TimelineCase c = make_case("simple", simple_case_input(), day("2024-03-15"), &error);
  EXPECT_EQ(error, "");
  return c;
}

std::vector<TimelineCase> every_case() {
  std::string error;
  auto cases = all_cases(&error);
  EXPECT_EQ(error, "");
  return cases;
}

TEST(TimelineSvg, IsAnImageNamedByItsTitleAndDescribedByItsDesc) {
  const Rendered out = render(simple_case());
  const XmlElement& svg = out.root();
  EXPECT_EQ(svg.name, "svg");
  EXPECT_EQ(svg.attr("xmlns"), "http://www.w3.org/2000/svg");
  EXPECT_EQ(svg.attr("role"), "img");
  EXPECT_EQ(svg.attr("aria-labelledby"), "tl-title tl-desc");
  EXPECT_EQ(svg.attr("width"), "100%");
  EXPECT_EQ(svg.attr("viewBox").rfind("0 0 960 ", 0), 0u) << svg.attr("viewBox");
  EXPECT_TRUE(svg.has_class("tl") && svg.has_class("tl-wide"));
  ASSERT_NE(svg.child("title"), nullptr);
  ASSERT_NE(svg.child("desc"), nullptr);
  EXPECT_EQ(svg.child("title")->attr("id"), "tl-title");
  EXPECT_EQ(svg.child("desc")->attr("id"), "tl-desc");
  EXPECT_EQ(svg.child("title")->text, "Tijdlijn van de 104 weken");
}

TEST(TimelineSvg, DescIsAFullTextAlternative) {
  const TimelineCase c = simple_case();
  const std::string desc = render(c).root().child("desc")->text;
  EXPECT_EQ(desc.rfind("Ziek sinds 8 jan. 2024; ziekteweek 10 op 15 mrt. 2024. Einde wachttijd: 4 jan. 2026.", 0), 0u)
      << desc;
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    const auto key = static_cast<MilestoneKey>(i);
    EXPECT_NE(desc.find(std::string(core::milestone_dutch_name(key)) + ": "), std::string::npos) << desc;
  }
  EXPECT_NE(desc.find("Plan van Aanpak: uiterlijk 29 feb. 2024 (te laat)."), std::string::npos) << desc;
  EXPECT_NE(desc.find("Probleemanalyse: gedaan 15 feb. 2024 (op tijd gedaan)."), std::string::npos) << desc;
}

TEST(TimelineSvg, HasNoInlineStyleNorScriptNorEventHandler) {
  for (const TimelineCase& c : every_case()) {
    for (const TimelineSvgOptions& options : both_layouts()) {
      const Rendered out = render(c, Language::en, options);
      std::vector<const XmlElement*> all;
      collect(out.root(), [](const XmlElement&) { return true; }, all);
      for (const XmlElement* e : all) {
        EXPECT_NE(e->name, "style") << c.name;
        EXPECT_NE(e->name, "script") << c.name;
        for (const auto& [name, value] : e->attributes) {
          EXPECT_NE(name, "style") << c.name << " <" << e->name << ">";
          EXPECT_NE(name.rfind("on", 0), 0u) << c.name << " <" << e->name << " " << name << ">";
        }
      }
    }
  }
}

TEST(TimelineSvg, DrawsOneMarkerPerMilestoneWithItsStatus) {
  const TimelineCase c = simple_case();
  const Rendered out = render(c);
  EXPECT_EQ(with_class(out.root(), "tl-marker").size(), core::kMilestoneCount);
  EXPECT_EQ(with_class(out.root(), "tl-milestone").size(), core::kMilestoneCount);
  for (const core::Milestone& m : c.timeline.milestones) {
    const XmlElement* row = milestone_row(out.root(), m.key);
    ASSERT_NE(row, nullptr) << core::milestone_key_name(m.key);
    const std::string status_class = "tl-status-" + std::string(core::status_name(m.status));
    EXPECT_TRUE(row->has_class(status_class)) << core::milestone_key_name(m.key);
    const auto markers = with_class(*row, "tl-marker");
    ASSERT_EQ(markers.size(), 1u) << core::milestone_key_name(m.key);
    EXPECT_TRUE(markers[0]->has_class(status_class)) << core::milestone_key_name(m.key);
  }
  // The statuses of this case, spelled out: what the picture must say.
  const auto status_of = [&](MilestoneKey key) { return milestone_row(out.root(), key)->attr("data-status"); };
  EXPECT_EQ(status_of(MilestoneKey::company_doctor_report), "done_on_time");
  EXPECT_EQ(status_of(MilestoneKey::problem_analysis), "done_on_time");
  EXPECT_EQ(status_of(MilestoneKey::plan_of_action), "overdue");
  EXPECT_EQ(status_of(MilestoneKey::uwv_42_week_report), "upcoming");
  EXPECT_EQ(status_of(MilestoneKey::uwv_safety_net_report), "not_applicable");
  EXPECT_EQ(status_of(MilestoneKey::waiting_period_end), "info");
}

TEST(TimelineSvg, PutsAMarkerOnTheDayItWasDoneOrElseOnItsDueDate) {
  const TimelineCase c = simple_case();
  const Rendered out = render(c);
  const Axis axis = axis_of(out.root());
  const auto marker_x = [&](MilestoneKey key) {
    const XmlElement* marker = with_class(*milestone_row(out.root(), key), "tl-marker")[0];
    // The first shape of a marker is centred on it (circle cx, or a path starting left of it).
    const XmlElement& shape = marker->children.front();
    return shape.name == "circle" ? number(shape.attr("cx")) : -1e9;
  };
  const XmlElement* done = with_class(*milestone_row(out.root(), MilestoneKey::problem_analysis), "tl-marker")[0];
  EXPECT_EQ(done->attr("data-date"), "2024-02-15");
  EXPECT_NEAR(marker_x(MilestoneKey::problem_analysis), axis.middle_of(day("2024-02-15")), kRounding);
  // Done before its due date: a thin line marks the due date (19 February).
  const auto due_lines = with_class(*milestone_row(out.root(), MilestoneKey::problem_analysis), "tl-due-line");
  ASSERT_EQ(due_lines.size(), 1u);
  EXPECT_EQ(due_lines[0]->attr("data-date"), "2024-02-19");
  EXPECT_NEAR(number(due_lines[0]->attr("x1")), axis.middle_of(day("2024-02-19")), kRounding);
  const XmlElement* upcoming = with_class(*milestone_row(out.root(), MilestoneKey::uwv_42_week_report), "tl-marker")[0];
  EXPECT_EQ(upcoming->attr("data-date"), "2024-10-28");
  EXPECT_NEAR(marker_x(MilestoneKey::uwv_42_week_report), axis.middle_of(day("2024-10-28")), kRounding);
  // The first-year evaluation has a window, 18 November 2024 to 5 January 2025 (S1).
  const auto windows = with_class(*milestone_row(out.root(), MilestoneKey::first_year_evaluation), "tl-window");
  ASSERT_EQ(windows.size(), 1u);
  EXPECT_NEAR(number(windows[0]->attr("x")), axis.start_of(day("2024-11-18")), kRounding);
  EXPECT_NEAR(number(windows[0]->attr("width")), axis.day_width * 49, kRounding);
}

// Not colour alone: each status has its own shape (elements, hollow or filled, outline).
TEST(TimelineSvg, GivesEveryStatusItsOwnShape) {
  core::TimelineInput with_deviation = simple_case_input();
  with_deviation.problem_analysis_date.reset();
  with_deviation.deviations = {{MilestoneKey::problem_analysis, "de bedrijfsarts was ziek"}};
  std::vector<TimelineCase> cases = every_case();
  std::string error;
  cases.push_back(make_case("deviation", with_deviation, day("2024-02-25"), &error));
  ASSERT_EQ(error, "");
  std::map<std::string, std::string> shape_of_status;
  for (const TimelineCase& c : cases) {
    const Rendered out = render(c);
    for (const XmlElement* marker : with_class(out.root(), "tl-marker")) {
      std::string shape;
      for (const XmlElement& part : marker->children) {
        shape += part.name + (part.attr("fill") == "#ffffff" ? " hollow " : " filled ");
        for (char command : part.attr("d")) {
          if (std::isalpha(static_cast<unsigned char>(command))) shape += command;
        }
        shape += ";";
      }
      const std::string status = marker->attr("class");
      const auto [it, inserted] = shape_of_status.emplace(status, shape);
      EXPECT_EQ(it->second, shape) << status << " drawn in two ways";
    }
  }
  EXPECT_EQ(shape_of_status.size(), 8u) << "the cases reach every status";
  std::set<std::string> shapes;
  for (const auto& [status, shape] : shape_of_status) {
    EXPECT_TRUE(shapes.insert(shape).second) << status << " looks like another status: " << shape;
  }
}

TEST(TimelineSvg, DrawsTodaysLineAtToday) {
  const TimelineCase c = simple_case();
  const Rendered out = render(c);
  const auto today = with_class(out.root(), "tl-today");
  ASSERT_EQ(today.size(), 1u);
  EXPECT_EQ(today[0]->attr("data-date"), "2024-03-15");
  EXPECT_FALSE(today[0]->has_class("tl-today-outside"));
  const XmlElement* line = today[0]->child("line");
  ASSERT_NE(line, nullptr);
  const Axis axis = axis_of(out.root());
  EXPECT_NEAR(number(line->attr("x1")), axis.middle_of(day("2024-03-15")), kRounding);
  EXPECT_EQ(line->attr("x1"), line->attr("x2"));
  EXPECT_EQ(today[0]->child("text")->text, "Vandaag");
}

TEST(TimelineSvg, PutsTodayAtTheEdgeWhenItIsFarOffTheAxis) {
  std::string error;
  const TimelineCase c = make_case("late", simple_case_input(), day("2031-01-01"), &error);
  ASSERT_EQ(error, "");
  const Rendered out = render(c);
  const auto today = with_class(out.root(), "tl-today");
  ASSERT_EQ(today.size(), 1u);
  EXPECT_TRUE(today[0]->has_class("tl-today-outside"));
  // The axis ends with week 104 (no extension): the line stands at its right end.
  const auto grid = with_class(out.root(), "tl-grid");
  EXPECT_EQ(number(today[0]->child("line")->attr("x1")), number(grid.back()->attr("x1")));
  EXPECT_EQ(today[0]->child("line")->attr("stroke-dasharray"), "4 3");
}

TEST(TimelineSvg, EscapesEveryWordTheCatalogueGives) {
  const std::string hostile = "<script>alert('x')</script> & \"quoted\" \x01";
  TimelineSvgText text;
  text.message = [&](std::string_view, const MessageValues&) { return hostile; };
  text.format_date = [&](core::Date) { return hostile; };
  TimelineSvgOptions options;
  options.id_prefix = "x\" onload=\"alert(1)";
  const TimelineCase c = simple_case();
  const std::string svg = render_timeline_svg(c.input, c.timeline, c.today, text, options);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("onload=\""), std::string::npos);
  const XmlParse parsed = parse_xml(svg);
  ASSERT_TRUE(parsed.ok) << parsed.error;
  const std::string without_control = "<script>alert('x')</script> & \"quoted\" ";
  EXPECT_EQ(parsed.root.child("title")->text, without_control);
  EXPECT_EQ(parsed.root.child("title")->attr("id"), "xonloadalert1-title");
  for (const XmlElement* label : with_class(parsed.root, "tl-row-label")) {
    EXPECT_NE(label->text.find("<script>"), std::string::npos);  // shown as text, cut or whole
  }
}

TEST(TimelineSvg, IdsAreUniqueCarryThePrefixAndEveryReferenceResolves) {
  std::string error;
  const TimelineCase c = make_case("maternity", maternity_case_input(), day("2024-11-01"), &error);
  ASSERT_EQ(error, "");
  for (const char* prefix : {"tl", "case-7-wide"}) {
    TimelineSvgOptions options;
    options.id_prefix = prefix;
    const Rendered out = render(c, Language::nl, options);
    std::vector<const XmlElement*> all;
    collect(out.root(), [](const XmlElement&) { return true; }, all);
    std::set<std::string> ids;
    for (const XmlElement* e : all) {
      if (const std::string* id = e->attribute("id")) {
        EXPECT_TRUE(ids.insert(*id).second) << "duplicate id " << *id;
        EXPECT_EQ(id->rfind(std::string(prefix) + "-", 0), 0u) << *id;
      }
    }
    int references = 0;
    for (const XmlElement* e : all) {
      const std::string fill = e->attr("fill");
      if (fill.rfind("url(#", 0) != 0) continue;
      ++references;
      EXPECT_TRUE(ids.count(fill.substr(5, fill.size() - 6))) << fill;
    }
    EXPECT_GT(references, 0);
  }
  EXPECT_EQ(render(c, Language::nl, {.compact = false, .id_prefix = "7", .partial_work = {}}).root().child("title")->attr("id"),
            "tl7-title");  // an id may not start with a digit
}

TEST(TimelineSvg, IsDeterministic) {
  for (const TimelineCase& c : every_case()) {
    for (const TimelineSvgOptions& options : both_layouts()) {
      EXPECT_EQ(render(c, Language::nl, options).svg, render(c, Language::nl, options).svg) << c.name;
    }
    EXPECT_NE(render(c, Language::nl).svg, render(c, Language::en).svg) << c.name;
  }
}

TEST(TimelineSvg, KeepsEveryTextInsideThePictureInBothLayouts) {
  for (const TimelineCase& c : every_case()) {
    for (const TimelineSvgOptions& options : both_layouts()) {
      const bool compact = options.compact;
      const Rendered out = render(c, Language::nl, options);
      const double width = compact ? 360 : 960;
      EXPECT_EQ(out.root().attr("viewBox").rfind("0 0 " + std::to_string(static_cast<int>(width)) + " ", 0), 0u);
      EXPECT_TRUE(out.root().has_class(compact ? "tl-compact" : "tl-wide"));
      for (const XmlElement* text : named(out.root(), "text")) {
        const double x = number(text->attr("x"));
        const double w = layout::estimated_text_width(text->text, number(text->attr("font-size")));
        const std::string anchor = text->attr("text-anchor");
        const double left = anchor == "end" ? x - w : anchor == "middle" ? x - w / 2 : x;
        EXPECT_GE(left, -0.5) << c.name << (compact ? " compact: " : ": ") << text->text;
        EXPECT_LE(left + w, width + 0.5) << c.name << (compact ? " compact: " : ": ") << text->text;
      }
    }
  }
}

TEST(TimelineSvg, LabelsAtMostEverySecondTickOnAPhone) {
  const Rendered wide = render(simple_case());
  const Rendered compact = render(simple_case(), Language::nl, both_layouts()[1]);
  EXPECT_EQ(with_class(wide.root(), "tl-tick-label").size(), 9u);
  EXPECT_EQ(with_class(compact.root(), "tl-tick-label").size(), 5u);  // weeks 0, 26, 52, 78, 104
  EXPECT_EQ(with_class(compact.root(), "tl-grid").size(), 9u);
}

TEST(TimelineSvgMessageKeys, AreUniqueAndCoverEveryMilestoneAndStatus) {
  std::set<std::string_view> keys(kTimelineSvgMessageKeys.begin(), kTimelineSvgMessageKeys.end());
  EXPECT_EQ(keys.size(), kTimelineSvgMessageKeys.size());
  EXPECT_FALSE(keys.count(""));
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    EXPECT_TRUE(keys.count(milestone_message_key(static_cast<MilestoneKey>(i))));
  }
  for (MilestoneStatus status : {MilestoneStatus::upcoming, MilestoneStatus::due_soon, MilestoneStatus::overdue,
                                 MilestoneStatus::done_on_time, MilestoneStatus::done_late,
                                 MilestoneStatus::deviation, MilestoneStatus::not_applicable,
                                 MilestoneStatus::info}) {
    EXPECT_TRUE(keys.count(status_message_key(status)));
  }
}

TEST(TimelineSvgMessageKeys, AreTheOnlyKeysTheRendererAsksFor) {
  std::set<std::string> asked;
  TimelineSvgText text;
  text.message = [&](std::string_view key, const MessageValues& values) {
    asked.insert(std::string(key));
    // Every placeholder the renderer fills is one the proposed texts have.
    const std::string both = catalogue_text(key, Language::nl) + catalogue_text(key, Language::en);
    for (const auto& [name, value] : values) {
      EXPECT_NE(both.find("{" + name + "}"), std::string::npos) << key << " {" << name << "}";
    }
    return std::string("w");
  };
  text.format_date = [](core::Date) { return std::string("d"); };
  for (const TimelineCase& c : every_case()) {
    for (TimelineSvgOptions options : both_layouts()) {
      options.partial_work = c.partial_work;
      (void)render_timeline_svg(c.input, c.timeline, c.today, text, options);
    }
  }
  const std::set<std::string> declared(kTimelineSvgMessageKeys.begin(), kTimelineSvgMessageKeys.end());
  for (const std::string& key : asked) EXPECT_TRUE(declared.count(key)) << key;
  // The worked cases exercise every key but the statuses they do not reach.
  for (const std::string& key : declared) {
    if (key.rfind("milestone_status.", 0) == 0) continue;
    EXPECT_TRUE(asked.count(key)) << "never asked for: " << key;
  }
}

TEST(TimelineSvgMessageKeys, HaveADutchAndAnEnglishTextInTheProposedCatalogue) {
  for (std::string_view key : kTimelineSvgMessageKeys) {
    EXPECT_FALSE(catalogue_text(key, Language::nl).empty()) << key;
    EXPECT_FALSE(catalogue_text(key, Language::en).empty()) << key;
  }
  for (const TimelineCase& c : every_case()) {
    for (const Language language : {Language::nl, Language::en}) {
      EXPECT_EQ(render(c, language).svg.find("??"), std::string::npos) << c.name;
    }
  }
}

}  // namespace
}  // namespace spoorboek::web::svg
