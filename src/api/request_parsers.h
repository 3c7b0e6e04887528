// The request bodies and query strings of the JSON API, parsed strictly: a body must be one JSON
// object, unknown fields are refused, every field has its type and bounds, dates are real ISO
// calendar dates. Errors name the field: "malformed_json" (400) for text that is no JSON object,
// "missing_field", "invalid_type", "unknown_field", "out_of_range", "invalid_date" (422).
// Pure functions (no I/O): the libFuzzer target fuzz/request_body_fuzzer.cc drives them all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/accounts.h"
#include "app/application.h"
#include "core/result.h"

namespace spoorboek::api {

using core::Result;

struct LoginBody {
  std::string email;
  std::string password;
  std::optional<std::string> totp;
};
Result<LoginBody> parse_login(std::string_view body);

// {"employee_id", "first_sick_day", "payload": {the sick report's fields}}
Result<app::SickReport> parse_sick_report(std::string_view body);

Result<app::NewUser> parse_new_user(std::string_view body);

struct NameBody {
  std::string name;
};
Result<NameBody> parse_name(std::string_view body);  // {"name"}

struct NewEmployeeBody {
  std::string name;
  std::string personnel_number;
};
Result<NewEmployeeBody> parse_new_employee(std::string_view body);

struct NewProviderBody {
  std::string name;
  std::string kind;
};
Result<NewProviderBody> parse_new_provider(std::string_view body);

// {"<key>": id} with exactly that key: links and assignments.
Result<std::int64_t> parse_id_body(std::string_view body, std::string_view key);
// {"user_id": id | null}: a line manager, or none.
Result<std::optional<std::int64_t>> parse_manager(std::string_view body);

// {"provider_id"} or {"user_id"}: who works on a case.
struct AssignmentBody {
  std::optional<std::int64_t> provider_id;
  std::optional<std::int64_t> user_id;
};
Result<AssignmentBody> parse_assignment(std::string_view body);

struct NewTokenBody {
  std::int64_t user_id = 0;
  std::string name;
};
Result<NewTokenBody> parse_new_token(std::string_view body);

Result<std::string> parse_totp_code(std::string_view body);  // {"code"}

// GET /api/v1/cases: employer_id, status, due_within_days, assignee_id, include_closed,
// limit (1..500, default 50), offset.
Result<app::CaseQuery> parse_case_query(
    const std::vector<std::pair<std::string, std::string>>& query, core::Date today);

// A path id: a positive decimal integer without sign or leading zeros.
Result<std::int64_t> parse_path_id(std::string_view text, std::string_view field);

}  // namespace spoorboek::api
