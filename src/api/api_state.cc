#include "api/api_state.h"

#include "api/json_error.h"
#include "platform/clock.h"
#include "store/open_store.h"
#include "security/tokens.h"

namespace spoorboek::api {
namespace {

bool is_write(Method method) {
  return method != Method::get && method != Method::head && method != Method::options;
}

}  // namespace

ContextLease::~ContextLease() {
  if (state_ && context_) state_->give_back(std::move(context_));
}

ApiState::ApiState(ApiConfig config, security::FieldKey key, std::unique_ptr<ReadRecorder> recorder)
    : config_(std::move(config)), key_(std::move(key)), recorder_(std::move(recorder)) {}

core::Result<ContextLease> ApiState::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto context = std::move(idle_.back());
      idle_.pop_back();
      return ContextLease(*this, std::move(context));
    }
  }
  auto store = store::open_store(config_.db_path, store::OpenMode::must_exist);
  if (!store.ok()) return store.error();
  auto context = std::make_unique<Context>();
  context->store = std::move(*store);
  context->app = std::make_unique<app::Application>(*context->store, &key_);
  // Several servers share a PostgreSQL database: a logout or revocation on one must hold on all
  // at once, so there every request asks the database who a token belongs to. (An SQLite file is
  // served from one machine; there the cache forgets a user at once on such changes.)
  app::AuthCache* cache =
      store::backend_of(config_.db_path) == store::Backend::sqlite ? &auth_cache_ : nullptr;
  context->accounts = std::make_unique<app::Accounts>(*context->store, &key_, throttle_, cache);
  return ContextLease(*this, std::move(context));
}

void ApiState::give_back(std::unique_ptr<Context> context) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(context));
}

app::Moment ApiState::now() const { return platform::current_moment(); }

void ApiState::shutdown() {
  recorder_->stop();
  std::lock_guard lock(mutex_);
  idle_.clear();  // closes the connections
}

PresentedToken presented_token(const HttpRequest& request) {
  if (const auto authorization = request.header("authorization")) {
    if (authorization->starts_with("Bearer ")) return {authorization->substr(7), false};
    return {};
  }
  if (const auto value = request.cookie(kSessionCookie)) return {*value, true};
  return {};
}

core::Result<Caller> authenticate(Context& context, const HttpRequest& request,
                                  const app::Moment& now, bool allow_enrolment) {
  if (const auto authorization = request.header("authorization");
      authorization && !authorization->starts_with("Bearer ")) {
    return core::make_error("unauthenticated", "Authorization", "use: Bearer <token>");
  }
  const auto [token, from_cookie] = presented_token(request);
  if (token.empty()) return core::make_error("unauthenticated", "", "log in first");
  auto who = context.accounts->authenticate(token, now);
  if (!who.ok()) return who.error();
  if (from_cookie && is_write(request.method)) {
    const auto sent = request.header("x-csrf-token");
    if (!sent || !security::constant_time_equals(*sent, who->csrf_token)) {
      return core::make_error("forbidden", "X-CSRF-Token",
                              "a cookie-authenticated change needs the session's CSRF token");
    }
  }
  if (who->enrolment_only && !allow_enrolment) {
    return core::make_error("forbidden", "totp",
                            "set up two-factor login first (POST /api/v1/me/totp)");
  }
  Caller caller{std::move(*who), ""};
  caller.log_user = caller.who.actor.user_id;
  return caller;
}

core::Status require_json(const HttpRequest& request) {
  const auto type = request.header("content-type");
  if (!type || !(type->starts_with("application/json"))) {
    return core::make_error("bad_request", "Content-Type", "send the body as application/json");
  }
  return core::ok_status();
}

HttpResponse json_response(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

HttpResponse error_response(const core::Error& error) {
  core::Error shown = error;
  // The core names unparseable text "invalid_json"; to HTTP it is a malformed request.
  // The core names unparseable text "invalid_json", and a body that is no object an
  // "invalid_type" of the whole (field ""); to HTTP both are malformed requests.
  if (shown.code == "invalid_json" || (shown.code == "invalid_type" && shown.field.empty())) {
    shown.code = "malformed_json";
    if (shown.field.empty()) shown.field = "body";
  }
  if (shown.code == "too_many_requests") {
    HttpResponse response = json_error(429, shown.code, shown.message, "");
    response.headers.emplace_back("Retry-After", error.field);
    return response;
  }
  return json_error(shown);
}

void with_context(ApiState& state, const Responder& responder,
                  const std::function<void(Context&)>& work) {
  auto lease = state.borrow();
  if (!lease.ok()) {
    responder.send(json_error(503, "unavailable", "the database cannot be opened"));
    return;
  }
  work(**lease);
}

Handler authenticated_handler(ApiState& state, bool json_body, AuthenticatedWork work) {
  return [&state, json_body, work = std::move(work)](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto caller = authenticate(context, request, now);
      if (!caller.ok()) return out.send(error_response(caller.error()));
      // Checked after authentication so that an anonymous caller learns only "log in".
      const core::Status json = json_body ? require_json(request) : core::ok_status();
      core::Result<HttpResponse> response =
          json.ok() ? work(context, *caller, request, now) : core::Result<HttpResponse>(json.error());
      HttpResponse answer = response.ok() ? std::move(*response) : error_response(response.error());
      answer.log_user = caller->log_user;
      out.send(std::move(answer));
    });
  };
}

}  // namespace spoorboek::api
