// SqliteStore: accounts, reach, sessions, tokens and the read and audit logs (schema 2).
#include <sqlite3.h>

#include "store/sqlite_read_log.h"
#include "store/sqlite_statement.h"
#include "store/store_rows.h"
#include "store/sqlite_store.h"

namespace spoorboek::store {
namespace {

using detail::Statement;


std::optional<std::int64_t> optional_integer(const Statement& row, int column, bool is_null) {
  if (is_null) return std::nullopt;
  return row.integer(column);
}

// Binds an optional id as NULL when absent.
void bind_optional(Statement& statement, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index, std::optional<std::string>());
  }
}

constexpr std::string_view kUserColumns =
    "u.id, u.email, u.display_name, u.password_hash, u.employer_id, u.provider_id, "
    "u.employee_id, u.totp_secret, u.totp_enabled, u.totp_last_step, u.is_demo, u.disabled, "
    "u.created_at, (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id), "
    "u.employer_id IS NULL, u.provider_id IS NULL, u.employee_id IS NULL, u.totp_pending";

UserRecord read_user(const Statement& row) {
  UserRecord user;
  user.id = row.integer(0);
  user.email = row.text(1);
  user.display_name = row.text(2);
  user.password_hash = row.text(3);
  user.employer_id = optional_integer(row, 4, row.integer(14) != 0);
  user.provider_id = optional_integer(row, 5, row.integer(15) != 0);
  user.employee_id = optional_integer(row, 6, row.integer(16) != 0);
  user.totp_secret = row.optional_text(7);
  user.totp_enabled = row.integer(8) != 0;
  user.totp_last_step = row.integer(9);
  user.is_demo = row.integer(10) != 0;
  user.disabled = row.integer(11) != 0;
  user.created_at = row.text(12);
  user.totp_pending = row.optional_text(17);
  user.roles = detail::split_words(row.optional_text(13).value_or(""));
  return user;
}


Result<std::vector<std::int64_t>> integers(Statement& query) {
  std::vector<std::int64_t> values;
  while (query.step()) values.push_back(query.integer(0));
  if (query.failed()) return query.error();
  return values;
}

}  // namespace

Result<std::int64_t> SqliteStore::create_provider(std::string_view name, std::string_view kind) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    Statement insert(*statements_, "INSERT INTO providers (name, kind) VALUES (?, ?)");
    if (auto ran = insert.bind(1, name).bind(2, kind).run(); !ran.ok()) return ran;
    id = sqlite3_last_insert_rowid(db_);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Status SqliteStore::link_provider_employer(std::int64_t provider_id, std::int64_t employer_id) {
  return transaction([&]() -> Status {
    if (auto found = require_row("SELECT 1 FROM providers WHERE id = ?", provider_id,
                                 "provider_id", "provider");
        !found.ok()) {
      return found;
    }
    if (auto found = require_row("SELECT 1 FROM employers WHERE id = ?", employer_id,
                                 "employer_id", "employer");
        !found.ok()) {
      return found;
    }
    Statement insert(*statements_,
                     "INSERT OR IGNORE INTO provider_employers (provider_id, employer_id) "
                     "VALUES (?, ?)");
    return insert.bind(1, provider_id).bind(2, employer_id).run();
  });
}

Result<std::vector<Provider>> SqliteStore::list_providers() {
  Statement query(*statements_, "SELECT id FROM providers ORDER BY id");
  auto ids = integers(query);
  if (!ids.ok()) return ids.error();
  std::vector<Provider> providers;
  for (const auto id : *ids) {
    auto provider = find_provider(id);
    if (!provider.ok()) return provider.error();
    providers.push_back(std::move(*provider));
  }
  return providers;
}

