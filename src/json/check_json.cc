#include "json/check_json.h"

#include <nlohmann/json.hpp>

namespace spoorboek::json {
namespace {

using Json = nlohmann::ordered_json;

Json finding_json(const core::Finding& finding, core::Language language) {
  Json entries = Json::array();
  for (const auto seq : finding.entries) entries.push_back(seq);
  Json object{
      {"code", core::check_code(finding.check)},
      {"number", core::check_number(finding.check)},
      {"severity", core::severity_name(finding.severity)},
      {"legal_basis", core::check_legal_basis(finding.check)},
      {"title", core::check_title(finding.check, language)},
      {"action", core::check_action(finding.check, language)},
      {"entries", entries},
      {"element", finding.element ? Json(core::riv_element_letter(*finding.element)) : Json(nullptr)},
      {"milestone",
       finding.milestone ? Json(core::milestone_key_name(*finding.milestone)) : Json(nullptr)},
      {"due", finding.due ? Json(core::format_iso_date(*finding.due)) : Json(nullptr)}};
  if (!finding.field.empty()) object["field"] = finding.field;
  if (!finding.term.empty()) object["term"] = finding.term;
  return object;
}

}  // namespace

std::string render_check_report(std::int64_t case_id, const core::CheckReport& report,
                                core::Language language) {
  Json reasons = Json::array();
  for (const auto& reason : report.risk.reasons) {
    reasons.push_back(Json{{"code", core::check_code(reason.check)}, {"points", reason.points}});
  }
  Json findings = Json::array();
  for (const auto& finding : report.findings) findings.push_back(finding_json(finding, language));
  const Json body{{"case_id", case_id},
                  {"as_of", core::format_iso_date(report.as_of)},
                  {"riv_phase", report.riv_phase},
                  {"blocks", report.blocks},
                  {"warnings", report.warnings},
                  {"infos", report.infos},
                  {"risk",
                   {{"score", report.risk.score},
                    {"level", core::risk_level_name(report.risk.level)},
                    {"reasons", reasons}}},
                  {"findings", findings}};
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace spoorboek::json
