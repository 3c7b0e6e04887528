// Internal to the pages: the steps every page handler shares (the language of a request, the
// logged-in person from the session cookie, CSRF checks of forms, cookies, error pages).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "api/api_state.h"
#include "web/form.h"
#include "web/page_render.h"

namespace spoorboek::web {

inline constexpr std::string_view kLanguageCookie = "spoorboek_lang";
inline constexpr std::string_view kLoginCsrfCookie = "spoorboek_login_csrf";
// The token of a login waiting for its two-factor code (app::Accounts::begin_login); the pending
// login itself is in the database, so that the code may reach any server.
inline constexpr std::string_view kPendingLoginCookie = "spoorboek_login_pending";

// What the page routes share; lives as long as the routes. Nothing of a person is kept here:
// every server behind a load balancer must be able to answer any request.
struct PageState {
  explicit PageState(api::ApiState& state) : api(state) {}
  api::ApiState& api;
};
using Shared = std::shared_ptr<PageState>;

// The person behind the session cookie (pages ignore Authorization: they are for browsers).
struct PageUser {
  app::Authenticated who;
  std::string token;
  Viewer viewer() const {
    return Viewer{who.actor.display_name, who.csrf_token, who.enrolment_only,
                  who.actor.roles.has(app::Role::administrator)};
  }
};
std::optional<PageUser> page_user(api::Context& context, const api::HttpRequest& request,
                                  const app::Moment& now);

// ?lang=, else the cookie, else `fallback` (the person's stored language, or Dutch).
Language page_language(const api::HttpRequest& request,
                       std::optional<Language> fallback = std::nullopt);
// The Set-Cookie that remembers ?lang= when the request carried a valid one, else nullopt.
std::optional<std::string> language_cookie_update(const api::HttpRequest& request, bool secure);

// "name=value; Path=/; HttpOnly; SameSite=Strict; Max-Age=N[; Secure]".
std::string cookie_header(std::string_view name, std::string_view value, long long max_age,
                          bool secure);
bool secure_cookies(const PageState& state, const api::HttpRequest& request);

// Whether the form's "csrf" field equals `expected` (constant time; an empty one never matches).
bool csrf_matches(const Form& form, std::string_view expected);

// A page that says what went wrong (not found, forbidden, expired form, ...), with its status.
api::HttpResponse error_page(Language language, std::optional<Viewer> viewer, int status,
                             std::string_view message_key);

// Runs `work` with a borrowed database context and `now`; answers 503 when none can be opened.
void with_page_context(PageState& state, const api::HttpRequest& request,
                       const api::Responder& responder,
                       const std::function<api::HttpResponse(api::Context&, const app::Moment&)>&
                           work);

// Runs `work` for the person behind the session cookie with a full session (the access log names
// them); an enrolment-only session gets 403, anyone else is sent to the login page.
using SignedInWork = std::function<api::HttpResponse(api::Context&, const PageUser&,
                                                     const app::Moment&)>;
// `allow_enrolment`: the page serves an enrolment-only session too (the language switch).
void for_signed_in_user(PageState& state, const api::HttpRequest& request,
                        const api::Responder& responder, const SignedInWork& work,
                        bool allow_enrolment = false);

// A database id typed or sent as text: a positive decimal integer, nothing else.
std::optional<std::int64_t> positive_id(std::string_view text);

// The request's path with its query re-encoded, without ?lang= (the language switch sets that):
// where the language switch returns to, so that a page keeps its filters and search.
std::string path_with_query(const api::HttpRequest& request);

// A request path and query safe to put back into a link (only our own absolute paths).
std::string local_path(std::string_view path);

}  // namespace spoorboek::web
