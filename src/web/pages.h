// The browser UI's routes, registered on the same Router as the JSON API and served over the same
// ApiState, so that a page and the API share one session table and the cookie spoorboek_session.
//
//   GET  /                      -> /dashboard when logged in, else /login (303)
//   GET  /login, POST /login    e-mail and password; then, when the account uses it:
//   GET  /login/code, POST /login/code   the two-factor code
//   POST /logout
//   GET  /account/password, POST /account/password
//   POST /account/language      the logged-in person's language (also kept in a cookie)
//   GET  /dashboard             per role; an employee goes to their own case
//   GET  /static/{name}         the embedded stylesheet, cached for a year by its hash
//
// Any page takes ?lang=nl or ?lang=en, remembered in the cookie spoorboek_lang. Every POST carries
// a CSRF token: the session's for logged-in forms, a double-submit cookie for the login form.
// Pages parse, call one use case of app/ (which decides what the person may see) and render.
#pragma once

namespace spoorboek::api {
class Router;
class ApiState;
}  // namespace spoorboek::api

namespace spoorboek::web {

// REQUIRES: `state` outlives the router's use.
void register_page_routes(api::Router& router, api::ApiState& state);

}  // namespace spoorboek::web
