// libFuzzer target for every parser of untrusted request input: the JSON bodies of the API
// (api/request_parsers.h), submitted case-file entries (core::parse_entry_draft) and the case
// list's query string. The first byte picks the parser; the rest is the input. A parser must
// return a value or a field-named error for any bytes: never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/request_parsers.h"
#include "core/case_file.h"

namespace {

using namespace spoorboek;

// "a=1&b=2" -> pairs, as the transport would hand them over (already decoded).
std::vector<std::pair<std::string, std::string>> split_query(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    const auto eq = pair.find('=');
    pairs.emplace_back(std::string(pair.substr(0, eq)),
                       eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    text.remove_prefix(amp + 1);
  }
  return pairs;
}

template <typename R>
void check(const R& result) {
  // An error always names what is wrong.
  if (!result.ok() && result.error().code.empty()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const core::Date today = *core::parse_iso_date("2026-11-23");
  switch (data[0] % 14) {
    case 0: check(api::parse_login(body)); break;
    case 1: check(api::parse_sick_report(body)); break;
    case 2: check(api::parse_new_user(body)); break;
    case 3: check(api::parse_name(body)); break;
    case 4: check(api::parse_new_employee(body)); break;
    case 5: check(api::parse_new_provider(body)); break;
    case 6: check(api::parse_id_body(body, "employer_id")); break;
    case 7: check(api::parse_manager(body)); break;
    case 8: check(api::parse_assignment(body)); break;
    case 9: check(api::parse_new_token(body)); break;
    case 10: check(api::parse_totp_code(body)); break;
    case 11: check(core::parse_entry_draft(body)); break;
    case 12: check(api::parse_case_query(split_query(body), today)); break;
    case 13: check(api::parse_path_id(body, "case")); break;
  }
  return 0;
}
