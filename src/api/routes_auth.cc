// /api/v1/login, /logout, /me and two-factor set-up.
#include <nlohmann/json.hpp>

#include "api/api_state.h"
#include "api/render.h"
#include "api/request_parsers.h"

namespace spoorboek::api {
namespace {

std::string session_cookie(const std::string& token, std::int64_t max_age, bool secure) {
  std::string cookie = std::string(kSessionCookie) + "=" + token +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

}  // namespace

void register_auth_routes(Router& router, ApiState& state) {
  router.add(Method::post, "/api/v1/login", [&state](HttpRequest& request, const Responder& out) {
    if (auto json = require_json(request); !json.ok()) return out.send(error_response(json.error()));
    auto body = parse_login(request.body);
    if (!body.ok()) return out.send(error_response(body.error()));
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto session = context.accounts->login(
          app::LoginRequest{body->email, body->password, body->totp, request.remote_address}, now);
      if (!session.ok()) return out.send(error_response(session.error()));
      HttpResponse response = json_response(200, render_session(*session));
      response.headers.emplace_back(
          "Set-Cookie", session_cookie(session->token, app::kSessionHours * 3600,
                                       state.config().secure_cookies || request.tls));
      response.log_user = session->actor.user_id;
      out.send(std::move(response));
    });
  });

  router.add(Method::post, "/api/v1/logout", [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto caller = authenticate(context, request, now, /*allow_enrolment=*/true);
      if (!caller.ok()) return out.send(error_response(caller.error()));
      if (!caller->who.by_session) {
        return out.send(error_response(core::make_error(
            "bad_request", "Authorization", "API tokens are revoked, not logged out")));
      }
      if (auto ended = context.accounts->logout(presented_token(request).token, now); !ended.ok()) {
        return out.send(error_response(ended.error()));
      }
      HttpResponse response = json_response(200, R"({"logged_out":true})");
      response.headers.emplace_back("Set-Cookie", session_cookie("", 0, state.config().secure_cookies || request.tls));
      response.log_user = caller->log_user;
      out.send(std::move(response));
    });
  });

  router.add(Method::get, "/api/v1/me", [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      auto caller = authenticate(context, request, state.now(), /*allow_enrolment=*/true);
      if (!caller.ok()) return out.send(error_response(caller.error()));
      HttpResponse response =
          json_response(200, render_me(caller->who.actor, caller->who.enrolment_only));
      response.log_user = caller->log_user;
      out.send(std::move(response));
    });
  });

  router.add(Method::post, "/api/v1/me/totp", [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto caller = authenticate(context, request, now, /*allow_enrolment=*/true);
      if (!caller.ok()) return out.send(error_response(caller.error()));
      auto enrolment = context.accounts->begin_totp(caller->who.actor, now);
      if (!enrolment.ok()) return out.send(error_response(enrolment.error()));
      HttpResponse response = json_response(
          200, nlohmann::json{{"secret", enrolment->secret_base32},
                              {"otpauth_uri", enrolment->otpauth_uri}}
                   .dump());
      response.log_user = caller->log_user;
      out.send(std::move(response));
    });
  });

  router.add(Method::post, "/api/v1/me/totp/confirm",
             [&state](HttpRequest& request, const Responder& out) {
    if (auto json = require_json(request); !json.ok()) return out.send(error_response(json.error()));
    auto code = parse_totp_code(request.body);
    if (!code.ok()) return out.send(error_response(code.error()));
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto caller = authenticate(context, request, now, /*allow_enrolment=*/true);
      if (!caller.ok()) return out.send(error_response(caller.error()));
      if (auto confirmed = context.accounts->confirm_totp(caller->who.actor, *code, now);
          !confirmed.ok()) {
        return out.send(error_response(confirmed.error()));
      }
      HttpResponse response = json_response(200, R"({"totp_enabled":true,"log_in_again":true})");
      response.log_user = caller->log_user;
      out.send(std::move(response));
    });
  });
}

}  // namespace spoorboek::api
