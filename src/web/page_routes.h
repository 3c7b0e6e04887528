// Internal to the pages: the registration of each group of routes (one file each).
#pragma once

#include "api/router.h"
#include "web/page_support.h"

namespace spoorboek::web {

void register_login_routes(api::Router& router, const Shared& shared);      // pages_login.cc
void register_account_routes(api::Router& router, const Shared& shared);    // pages_account.cc
void register_two_factor_routes(api::Router& router, const Shared& shared); // pages_two_factor.cc
void register_dashboard_route(api::Router& router, const Shared& shared);   // pages_dashboard.cc
void register_case_routes(api::Router& router, const Shared& shared);       // pages_case.cc
void register_entry_form_routes(api::Router& router, const Shared& shared); // pages_entry_forms.cc
void register_admin_page_routes(api::Router& router, const Shared& shared); // pages_admin.cc

// The language of a logged-in person's page: ?lang=, the cookie, else their stored preference.
Language viewer_language(api::Context& context, const api::HttpRequest& request,
                         const PageUser& user);

}  // namespace spoorboek::web
