// The user's own calendar feed: a secret URL, made like an API token (random, shown once, stored
// as a SHA-256 digest), that a calendar client polls without logging in.
#include "app/accounts.h"
#include "security/tokens.h"

namespace spoorboek::app {
namespace {

core::Error needs_account() {
  return core::make_error("forbidden", "", "only a user with an account has a calendar feed");
}

core::Error no_feed() {
  return core::make_error("not_found", "calendar", "no such calendar feed");
}

}  // namespace

Result<NewCalendarFeed> Accounts::create_calendar_feed(const Actor& actor, const Moment& now) {
  if (actor.account_id == 0) return needs_account();
  auto language_code = language(actor);
  if (!language_code.ok()) return language_code.error();
  NewCalendarFeed feed;
  feed.secret = security::random_token(kCalendarFeedPrefix);
  feed.path = "/calendar/" + feed.secret + ".ics";
  feed.language = *language_code;
  feed.created_at = now.timestamp;
  const store::CalendarFeedRecord record{actor.account_id, security::token_digest(feed.secret),
                                         feed.language, feed.created_at};
  const Status stored = store_.transaction([&]() -> Status {
    if (auto put = store_.put_calendar_feed(record); !put.ok()) return put;
    return audit(&actor, "calendar_feed_created", "user:" + std::to_string(actor.account_id),
                 "", now);
  });
  if (!stored.ok()) return stored.error();
  return feed;
}

Result<std::optional<CalendarFeedView>> Accounts::calendar_feed(const Actor& actor) {
  if (actor.account_id == 0) return needs_account();
  auto feed = store_.find_user_calendar_feed(actor.account_id);
  if (!feed.ok()) return feed.error();
  if (!feed->has_value()) return std::optional<CalendarFeedView>();
  return std::optional<CalendarFeedView>(CalendarFeedView{(*feed)->language, (*feed)->created_at});
}

Status Accounts::revoke_calendar_feed(const Actor& actor, const Moment& now) {
  if (actor.account_id == 0) return needs_account();
  return store_.transaction([&]() -> Status {
    if (auto removed = store_.delete_calendar_feed(actor.account_id); !removed.ok()) {
      return removed;
    }
    return audit(&actor, "calendar_feed_revoked", "user:" + std::to_string(actor.account_id), "",
                 now);
  });
}

Result<CalendarFeedOwner> Accounts::calendar_feed_owner(std::string_view secret) {
  if (!secret.starts_with(kCalendarFeedPrefix)) return no_feed();
  auto feed = store_.find_calendar_feed(security::token_digest(secret));
  if (!feed.ok()) return feed.error().code == "not_found" ? no_feed() : feed.error();
  auto actor = load_actor(feed->user_id);
  if (!actor.ok()) {
    return actor.error().code == "unauthenticated" || actor.error().code == "not_found"
               ? no_feed()
               : actor.error();
  }
  return CalendarFeedOwner{std::move(*actor), feed->language};
}

}  // namespace spoorboek::app
