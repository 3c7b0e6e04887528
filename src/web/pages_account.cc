// The logged-in person's own account: changing the password, choosing the language, and the
// secret link of the calendar feed of deadlines.
#include "web/page_routes.h"

namespace spoorboek::web {
namespace {

struct PasswordForm {
  std::string notice;
  std::string form_error;
  std::string current_error;
  std::string new_error;
  std::string repeat_error;
};

api::HttpResponse password_page(Language language, const PageUser& user, const PasswordForm& form,
                                int status = 200) {
  Data data{Data::type::object};
  data.set("csrf", user.who.csrf_token);
  if (!form.notice.empty()) data.set("notice", form.notice);
  if (!form.form_error.empty()) data.set("form_error", form.form_error);
  if (!form.current_error.empty()) data.set("current_error", form.current_error);
  if (!form.new_error.empty()) data.set("new_error", form.new_error);
  if (!form.repeat_error.empty()) data.set("repeat_error", form.repeat_error);
  return render_page(PageFrame{language, "password.title", user.viewer(), "/account/password"},
                     "password", std::move(data), status);
}

// Where Accounts::change_password's refusal is shown, and in which words.
void place_password_error(Language language, const core::Error& error, PasswordForm& form) {
  const Catalogue& texts = Catalogue::instance();
  if (error.code == "too_many_requests") {
    form.form_error = texts.format(language, "password.throttled", {{"seconds", error.field}});
  } else if (error.field == "current_password") {
    form.current_error = texts.text(language, "password.wrong_current");
  } else if (error.field == "new_password" && texts.has(language, "password." + error.code)) {
    form.new_error = texts.text(language, "password." + error.code);
  } else {
    form.form_error = texts.text(language, "error.internal");
  }
}

api::HttpResponse change_password(api::Context& context,
                                  const api::HttpRequest& request, const PageUser& user,
                                  const Form& form, const app::Moment& now) {
  const Language language = viewer_language(context, request, user);
  const Catalogue& texts = Catalogue::instance();
  if (!csrf_matches(form, user.who.csrf_token)) {
    return error_page(language, user.viewer(), 403, "error.csrf");
  }
  PasswordForm shown;
  const std::string& current = form.value("current_password");
  const std::string& replacement = form.value("new_password");
  if (current.empty()) shown.current_error = texts.text(language, "password.current_missing");
  if (replacement != form.value("repeat_password")) {
    shown.repeat_error = texts.text(language, "password.mismatch");
  }
  if (shown.current_error.empty() && shown.repeat_error.empty()) {
    auto changed = context.accounts->change_password(user.who.actor, user.token, current,
                                                     replacement, now);
    if (changed.ok()) return see_other("/account/password?notice=changed");
    place_password_error(language, changed.error(), shown);
  }
  if (shown.form_error.empty()) shown.form_error = texts.text(language, "form.check_fields");
  return password_page(language, user, shown, 422);
}

api::HttpResponse set_language(PageState& state, api::Context& context,
                               const api::HttpRequest& request, const PageUser& user,
                               const Form& form) {
  const Language current = viewer_language(context, request, user);
  if (!csrf_matches(form, user.who.csrf_token)) {
    return error_page(current, user.viewer(), 403, "error.csrf");
  }
  const auto chosen = language_from_code(form.value("language"));
  if (!chosen) return error_page(current, user.viewer(), 400, "error.bad_request");
  if (auto stored = context.accounts->set_language(user.who.actor, language_code(*chosen));
      !stored.ok()) {
    return error_page(current, user.viewer(), 500, "error.internal");
  }
  api::HttpResponse response = see_other(local_path(form.value("back")));
  response.headers.emplace_back(
      "Set-Cookie", cookie_header(kLanguageCookie, language_code(*chosen), 365LL * 24 * 3600,
                                  secure_cookies(state, request)));
  response.log_user = user.who.actor.user_id;
  return response;
}

// The address a calendar client subscribes to: this server as the browser reached it.
std::string feed_url(PageState& state, const api::HttpRequest& request, std::string_view path) {
  const std::string host(request.header("host").value_or("localhost"));
  return std::string(secure_cookies(state, request) ? "https://" : "http://") + host +
         std::string(path);
}

api::HttpResponse calendar_page(api::Context& context, Language language, const PageUser& user,
                                const std::string& notice, const std::string& new_url) {
  auto feed = context.accounts->calendar_feed(user.who.actor);
  if (!feed.ok()) return error_page(language, user.viewer(), 500, "error.internal");
  Data data{Data::type::object};
  data.set("csrf", user.who.csrf_token);
  if (!notice.empty()) data.set("notice", notice);
  if (!new_url.empty()) data.set("new_url", new_url);
  if (feed->has_value()) {
    const auto day = core::parse_iso_date(std::string_view((*feed)->created_at).substr(0, 10));
    data.set("active", Catalogue::instance().format(
                           language, "calendar.active",
                           {{"created_at", day ? core::format_long_date(*day, language)
                                               : (*feed)->created_at}}));
  }
  api::HttpResponse response = render_page(
      PageFrame{language, "calendar.title", user.viewer(), "/account/calendar"}, "calendar",
      std::move(data));
  // The page may show the secret link: no cache may keep it.
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

api::HttpResponse change_calendar(PageState& state, api::Context& context,
                                  const api::HttpRequest& request, const PageUser& user,
                                  const Form& form, const app::Moment& now) {
  const Language language = viewer_language(context, request, user);
  if (!csrf_matches(form, user.who.csrf_token)) {
    return error_page(language, user.viewer(), 403, "error.csrf");
  }
  const std::string& action = form.value("action");
  if (action == "create") {
    auto feed = context.accounts->create_calendar_feed(user.who.actor, now);
    if (!feed.ok()) return error_page(language, user.viewer(), 500, "error.internal");
    // Shown once, on this answer (no redirect: the secret must not travel in a URL of ours).
    return calendar_page(context, language, user, "", feed_url(state, request, feed->path));
  }
  if (action == "revoke") {
    auto revoked = context.accounts->revoke_calendar_feed(user.who.actor, now);
    if (!revoked.ok() && revoked.error().code != "not_found") {
      return error_page(language, user.viewer(), 500, "error.internal");
    }
    return see_other("/account/calendar?notice=revoked");
  }
  return error_page(language, user.viewer(), 400, "error.bad_request");
}

}  // namespace

Language viewer_language(api::Context& context, const api::HttpRequest& request,
                         const PageUser& user) {
  std::optional<Language> stored;
  if (!request.query_value("lang") && !request.cookie(kLanguageCookie)) {
    if (auto code = context.accounts->language(user.who.actor); code.ok()) {
      stored = language_from_code(*code);
    }
  }
  return page_language(request, stored);
}

void register_account_routes(api::Router& router, const Shared& shared) {
  router.add(api::Method::get, "/account/password",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        const app::Moment&) {
      const Language language = viewer_language(context, request, user);
      PasswordForm shown;
      if (request.query_value("notice") == std::optional<std::string_view>("changed")) {
        shown.notice = Catalogue::instance().text(language, "password.changed");
      }
      return password_page(language, user, shown);
    });
  });
  router.add(api::Method::post, "/account/password",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    auto form = parse_form(request.header("content-type"), request.body);
    if (!form.ok()) {
      return out.send(error_page(page_language(request), std::nullopt, 400, "error.bad_request"));
    }
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        const app::Moment& now) {
      return change_password(context, request, user, *form, now);
    });
  });
  router.add(api::Method::get, "/account/calendar",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        const app::Moment&) {
      const Language language = viewer_language(context, request, user);
      std::string notice;
      if (request.query_value("notice") == std::optional<std::string_view>("revoked")) {
        notice = Catalogue::instance().text(language, "calendar.revoked");
      }
      return calendar_page(context, language, user, notice, "");
    });
  });
  router.add(api::Method::post, "/account/calendar",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    auto form = parse_form(request.header("content-type"), request.body);
    if (!form.ok()) {
      return out.send(error_page(page_language(request), std::nullopt, 400, "error.bad_request"));
    }
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        const app::Moment& now) {
      return change_calendar(*shared, context, request, user, *form, now);
    });
  });
  router.add(api::Method::post, "/account/language",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    auto form = parse_form(request.header("content-type"), request.body);
    if (!form.ok()) {
      return out.send(error_page(page_language(request), std::nullopt, 400, "error.bad_request"));
    }
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        const app::Moment&) {
      return set_language(*shared, context, request, user, *form);
    }, /*allow_enrolment=*/true);
  });
}

}  // namespace spoorboek::web
