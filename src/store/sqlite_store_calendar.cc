// Calendar feeds (schema 4, migrations/sqlite/0004_calendar_feeds.sql).
#include <sqlite3.h>

#include "store/sqlite_statement.h"
#include "store/sqlite_store.h"

namespace spoorboek::store {
namespace {

using detail::Statement;

constexpr std::string_view kFeedColumns =
    "user_id, token_digest, language, created_at FROM calendar_feeds";

CalendarFeedRecord read_feed(const Statement& row) {
  return CalendarFeedRecord{row.integer(0), row.text(1), row.text(2), row.text(3)};
}

}  // namespace

Status SqliteStore::put_calendar_feed(const CalendarFeedRecord& feed) {
  return transaction([&]() -> Status {
    Statement upsert(*statements_,
                     "INSERT INTO calendar_feeds (user_id, token_digest, language, created_at) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                     "token_digest = excluded.token_digest, language = excluded.language, "
                     "created_at = excluded.created_at");
    return upsert.bind(1, feed.user_id)
        .bind(2, feed.token_digest)
        .bind(3, feed.language)
        .bind(4, feed.created_at)
        .run();
  });
}

Result<CalendarFeedRecord> SqliteStore::find_calendar_feed(std::string_view token_digest) {
  Statement query(*statements_,
                  "SELECT " + std::string(kFeedColumns) + " WHERE token_digest = ?");
  if (!query.bind(1, token_digest).step()) {
    if (query.failed()) return query.error();
    return core::make_error("not_found", "calendar", "no such calendar feed");
  }
  return read_feed(query);
}

Result<std::optional<CalendarFeedRecord>> SqliteStore::find_user_calendar_feed(
    std::int64_t user_id) {
  Statement query(*statements_, "SELECT " + std::string(kFeedColumns) + " WHERE user_id = ?");
  if (!query.bind(1, user_id).step()) {
    if (query.failed()) return query.error();
    return std::optional<CalendarFeedRecord>();
  }
  return std::optional<CalendarFeedRecord>(read_feed(query));
}

Status SqliteStore::delete_calendar_feed(std::int64_t user_id) {
  return transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM calendar_feeds WHERE user_id = ?");
    if (auto ran = remove.bind(1, user_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) {
      return core::make_error("not_found", "calendar", "there is no calendar feed to revoke");
    }
    return core::ok_status();
  });
}

}  // namespace spoorboek::store
