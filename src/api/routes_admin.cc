// Administration: employers and their employees, providers and their contracts, users, line
// managers and API tokens. Which organisation an administrator may touch is decided in app/.
#include "api/api_state.h"
#include "api/render.h"
#include "api/request_parsers.h"
#include "api/routes_imports.h"

namespace spoorboek::api {
namespace {

core::Result<std::int64_t> path_id(const HttpRequest& request, std::string_view field) {
  return parse_path_id(request.param("id").value_or(""), field);
}

core::Result<HttpResponse> ok_json(int status, std::string body) {
  return json_response(status, std::move(body));
}

}  // namespace

void register_admin_routes(Router& router, ApiState& state) {
  router.add(Method::get, "/api/v1/employers",
             authenticated_handler(state, false, [](Context& c, const Caller& caller, HttpRequest&,
                                                    const app::Moment&) -> core::Result<HttpResponse> {
               auto employers = c.accounts->list_employers(caller.who.actor);
               if (!employers.ok()) return employers.error();
               return ok_json(200, render_employers(*employers));
             }));

  router.add(Method::post, "/api/v1/employers",
             authenticated_handler(state, true, [](Context& c, const Caller& caller,
                                                   HttpRequest& request,
                                                   const app::Moment&) -> core::Result<HttpResponse> {
               auto body = parse_name(request.body);
               if (!body.ok()) return body.error();
               auto id = c.app->create_employer(caller.who.actor, body->name);
               if (!id.ok()) return id.error();
               return ok_json(201, render_id("id", *id));
             }));

  router.add(Method::get, "/api/v1/employers/{id}/employees",
             authenticated_handler(state, false, [](Context& c, const Caller& caller,
                                                    HttpRequest& request,
                                                    const app::Moment&) -> core::Result<HttpResponse> {
               auto employer = path_id(request, "employer_id");
               if (!employer.ok()) return employer.error();
               auto employees = c.accounts->list_employees(caller.who.actor, *employer);
               if (!employees.ok()) return employees.error();
               return ok_json(200, render_employees(*employees));
             }));

  router.add(Method::post, "/api/v1/employers/{id}/employees",
             authenticated_handler(state, true, [](Context& c, const Caller& caller,
                                                   HttpRequest& request,
                                                   const app::Moment&) -> core::Result<HttpResponse> {
               auto employer = path_id(request, "employer_id");
               if (!employer.ok()) return employer.error();
               auto body = parse_new_employee(request.body);
               if (!body.ok()) return body.error();
               auto id = c.app->create_employee(caller.who.actor, *employer, body->name,
                                                body->personnel_number);
               if (!id.ok()) return id.error();
               return ok_json(201, render_id("id", *id));
             }));

  router.add(Method::put, "/api/v1/employees/{id}/manager",
             authenticated_handler(state, true, [](Context& c, const Caller& caller,
                                                   HttpRequest& request,
                                                   const app::Moment& now) -> core::Result<HttpResponse> {
               auto employee = path_id(request, "employee_id");
               if (!employee.ok()) return employee.error();
               auto manager = parse_manager(request.body);
               if (!manager.ok()) return manager.error();
               if (auto set = c.accounts->set_employee_manager(caller.who.actor, *employee,
                                                               *manager, now);
                   !set.ok()) {
                 return set.error();
               }
               return ok_json(200, R"({"updated":true})");
             }));

  router.add(Method::get, "/api/v1/providers",
             authenticated_handler(state, false, [](Context& c, const Caller& caller, HttpRequest&,
                                                    const app::Moment&) -> core::Result<HttpResponse> {
               auto providers = c.accounts->list_providers(caller.who.actor);
               if (!providers.ok()) return providers.error();
               return ok_json(200, render_providers(*providers));
             }));

  router.add(Method::post, "/api/v1/providers",
             authenticated_handler(state, true, [](Context& c, const Caller& caller,
                                                   HttpRequest& request,
                                                   const app::Moment& now) -> core::Result<HttpResponse> {
               auto body = parse_new_provider(request.body);
               if (!body.ok()) return body.error();
               auto id = c.accounts->create_provider(caller.who.actor, body->name, body->kind, now);
               if (!id.ok()) return id.error();
               return ok_json(201, render_id("id", *id));
             }));

  router.add(Method::post, "/api/v1/providers/{id}/employers",
             authenticated_handler(state, true, [](Context& c, const Caller& caller,
                                                   HttpRequest& request,
                                                   const app::Moment& now) -> core::Result<HttpResponse> {
               auto provider = path_id(request, "provider_id");
               if (!provider.ok()) return provider.error();
               auto employer = parse_id_body(request.body, "employer_id");
               if (!employer.ok()) return employer.error();
               if (auto linked = c.accounts->link_provider_employer(caller.who.actor, *provider,
                                                                    *employer, now);
                   !linked.ok()) {
                 return linked.error();
               }
               return ok_json(200, R"({"linked":true})");
             }));

  router.add(Method::get, "/api/v1/users",
             authenticated_handler(state, false, [](Context& c, const Caller& caller, HttpRequest&,
                                                    const app::Moment&) -> core::Result<HttpResponse> {
               auto users = c.accounts->list_users(caller.who.actor);
               if (!users.ok()) return users.error();
               return ok_json(200, render_users(*users));
             }));

  router.add(Method::post, "/api/v1/users",
             authenticated_handler(state, true, [](Context& c, const Caller& caller,
                                                   HttpRequest& request,
                                                   const app::Moment& now) -> core::Result<HttpResponse> {
               auto body = parse_new_user(request.body);
               if (!body.ok()) return body.error();
               auto id = c.accounts->create_user(caller.who.actor, *body, now);
               if (!id.ok()) return id.error();
               return ok_json(201, render_id("id", *id));
             }));

  for (const bool disable : {true, false}) {
    router.add(Method::post, disable ? "/api/v1/users/{id}/disable" : "/api/v1/users/{id}/enable",
               authenticated_handler(state, false, [disable](Context& c, const Caller& caller,
                                                             HttpRequest& request,
                                                             const app::Moment& now)
                                                       -> core::Result<HttpResponse> {
                 auto user = path_id(request, "user_id");
                 if (!user.ok()) return user.error();
                 if (auto set = c.accounts->set_user_disabled(caller.who.actor, *user, disable, now);
                     !set.ok()) {
                   return set.error();
                 }
                 return ok_json(200, disable ? R"({"disabled":true})" : R"({"disabled":false})");
               }));
  }

  router.add(Method::get, "/api/v1/tokens",
             authenticated_handler(state, false, [](Context& c, const Caller& caller, HttpRequest&,
                                                    const app::Moment&) -> core::Result<HttpResponse> {
               auto tokens = c.accounts->list_api_tokens(caller.who.actor);
               if (!tokens.ok()) return tokens.error();
               return ok_json(200, render_tokens(*tokens));
             }));

  router.add(Method::post, "/api/v1/tokens",
             authenticated_handler(state, true, [](Context& c, const Caller& caller,
                                                   HttpRequest& request,
                                                   const app::Moment& now) -> core::Result<HttpResponse> {
               auto body = parse_new_token(request.body);
               if (!body.ok()) return body.error();
               auto token = c.accounts->create_api_token(caller.who.actor, body->user_id,
                                                         body->name, now);
               if (!token.ok()) return token.error();
               // Shown this once; only its digest is stored.
               return ok_json(201, R"({"id":)" + std::to_string(token->id) + R"(,"token":")" +
                                       token->token + R"("})");
             }));

  router.add(Method::del, "/api/v1/tokens/{id}",
             authenticated_handler(state, false, [](Context& c, const Caller& caller,
                                                    HttpRequest& request,
                                                    const app::Moment& now) -> core::Result<HttpResponse> {
               auto token = path_id(request, "token_id");
               if (!token.ok()) return token.error();
               if (auto revoked = c.accounts->revoke_api_token(caller.who.actor, *token, now);
                   !revoked.ok()) {
                 return revoked.error();
               }
               return ok_json(200, R"({"revoked":true})");
             }));

  // The HR imports of an employer (routes_imports.cc).
  register_import_routes(router, state);
}

}  // namespace spoorboek::api
