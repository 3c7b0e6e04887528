#include "web/catalogue.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/case_file.h"
#include "core/case_file_fold.h"
#include "web/embedded_files.h"

namespace spoorboek::web {
namespace {

using Texts = std::map<std::string, std::string, std::less<>>;

void flatten(const nlohmann::json& node, const std::string& prefix, const std::string& file,
             Texts& out) {
  for (const auto& [name, value] : node.items()) {
    const std::string key = prefix.empty() ? name : prefix + "." + name;
    if (value.is_object()) {
      flatten(value, key, file, out);
    } else if (value.is_string()) {
      if (!out.emplace(key, value.get<std::string>()).second) {
        throw std::logic_error("web/" + file + ": " + key + " is defined twice in its language");
      }
    } else {
      throw std::logic_error("web/" + file + ": " + key + " is neither text nor an object");
    }
  }
}

// A language's texts: i18n/<code>.json and every i18n/<code>/<area>.json (one file per area of
// the UI, so that pages can be worked on side by side); a key may be defined once. The embedded
// catalogue is part of the binary: a broken one is a build defect, found by the first test that
// renders a page.
Texts load(std::string_view code) {
  const std::string main_file = "i18n/" + std::string(code) + ".json";
  const std::string area_prefix = "i18n/" + std::string(code) + "/";
  Texts texts;
  bool found_main = false;
  for (const EmbeddedFile& file : embedded_files()) {
    const std::string_view path = file.path;
    const bool area = path.starts_with(area_prefix) && path.ends_with(".json");
    if (path != main_file && !area) continue;
    found_main = found_main || path == main_file;
    flatten(nlohmann::json::parse(file.bytes), "", std::string(path), texts);
  }
  if (!found_main) throw std::logic_error("web/" + main_file + " is not embedded");
  return texts;
}

void add_core_names(Language language, Texts& texts) {
  for (std::size_t i = 0; i < core::kMilestoneCount; ++i) {
    const auto key = static_cast<core::MilestoneKey>(i);
    if (language == Language::nl) {
      texts["milestone." + std::string(core::milestone_key_name(key))] =
          std::string(core::milestone_dutch_name(key));
    }
  }
  for (const auto status :
       {core::CaseStatus::no_sickness, core::CaseStatus::sick, core::CaseStatus::working_partially,
        core::CaseStatus::maternity_leave, core::CaseStatus::recovered}) {
    if (language == Language::nl) {
      texts["case_status." + std::string(core::case_status_name(status))] =
          std::string(core::case_status_dutch_name(status));
    }
  }
  for (std::size_t i = 0; i < core::kEntryTypeCount; ++i) {
    const auto type = static_cast<core::EntryType>(i);
    if (language == Language::nl) {
      texts["entry_type." + std::string(core::entry_type_name(type))] =
          std::string(core::entry_type_dutch_name(type));
    }
  }
  for (const auto status :
       {core::MilestoneStatus::upcoming, core::MilestoneStatus::due_soon,
        core::MilestoneStatus::overdue, core::MilestoneStatus::done_on_time,
        core::MilestoneStatus::done_late, core::MilestoneStatus::deviation,
        core::MilestoneStatus::not_applicable, core::MilestoneStatus::info}) {
    texts["milestone_status." + std::string(core::status_name(status))] =
        std::string(core::status_label(status, language));
  }
}

}  // namespace

std::string_view language_code(Language language) {
  return language == Language::en ? "en" : "nl";
}

std::optional<Language> language_from_code(std::string_view code) {
  if (code == "nl") return Language::nl;
  if (code == "en") return Language::en;
  return std::nullopt;
}

const Catalogue& Catalogue::instance() {
  static const Catalogue catalogue;
  return catalogue;
}

Catalogue::Catalogue() : nl_(load("nl")), en_(load("en")) {
  add_core_names(Language::nl, nl_);
  add_core_names(Language::en, en_);
}

const std::map<std::string, std::string, std::less<>>& Catalogue::texts(Language language) const {
  return language == Language::en ? en_ : nl_;
}

bool Catalogue::has(Language language, std::string_view key) const {
  return texts(language).contains(key);
}

std::string_view Catalogue::text(Language language, std::string_view key) const {
  const auto& table = texts(language);
  const auto found = table.find(key);
  return found == table.end() ? key : std::string_view(found->second);
}

std::string Catalogue::format(Language language, std::string_view key,
                              const std::vector<std::pair<std::string, std::string>>& values) const {
  std::string result(text(language, key));
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = result.find(placeholder); at != std::string::npos;
         at = result.find(placeholder, at + value.size())) {
      result.replace(at, placeholder.size(), value);
    }
  }
  return result;
}

std::string Catalogue::long_date(Language language, core::Date date) {
  return core::format_long_date(date, language);
}

}  // namespace spoorboek::web
