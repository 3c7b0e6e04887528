// The route table of the pages, the entry point "/" and the static files.
#include "web/pages.h"

#include "api/router.h"
#include "web/embedded_files.h"
#include "web/page_routes.h"
#include "web/page_support.h"

namespace spoorboek::web {
namespace {

std::string_view content_type_of(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".png")) return "image/png";
  if (name.ends_with(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

void register_static_route(api::Router& router, const Shared& shared) {
  router.add(api::Method::get, "/static/{name}",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    const std::string name(request.param("name").value_or(""));
    const EmbeddedFile* file = find_embedded_file("static/" + name);
    if (!file) {
      return out.send(error_page(page_language(request), std::nullopt, 404, "error.not_found"));
    }
    api::HttpResponse response;
    response.content_type = std::string(content_type_of(name));
    response.body = std::string(file->bytes);
    // The URL names the content's hash (static_url), so a matching URL can be kept for ever; an
    // old or missing hash gets the current content, to be checked again next time.
    const auto version = request.query_value("v");
    const bool current = version && *version == file->sha256.substr(0, 16);
    response.headers.emplace_back("Cache-Control", current ? "public, max-age=31536000, immutable"
                                                           : "no-cache");
    response.headers.emplace_back("ETag", "\"" + std::string(file->sha256.substr(0, 32)) + "\"");
    out.send(std::move(response));
  });
}

}  // namespace

void register_page_routes(api::Router& router, api::ApiState& state) {
  auto shared = std::make_shared<PageState>(state);
  router.add(api::Method::get, "/", [shared](api::HttpRequest& request, const api::Responder& out) {
    with_page_context(*shared, request, out, [&](api::Context& context, const app::Moment& now) {
      return see_other(page_user(context, request, now) ? "/dashboard" : "/login");
    });
  });
  register_static_route(router, shared);
  register_login_routes(router, shared);
  register_account_routes(router, shared);
  register_two_factor_routes(router, shared);
  register_dashboard_route(router, shared);
  register_case_routes(router, shared);
  register_entry_form_routes(router, shared);
  register_admin_page_routes(router, shared);
}

}  // namespace spoorboek::web
