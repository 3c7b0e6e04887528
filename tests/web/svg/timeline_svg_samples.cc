// Dev tool: writes the timeline SVG of every worked case, wide and compact, Dutch and English, to a
// folder (default build-svg/svg-samples), to look at with a browser or rsvg-convert.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "tests/web/svg/test_cases.h"
#include "tests/web/svg/test_catalogue.h"
#include "web/svg/timeline_svg.h"

int main(int argc, char** argv) {
  namespace svg = spoorboek::web::svg;
  using spoorboek::core::Language;
  const std::filesystem::path folder = argc > 1 ? argv[1] : "build-svg/svg-samples";
  std::filesystem::create_directories(folder);
  std::string error;
  const auto cases = svg::testing::all_cases(&error);
  if (!error.empty()) {
    std::cerr << "invalid case: " << error << "\n";
    return 1;
  }
  for (const auto& c : cases) {
    for (const Language language : {Language::nl, Language::en}) {
      for (const bool compact : {false, true}) {
        svg::TimelineSvgOptions options;
        options.compact = compact;
        options.partial_work = c.partial_work;
        const std::string file = c.name + (language == Language::nl ? "-nl" : "-en") +
                                 (compact ? "-compact" : "") + ".svg";
        std::ofstream(folder / file) << svg::render_timeline_svg(
            c.input, c.timeline, c.today, svg::testing::catalogue_words(language), options);
      }
    }
  }
  std::cout << "wrote " << cases.size() * 4 << " SVGs to " << folder.string() << "\n";
  return 0;
}
