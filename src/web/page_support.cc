#include "web/page_support.h"

#include <cctype>
#include <charconv>

#include "security/tokens.h"

namespace spoorboek::web {

std::optional<PageUser> page_user(api::Context& context, const api::HttpRequest& request,
                                  const app::Moment& now) {
  const auto token = request.cookie(api::kSessionCookie);
  if (!token || token->empty()) return std::nullopt;
  auto who = context.accounts->authenticate(*token, now);
  if (!who.ok() || !who->by_session) return std::nullopt;
  return PageUser{std::move(*who), std::string(*token)};
}

Language page_language(const api::HttpRequest& request, std::optional<Language> fallback) {
  if (const auto asked = request.query_value("lang")) {
    if (const auto language = language_from_code(*asked)) return *language;
  }
  if (const auto remembered = request.cookie(kLanguageCookie)) {
    if (const auto language = language_from_code(*remembered)) return *language;
  }
  return fallback.value_or(kDefaultLanguage);
}

std::optional<std::string> language_cookie_update(const api::HttpRequest& request, bool secure) {
  const auto asked = request.query_value("lang");
  if (!asked || !language_from_code(*asked)) return std::nullopt;
  return cookie_header(kLanguageCookie, *asked, 365LL * 24 * 3600, secure);
}

std::string cookie_header(std::string_view name, std::string_view value, long long max_age,
                          bool secure) {
  std::string cookie = std::string(name) + "=" + std::string(value) +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

bool secure_cookies(const PageState& state, const api::HttpRequest& request) {
  return state.api.config().secure_cookies || request.tls;
}

bool csrf_matches(const Form& form, std::string_view expected) {
  const std::string& sent = form.value("csrf");
  return !sent.empty() && !expected.empty() && security::constant_time_equals(sent, expected);
}

api::HttpResponse error_page(Language language, std::optional<Viewer> viewer, int status,
                             std::string_view message_key) {
  Data data{Data::type::object};
  data.set("message", std::string(Catalogue::instance().text(language, message_key)));
  data.set("signed_in", viewer.has_value());
  PageFrame frame{language, "error.title", std::move(viewer), "/"};
  return render_page(frame, "error", std::move(data), status);
}

void with_page_context(PageState& state, const api::HttpRequest& request,
                       const api::Responder& responder,
                       const std::function<api::HttpResponse(api::Context&, const app::Moment&)>&
                           work) {
  auto lease = state.api.borrow();
  if (!lease.ok()) {
    responder.send(error_page(page_language(request), std::nullopt, 503, "error.unavailable"));
    return;
  }
  api::HttpResponse response = work(**lease, state.api.now());
  if (auto remembered = language_cookie_update(request, secure_cookies(state, request))) {
    response.headers.emplace_back("Set-Cookie", std::move(*remembered));
  }
  responder.send(std::move(response));
}

std::string local_path(std::string_view path) {
  // "//host" and "/\host" would leave the site; only a plain absolute path stays.
  if (path.empty() || path.front() != '/' || path.starts_with("//") || path.starts_with("/\\")) {
    return "/";
  }
  for (const char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "/";
  }
  return std::string(path);
}

std::optional<std::int64_t> positive_id(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

std::string path_with_query(const api::HttpRequest& request) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto encode = [](std::string_view text, std::string& out) {
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += c;
      } else {
        out += '%';
        out += kHex[byte >> 4];
        out += kHex[byte & 0x0F];
      }
    }
  };
  std::string result = request.path;
  char separator = '?';
  for (const auto& [name, value] : request.query) {
    if (name == "lang") continue;
    result += separator;
    separator = '&';
    encode(name, result);
    result += '=';
    encode(value, result);
  }
  return result;
}

void for_signed_in_user(PageState& state, const api::HttpRequest& request,
                        const api::Responder& responder, const SignedInWork& work,
                        bool allow_enrolment) {
  with_page_context(state, request, responder, [&](api::Context& context, const app::Moment& now) {
    auto user = page_user(context, request, now);
    if (!user) return see_other("/login?notice=session_ended");
    // An enrolment-only session (two-factor login not set up yet) may only set it up.
    api::HttpResponse response =
        user->who.enrolment_only && !allow_enrolment
            ? error_page(page_language(request), user->viewer(), 403, "error.forbidden")
            : work(context, *user, now);
    response.log_user = user->who.actor.user_id;
    return response;
  });
}

}  // namespace spoorboek::web
