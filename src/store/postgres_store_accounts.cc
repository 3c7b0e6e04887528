// PostgresStore: accounts, reach, sessions, tokens, calendar feeds, the read and audit logs and
// settings (schemas 2-4), as SqliteStore does them.
#include "store/pg_connection.h"
#include "store/postgres_store.h"
#include "store/store_rows.h"

namespace spoorboek::store {
namespace {

using detail::PgParams;
using detail::PgRows;

std::vector<std::int64_t> integers(const PgRows& rows) {
  std::vector<std::int64_t> values;
  for (int row = 0; row < rows.size(); ++row) values.push_back(rows.integer(row, 0));
  return values;
}

constexpr std::string_view kUserColumns =
    "u.id, u.email, u.display_name, u.password_hash, u.employer_id, u.provider_id, "
    "u.employee_id, u.totp_secret, u.totp_enabled, u.totp_last_step, u.is_demo, u.disabled, "
    "u.created_at, (SELECT string_agg(role, ',' ORDER BY role) FROM user_roles r "
    "WHERE r.user_id = u.id), u.totp_pending";

UserRecord read_user(const PgRows& rows, int row) {
  UserRecord user;
  user.id = rows.integer(row, 0);
  user.email = rows.text(row, 1);
  user.display_name = rows.text(row, 2);
  user.password_hash = rows.text(row, 3);
  user.employer_id = rows.optional_integer(row, 4);
  user.provider_id = rows.optional_integer(row, 5);
  user.employee_id = rows.optional_integer(row, 6);
  user.totp_secret = rows.optional_text(row, 7);
  user.totp_enabled = rows.boolean(row, 8);
  user.totp_last_step = rows.integer(row, 9);
  user.is_demo = rows.boolean(row, 10);
  user.disabled = rows.boolean(row, 11);
  user.created_at = rows.text(row, 12);
  user.roles = detail::split_words(rows.optional_text(row, 13).value_or(""));
  user.totp_pending = rows.optional_text(row, 14);
  return user;
}

Employee read_employee(const PgRows& rows, int row) {
  return Employee{rows.integer(row, 0), rows.integer(row, 1), rows.text(row, 2), rows.text(row, 3),
                  rows.optional_integer(row, 4)};
}

}  // namespace

Result<std::int64_t> PostgresStore::create_provider(std::string_view name, std::string_view kind) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    auto inserted = db_->query("INSERT INTO providers (name, kind) VALUES ($1, $2) RETURNING id",
                               PgParams().add(name).add(kind));
    if (!inserted.ok()) return inserted.error();
    id = inserted->integer(0, 0);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Status PostgresStore::link_provider_employer(std::int64_t provider_id, std::int64_t employer_id) {
  return transaction([&]() -> Status {
    if (auto found = require_row("SELECT 1 FROM providers WHERE id = $1", provider_id,
                                 "provider_id", "provider");
        !found.ok()) {
      return found;
    }
    if (auto found = require_row("SELECT 1 FROM employers WHERE id = $1", employer_id,
                                 "employer_id", "employer");
        !found.ok()) {
      return found;
    }
    return db_->execute(
        "INSERT INTO provider_employers (provider_id, employer_id) VALUES ($1, $2) "
        "ON CONFLICT DO NOTHING",
        PgParams().add(provider_id).add(employer_id));
  });
}

Result<std::vector<Provider>> PostgresStore::list_providers() {
  auto rows = db_->query("SELECT id FROM providers ORDER BY id");
  if (!rows.ok()) return rows.error();
  std::vector<Provider> providers;
  for (const auto id : integers(*rows)) {
    auto provider = find_provider(id);
    if (!provider.ok()) return provider.error();
    providers.push_back(std::move(*provider));
  }
  return providers;
}

Result<Provider> PostgresStore::find_provider(std::int64_t provider_id) {
  auto rows = db_->query("SELECT id, name, kind FROM providers WHERE id = $1",
                         PgParams().add(provider_id));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return detail::missing_row("provider_id", "provider", provider_id);
  Provider provider{rows->integer(0, 0), rows->text(0, 1), rows->text(0, 2), {}};
  auto served = db_->query(
      "SELECT employer_id FROM provider_employers WHERE provider_id = $1 ORDER BY employer_id",
      PgParams().add(provider_id));
  if (!served.ok()) return served.error();
  provider.employer_ids = integers(*served);
  return provider;
}

Result<Employee> PostgresStore::find_employee(std::int64_t employee_id) {
  auto rows = db_->query(
      "SELECT id, employer_id, name, personnel_number, manager_user_id FROM employees "
      "WHERE id = $1",
      PgParams().add(employee_id));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return detail::missing_row("employee_id", "employee", employee_id);
  return read_employee(*rows, 0);
}

Result<std::vector<Employee>> PostgresStore::list_employees(std::int64_t employer_id) {
  auto rows = db_->query(
      "SELECT id, employer_id, name, personnel_number, manager_user_id FROM employees "
      "WHERE employer_id = $1 ORDER BY name, id",
      PgParams().add(employer_id));
  if (!rows.ok()) return rows.error();
  std::vector<Employee> employees;
  for (int row = 0; row < rows->size(); ++row) employees.push_back(read_employee(*rows, row));
  return employees;
}

Result<std::int64_t> PostgresStore::create_user(const UserRecord& user) {
  std::int64_t id = 0;
  const auto taken = [] {
    return core::make_error("conflict", "email", "a user with this e-mail address exists");
  };
  const Status status = transaction([&]() -> Status {
    auto existing = db_->query("SELECT 1 FROM users WHERE lower(email) = lower($1)",
                               PgParams().add(user.email));
    if (!existing.ok()) return existing.error();
    if (!existing->empty()) return taken();
    auto inserted = db_->query(
        "INSERT INTO users (email, display_name, password_hash, employer_id, provider_id, "
        "employee_id, totp_secret, totp_enabled, is_demo, disabled, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        PgParams()
            .add(user.email)
            .add(user.display_name)
            .add(user.password_hash)
            .add(user.employer_id)
            .add(user.provider_id)
            .add(user.employee_id)
            .add(user.totp_secret)
            .add(user.totp_enabled)
            .add(user.is_demo)
            .add(user.disabled)
            .add(user.created_at));
    // Another server added the same address after our check: the same answer as the check's.
    if (!inserted.ok() && db_->last_sqlstate() == detail::kUniqueViolation) return taken();
    if (!inserted.ok()) return inserted.error();
    id = inserted->integer(0, 0);
    for (const auto& role : user.roles) {
      if (auto added = db_->execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
                                    PgParams().add(id).add(role));
          !added.ok()) {
        return added;
      }
    }
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::vector<UserRecord>> PostgresStore::query_users(std::string_view where,
                                                           std::string_view value) {
  const std::string sql = "SELECT " + std::string(kUserColumns) + " FROM users u " +
                          std::string(where) + " ORDER BY u.id";
  PgParams params;
  if (!where.empty()) params.add(value);
  auto rows = db_->query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<UserRecord> users;
  for (int row = 0; row < rows->size(); ++row) users.push_back(read_user(*rows, row));
  return users;
}

Result<UserRecord> PostgresStore::find_user(std::int64_t user_id) {
  auto users = query_users("WHERE u.id = $1", std::to_string(user_id));
  if (!users.ok()) return users.error();
  if (users->empty()) return detail::missing_row("user_id", "user", user_id);
  return std::move(users->front());
}

Result<UserRecord> PostgresStore::find_user_by_email(std::string_view email) {
  auto users = query_users("WHERE lower(u.email) = lower($1)", email);
  if (!users.ok()) return users.error();
  if (users->empty()) return core::make_error("not_found", "email", "no such user");
  return std::move(users->front());
}

Result<std::vector<UserRecord>> PostgresStore::list_users() { return query_users("", ""); }

Status PostgresStore::set_totp_pending(std::int64_t user_id, const std::string& sealed_secret) {
  return transaction([&]() -> Status {
    auto updated = db_->query("UPDATE users SET totp_pending = $1 WHERE id = $2",
                              PgParams().add(sealed_secret).add(user_id));
    if (!updated.ok()) return updated.error();
    if (updated->affected() == 0) return detail::missing_row("user_id", "user", user_id);
    return core::ok_status();
  });
}

Status PostgresStore::activate_totp(std::int64_t user_id) {
  return transaction([&]() -> Status {
    auto updated = db_->query(
        "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_enabled = true "
        "WHERE id = $1 AND totp_pending IS NOT NULL",
        PgParams().add(user_id));
    if (!updated.ok()) return updated.error();
    if (updated->affected() == 0) {
      return core::make_error("conflict", "code", "there is no set-up to confirm");
    }
    return core::ok_status();
  });
}

Status PostgresStore::use_totp_step(std::int64_t user_id, std::int64_t step) {
  return transaction([&]() -> Status {
    // One statement: two servers given the same code at once cannot both use it.
    auto updated = db_->query(
        "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
        PgParams().add(step).add(user_id));
    if (!updated.ok()) return updated.error();
    if (updated->affected() == 0) {
      return core::make_error("conflict", "totp", "this code was used already");
    }
    return core::ok_status();
  });
}

Status PostgresStore::set_user_disabled(std::int64_t user_id, bool disabled) {
  return transaction([&]() -> Status {
    auto updated = db_->query("UPDATE users SET disabled = $1 WHERE id = $2",
                              PgParams().add(disabled).add(user_id));
    if (!updated.ok()) return updated.error();
    if (updated->affected() == 0) return detail::missing_row("user_id", "user", user_id);
    return core::ok_status();
  });
}

Status PostgresStore::replace_password(std::int64_t user_id, std::string_view new_hash,
                                       std::string_view keep_session_digest) {
  return transaction([&]() -> Status {
    auto updated = db_->query("UPDATE users SET password_hash = $1 WHERE id = $2",
                              PgParams().add(new_hash).add(user_id));
    if (!updated.ok()) return updated.error();
    if (updated->affected() == 0) return detail::missing_row("user_id", "user", user_id);
    return db_->execute("DELETE FROM sessions WHERE user_id = $1 AND token_digest <> $2",
                        PgParams().add(user_id).add(keep_session_digest));
  });
}

Status PostgresStore::set_employee_manager(std::int64_t employee_id,
                                           std::optional<std::int64_t> manager_user_id) {
  return transaction([&]() -> Status {
    auto updated = db_->query("UPDATE employees SET manager_user_id = $1 WHERE id = $2",
                              PgParams().add(manager_user_id).add(employee_id));
    if (!updated.ok()) return updated.error();
    if (updated->affected() == 0) return detail::missing_row("employee_id", "employee", employee_id);
    return core::ok_status();
  });
}

Status PostgresStore::assign_case_provider(std::int64_t case_id, std::int64_t provider_id,
                                           std::string_view at) {
  return transaction([&]() -> Status {
    if (auto found = require_row("SELECT 1 FROM cases WHERE id = $1", case_id, "case", "case");
        !found.ok()) {
      return found;
    }
    if (auto found = require_row("SELECT 1 FROM providers WHERE id = $1", provider_id,
                                 "provider_id", "provider");
        !found.ok()) {
      return found;
    }
    return db_->execute(
        "INSERT INTO case_providers (case_id, provider_id, assigned_at) VALUES ($1, $2, $3) "
        "ON CONFLICT DO NOTHING",
        PgParams().add(case_id).add(provider_id).add(at));
  });
}

Status PostgresStore::assign_case_user(std::int64_t case_id, std::int64_t user_id,
                                       std::string_view at) {
  return transaction([&]() -> Status {
    if (auto found = require_row("SELECT 1 FROM cases WHERE id = $1", case_id, "case", "case");
        !found.ok()) {
      return found;
    }
    if (auto found = require_row("SELECT 1 FROM users WHERE id = $1", user_id, "user_id", "user");
        !found.ok()) {
      return found;
    }
    return db_->execute(
        "INSERT INTO case_assignees (case_id, user_id, assigned_at) VALUES ($1, $2, $3) "
        "ON CONFLICT DO NOTHING",
        PgParams().add(case_id).add(user_id).add(at));
  });
}

Result<CaseReach> PostgresStore::find_case_reach(std::int64_t case_id) {
  // One query: this runs before every read of a case file.
  auto rows = db_->query(
      "SELECT c.id, e.employer_id, c.employee_id, e.manager_user_id, "
      "(SELECT string_agg(provider_id::text, ',' ORDER BY provider_id) FROM case_providers "
      "WHERE case_id = c.id), "
      "(SELECT string_agg(user_id::text, ',' ORDER BY user_id) FROM case_assignees "
      "WHERE case_id = c.id), "
      "(SELECT last_hash FROM case_summaries WHERE case_id = c.id) "
      "FROM cases c JOIN employees e ON e.id = c.employee_id WHERE c.id = $1",
      PgParams().add(case_id));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return detail::missing_row("case", "case", case_id);
  CaseReach reach;
  reach.case_id = rows->integer(0, 0);
  reach.employer_id = rows->integer(0, 1);
  reach.employee_id = rows->integer(0, 2);
  reach.manager_user_id = rows->optional_integer(0, 3);
  reach.provider_ids = detail::split_ids(rows->optional_text(0, 4).value_or(""));
  reach.assignee_ids = detail::split_ids(rows->optional_text(0, 5).value_or(""));
  reach.last_hash = rows->optional_text(0, 6).value_or("");
  return reach;
}

Status PostgresStore::create_session(const SessionRecord& session) {
  return transaction([&]() -> Status {
    return db_->execute(
        "INSERT INTO sessions (token_digest, user_id, csrf_token, enrolment_only, created_at, "
        "expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        PgParams()
            .add(session.token_digest)
            .add(session.user_id)
            .add(session.csrf_token)
            .add(session.enrolment_only)
            .add(session.created_at)
            .add(session.expires_at)
            .add(session.last_seen_at));
  });
}

Result<SessionRecord> PostgresStore::find_session(std::string_view token_digest) {
  auto rows = db_->query(
      "SELECT token_digest, user_id, csrf_token, enrolment_only, created_at, expires_at, "
      "last_seen_at FROM sessions WHERE token_digest = $1",
      PgParams().add(token_digest));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return core::make_error("not_found", "session", "no such session");
  return SessionRecord{rows->text(0, 0),     rows->integer(0, 1), rows->text(0, 2),
                       rows->boolean(0, 3),  rows->integer(0, 4), rows->integer(0, 5),
                       rows->integer(0, 6)};
}

Status PostgresStore::touch_session(std::string_view token_digest, std::int64_t last_seen_at) {
  return transaction([&]() -> Status {
    return db_->execute("UPDATE sessions SET last_seen_at = $1 WHERE token_digest = $2",
                        PgParams().add(last_seen_at).add(token_digest));
  });
}

Status PostgresStore::delete_session(std::string_view token_digest) {
  return transaction([&]() -> Status {
    return db_->execute("DELETE FROM sessions WHERE token_digest = $1",
                        PgParams().add(token_digest));
  });
}

Status PostgresStore::delete_user_sessions(std::int64_t user_id) {
  return transaction([&]() -> Status {
    return db_->execute("DELETE FROM sessions WHERE user_id = $1", PgParams().add(user_id));
  });
}

Status PostgresStore::delete_expired_sessions(std::int64_t now) {
  return transaction([&]() -> Status {
    return db_->execute("DELETE FROM sessions WHERE expires_at <= $1", PgParams().add(now));
  });
}

Result<std::int64_t> PostgresStore::create_api_token(const ApiTokenRecord& token) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    auto inserted = db_->query(
        "INSERT INTO api_tokens (user_id, name, token_digest, created_at, created_by) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        PgParams()
            .add(token.user_id)
            .add(token.name)
            .add(token.token_digest)
            .add(token.created_at)
            .add(token.created_by == 0 ? std::nullopt
                                       : std::optional<std::int64_t>(token.created_by)));
    if (!inserted.ok()) return inserted.error();
    id = inserted->integer(0, 0);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

namespace {
constexpr std::string_view kTokenColumns =
    "id, user_id, name, token_digest, created_at, created_by, revoked_at FROM api_tokens";
ApiTokenRecord read_token(const PgRows& rows, int row) {
  return ApiTokenRecord{rows.integer(row, 0), rows.integer(row, 1), rows.text(row, 2),
                        rows.text(row, 3),    rows.text(row, 4),    rows.integer(row, 5),
                        rows.optional_text(row, 6)};
}
}  // namespace

Result<ApiTokenRecord> PostgresStore::find_api_token(std::string_view token_digest) {
  static const std::string sql = "SELECT " + std::string(kTokenColumns) + " WHERE token_digest = $1";
  auto rows = db_->query(sql, PgParams().add(token_digest));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return core::make_error("not_found", "token", "no such token");
  return read_token(*rows, 0);
}

Result<std::vector<ApiTokenRecord>> PostgresStore::list_api_tokens() {
  static const std::string sql = "SELECT " + std::string(kTokenColumns) + " ORDER BY id";
  auto rows = db_->query(sql);
  if (!rows.ok()) return rows.error();
  std::vector<ApiTokenRecord> tokens;
  for (int row = 0; row < rows->size(); ++row) tokens.push_back(read_token(*rows, row));
  return tokens;
}

Status PostgresStore::revoke_api_token(std::int64_t token_id, std::string_view at) {
  return transaction([&]() -> Status {
    auto updated = db_->query(
        "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2",
        PgParams().add(at).add(token_id));
    if (!updated.ok()) return updated.error();
    if (updated->affected() == 0) return detail::missing_row("token_id", "API token", token_id);
    return core::ok_status();
  });
}

Status PostgresStore::put_calendar_feed(const CalendarFeedRecord& feed) {
  return transaction([&]() -> Status {
    return db_->execute(
        "INSERT INTO calendar_feeds (user_id, token_digest, language, created_at) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO UPDATE SET "
        "token_digest = excluded.token_digest, language = excluded.language, "
        "created_at = excluded.created_at",
        PgParams().add(feed.user_id).add(feed.token_digest).add(feed.language).add(feed.created_at));
  });
}

Result<CalendarFeedRecord> PostgresStore::find_calendar_feed(std::string_view token_digest) {
  auto rows = db_->query(
      "SELECT user_id, token_digest, language, created_at FROM calendar_feeds "
      "WHERE token_digest = $1",
      PgParams().add(token_digest));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return core::make_error("not_found", "calendar", "no such calendar feed");
  return CalendarFeedRecord{rows->integer(0, 0), rows->text(0, 1), rows->text(0, 2),
                            rows->text(0, 3)};
}

Result<std::optional<CalendarFeedRecord>> PostgresStore::find_user_calendar_feed(
    std::int64_t user_id) {
  auto rows = db_->query(
      "SELECT user_id, token_digest, language, created_at FROM calendar_feeds WHERE user_id = $1",
      PgParams().add(user_id));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<CalendarFeedRecord>();
  return std::optional<CalendarFeedRecord>(CalendarFeedRecord{
      rows->integer(0, 0), rows->text(0, 1), rows->text(0, 2), rows->text(0, 3)});
}

Status PostgresStore::delete_calendar_feed(std::int64_t user_id) {
  return transaction([&]() -> Status {
    auto removed = db_->query("DELETE FROM calendar_feeds WHERE user_id = $1",
                              PgParams().add(user_id));
    if (!removed.ok()) return removed.error();
    if (removed->affected() == 0) {
      return core::make_error("not_found", "calendar", "there is no calendar feed to revoke");
    }
    return core::ok_status();
  });
}

Status PostgresStore::record_case_reads(std::span<const CaseRead> reads) {
  // One multi-row INSERT per chunk: one round trip for a whole group commit of reads. The
  // chunk size is fixed so that there are few distinct statement texts to prepare.
  constexpr std::size_t kChunk = 32;
  return transaction([&]() -> Status {
    for (std::size_t start = 0; start < reads.size(); start += kChunk) {
      const std::size_t count = std::min(kChunk, reads.size() - start);
      std::string sql =
          "INSERT INTO case_reads (case_id, user_id, read_at, what, request_id) VALUES ";
      PgParams params;
      for (std::size_t i = 0; i < count; ++i) {
        const CaseRead& read = reads[start + i];
        const int base = static_cast<int>(i) * 5;
        sql += (i ? ", ($" : "($") + std::to_string(base + 1) + ", $" +
               std::to_string(base + 2) + ", $" + std::to_string(base + 3) + ", $" +
               std::to_string(base + 4) + ", $" + std::to_string(base + 5) + ")";
        params.add(read.case_id).add(read.user_id).add(read.read_at).add(read.what).add(
            read.request_id);
      }
      if (auto inserted = db_->execute(sql, params); !inserted.ok()) return inserted;
    }
    return core::ok_status();
  });
}

Result<std::vector<CaseRead>> PostgresStore::list_case_reads(std::int64_t case_id) {
  auto rows = db_->query(
      "SELECT case_id, user_id, read_at, what, request_id FROM case_reads WHERE case_id = $1 "
      "ORDER BY id",
      PgParams().add(case_id));
  if (!rows.ok()) return rows.error();
  std::vector<CaseRead> reads;
  for (int row = 0; row < rows->size(); ++row) {
    reads.push_back(CaseRead{rows->integer(row, 0), rows->integer(row, 1), rows->text(row, 2),
                             rows->text(row, 3), rows->text(row, 4)});
  }
  return reads;
}

Status PostgresStore::record_audit_event(const AuditEvent& event) {
  return transaction([&]() -> Status {
    return db_->execute(
        "INSERT INTO audit_events (at, user_id, action, target, detail) VALUES ($1, $2, $3, $4, $5)",
        PgParams().add(event.at).add(event.user_id).add(event.action).add(event.target).add(
            event.detail));
  });
}

Result<std::optional<std::string>> PostgresStore::get_setting(std::string_view key) {
  auto rows = db_->query("SELECT value FROM settings WHERE key = $1", PgParams().add(key));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->text(0, 0));
}

Status PostgresStore::put_setting(std::string_view key, std::string_view value) {
  return transaction([&]() -> Status {
    return db_->execute(
        "INSERT INTO settings (key, value) VALUES ($1, $2) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        PgParams().add(key).add(value));
  });
}

}  // namespace spoorboek::store
