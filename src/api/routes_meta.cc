// GET /healthz (for load balancers: the database answers) and GET /api/v1/openapi.json.
#include "api/api_state.h"

namespace spoorboek::api {

void register_meta_routes(Router& router, ApiState& state) {
  router.add(Method::get, "/healthz", [&state](HttpRequest&, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      auto version = context.store->schema_version();
      if (!version.ok()) {
        return out.send(json_response(503, R"({"status":"unavailable"})"));
      }
      out.send(json_response(200, R"({"status":"ok","schema_version":)" +
                                      std::to_string(*version) + "}"));
    });
  });
  router.add(Method::get, "/api/v1/openapi.json", [](HttpRequest&, const Responder& out) {
    out.send(json_response(200, openapi_document()));
  });
}

}  // namespace spoorboek::api
