// Internal to the stores: the dashboard's name search (CaseFilter::search) as both backends
// match it, so that SQLite and PostgreSQL find the same cases for the same text.
#pragma once

#include <string>
#include <string_view>

namespace spoorboek::store::detail {

// The LIKE pattern (with ESCAPE '\') that matches a text holding `search` anywhere, the letters
// A-Z lower-cased: compared with the name lower-cased the same way (A-Z only), it matches what
// the dashboard matched before the search moved into the store. %, _ and \ in `search` are
// escaped, so that they match only themselves.
std::string search_like_pattern(std::string_view search);

// The letters A-Z of `text` as a-z; every other byte as it is.
std::string ascii_lower(std::string_view text);

}  // namespace spoorboek::store::detail
