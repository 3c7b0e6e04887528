// The OpenAPI 3 document of the JSON API. tests/http/openapi_test.cc checks that every route of
// the router is described here and every path here is a route.
#include "api/api_state.h"

namespace spoorboek::api {

const std::string& openapi_document() {
  static const std::string document = R"json({
  "openapi": "3.0.3",
  "info": {"title": "Spoorboek API", "version": "1"},
  "paths": {}
})json";
  return document;
}

}  // namespace spoorboek::api
