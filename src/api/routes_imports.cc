// POST /api/v1/employers/{id}/imports/employees and .../imports/reports take the CSV file as a
// JSON string ({"csv", "file_name", "dry_run"}) and answer the import's report: 200 when it was
// written (or would be, in a dry run, or had nothing to change), 422 with the same report under
// "report" beside the usual "error" when any line has an error (then nothing was written).
// GET /api/v1/employers/{id}/held-reports lists the reports that wait for their sick report.
#include "api/routes_imports.h"

#include <nlohmann/json.hpp>

#include "api/request_parsers.h"
#include "app/hr_import.h"
#include "core/case_file_json.h"

namespace spoorboek::api {
namespace {

using Json = nlohmann::ordered_json;

struct ImportBody {
  std::string csv;
  std::string file_name;
  bool dry_run = false;
};

core::Result<ImportBody> parse_import_body(std::string_view body) {
  const auto json = core::detail::Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return core::make_error("malformed_json", "body", "the body must be one JSON object");
  }
  core::detail::ObjectReader reader(json, "");
  ImportBody parsed;
  // The body limit (1 MiB) bounds the file; an empty file is refused by the import itself.
  parsed.csv = reader.required_text("csv", std::size_t{1} << 20);
  parsed.file_name = reader.optional_text("file_name", 200).value_or("api.csv");
  parsed.dry_run = reader.optional_bool("dry_run").value_or(false);
  if (auto status = reader.finish(); !status.ok()) return status.error();
  return parsed;
}

template <typename T>
Json optional_or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json report_json(const app::HrImportReport& report) {
  Json counts = Json::object();
  for (std::size_t i = 0; i < app::kImportOutcomeCount; ++i) {
    counts[std::string(app::import_outcome_name(static_cast<app::ImportOutcome>(i)))] =
        report.counts[i];
  }
  Json lines = Json::array();
  for (const auto& line : report.lines) {
    lines.push_back(Json{{"line", line.line},
                         {"personnel_number", line.personnel_number},
                         {"outcome", app::import_outcome_name(line.outcome)},
                         {"detail", line.detail},
                         {"employee_id", optional_or_null(line.employee_id)},
                         {"case_id", optional_or_null(line.case_id)}});
  }
  Json errors = Json::array();
  for (const auto& error : report.errors) {
    errors.push_back(Json{{"line", error.line},
                          {"column", error.column},
                          {"code", error.code},
                          {"message", error.message}});
  }
  return Json{{"dry_run", report.dry_run},
              {"written", report.written},
              {"data_rows", report.data_rows},
              {"counts", counts},
              {"lines", lines},
              {"errors", errors},
              {"error_count", report.error_count},
              {"ignored_columns", report.ignored_columns},
              {"still_held", report.still_held}};
}

HttpResponse report_response(const app::HrImportReport& report) {
  if (report.error_count == 0) return json_response(200, dump(report_json(report)));
  const std::string count = std::to_string(report.error_count);
  Json body{{"error",
             {{"code", "invalid_lines"},
              {"message", count + (report.error_count == 1 ? " line error" : " line errors") +
                              "; nothing was written (see report.errors)"},
              {"field", "csv"}}},
            {"report", report_json(report)}};
  return json_response(422, dump(body));
}

std::string held_json(const std::vector<store::HeldReport>& held) {
  Json list = Json::array();
  for (const auto& report : held) {
    Json payload = Json::parse(report.payload, nullptr, /*allow_exceptions=*/false);
    if (payload.is_discarded()) payload = Json::object();
    list.push_back(Json{{"id", report.id},
                        {"employee_id", report.employee_id},
                        {"personnel_number", report.personnel_number},
                        {"employee_name", report.employee_name},
                        {"type", core::entry_type_name(report.type)},
                        {"occurred_on", core::format_iso_date(report.occurred_on)},
                        {"payload", payload},
                        {"source", report.source},
                        {"held_at", report.held_at},
                        {"held_by", report.held_by}});
  }
  return dump(Json{{"held_reports", list}});
}

using ImportCall = core::Result<app::HrImportReport> (app::HrImport::*)(
    const app::Actor&, std::int64_t, std::string_view, const app::HrImportOptions&,
    const app::Moment&);

AuthenticatedWork import_work(ImportCall call) {
  return [call](Context& c, const Caller& caller, HttpRequest& request,
                const app::Moment& now) -> core::Result<HttpResponse> {
    auto employer = parse_path_id(request.param("id").value_or(""), "employer_id");
    if (!employer.ok()) return employer.error();
    auto body = parse_import_body(request.body);
    if (!body.ok()) return body.error();
    app::HrImport import(*c.store, *c.app);
    auto report = (import.*call)(caller.who.actor, *employer, body->csv,
                                 app::HrImportOptions{body->file_name, body->dry_run, {}}, now);
    if (!report.ok()) return report.error();
    return report_response(*report);
  };
}

}  // namespace

void register_import_routes(Router& router, ApiState& state) {
  router.add(Method::post, "/api/v1/employers/{id}/imports/employees",
             authenticated_handler(state, true, import_work(&app::HrImport::import_employees)));
  router.add(Method::post, "/api/v1/employers/{id}/imports/reports",
             authenticated_handler(state, true, import_work(&app::HrImport::import_reports)));
  router.add(Method::get, "/api/v1/employers/{id}/held-reports",
             authenticated_handler(state, false, [](Context& c, const Caller& caller,
                                                    HttpRequest& request,
                                                    const app::Moment&) -> core::Result<HttpResponse> {
               auto employer = parse_path_id(request.param("id").value_or(""), "employer_id");
               if (!employer.ok()) return employer.error();
               app::HrImport import(*c.store, *c.app);
               auto held = import.held_reports(caller.who.actor, *employer);
               if (!held.ok()) return held.error();
               return json_response(200, held_json(*held));
             }));
}

}  // namespace spoorboek::api
