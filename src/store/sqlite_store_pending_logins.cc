// Pending logins (schema 8, migrations/sqlite/0008_pending_logins.sql): logins waiting for their
// two-factor code under the digest of their token, shared by every process that opens the
// database.
#include <sqlite3.h>

#include "store/sqlite_statement.h"
#include "store/sqlite_store.h"
#include "store/store_rows.h"

namespace spoorboek::store {

using detail::Statement;

namespace {

core::Error no_pending_login() {
  return core::make_error("not_found", "pending_login", "no such pending login");
}

}  // namespace

Status SqliteStore::create_pending_login(const PendingLoginRecord& login) {
  if (login.token_digest.empty()) {
    return core::make_error("invalid", "token_digest", "the token digest must not be empty");
  }
  return transaction([&]() -> Status {
    Statement existing(*statements_, "SELECT 1 FROM pending_logins WHERE token_digest = ?");
    if (existing.bind(1, login.token_digest).step()) {
      return core::make_error("conflict", "token_digest", "this pending login exists");
    }
    if (existing.failed()) return existing.error();
    if (auto user = require_row("SELECT 1 FROM users WHERE id = ?", login.user_id, "user_id",
                                "user");
        !user.ok()) {
      return user;
    }
    Statement insert(*statements_,
                     "INSERT INTO pending_logins (token_digest, user_id, expires_at, failed_codes) "
                     "VALUES (?, ?, ?, ?)");
    return insert.bind(1, login.token_digest)
        .bind(2, login.user_id)
        .bind(3, login.expires_at)
        .bind(4, std::int64_t{login.failed_codes})
        .run();
  });
}

Result<PendingLoginRecord> SqliteStore::find_pending_login(std::string_view token_digest) {
  Statement query(*statements_,
                  "SELECT token_digest, user_id, expires_at, failed_codes FROM pending_logins "
                  "WHERE token_digest = ?");
  if (!query.bind(1, token_digest).step()) {
    if (query.failed()) return query.error();
    return no_pending_login();
  }
  return PendingLoginRecord{query.text(0), query.integer(1), query.integer(2),
                            static_cast<int>(query.integer(3))};
}

Result<int> SqliteStore::add_pending_login_failure(std::string_view token_digest) {
  int count = 0;
  const Status added = transaction([&]() -> Status {
    Statement update(*statements_,
                     "UPDATE pending_logins SET failed_codes = failed_codes + 1 "
                     "WHERE token_digest = ? RETURNING failed_codes");
    if (!update.bind(1, token_digest).step()) {
      if (update.failed()) return update.error();
      return no_pending_login();
    }
    count = static_cast<int>(update.integer(0));
    return core::ok_status();
  });
  if (!added.ok()) return added.error();
  return count;
}

Status SqliteStore::delete_pending_login(std::string_view token_digest) {
  return transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM pending_logins WHERE token_digest = ?");
    if (auto ran = remove.bind(1, token_digest).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) return no_pending_login();
    return core::ok_status();
  });
}

Status SqliteStore::delete_user_pending_logins(std::int64_t user_id) {
  return transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM pending_logins WHERE user_id = ?");
    return remove.bind(1, user_id).run();
  });
}

Result<std::int64_t> SqliteStore::delete_expired_pending_logins(std::int64_t now) {
  std::int64_t deleted = 0;
  const Status removed = transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM pending_logins WHERE expires_at <= ?");
    if (auto ran = remove.bind(1, now).run(); !ran.ok()) return ran;
    deleted = sqlite3_changes(db_);
    return core::ok_status();
  });
  if (!removed.ok()) return removed.error();
  return deleted;
}

}  // namespace spoorboek::store
