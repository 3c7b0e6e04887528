// The one message catalogue of the browser UI: every text a person reads, in Dutch (the default)
// and English.
//
// The texts of the pages live in web/i18n/nl.json and en.json, and per area of the UI in
// web/i18n/nl/<area>.json and en/<area>.json (nested objects; a key is the path of names joined
// by dots, "login.title"; a key is defined in one file only). The names the core already gives in Dutch are not
// repeated there: the nl side of "milestone.<key>", "case_status.<name>" and "entry_type.<name>"
// comes from core (milestone_dutch_name, case_status_dutch_name, entry_type_dutch_name), and
// "milestone_status.<name>" in both languages from core::status_label. en.json names the English
// side of the first three.
//
// Contract: text() of a key missing in a language returns the key itself, so that a forgotten
// text shows up on the page instead of vanishing; tests/web/catalogue_test.cc keeps the two
// languages' key sets equal and every key the templates and the code use present.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/timeline.h"

namespace spoorboek::web {

using core::Language;

inline constexpr Language kDefaultLanguage = Language::nl;
std::string_view language_code(Language language);  // "nl", "en"
std::optional<Language> language_from_code(std::string_view code);

class Catalogue {
 public:
  // The catalogue of the embedded web/i18n files; built once, then read-only and thread-safe.
  static const Catalogue& instance();

  std::string_view text(Language language, std::string_view key) const;
  bool has(Language language, std::string_view key) const;
  // "{name}" placeholders replaced by the values given; the values are plain text (the
  // templates escape what they show).
  std::string format(Language language, std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& values) const;
  // Every key with its text, sorted by key.
  const std::map<std::string, std::string, std::less<>>& texts(Language language) const;

  // "2 maart 2026" / "2 March 2026".
  static std::string long_date(Language language, core::Date date);

 private:
  Catalogue();
  std::map<std::string, std::string, std::less<>> nl_;
  std::map<std::string, std::string, std::less<>> en_;
};

}  // namespace spoorboek::web
