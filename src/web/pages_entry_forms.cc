// Pages: the forms for every step of the file (/cases/new, /cases/{id}/entries/new/{type}).
#include "web/page_routes.h"

namespace spoorboek::web {

void register_entry_form_routes(api::Router& /*router*/, const Shared& /*shared*/) {}

}  // namespace spoorboek::web
