// Internal to the API: what every handler shares (the database path, the medical key, the login
// throttle, the read recorder, a pool of per-thread database contexts) and the steps every
// handler takes (authenticate, check CSRF, answer JSON or a JSON error).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/api_service.h"
#include "api/http_types.h"
#include "api/read_recorder.h"
#include "api/router.h"
#include "api/view_cache.h"
#include "app/accounts.h"
#include "app/application.h"
#include "security/field_cipher.h"
#include "store/store.h"

namespace spoorboek::api {

inline constexpr std::string_view kSessionCookie = "spoorboek_session";

// One database connection with the use cases over it. Connections are not shared between
// threads, so each request borrows one context for its duration.
struct Context {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<app::Application> app;
  std::unique_ptr<app::Accounts> accounts;
};

class ApiState;

// A borrowed Context, returned to the pool when destroyed.
class ContextLease {
 public:
  ContextLease(ApiState& state, std::unique_ptr<Context> context)
      : state_(&state), context_(std::move(context)) {}
  ContextLease(ContextLease&&) = default;
  ContextLease& operator=(ContextLease&&) = default;
  ~ContextLease();
  Context& operator*() const { return *context_; }
  Context* operator->() const { return context_.get(); }

 private:
  ApiState* state_;
  std::unique_ptr<Context> context_;
};

class ApiState {
 public:
  ApiState(ApiConfig config, security::FieldKey key, std::unique_ptr<ReadRecorder> recorder);

  core::Result<ContextLease> borrow();
  void give_back(std::unique_ptr<Context> context);

  const ApiConfig& config() const { return config_; }
  ReadRecorder& recorder() { return *recorder_; }
  ViewCache& timelines() { return timelines_; }
  app::Moment now() const;
  void shutdown();

 private:
  ApiConfig config_;
  security::FieldKey key_;
  app::LoginThrottle throttle_;
  app::AuthCache auth_cache_;
  std::unique_ptr<ReadRecorder> recorder_;
  ViewCache timelines_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Context>> idle_;
};

// --- Steps of a handler ---

struct Caller {
  app::Authenticated who;
  std::string log_user;  // "user:12"
};

// The token a request presents: the Bearer token, else the session cookie's value ("" if none).
struct PresentedToken {
  std::string_view token;
  bool from_cookie = false;
};
PresentedToken presented_token(const HttpRequest& request);

// The caller from the Bearer token or the session cookie. Cookie-authenticated writes need the
// session's CSRF token in X-CSRF-Token; an enrolment-only session may do nothing but set up
// two-factor login (`allow_enrolment`).
core::Result<Caller> authenticate(Context& context, const HttpRequest& request,
                                  const app::Moment& now, bool allow_enrolment = false);

// A JSON body must be declared as JSON: forms from other sites cannot send it (CSRF in depth).
core::Status require_json(const HttpRequest& request);

HttpResponse json_response(int status, std::string body);
// The error as JSON with its status; Retry-After for too_many_requests.
HttpResponse error_response(const core::Error& error);

// Runs `work` with a borrowed context; answers 503 when no connection can be opened. `work`
// answers through the responder itself.
void with_context(ApiState& state, const Responder& responder,
                  const std::function<void(Context&)>& work);

// A handler that authenticates, checks that a body is JSON (`json_body`), runs `work` and answers
// its response or its error, with the caller in the access log.
using AuthenticatedWork = std::function<core::Result<HttpResponse>(
    Context& context, const Caller& caller, HttpRequest& request, const app::Moment& now)>;
Handler authenticated_handler(ApiState& state, bool json_body, AuthenticatedWork work);

// The route registrations, one file each.
void register_auth_routes(Router& router, ApiState& state);
void register_case_routes(Router& router, ApiState& state);
void register_admin_routes(Router& router, ApiState& state);
void register_meta_routes(Router& router, ApiState& state);
void register_calendar_routes(Router& router, ApiState& state);

// The OpenAPI 3 document of every route (openapi.cc).
const std::string& openapi_document();

}  // namespace spoorboek::api
