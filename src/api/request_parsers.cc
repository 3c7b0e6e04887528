#include "api/request_parsers.h"

#include <charconv>

#include "core/case_file_json.h"

namespace spoorboek::api {
namespace {

using core::detail::Json;
using core::detail::ObjectReader;

constexpr std::int64_t kMaxId = 9007199254740991;  // 2^53 - 1: exact in every JSON reader

// One JSON object, or a 400 "malformed_json".
Result<Json> parse_body(std::string_view body) {
  Json value = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    return core::make_error("malformed_json", "body", "the body is not valid JSON");
  }
  if (!value.is_object()) {
    return core::make_error("malformed_json", "body", "the body must be one JSON object");
  }
  return value;
}

template <typename T, typename Read>
Result<T> read_body(std::string_view body, Read read) {
  auto json = parse_body(body);
  if (!json.ok()) return json.error();
  ObjectReader reader(*json, "");
  T value = read(reader);
  if (auto status = reader.finish(); !status.ok()) return status.error();
  return value;
}

std::optional<std::int64_t> to_integer(std::string_view text) {
  if (text.empty() || text.size() > 18 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

Result<LoginBody> parse_login(std::string_view body) {
  return read_body<LoginBody>(body, [](ObjectReader& r) {
    LoginBody login;
    login.email = r.required_text("email", 254);
    login.password = r.required_text("password", 1024);
    login.totp = r.optional_text("totp", 8);
    return login;
  });
}

Result<app::SickReport> parse_sick_report(std::string_view body) {
  auto json = parse_body(body);
  if (!json.ok()) return json.error();
  ObjectReader r(*json, "");
  app::SickReport report;
  report.employee_id = r.required_integer("employee_id", 1, kMaxId);
  report.first_sick_day = r.required_date("first_sick_day");
  // The payload's own fields are checked by the core's sick-report rules (app::report_sick).
  if (auto payload = r.optional_object("payload")) report.payload = payload->dump();
  if (auto status = r.finish(); !status.ok()) return status.error();
  return report;
}

Result<app::NewUser> parse_new_user(std::string_view body) {
  auto json = parse_body(body);
  if (!json.ok()) return json.error();
  ObjectReader r(*json, "");
  app::NewUser user;
  user.email = r.required_text("email", 254);
  user.display_name = r.required_text("display_name", 200);
  user.password = r.required_text("password", 1024);
  for (const auto& name : r.text_list("roles", true, 1, 40)) {
    const auto role = app::role_from_name(name);
    if (!role) {
      r.fail("roles", "unknown_value", "unknown role '" + name + "'");
      break;
    }
    user.roles.push_back(*role);
  }
  user.employer_id = r.optional_integer("employer_id", 1, kMaxId);
  user.provider_id = r.optional_integer("provider_id", 1, kMaxId);
  user.employee_id = r.optional_integer("employee_id", 1, kMaxId);
  if (auto status = r.finish(); !status.ok()) return status.error();
  return user;
}

Result<NameBody> parse_name(std::string_view body) {
  return read_body<NameBody>(body, [](ObjectReader& r) { return NameBody{r.required_text("name", 200)}; });
}

Result<NewEmployeeBody> parse_new_employee(std::string_view body) {
  return read_body<NewEmployeeBody>(body, [](ObjectReader& r) {
    NewEmployeeBody employee;
    employee.name = r.required_text("name", 200);
    employee.personnel_number = r.required_text("personnel_number", 64);
    return employee;
  });
}

Result<NewProviderBody> parse_new_provider(std::string_view body) {
  return read_body<NewProviderBody>(body, [](ObjectReader& r) {
    NewProviderBody provider;
    provider.name = r.required_text("name", 200);
    provider.kind = r.required_choice("kind", {"arbo_service", "reintegration_office"});
    return provider;
  });
}

Result<std::int64_t> parse_id_body(std::string_view body, std::string_view key) {
  return read_body<std::int64_t>(body, [key](ObjectReader& r) {
    return r.required_integer(key, 1, kMaxId);
  });
}

Result<std::optional<std::int64_t>> parse_manager(std::string_view body) {
  auto json = parse_body(body);
  if (!json.ok()) return json.error();
  const auto it = json->find("user_id");
  if (it == json->end()) return core::make_error("missing_field", "user_id", "is required");
  if (json->size() != 1) {
    for (const auto& item : json->items()) {
      if (item.key() != "user_id") {
        return core::make_error("unknown_field", item.key(), "is not a known field here");
      }
    }
  }
  if (it->is_null()) return std::optional<std::int64_t>();
  ObjectReader r(*json, "");
  const auto id = r.required_integer("user_id", 1, kMaxId);
  if (auto status = r.finish(); !status.ok()) return status.error();
  return std::optional<std::int64_t>(id);
}

Result<AssignmentBody> parse_assignment(std::string_view body) {
  auto assignment = read_body<AssignmentBody>(body, [](ObjectReader& r) {
    AssignmentBody value;
    value.provider_id = r.optional_integer("provider_id", 1, kMaxId);
    value.user_id = r.optional_integer("user_id", 1, kMaxId);
    return value;
  });
  if (!assignment.ok()) return assignment;
  if (assignment->provider_id.has_value() == assignment->user_id.has_value()) {
    return core::make_error("invalid", "provider_id",
                            "give either provider_id (an office) or user_id (a person)");
  }
  return assignment;
}

Result<NewTokenBody> parse_new_token(std::string_view body) {
  return read_body<NewTokenBody>(body, [](ObjectReader& r) {
    NewTokenBody token;
    token.user_id = r.required_integer("user_id", 1, kMaxId);
    token.name = r.required_text("name", 200);
    return token;
  });
}

Result<std::string> parse_totp_code(std::string_view body) {
  return read_body<std::string>(body, [](ObjectReader& r) { return r.required_text("code", 8); });
}

Result<app::CaseQuery> parse_case_query(
    const std::vector<std::pair<std::string, std::string>>& query, core::Date today) {
  app::CaseQuery result(today);
  result.limit = 50;
  auto integer = [](const std::string& key, const std::string& text, std::int64_t max) {
    const auto value = to_integer(text);
    if (!value || *value > max) {
      return Result<std::int64_t>(core::make_error(
          "out_of_range", key, "must be a whole number from 0 to " + std::to_string(max)));
    }
    return Result<std::int64_t>(*value);
  };
  for (const auto& [key, value] : query) {
    if (key == "employer_id" || key == "assignee_id") {
      auto id = integer(key, value, kMaxId);
      if (!id.ok()) return id.error();
      (key == "employer_id" ? result.employer_id : result.assignee_id) = *id;
    } else if (key == "status") {
      result.status = value;
    } else if (key == "due_within_days") {
      auto days = integer(key, value, 3650);
      if (!days.ok()) return days.error();
      result.due_within_days = static_cast<int>(*days);
    } else if (key == "include_closed" || key == "overdue") {
      if (value != "true" && value != "false") {
        return core::make_error("invalid_type", key, "must be true or false");
      }
      (key == "overdue" ? result.overdue : result.include_closed) = value == "true";
    } else if (key == "limit") {
      auto limit = integer(key, value, 500);
      if (!limit.ok()) return limit.error();
      if (*limit == 0) return core::make_error("out_of_range", key, "must be 1 to 500");
      result.limit = *limit;
    } else if (key == "offset") {
      auto offset = integer(key, value, kMaxId);
      if (!offset.ok()) return offset.error();
      result.offset = *offset;
    } else {
      return core::make_error("unknown_field", key, "is not a filter of this list");
    }
  }
  return result;
}

Result<std::int64_t> parse_path_id(std::string_view text, std::string_view field) {
  const auto value = to_integer(text);
  if (!value || *value == 0) {
    return core::make_error("not_found", std::string(field),
                            "'" + std::string(text) + "' is not an id");
  }
  return *value;
}

}  // namespace spoorboek::api
