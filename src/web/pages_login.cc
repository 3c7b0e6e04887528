// Logging in (e-mail and password, then the two-factor code where the account uses it) and out.
//
// The login forms are sent before there is a session, so their CSRF token is a double-submit
// cookie: a random value set with the form and sent back in it; a form posted from another site
// cannot read or set the cookie (SameSite=Strict, HttpOnly).
//
// Between the password and the code the browser holds only the token of a pending login
// (app::Accounts::begin_login) in a cookie; the pending login is in the database, so the code may
// be sent to any server behind a load balancer, and the password is kept nowhere.
#include <cctype>

#include "security/tokens.h"
#include "web/page_routes.h"

namespace spoorboek::web {
namespace {

constexpr long long kLoginCsrfSeconds = 2 * 3600;

struct LoginForm {
  std::string email;
  std::string notice;
  std::string form_error;
  std::string email_error;
  std::string password_error;
};

// The login page with a fresh double-submit token.
api::HttpResponse login_page(PageState& state, const api::HttpRequest& request, Language language,
                             const LoginForm& form, int status = 200) {
  const std::string csrf = security::random_token("");
  Data data{Data::type::object};
  data.set("csrf", csrf);
  data.set("email", form.email);
  if (!form.notice.empty()) data.set("notice", form.notice);
  if (!form.form_error.empty()) data.set("form_error", form.form_error);
  if (!form.email_error.empty()) data.set("email_error", form.email_error);
  if (!form.password_error.empty()) data.set("password_error", form.password_error);
  auto response = render_page(PageFrame{language, "login.title", std::nullopt, "/login"}, "login",
                              std::move(data), status);
  response.headers.emplace_back(
      "Set-Cookie",
      cookie_header(kLoginCsrfCookie, csrf, kLoginCsrfSeconds, secure_cookies(state, request)));
  return response;
}

api::HttpResponse code_page(PageState& state, const api::HttpRequest& request, Language language,
                            const std::string& email, const std::string& code,
                            const std::string& code_error, int status = 200) {
  const std::string csrf = security::random_token("");
  Data data{Data::type::object};
  data.set("csrf", csrf);
  data.set("email", email);
  data.set("code", code);
  if (!code_error.empty()) data.set("code_error", code_error);
  auto response = render_page(PageFrame{language, "totp.title", std::nullopt, "/login/code"},
                              "login_code", std::move(data), status);
  response.headers.emplace_back(
      "Set-Cookie",
      cookie_header(kLoginCsrfCookie, csrf, kLoginCsrfSeconds, secure_cookies(state, request)));
  return response;
}

bool login_csrf_ok(const api::HttpRequest& request, const Form& form) {
  const auto cookie = request.cookie(kLoginCsrfCookie);
  return cookie && csrf_matches(form, *cookie);
}

// The answer to a successful login: the session cookie (the API's), the person's language
// remembered, and on to the dashboard.
api::HttpResponse logged_in(PageState& state, api::Context& context,
                            const api::HttpRequest& request, const app::NewSession& session) {
  const bool secure = secure_cookies(state, request);
  api::HttpResponse response = see_other("/dashboard");
  response.headers.emplace_back(
      "Set-Cookie", cookie_header(api::kSessionCookie, session.token, app::kSessionHours * 3600,
                                  secure));
  response.headers.emplace_back("Set-Cookie", cookie_header(kLoginCsrfCookie, "", 0, secure));
  response.headers.emplace_back("Set-Cookie", cookie_header(kPendingLoginCookie, "", 0, secure));
  if (!request.query_value("lang")) {
    if (auto stored = context.accounts->language(session.actor); stored.ok()) {
      response.headers.emplace_back("Set-Cookie",
                                    cookie_header(kLanguageCookie, *stored, 365LL * 24 * 3600,
                                                  secure));
    }
  }
  response.log_user = session.actor.user_id;
  return response;
}

std::string throttled(Language language, const core::Error& error) {
  return Catalogue::instance().format(language, "login.throttled", {{"seconds", error.field}});
}

bool is_six_digits(std::string_view code) {
  if (code.size() != 6) return false;
  for (const char c : code) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The login form again after a refused password or code: throttled (429, with the wait) or wrong
// (401, without saying whether the address or the password was); anything else is ours (500).
api::HttpResponse refused_login(PageState& state, const api::HttpRequest& request,
                                Language language, LoginForm& shown, const core::Error& error) {
  if (error.code == "too_many_requests") {
    shown.form_error = throttled(language, error);
    return login_page(state, request, language, shown, 429);
  }
  if (error.code == "unauthenticated") {
    shown.form_error = Catalogue::instance().text(language, "login.wrong");
    return login_page(state, request, language, shown, 401);
  }
  return error_page(language, std::nullopt, 500, "error.internal");
}

void post_login(PageState& state, api::HttpRequest& request, const api::Responder& out) {
  const Language language = page_language(request);
  auto form = parse_form(request.header("content-type"), request.body);
  if (!form.ok()) return out.send(error_page(language, std::nullopt, 400, "error.bad_request"));
  const Catalogue& texts = Catalogue::instance();
  LoginForm shown;
  shown.email = form->value("email");
  if (!login_csrf_ok(request, *form)) {
    shown.form_error = texts.text(language, "login.form_expired");
    return out.send(login_page(state, request, language, shown, 403));
  }
  if (shown.email.empty()) shown.email_error = texts.text(language, "login.email_missing");
  if (form->value("password").empty()) {
    shown.password_error = texts.text(language, "login.password_missing");
  }
  if (!shown.email_error.empty() || !shown.password_error.empty()) {
    shown.form_error = texts.text(language, "form.check_fields");
    return out.send(login_page(state, request, language, shown, 422));
  }
  with_page_context(state, request, out, [&](api::Context& context, const app::Moment& now) {
    auto step = context.accounts->begin_login(
        app::PasswordLogin{shown.email, form->value("password"), request.remote_address}, now);
    if (step.ok() && step->session) return logged_in(state, context, request, *step->session);
    if (step.ok() && step->pending) {
      api::HttpResponse response = see_other("/login/code");
      response.headers.emplace_back(
          "Set-Cookie", cookie_header(kPendingLoginCookie, step->pending->token,
                                      app::kPendingLoginSeconds, secure_cookies(state, request)));
      return response;
    }
    if (step.ok()) return error_page(language, std::nullopt, 500, "error.internal");
    return refused_login(state, request, language, shown, step.error());
  });
}

// Back to the login form when the pending login is over, with `message_key` said; its cookie
// goes too.
api::HttpResponse start_again(PageState& state, const api::HttpRequest& request,
                              Language language, LoginForm shown, std::string_view message_key,
                              int status) {
  shown.form_error = Catalogue::instance().text(language, message_key);
  auto response = login_page(state, request, language, shown, status);
  response.headers.emplace_back(
      "Set-Cookie", cookie_header(kPendingLoginCookie, "", 0, secure_cookies(state, request)));
  return response;
}

void post_code(PageState& state, api::HttpRequest& request, const api::Responder& out) {
  const Language language = page_language(request);
  auto form = parse_form(request.header("content-type"), request.body);
  if (!form.ok()) return out.send(error_page(language, std::nullopt, 400, "error.bad_request"));
  const std::string token(request.cookie(kPendingLoginCookie).value_or(""));
  with_page_context(state, request, out, [&](api::Context& context, const app::Moment& now) {
    const Catalogue& texts = Catalogue::instance();
    auto email = context.accounts->pending_login_email(token, now);
    if (!email.ok()) {
      if (email.error().code != "unauthenticated") {
        return error_page(language, std::nullopt, 500, "error.internal");
      }
      return start_again(state, request, language, LoginForm{}, "totp.expired", 401);
    }
    const std::string code = form->value("code");
    if (!login_csrf_ok(request, *form)) {
      return code_page(state, request, language, *email, code,
                       std::string(texts.text(language, "login.form_expired")), 403);
    }
    if (!is_six_digits(code)) {
      return code_page(state, request, language, *email, code,
                       std::string(texts.text(language, "totp.format")), 422);
    }
    auto session = context.accounts->finish_login(token, code, request.remote_address, now);
    if (session.ok()) return logged_in(state, context, request, *session);
    const core::Error& error = session.error();
    if (error.code == "unauthenticated" && error.field == "totp") {
      // Another try with the next code, without typing the password again.
      return code_page(state, request, language, *email, "",
                       std::string(texts.text(language, "totp.wrong")), 401);
    }
    LoginForm shown;
    shown.email = *email;
    if (error.code == "too_many_codes") {
      return start_again(state, request, language, shown, "totp.too_many", 401);
    }
    if (error.code == "unauthenticated" && error.field == "pending_login") {
      return start_again(state, request, language, LoginForm{}, "totp.expired", 401);
    }
    return refused_login(state, request, language, shown, error);
  });
}

void post_logout(PageState& state, api::HttpRequest& request, const api::Responder& out) {
  const Language language = page_language(request);
  auto form = parse_form(request.header("content-type"), request.body);
  if (!form.ok()) return out.send(error_page(language, std::nullopt, 400, "error.bad_request"));
  with_page_context(state, request, out, [&](api::Context& context, const app::Moment& now) {
    auto user = page_user(context, request, now);
    if (!user) return see_other("/login");
    if (!csrf_matches(*form, user->who.csrf_token)) {
      return error_page(language, user->viewer(), 403, "error.csrf");
    }
    if (auto ended = context.accounts->logout(user->token, now); !ended.ok()) {
      return error_page(language, user->viewer(), 500, "error.internal");
    }
    api::HttpResponse response = see_other("/login?notice=logged_out");
    response.headers.emplace_back(
        "Set-Cookie", cookie_header(api::kSessionCookie, "", 0, secure_cookies(state, request)));
    response.log_user = user->who.actor.user_id;
    return response;
  });
}

}  // namespace

void register_login_routes(api::Router& router, const Shared& shared) {
  router.add(api::Method::get, "/login", [shared](api::HttpRequest& request,
                                                  const api::Responder& out) {
    with_page_context(*shared, request, out, [&](api::Context& context, const app::Moment& now) {
      if (page_user(context, request, now)) return see_other("/dashboard");
      const Language language = page_language(request);
      LoginForm shown;
      const auto notice = request.query_value("notice");
      if (notice && (*notice == "logged_out" || *notice == "session_ended" ||
                     *notice == "two_factor_on")) {
        shown.notice = Catalogue::instance().text(language, "login." + std::string(*notice));
      }
      return login_page(*shared, request, language, shown);
    });
  });
  router.add(api::Method::post, "/login", [shared](api::HttpRequest& request,
                                                   const api::Responder& out) {
    post_login(*shared, request, out);
  });
  router.add(api::Method::get, "/login/code", [shared](api::HttpRequest& request,
                                                       const api::Responder& out) {
    const std::string token(request.cookie(kPendingLoginCookie).value_or(""));
    with_page_context(*shared, request, out, [&](api::Context& context, const app::Moment& now) {
      // The address is shown for the person's orientation; the pending login is read by its
      // token, at whichever server took the password.
      auto email = context.accounts->pending_login_email(token, now);
      if (!email.ok()) return see_other("/login");
      return code_page(*shared, request, page_language(request), *email, "", "");
    });
  });
  router.add(api::Method::post, "/login/code", [shared](api::HttpRequest& request,
                                                        const api::Responder& out) {
    post_code(*shared, request, out);
  });
  router.add(api::Method::post, "/logout", [shared](api::HttpRequest& request,
                                                    const api::Responder& out) {
    post_logout(*shared, request, out);
  });
}

}  // namespace spoorboek::web
