// A submitted HTML form (application/x-www-form-urlencoded), parsed strictly.
//
// Contract: parse_form accepts only that content type, a body of at most kMaxFormBytes, at most
// kMaxFormFields fields, each named [a-z0-9_] and present once, each value valid percent-encoding
// ('+' is a space) of valid UTF-8 without control characters other than tab, CR and LF, and at
// most kMaxFieldBytes long after decoding. Anything else is refused whole with a "bad_request"
// error naming what is wrong: a form is written by our own pages, so a malformed one is not a
// person's typing mistake but a broken or forged request.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace spoorboek::web {

inline constexpr std::size_t kMaxFormBytes = 64 * 1024;
inline constexpr std::size_t kMaxFormFields = 64;
inline constexpr std::size_t kMaxFieldBytes = 8 * 1024;

class Form {
 public:
  // The value, or "" when the field is absent.
  const std::string& value(std::string_view name) const;
  bool has(std::string_view name) const { return fields_.find(name) != fields_.end(); }
  std::size_t size() const { return fields_.size(); }

 private:
  friend core::Result<Form> parse_form(std::optional<std::string_view>, std::string_view);
  std::map<std::string, std::string, std::less<>> fields_;
};

// `content_type` is the request's Content-Type header (nullopt when absent).
core::Result<Form> parse_form(std::optional<std::string_view> content_type, std::string_view body);

}  // namespace spoorboek::web
