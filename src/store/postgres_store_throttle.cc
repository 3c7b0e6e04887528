// Login throttling (schema 6, migrations/postgresql/0006_login_failures.sql): the times of failed
// logins under their keys, shared by every server of the database.
#include "store/pg_connection.h"
#include "store/postgres_store.h"

namespace spoorboek::store {

using detail::PgParams;

Status PostgresStore::record_login_failure(std::span<const std::string> keys, std::int64_t at) {
  for (const auto& key : keys) {
    if (key.empty()) return core::make_error("invalid", "keys", "a throttle key must not be empty");
  }
  if (keys.empty()) return core::ok_status();
  return transaction([&]() -> Status {
    for (const auto& key : keys) {
      if (auto inserted = db_->execute(
              "INSERT INTO login_failures (throttle_key, at) VALUES ($1, $2)",
              PgParams().add(key).add(at));
          !inserted.ok()) {
        return inserted;
      }
    }
    return core::ok_status();
  });
}

Result<std::vector<std::int64_t>> PostgresStore::recent_login_failures(std::string_view key,
                                                                       std::int64_t since,
                                                                       int limit) {
  if (limit < 1) return core::make_error("invalid", "limit", "the limit must be at least 1");
  auto rows = db_->query(
      "SELECT at FROM login_failures WHERE throttle_key = $1 AND at >= $2 "
      "ORDER BY at DESC LIMIT $3",
      PgParams().add(key).add(since).add(std::int64_t{limit}));
  if (!rows.ok()) return rows.error();
  std::vector<std::int64_t> times;
  times.reserve(static_cast<std::size_t>(rows->size()));
  for (int row = 0; row < rows->size(); ++row) times.push_back(rows->integer(row, 0));
  return times;
}

Status PostgresStore::clear_login_failures(std::string_view key) {
  return transaction([&]() -> Status {
    return db_->execute("DELETE FROM login_failures WHERE throttle_key = $1", PgParams().add(key));
  });
}

Result<std::int64_t> PostgresStore::delete_login_failures_before(std::int64_t before) {
  std::int64_t deleted = 0;
  const Status removed = transaction([&]() -> Status {
    auto rows = db_->query("DELETE FROM login_failures WHERE at < $1", PgParams().add(before));
    if (!rows.ok()) return rows.error();
    deleted = rows->affected();
    return core::ok_status();
  });
  if (!removed.ok()) return removed.error();
  return deleted;
}

}  // namespace spoorboek::store
