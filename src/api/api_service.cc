// Temporary: only /healthz, until the /api/v1 routes land.
#include "api/api_service.h"

#include "api/router.h"

namespace spoorboek::api {
namespace {

class StubService final : public ApiService {
 public:
  void register_routes(Router& router) override {
    router.add(Method::get, "/healthz", [](HttpRequest&, const Responder& responder) {
      HttpResponse response;
      response.body = R"({"status":"ok"})";
      responder.send(std::move(response));
    });
  }
  std::vector<std::string> startup_warnings() override { return {}; }
  void shutdown() override {}
};

}  // namespace

core::Result<std::unique_ptr<ApiService>> ApiService::open(const ApiConfig&) {
  return std::unique_ptr<ApiService>(std::make_unique<StubService>());
}

}  // namespace spoorboek::api
