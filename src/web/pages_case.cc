// Pages: the case page (/cases/{id}) and the employee's own view of it.
#include "web/page_routes.h"

namespace spoorboek::web {

void register_case_routes(api::Router& /*router*/, const Shared& /*shared*/) {}

}  // namespace spoorboek::web