Result<Provider> SqliteStore::find_provider(std::int64_t provider_id) {
  Statement query(*statements_, "SELECT id, name, kind FROM providers WHERE id = ?");
  if (!query.bind(1, provider_id).step()) {
    if (query.failed()) return query.error();
    return detail::missing_row("provider_id", "provider", provider_id);
  }
  Provider provider{query.integer(0), query.text(1), query.text(2), {}};
  Statement served(*statements_,
                   "SELECT employer_id FROM provider_employers WHERE provider_id = ? "
                   "ORDER BY employer_id");
  served.bind(1, provider_id);
  auto employers = integers(served);
  if (!employers.ok()) return employers.error();
  provider.employer_ids = std::move(*employers);
  return provider;
}

Result<Employee> SqliteStore::find_employee(std::int64_t employee_id) {
  Statement query(*statements_,
                  "SELECT id, employer_id, name, personnel_number, manager_user_id, "
                  "manager_user_id IS NULL FROM employees WHERE id = ?");
  if (!query.bind(1, employee_id).step()) {
    if (query.failed()) return query.error();
    return detail::missing_row("employee_id", "employee", employee_id);
  }
  return Employee{query.integer(0), query.integer(1), query.text(2), query.text(3),
                  optional_integer(query, 4, query.integer(5) != 0)};
}

Result<std::vector<Employee>> SqliteStore::list_employees(std::int64_t employer_id) {
  Statement query(*statements_,
                  "SELECT id, employer_id, name, personnel_number, manager_user_id, "
                  "manager_user_id IS NULL FROM employees WHERE employer_id = ? ORDER BY name, id");
  query.bind(1, employer_id);
  std::vector<Employee> employees;
  while (query.step()) {
    employees.push_back(Employee{query.integer(0), query.integer(1), query.text(2), query.text(3),
                                 optional_integer(query, 4, query.integer(5) != 0)});
  }
  if (query.failed()) return query.error();
  return employees;
}

