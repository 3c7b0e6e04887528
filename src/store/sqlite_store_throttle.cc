// Login throttling (schema 6, migrations/sqlite/0006_login_failures.sql): the times of failed
// logins under their keys, shared by every process that opens the database.
#include <sqlite3.h>

#include "store/sqlite_statement.h"
#include "store/sqlite_store.h"

namespace spoorboek::store {

using detail::Statement;

Status SqliteStore::record_login_failure(std::span<const std::string> keys, std::int64_t at) {
  for (const auto& key : keys) {
    if (key.empty()) return core::make_error("invalid", "keys", "a throttle key must not be empty");
  }
  if (keys.empty()) return core::ok_status();
  return transaction([&]() -> Status {
    for (const auto& key : keys) {
      Statement insert(*statements_,
                       "INSERT INTO login_failures (throttle_key, at) VALUES (?, ?)");
      if (auto ran = insert.bind(1, key).bind(2, at).run(); !ran.ok()) return ran;
    }
    return core::ok_status();
  });
}

Result<std::vector<std::int64_t>> SqliteStore::recent_login_failures(std::string_view key,
                                                                     std::int64_t since,
                                                                     int limit) {
  if (limit < 1) return core::make_error("invalid", "limit", "the limit must be at least 1");
  Statement query(*statements_,
                  "SELECT at FROM login_failures WHERE throttle_key = ? AND at >= ? "
                  "ORDER BY at DESC LIMIT ?");
  query.bind(1, key).bind(2, since).bind(3, std::int64_t{limit});
  std::vector<std::int64_t> times;
  while (query.step()) times.push_back(query.integer(0));
  if (query.failed()) return query.error();
  return times;
}

Status SqliteStore::clear_login_failures(std::string_view key) {
  return transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM login_failures WHERE throttle_key = ?");
    return remove.bind(1, key).run();
  });
}

Result<std::int64_t> SqliteStore::delete_login_failures_before(std::int64_t before) {
  std::int64_t deleted = 0;
  const Status removed = transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM login_failures WHERE at < ?");
    if (auto ran = remove.bind(1, before).run(); !ran.ok()) return ran;
    deleted = sqlite3_changes(db_);
    return core::ok_status();
  });
  if (!removed.ok()) return removed.error();
  return deleted;
}

}  // namespace spoorboek::store
