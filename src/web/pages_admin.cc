// Pages: administration: organisations, users and roles, assignments, API tokens.
#include "web/page_routes.h"

namespace spoorboek::web {

void register_admin_page_routes(api::Router& /*router*/, const Shared& /*shared*/) {}

}  // namespace spoorboek::web