Result<std::int64_t> SqliteStore::create_user(const UserRecord& user) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    Statement taken(*statements_, "SELECT 1 FROM users WHERE email = ?");
    if (taken.bind(1, user.email).step()) {
      return core::make_error("conflict", "email", "a user with this e-mail address exists");
    }
    if (taken.failed()) return taken.error();
    Statement insert(*statements_,
                     "INSERT INTO users (email, display_name, password_hash, employer_id, "
                     "provider_id, employee_id, totp_secret, totp_enabled, is_demo, disabled, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, user.email).bind(2, user.display_name).bind(3, user.password_hash);
    bind_optional(insert, 4, user.employer_id);
    bind_optional(insert, 5, user.provider_id);
    bind_optional(insert, 6, user.employee_id);
    insert.bind(7, user.totp_secret)
        .bind(8, std::int64_t{user.totp_enabled})
        .bind(9, std::int64_t{user.is_demo})
        .bind(10, std::int64_t{user.disabled})
        .bind(11, user.created_at);
    if (auto ran = insert.run(); !ran.ok()) return ran;
    id = sqlite3_last_insert_rowid(db_);
    for (const auto& role : user.roles) {
      Statement add(*statements_, "INSERT INTO user_roles (user_id, role) VALUES (?, ?)");
      if (auto ran = add.bind(1, id).bind(2, role).run(); !ran.ok()) return ran;
    }
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::vector<UserRecord>> SqliteStore::query_users(std::string_view where, std::int64_t id,
                                                         std::string_view text) {
  Statement query(*statements_, "SELECT " + std::string(kUserColumns) + " FROM users u " +
                           std::string(where) + " ORDER BY u.id");
  if (where.find("u.id = ?") != std::string_view::npos) query.bind(1, id);
  if (where.find("u.email = ?") != std::string_view::npos) query.bind(1, text);
  std::vector<UserRecord> users;
  while (query.step()) users.push_back(read_user(query));
  if (query.failed()) return query.error();
  return users;
}

Result<UserRecord> SqliteStore::find_user(std::int64_t user_id) {
  auto users = query_users("WHERE u.id = ?", user_id, "");
  if (!users.ok()) return users.error();
  if (users->empty()) return detail::missing_row("user_id", "user", user_id);
  return std::move(users->front());
}

Result<UserRecord> SqliteStore::find_user_by_email(std::string_view email) {
  auto users = query_users("WHERE u.email = ?", 0, email);
  if (!users.ok()) return users.error();
  if (users->empty()) return core::make_error("not_found", "email", "no such user");
  return std::move(users->front());
}

Result<std::vector<UserRecord>> SqliteStore::list_users() { return query_users("", 0, ""); }

Status SqliteStore::set_totp_pending(std::int64_t user_id, const std::string& sealed_secret) {
  return transaction([&]() -> Status {
    Statement update(*statements_, "UPDATE users SET totp_pending = ? WHERE id = ?");
    if (auto ran = update.bind(1, sealed_secret).bind(2, user_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) return detail::missing_row("user_id", "user", user_id);
    return core::ok_status();
  });
}

Status SqliteStore::activate_totp(std::int64_t user_id) {
  return transaction([&]() -> Status {
    Statement update(*statements_,
                     "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, "
                     "totp_enabled = 1 WHERE id = ? AND totp_pending IS NOT NULL");
    if (auto ran = update.bind(1, user_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) {
      return core::make_error("conflict", "code", "there is no set-up to confirm");
    }
    return core::ok_status();
  });
}

Status SqliteStore::use_totp_step(std::int64_t user_id, std::int64_t step) {
  return transaction([&]() -> Status {
    Statement update(*statements_,
                     "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?");
    if (auto ran = update.bind(1, step).bind(2, user_id).bind(3, step).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) {
      return core::make_error("conflict", "totp", "this code was used already");
    }
    return core::ok_status();
  });
}

Status SqliteStore::set_user_disabled(std::int64_t user_id, bool disabled) {
  return transaction([&]() -> Status {
    Statement update(*statements_, "UPDATE users SET disabled = ? WHERE id = ?");
    if (auto ran = update.bind(1, std::int64_t{disabled}).bind(2, user_id).run(); !ran.ok()) {
      return ran;
    }
    if (sqlite3_changes(db_) == 0) return detail::missing_row("user_id", "user", user_id);
    return core::ok_status();
  });
}

Status SqliteStore::replace_password(std::int64_t user_id, std::string_view new_hash,
                                     std::string_view keep_session_digest) {
  return transaction([&]() -> Status {
    Statement update(*statements_, "UPDATE users SET password_hash = ? WHERE id = ?");
    if (auto ran = update.bind(1, new_hash).bind(2, user_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) return detail::missing_row("user_id", "user", user_id);
    Statement others(*statements_,
                     "DELETE FROM sessions WHERE user_id = ? AND token_digest <> ?");
    return others.bind(1, user_id).bind(2, keep_session_digest).run();
  });
}

Status SqliteStore::set_employee_manager(std::int64_t employee_id,
                                         std::optional<std::int64_t> manager_user_id) {
  return transaction([&]() -> Status {
    Statement update(*statements_, "UPDATE employees SET manager_user_id = ? WHERE id = ?");
    bind_optional(update, 1, manager_user_id);
    if (auto ran = update.bind(2, employee_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) return detail::missing_row("employee_id", "employee", employee_id);
    return core::ok_status();
  });
}

Status SqliteStore::assign_case_provider(std::int64_t case_id, std::int64_t provider_id,
                                         std::string_view at) {
  return transaction([&]() -> Status {
    if (auto found = require_row("SELECT 1 FROM cases WHERE id = ?", case_id, "case", "case");
        !found.ok()) {
      return found;
    }
    if (auto found = require_row("SELECT 1 FROM providers WHERE id = ?", provider_id,
                                 "provider_id", "provider");
        !found.ok()) {
      return found;
    }
    Statement insert(*statements_,
                     "INSERT OR IGNORE INTO case_providers (case_id, provider_id, assigned_at) "
                     "VALUES (?, ?, ?)");
    return insert.bind(1, case_id).bind(2, provider_id).bind(3, at).run();
  });
}

Status SqliteStore::assign_case_user(std::int64_t case_id, std::int64_t user_id,
                                     std::string_view at) {
  return transaction([&]() -> Status {
    if (auto found = require_row("SELECT 1 FROM cases WHERE id = ?", case_id, "case", "case");
        !found.ok()) {
      return found;
    }
    if (auto found = require_row("SELECT 1 FROM users WHERE id = ?", user_id, "user_id", "user");
        !found.ok()) {
      return found;
    }
    Statement insert(*statements_,
                     "INSERT OR IGNORE INTO case_assignees (case_id, user_id, assigned_at) "
                     "VALUES (?, ?, ?)");
    return insert.bind(1, case_id).bind(2, user_id).bind(3, at).run();
  });
}

Result<CaseReach> SqliteStore::find_case_reach(std::int64_t case_id) {
  // One query: this runs before every read of a case file.
  Statement query(*statements_,
                  "SELECT c.id, e.employer_id, c.employee_id, e.manager_user_id, "
                  "e.manager_user_id IS NULL, "
                  "(SELECT group_concat(provider_id, ',') FROM case_providers WHERE case_id = c.id), "
                  "(SELECT group_concat(user_id, ',') FROM case_assignees WHERE case_id = c.id), "
                  "(SELECT last_hash FROM case_summaries WHERE case_id = c.id) "
                  "FROM cases c JOIN employees e ON e.id = c.employee_id WHERE c.id = ?");
  if (!query.bind(1, case_id).step()) {
    if (query.failed()) return query.error();
    return detail::missing_row("case", "case", case_id);
  }
  CaseReach reach;
  reach.case_id = query.integer(0);
  reach.employer_id = query.integer(1);
  reach.employee_id = query.integer(2);
  reach.manager_user_id = optional_integer(query, 3, query.integer(4) != 0);
  reach.provider_ids = detail::split_ids(query.optional_text(5).value_or(""));
  reach.assignee_ids = detail::split_ids(query.optional_text(6).value_or(""));
  reach.last_hash = query.optional_text(7).value_or("");
  return reach;
}

Status SqliteStore::create_session(const SessionRecord& session) {
  return transaction([&]() -> Status {
    Statement insert(*statements_,
                     "INSERT INTO sessions (token_digest, user_id, csrf_token, enrolment_only, "
                     "created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    return insert.bind(1, session.token_digest)
        .bind(2, session.user_id)
        .bind(3, session.csrf_token)
        .bind(4, std::int64_t{session.enrolment_only})
        .bind(5, session.created_at)
        .bind(6, session.expires_at)
        .bind(7, session.last_seen_at)
        .run();
  });
}

Result<SessionRecord> SqliteStore::find_session(std::string_view token_digest) {
  Statement query(*statements_,
                  "SELECT token_digest, user_id, csrf_token, enrolment_only, created_at, "
                  "expires_at, last_seen_at FROM sessions WHERE token_digest = ?");
  if (!query.bind(1, token_digest).step()) {
    if (query.failed()) return query.error();
    return core::make_error("not_found", "session", "no such session");
  }
  return SessionRecord{query.text(0),         query.integer(1), query.text(2),
                       query.integer(3) != 0, query.integer(4), query.integer(5),
                       query.integer(6)};
}

Status SqliteStore::touch_session(std::string_view token_digest, std::int64_t last_seen_at) {
  return transaction([&]() -> Status {
    Statement update(*statements_, "UPDATE sessions SET last_seen_at = ? WHERE token_digest = ?");
    return update.bind(1, last_seen_at).bind(2, token_digest).run();
  });
}

Status SqliteStore::delete_session(std::string_view token_digest) {
  return transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM sessions WHERE token_digest = ?");
    return remove.bind(1, token_digest).run();
  });
}

Status SqliteStore::delete_user_sessions(std::int64_t user_id) {
  return transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM sessions WHERE user_id = ?");
    return remove.bind(1, user_id).run();
  });
}

Status SqliteStore::delete_expired_sessions(std::int64_t now) {
  return transaction([&]() -> Status {
    Statement remove(*statements_, "DELETE FROM sessions WHERE expires_at <= ?");
    return remove.bind(1, now).run();
  });
}

Result<std::int64_t> SqliteStore::create_api_token(const ApiTokenRecord& token) {
  std::int64_t id = 0;
  const Status status = transaction([&]() -> Status {
    Statement insert(*statements_,
                     "INSERT INTO api_tokens (user_id, name, token_digest, created_at, created_by) "
                     "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, token.user_id).bind(2, token.name).bind(3, token.token_digest).bind(4, token.created_at);
    bind_optional(insert, 5, token.created_by == 0 ? std::nullopt
                                                   : std::optional<std::int64_t>(token.created_by));
    if (auto ran = insert.run();
        !ran.ok()) {
      return ran;
    }
    id = sqlite3_last_insert_rowid(db_);
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return id;
}

namespace {
constexpr std::string_view kTokenColumns =
    "id, user_id, name, token_digest, created_at, created_by, revoked_at FROM api_tokens";
ApiTokenRecord read_token(const Statement& row) {
  return ApiTokenRecord{row.integer(0), row.integer(1), row.text(2),        row.text(3),
                        row.text(4),    row.integer(5), row.optional_text(6)};
}
}  // namespace

Result<ApiTokenRecord> SqliteStore::find_api_token(std::string_view token_digest) {
  Statement query(*statements_, "SELECT " + std::string(kTokenColumns) + " WHERE token_digest = ?");
  if (!query.bind(1, token_digest).step()) {
    if (query.failed()) return query.error();
    return core::make_error("not_found", "token", "no such token");
  }
  return read_token(query);
}

Result<std::vector<ApiTokenRecord>> SqliteStore::list_api_tokens() {
  Statement query(*statements_, "SELECT " + std::string(kTokenColumns) + " ORDER BY id");
  std::vector<ApiTokenRecord> tokens;
  while (query.step()) tokens.push_back(read_token(query));
  if (query.failed()) return query.error();
  return tokens;
}

Status SqliteStore::revoke_api_token(std::int64_t token_id, std::string_view at) {
  return transaction([&]() -> Status {
    Statement update(*statements_,
                     "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?");
    if (auto ran = update.bind(1, at).bind(2, token_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) return detail::missing_row("token_id", "API token", token_id);
    return core::ok_status();
  });
}

Status SqliteStore::record_case_reads(std::span<const CaseRead> reads) {
  auto log = read_log();
  if (!log.ok()) return log.error();
  return (*log)->record(reads);
}

Result<std::vector<CaseRead>> SqliteStore::list_case_reads(std::int64_t case_id) {
  auto log = read_log();
  if (!log.ok()) return log.error();
  return (*log)->list(case_id);
}

Status SqliteStore::record_audit_event(const AuditEvent& event) {
  return transaction([&]() -> Status {
    Statement insert(*statements_,
                     "INSERT INTO audit_events (at, user_id, action, target, detail) "
                     "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, event.at);
    bind_optional(insert, 2, event.user_id);
    return insert.bind(3, event.action).bind(4, event.target).bind(5, event.detail).run();
  });
}

Result<std::optional<std::string>> SqliteStore::get_setting(std::string_view key) {
  Statement query(*statements_, "SELECT value FROM settings WHERE key = ?");
  if (!query.bind(1, key).step()) {
    if (query.failed()) return query.error();
    return std::optional<std::string>();
  }
  return std::optional<std::string>(query.text(0));
}

Status SqliteStore::put_setting(std::string_view key, std::string_view value) {
  return transaction([&]() -> Status {
    Statement upsert(*statements_,
                     "INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    return upsert.bind(1, key).bind(2, value).run();
  });
}

}  // namespace spoorboek::store
