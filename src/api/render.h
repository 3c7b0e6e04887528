// Internal to the API: the JSON bodies of its answers. Dates are ISO 8601, timestamps UTC.
// Labels come in Dutch (the UI's default) next to the stable English keys.
#pragma once

#include <string>
#include <vector>

#include "app/accounts.h"
#include "app/application.h"

namespace spoorboek::api {

std::string render_session(const app::NewSession& session);
std::string render_me(const app::Actor& actor, bool enrolment_only);
std::string render_case_page(const app::CasePage& page, const app::CaseQuery& query);
std::string render_case_file(const app::CaseFileView& view);
std::string render_case_timeline(const app::CaseTimeline& timeline);
std::string render_append(const app::AppendResult& result);
std::string render_users(const std::vector<app::UserView>& users);
std::string render_providers(const std::vector<store::Provider>& providers);
std::string render_employers(const std::vector<store::Employer>& employers);
std::string render_employees(const std::vector<store::Employee>& employees);
std::string render_tokens(const std::vector<app::ApiTokenView>& tokens);
std::string render_reads(const std::vector<store::CaseRead>& reads);
std::string render_id(std::string_view key, std::int64_t id);

}  // namespace spoorboek::api
