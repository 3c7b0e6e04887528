// Setting up two-factor login in the browser: the account page shows the authenticator app a QR
// code of the otpauth URI (and the secret to type, for apps without a camera), then confirms it
// with a first code. Company doctors and administrators must do this before anything else (their
// enrolment-only session may reach these routes and nothing else); everyone else may.
//
// The secret is made and kept by app::Accounts (sealed, pending beside an active one until a code
// confirms it); this page only shows it once, right after it was made, and never puts it in a form.
// After a confirmed code every session of the account ends: the next login asks for a code.
#include "web/page_routes.h"
#include "web/svg/qr_code_svg.h"

namespace spoorboek::web {
namespace {

constexpr std::string_view kQrSlot = "<!--spoorboek:qr-code-->";

struct TwoFactorForm {
  std::optional<app::TotpEnrolment> enrolment;  // just made: shown once
  bool confirming = false;                      // the code form, without the secret again
  std::string code;
  std::string code_error;
  std::string form_error;
};

// "JBSW Y3DP EHPK 3PXP": groups of four are easier to type into an app.
std::string grouped(std::string_view secret) {
  std::string out;
  for (std::size_t i = 0; i < secret.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += secret[i];
  }
  return out;
}

api::HttpResponse two_factor_page(Language language, const PageUser& user,
                                  const TwoFactorForm& form, int status = 200) {
  const Catalogue& texts = Catalogue::instance();
  Data data{Data::type::object};
  data.set("csrf", user.who.csrf_token);
  data.set("required", user.who.enrolment_only);
  if (form.enrolment) {
    data.set("secret", grouped(form.enrolment->secret_base32));
  }
  data.set("confirming", form.enrolment.has_value() || form.confirming);
  data.set("code", form.code);
  if (!form.code_error.empty()) data.set("code_error", form.code_error);
  if (!form.form_error.empty()) data.set("form_error", form.form_error);
  api::HttpResponse response =
      render_page(PageFrame{language, "two_factor.title", user.viewer(), "/account/two-factor"},
                  "two_factor", std::move(data), status);
  if (form.enrolment) {
    const auto at = response.body.find(kQrSlot);
    if (at != std::string::npos) {
      const auto qr = svg::qr_code_svg(form.enrolment->otpauth_uri,
                                       texts.text(language, "two_factor.qr_label"));
      response.body.replace(at, kQrSlot.size(), qr.value_or(""));
    }
  }
  return response;
}

api::HttpResponse begin(api::Context& context, const api::HttpRequest& request,
                        const PageUser& user, const Form& form, const app::Moment& now) {
  const Language language = viewer_language(context, request, user);
  if (!csrf_matches(form, user.who.csrf_token)) {
    return error_page(language, user.viewer(), 403, "error.csrf");
  }
  auto enrolment = context.accounts->begin_totp(user.who.actor, now);
  TwoFactorForm shown;
  if (!enrolment.ok()) {
    shown.form_error = Catalogue::instance().text(language, "two_factor.unavailable");
    return two_factor_page(language, user, shown, 503);
  }
  shown.enrolment = std::move(*enrolment);
  return two_factor_page(language, user, shown);
}

api::HttpResponse confirm(api::Context& context, const api::HttpRequest& request,
                          const PageUser& user, const Form& form, const app::Moment& now) {
  const Language language = viewer_language(context, request, user);
  const Catalogue& texts = Catalogue::instance();
  if (!csrf_matches(form, user.who.csrf_token)) {
    return error_page(language, user.viewer(), 403, "error.csrf");
  }
  TwoFactorForm shown;
  shown.confirming = true;
  shown.code = form.value("code");
  const bool six_digits = shown.code.size() == 6 &&
                          shown.code.find_first_not_of("0123456789") == std::string::npos;
  if (!six_digits) {
    shown.code_error = texts.text(language, "totp.format");
  } else {
    const core::Status confirmed = context.accounts->confirm_totp(user.who.actor, shown.code, now);
    if (confirmed.ok()) return see_other("/login?notice=two_factor_on");
    if (confirmed.error().code == "conflict") {
      shown.confirming = false;
      shown.form_error = texts.text(language, "two_factor.start_first");
    } else if (confirmed.error().field == "code") {
      shown.code_error = texts.text(language, "totp.wrong");
    } else {
      shown.form_error = texts.text(language, "error.internal");
    }
  }
  if (shown.form_error.empty()) shown.form_error = texts.text(language, "form.check_fields");
  return two_factor_page(language, user, shown, 422);
}

// Reads the form, then runs `handle` for the signed-in person (an enrolment-only session too).
void post_route(api::Router& router, const Shared& shared, std::string path,
                api::HttpResponse (*handle)(api::Context&, const api::HttpRequest&,
                                            const PageUser&, const Form&, const app::Moment&)) {
  router.add(api::Method::post, std::move(path),
             [shared, handle](api::HttpRequest& request, const api::Responder& out) {
    auto form = parse_form(request.header("content-type"), request.body);
    if (!form.ok()) {
      return out.send(error_page(page_language(request), std::nullopt, 400, "error.bad_request"));
    }
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                                  const app::Moment& now) {
      return handle(context, request, user, *form, now);
    }, /*allow_enrolment=*/true);
  });
}

}  // namespace

void register_two_factor_routes(api::Router& router, const Shared& shared) {
  router.add(api::Method::get, "/account/two-factor",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                                  const app::Moment&) {
      return two_factor_page(viewer_language(context, request, user), user, TwoFactorForm{});
    }, /*allow_enrolment=*/true);
  });
  post_route(router, shared, "/account/two-factor/begin", &begin);
  post_route(router, shared, "/account/two-factor/confirm", &confirm);
}

}  // namespace spoorboek::web
