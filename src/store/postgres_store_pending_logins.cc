// Pending logins (schema 8, migrations/postgresql/0008_pending_logins.sql): logins waiting for
// their two-factor code under the digest of their token, shared by every server of the database.
#include "store/pg_connection.h"
#include "store/postgres_store.h"
#include "store/store_rows.h"

namespace spoorboek::store {

using detail::PgParams;

namespace {

core::Error no_pending_login() {
  return core::make_error("not_found", "pending_login", "no such pending login");
}

core::Error digest_taken() {
  return core::make_error("conflict", "token_digest", "this pending login exists");
}

}  // namespace

Status PostgresStore::create_pending_login(const PendingLoginRecord& login) {
  if (login.token_digest.empty()) {
    return core::make_error("invalid", "token_digest", "the token digest must not be empty");
  }
  return transaction([&]() -> Status {
    auto existing = db_->query("SELECT 1 FROM pending_logins WHERE token_digest = $1",
                               PgParams().add(login.token_digest));
    if (!existing.ok()) return existing.error();
    if (!existing->empty()) return digest_taken();
    if (auto user = require_row("SELECT 1 FROM users WHERE id = $1", login.user_id, "user_id",
                                "user");
        !user.ok()) {
      return user;
    }
    const Status inserted = db_->execute(
        "INSERT INTO pending_logins (token_digest, user_id, expires_at, failed_codes) "
        "VALUES ($1, $2, $3, $4)",
        PgParams()
            .add(login.token_digest)
            .add(login.user_id)
            .add(login.expires_at)
            .add(std::int64_t{login.failed_codes}));
    // Another server stored the same digest, or the user went, after the checks above: the
    // answers the checks would have given.
    if (!inserted.ok() && db_->last_sqlstate() == detail::kUniqueViolation) return digest_taken();
    if (!inserted.ok() && db_->last_sqlstate() == detail::kForeignKeyViolation) {
      return detail::missing_row("user_id", "user", login.user_id);
    }
    return inserted;
  });
}

Result<PendingLoginRecord> PostgresStore::find_pending_login(std::string_view token_digest) {
  auto rows = db_->query(
      "SELECT token_digest, user_id, expires_at, failed_codes FROM pending_logins "
      "WHERE token_digest = $1",
      PgParams().add(token_digest));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return no_pending_login();
  return PendingLoginRecord{rows->text(0, 0), rows->integer(0, 1), rows->integer(0, 2),
                            static_cast<int>(rows->integer(0, 3))};
}

Result<int> PostgresStore::add_pending_login_failure(std::string_view token_digest) {
  int count = 0;
  const Status added = transaction([&]() -> Status {
    auto rows = db_->query(
        "UPDATE pending_logins SET failed_codes = failed_codes + 1 WHERE token_digest = $1 "
        "RETURNING failed_codes",
        PgParams().add(token_digest));
    if (!rows.ok()) return rows.error();
    if (rows->empty()) return no_pending_login();
    count = static_cast<int>(rows->integer(0, 0));
    return core::ok_status();
  });
  if (!added.ok()) return added.error();
  return count;
}

Status PostgresStore::delete_pending_login(std::string_view token_digest) {
  return transaction([&]() -> Status {
    // Of two servers deleting one row at once, the second waits for the first to commit and then
    // finds nothing to delete: it reports not_found, so its transaction writes nothing.
    auto rows = db_->query("DELETE FROM pending_logins WHERE token_digest = $1",
                           PgParams().add(token_digest));
    if (!rows.ok()) return rows.error();
    if (rows->affected() == 0) return no_pending_login();
    return core::ok_status();
  });
}

Status PostgresStore::delete_user_pending_logins(std::int64_t user_id) {
  return transaction([&]() -> Status {
    return db_->execute("DELETE FROM pending_logins WHERE user_id = $1", PgParams().add(user_id));
  });
}

Result<std::int64_t> PostgresStore::delete_expired_pending_logins(std::int64_t now) {
  std::int64_t deleted = 0;
  const Status removed = transaction([&]() -> Status {
    auto rows = db_->query("DELETE FROM pending_logins WHERE expires_at <= $1",
                           PgParams().add(now));
    if (!rows.ok()) return rows.error();
    deleted = rows->affected();
    return core::ok_status();
  });
  if (!removed.ok()) return removed.error();
  return deleted;
}

}  // namespace spoorboek::store
