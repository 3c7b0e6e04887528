// The message catalogue is complete: Dutch and English hold the same keys, every key a template
// ({{t.key}}) or the page code ("section.key" literals) uses exists in both, and so do the names
// of every milestone, case status, entry type and milestone status. Dates read the Dutch or the
// English way.
#include "web/catalogue.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "core/case_file.h"
#include "core/case_file_fold.h"
#include "web/embedded_files.h"

namespace spoorboek::web {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> keys_of(Language language) {
  std::set<std::string> keys;
  for (const auto& [key, text] : Catalogue::instance().texts(language)) keys.insert(key);
  return keys;
}

// The first names of the catalogue's keys ("login", "dashboard", ...).
std::set<std::string> sections() {
  std::set<std::string> names;
  for (const auto& key : keys_of(Language::nl)) names.insert(key.substr(0, key.find('.')));
  return names;
}

void expect_in_both(const std::string& key, const std::string& where) {
  EXPECT_TRUE(Catalogue::instance().has(Language::nl, key)) << key << " (" << where << ") nl";
  EXPECT_TRUE(Catalogue::instance().has(Language::en, key)) << key << " (" << where << ") en";
}

TEST(Catalogue, DutchAndEnglishHoldTheSameKeys) {
  const auto nl = keys_of(Language::nl);
  const auto en = keys_of(Language::en);
  for (const auto& key : nl) EXPECT_TRUE(en.contains(key)) << key << " is missing in en";
  for (const auto& key : en) EXPECT_TRUE(nl.contains(key)) << key << " is missing in nl";
  EXPECT_GT(nl.size(), 100u);
}

TEST(Catalogue, EveryKeyATemplateUsesExists) {
  const std::regex tag(R"(\{\{[#^/]?\s*t\.([a-z0-9_.]+)\s*\}\})");
  int found = 0;
  for (const auto& file : embedded_files()) {
    if (!file.path.starts_with("templates/")) continue;
    const std::string text(file.bytes);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator();
         ++it) {
      expect_in_both((*it)[1].str(), std::string(file.path));
      ++found;
    }
  }
  EXPECT_GT(found, 50);
}

TEST(Catalogue, EveryKeyThePageCodeNamesExists) {
  std::string alternatives;
  for (const auto& section : sections()) {
    alternatives += (alternatives.empty() ? "" : "|") + section;
  }
  // A literal that is a whole key ("login.wrong"); literals ending in '.' are prefixes of keys
  // built from enumerations, checked below.
  const std::regex literal("\"((?:" + alternatives + ")\\.[a-z0-9_.]*[a-z0-9_])\"");
  int found = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(SPOORBOEK_SOURCE_DIR) / "src/web")) {
    if (entry.path().extension() == ".cc") files.push_back(entry.path());
  }
  // The documents are assembled in the application layer with the words of this catalogue
  // (app/documents.h).
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(SPOORBOEK_SOURCE_DIR) / "src/app")) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("document") && entry.path().extension() == ".cc") {
      files.push_back(entry.path());
    }
  }
  for (const auto& path : files) {
    const std::string text = read(path);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal);
         it != std::sregex_iterator(); ++it) {
      expect_in_both((*it)[1].str(), path.filename().string());
      ++found;
    }
  }
  EXPECT_GT(found, 40);
}

TEST(Catalogue, EveryNameOfTheCoreIsThereInBothLanguages) {
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    expect_in_both("milestone." +
                       std::string(core::milestone_key_name(static_cast<core::MilestoneKey>(i))),
                   "milestones");
  }
  for (std::size_t i = 0; i < core::kEntryTypeCount; ++i) {
    expect_in_both("entry_type." +
                       std::string(core::entry_type_name(static_cast<core::EntryType>(i))),
                   "entry types");
  }
  for (const char* status : {"no_sickness", "sick", "working_partially", "maternity_leave",
                             "recovered"}) {
    ASSERT_TRUE(core::case_status_from_name(status).has_value()) << status;
    expect_in_both(std::string("case_status.") + status, "case statuses");
  }
  for (const char* status : {"upcoming", "due_soon", "overdue", "done_on_time", "done_late",
                             "deviation", "not_applicable", "info"}) {
    expect_in_both(std::string("milestone_status.") + status, "milestone statuses");
  }
  for (const char* stage : {"week_1_6", "week_7_8", "week_9_42", "week_43_52", "week_53_91",
                            "week_92_104", "week_105"}) {
    expect_in_both(std::string("stage.") + stage, "stages");
  }
  for (const char* code : {"too_short", "too_long", "too_simple", "invalid_utf8", "unchanged"}) {
    expect_in_both(std::string("password.") + code, "password policy");
  }
}

TEST(Catalogue, TheDutchLegalTermsAreTheCoresOwn) {
  const Catalogue& texts = Catalogue::instance();
  EXPECT_EQ(texts.text(Language::nl, "milestone.problem_analysis"), "Probleemanalyse");
  EXPECT_EQ(texts.text(Language::nl, "milestone.plan_of_action"), "Plan van Aanpak");
  EXPECT_EQ(texts.text(Language::nl, "milestone.first_year_evaluation"), "Eerstejaarsevaluatie");
  EXPECT_EQ(texts.text(Language::nl, "milestone.reintegration_report"), "Re-integratieverslag");
  EXPECT_EQ(texts.text(Language::nl, "milestone.track_2_start"), "Start Spoor 2");
  EXPECT_EQ(texts.text(Language::nl, "case_status.sick"),
            core::case_status_dutch_name(core::CaseStatus::sick));
}

TEST(Catalogue, AMissingKeyShowsItselfAndPlaceholdersAreFilled) {
  const Catalogue& texts = Catalogue::instance();
  EXPECT_EQ(texts.text(Language::en, "no.such.key"), "no.such.key");
  EXPECT_EQ(texts.format(Language::nl, "dashboard.total", {{"count", "3"}}), "3 dossiers");
  EXPECT_EQ(texts.format(Language::en, "dashboard.days_overdue", {{"days", "12"}}),
            "12 days late");
}

TEST(Catalogue, DatesReadTheDutchOrTheEnglishWay) {
  const auto day = *core::parse_iso_date("2026-03-02");
  EXPECT_EQ(Catalogue::long_date(Language::nl, day), "2 maart 2026");
  EXPECT_EQ(Catalogue::long_date(Language::en, day), "2 March 2026");
}

TEST(Catalogue, LanguageCodes) {
  EXPECT_EQ(language_from_code("nl"), Language::nl);
  EXPECT_EQ(language_from_code("en"), Language::en);
  EXPECT_FALSE(language_from_code("de").has_value());
  EXPECT_FALSE(language_from_code("").has_value());
  EXPECT_EQ(language_code(Language::en), "en");
}

}  // namespace
}  // namespace spoorboek::web
