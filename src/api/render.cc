#include "api/render.h"

#include <nlohmann/json.hpp>

#include "json/timeline_json.h"

namespace spoorboek::api {
namespace {

using Json = nlohmann::ordered_json;

Json date_or_null(const std::optional<core::Date>& date) {
  return date ? Json(core::format_iso_date(*date)) : Json(nullptr);
}

template <typename T>
Json optional_or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json embedded(const std::string& text) {
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return value.is_discarded() ? Json::object() : value;
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json actor_json(const app::Actor& actor) {
  Json roles = Json::array();
  for (const auto role : actor.roles.list()) roles.push_back(app::role_name(role));
  return Json{{"id", actor.account_id},
              {"display_name", actor.display_name},
              {"roles", roles},
              {"employer_id", optional_or_null(actor.employer_id)},
              {"provider_id", optional_or_null(actor.provider_id)},
              {"employee_id", optional_or_null(actor.employee_id)}};
}

}  // namespace

std::string render_session(const app::NewSession& session) {
  return dump(Json{{"token", session.token},
                   {"csrf_token", session.csrf_token},
                   {"expires_at", session.expires_at},
                   {"enrolment_only", session.enrolment_only},
                   {"user", actor_json(session.actor)}});
}

std::string render_me(const app::Actor& actor, bool enrolment_only) {
  Json me = actor_json(actor);
  me["enrolment_only"] = enrolment_only;
  return dump(me);
}

std::string render_case_page(const app::CasePage& page, const app::CaseQuery& query) {
  Json cases = Json::array();
  for (const auto& row : page.rows) {
    cases.push_back(Json{{"case_id", row.case_id},
                         {"employer_id", row.employer_id},
                         {"employer_name", row.employer_name},
                         {"employee_id", row.employee_id},
                         {"employee_name", row.employee_name},
                         {"status", row.status},
                         {"first_sick_day", date_or_null(row.first_sick_day)},
                         {"sick_week", row.sick_week},
                         {"next_deadline", optional_or_null(row.next_deadline_key)},
                         {"next_deadline_due", date_or_null(row.next_deadline_due)},
                         {"days_left", optional_or_null(row.days_left)},
                         {"waiting_period_end", date_or_null(row.waiting_period_end)}});
  }
  return dump(Json{{"cases", cases},
                   {"total", page.total},
                   {"limit", query.limit},
                   {"offset", query.offset},
                   {"as_of", core::format_iso_date(query.as_of)}});
}

// How a MEDICAL entry appears to who may not read it (app::EntryView::type_hidden).
constexpr std::string_view kConfidentialType = "confidential";
constexpr std::string_view kConfidentialLabel = "Vertrouwelijk medisch stuk";

std::string render_case_file(const app::CaseFileView& view) {
  Json entries = Json::array();
  for (const auto& entry : view.entries) {
    Json item{{"seq", entry.seq},
              {"type", entry.type_hidden ? std::string_view(kConfidentialType)
                                         : core::entry_type_name(entry.type)},
              {"type_label", entry.type_hidden ? std::string_view(kConfidentialLabel)
                                               : core::entry_type_dutch_name(entry.type)},
              {"occurred_on", core::format_iso_date(entry.occurred_on)},
              {"recorded_at", entry.recorded_at},
              {"actor", entry.actor},
              {"visibility", core::visibility_name(entry.visibility)},
              {"redacted", entry.redacted},
              {"voided", entry.voided},
              {"corrected", entry.corrected},
              {"payload", embedded(entry.payload)},
              {"medical_present", entry.has_medical},
              {"hash", entry.hash}};
    // The key exists only for those who read medical data; others see the flag alone.
    if (entry.medical) item["medical"] = embedded(*entry.medical);
    entries.push_back(std::move(item));
  }
  Json milestones = Json::array();
  for (const auto& m : view.milestones) {
    milestones.push_back(Json{{"key", core::milestone_key_name(m.key)},
                              {"label", core::milestone_dutch_name(m.key)},
                              {"status", core::status_name(m.status)},
                              {"responsible", core::party_name(m.responsible)},
                              {"legal_basis", m.legal_basis},
                              {"from", date_or_null(m.from)},
                              {"due", date_or_null(m.due)},
                              {"done_on", date_or_null(m.done_on)},
                              {"explanation", m.explanation}});
  }
  const auto& record = view.record;
  return dump(Json{
      {"case_id", record.id},
      {"employer_id", record.employer_id},
      {"employer_name", record.employer_name},
      {"employee_id", record.employee_id},
      {"employee_name", record.employee_name},
      {"created_at", record.created_at},
      {"status", core::case_status_name(view.state.status)},
      {"as_of", core::format_iso_date(view.as_of)},
      {"first_sick_day", date_or_null(view.state.first_sick_day)},
      {"sick_week", view.sick_week},
      {"waiting_period_end", date_or_null(view.waiting_period_end)},
      {"wage_continuation_end", date_or_null(view.wage_continuation_end)},
      {"next_deadline",
       view.next_deadline ? Json(core::milestone_key_name(*view.next_deadline)) : Json(nullptr)},
      {"reads_medical", view.reads_medical},
      {"entries", entries},
      {"milestones", milestones}});
}

std::string render_case_timeline(const app::CaseTimeline& timeline) {
  std::string out;
  json::append_timeline_json(out, timeline.input, timeline.timeline);
  return out;
}

std::string render_append(const app::AppendResult& result) {
  return dump(Json{{"case_id", result.case_id},
                   {"seq", result.seq},
                   {"hash", result.hash},
                   {"status", result.summary.status},
                   {"next_deadline", optional_or_null(result.summary.next_deadline_key)},
                   {"next_deadline_due", date_or_null(result.summary.next_deadline_due)}});
}

std::string render_users(const std::vector<app::UserView>& users) {
  Json list = Json::array();
  for (const auto& user : users) {
    list.push_back(Json{{"id", user.id},
                        {"email", user.email},
                        {"display_name", user.display_name},
                        {"roles", user.roles},
                        {"employer_id", optional_or_null(user.employer_id)},
                        {"provider_id", optional_or_null(user.provider_id)},
                        {"employee_id", optional_or_null(user.employee_id)},
                        {"totp_enabled", user.totp_enabled},
                        {"disabled", user.disabled},
                        {"demo", user.is_demo}});
  }
  return dump(Json{{"users", list}});
}

std::string render_providers(const std::vector<store::Provider>& providers) {
  Json list = Json::array();
  for (const auto& provider : providers) {
    list.push_back(Json{{"id", provider.id},
                        {"name", provider.name},
                        {"kind", provider.kind},
                        {"employer_ids", provider.employer_ids}});
  }
  return dump(Json{{"providers", list}});
}

std::string render_employers(const std::vector<store::Employer>& employers) {
  Json list = Json::array();
  for (const auto& employer : employers) {
    list.push_back(Json{{"id", employer.id}, {"name", employer.name}});
  }
  return dump(Json{{"employers", list}});
}

std::string render_employees(const std::vector<store::Employee>& employees) {
  Json list = Json::array();
  for (const auto& employee : employees) {
    list.push_back(Json{{"id", employee.id},
                        {"employer_id", employee.employer_id},
                        {"name", employee.name},
                        {"personnel_number", employee.personnel_number},
                        {"manager_user_id", optional_or_null(employee.manager_user_id)}});
  }
  return dump(Json{{"employees", list}});
}

std::string render_tokens(const std::vector<app::ApiTokenView>& tokens) {
  Json list = Json::array();
  for (const auto& token : tokens) {
    list.push_back(Json{{"id", token.id},
                        {"user_id", token.user_id},
                        {"name", token.name},
                        {"created_at", token.created_at},
                        {"revoked_at", optional_or_null(token.revoked_at)}});
  }
  return dump(Json{{"tokens", list}});
}

std::string render_reads(const std::vector<store::CaseRead>& reads) {
  Json list = Json::array();
  for (const auto& read : reads) {
    list.push_back(Json{{"user_id", read.user_id},
                        {"read_at", read.read_at},
                        {"what", read.what},
                        {"request_id", read.request_id}});
  }
  return dump(Json{{"reads", list}});
}

std::string render_id(std::string_view key, std::int64_t id) {
  return dump(Json{{std::string(key), id}});
}

}  // namespace spoorboek::api
