// The deadline calendar: GET /calendar/{feed} (the feed itself, for calendar clients: the secret
// in the URL is the credential, no cookie or token), and the user's own feed under
// /api/v1/me/calendar (see whether one exists, create or rotate it, revoke it).
#include <nlohmann/json.hpp>

#include "api/api_state.h"

namespace spoorboek::api {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kFeedSuffix = ".ics";

core::Error no_feed() {
  return core::make_error("not_found", "calendar", "there is no calendar at this address");
}

// The access log shows where a feed was asked, never its secret.
constexpr std::string_view kRedactedFeedPath = "/calendar/(secret).ics";

}  // namespace

void register_calendar_routes(Router& router, ApiState& state) {
  router.add(Method::get, "/calendar/{feed}", [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      const std::string_view feed = request.param("feed").value_or("");
      HttpResponse response;
      if (!feed.ends_with(kFeedSuffix)) {
        response = error_response(no_feed());
      } else if (auto owner = context.accounts->calendar_feed_owner(
                     feed.substr(0, feed.size() - kFeedSuffix.size()));
                 !owner.ok()) {
        response = error_response(owner.error());
      } else {
        const core::Language language =
            owner->language == "en" ? core::Language::en : core::Language::nl;
        auto calendar = context.app->deadline_calendar(owner->actor, language, now);
        if (!calendar.ok()) {
          response = error_response(calendar.error());
        } else {
          response.status = 200;
          response.content_type = "text/calendar; charset=utf-8";
          response.body = std::move(*calendar);
          response.headers.emplace_back("Content-Disposition",
                                        "inline; filename=\"spoorboek.ics\"");
          response.headers.emplace_back("Cache-Control", "private, no-store");
          response.log_user = owner->actor.user_id;
        }
      }
      response.log_path = std::string(kRedactedFeedPath);
      out.send(std::move(response));
    });
  });

  router.add(Method::get, "/api/v1/me/calendar",
             authenticated_handler(state, false, [](Context& c, const Caller& caller, HttpRequest&,
                                                    const app::Moment&) -> core::Result<HttpResponse> {
               auto feed = c.accounts->calendar_feed(caller.who.actor);
               if (!feed.ok()) return feed.error();
               Json body{{"active", feed->has_value()}};
               if (feed->has_value()) {
                 body["language"] = (*feed)->language;
                 body["created_at"] = (*feed)->created_at;
               }
               return json_response(200, body.dump());
             }));

  router.add(Method::post, "/api/v1/me/calendar",
             authenticated_handler(state, false, [](Context& c, const Caller& caller, HttpRequest&,
                                                    const app::Moment& now) -> core::Result<HttpResponse> {
               auto feed = c.accounts->create_calendar_feed(caller.who.actor, now);
               if (!feed.ok()) return feed.error();
               const Json body{{"secret", feed->secret},
                               {"path", feed->path},
                               {"language", feed->language},
                               {"created_at", feed->created_at}};
               HttpResponse response = json_response(201, body.dump());
               response.headers.emplace_back("Cache-Control", "no-store");
               return response;
             }));

  router.add(Method::del, "/api/v1/me/calendar",
             authenticated_handler(state, false, [](Context& c, const Caller& caller, HttpRequest&,
                                                    const app::Moment& now) -> core::Result<HttpResponse> {
               if (auto revoked = c.accounts->revoke_calendar_feed(caller.who.actor, now);
                   !revoked.ok()) {
                 return revoked.error();
               }
               return json_response(200, R"({"revoked":true})");
             }));
}

}  // namespace spoorboek::api
