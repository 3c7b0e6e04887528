#include "tests/web/svg/test_catalogue.h"

namespace spoorboek::web::svg::testing {

std::string catalogue_text(std::string_view key, core::Language language) {
  const bool nl = language == core::Language::nl;
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    const auto milestone = static_cast<core::MilestoneKey>(i);
    if (key == milestone_message_key(milestone) && nl) {
      return std::string(core::milestone_dutch_name(milestone));
    }
  }
  for (std::uint8_t i = 0; i <= static_cast<std::uint8_t>(core::MilestoneStatus::info); ++i) {
    const auto status = static_cast<core::MilestoneStatus>(i);
    if (key == status_message_key(status)) return std::string(core::status_label(status, language));
  }
  for (const CatalogueEntry& entry : kTimelineCatalogue) {
    if (entry.key == key) return std::string(nl ? entry.nl : entry.en);
  }
  return {};
}

std::string substitute(std::string_view pattern, const MessageValues& values) {
  std::string out(pattern);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = out.find(placeholder); at != std::string::npos; at = out.find(placeholder, at + value.size())) {
      out.replace(at, placeholder.size(), value);
    }
  }
  return out;
}

std::string short_date(core::Date date, core::Language language) {
  static constexpr std::array<std::string_view, 12> kDutch{
      "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."};
  static constexpr std::array<std::string_view, 12> kEnglish{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day ymd{date};
  const unsigned month = static_cast<unsigned>(ymd.month()) - 1;
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(language == core::Language::nl ? kDutch[month] : kEnglish[month]) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

TimelineSvgText catalogue_words(core::Language language) {
  TimelineSvgText text;
  text.message = [language](std::string_view key, const MessageValues& values) {
    const std::string pattern = catalogue_text(key, language);
    if (pattern.empty()) return "??" + std::string(key) + "??";
    return substitute(pattern, values);
  };
  text.format_date = [language](core::Date date) { return short_date(date, language); };
  return text;
}

}  // namespace spoorboek::web::svg::testing
