// The HR imports over HTTP (app/hr_import.h; docs/import.md): the staff list and the sick and
// recovery reports of an employer, and its held reports. Registered with the administration
// routes (routes_admin.cc).
#pragma once

#include "api/api_state.h"

namespace spoorboek::api {

void register_import_routes(Router& router, ApiState& state);

}  // namespace spoorboek::api
