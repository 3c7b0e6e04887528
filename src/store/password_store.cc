#include "store/password_store.h"

#include <sqlite3.h>

#include <filesystem>

#include "store/sqlite_statement.h"

namespace spoorboek::store {

using detail::Statement;

core::Result<std::unique_ptr<SqlitePasswordStore>> SqlitePasswordStore::open(
    const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return core::make_error("not_found", "db", "no database at '" + path + "'");
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    core::Error error = detail::sqlite_error(db, "opening '" + path + "'");
    sqlite3_close(db);
    return error;
  }
  std::unique_ptr<SqlitePasswordStore> store(new SqlitePasswordStore(db));
  sqlite3_busy_timeout(db, 5000);
  if (auto pragmas = detail::execute_script(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL");
      !pragmas.ok()) {
    return pragmas.error();
  }
  return store;
}

SqlitePasswordStore::~SqlitePasswordStore() { sqlite3_close(db_); }

core::Status SqlitePasswordStore::replace_password(std::int64_t user_id,
                                                   std::string_view new_hash,
                                                   std::string_view keep_session_digest) {
  if (auto begun = detail::execute_script(db_, "BEGIN IMMEDIATE"); !begun.ok()) return begun;
  auto work = [&]() -> core::Status {
    Statement update(db_, "UPDATE users SET password_hash = ? WHERE id = ?");
    if (auto ran = update.bind(1, new_hash).bind(2, user_id).run(); !ran.ok()) return ran;
    if (sqlite3_changes(db_) == 0) {
      return core::make_error("not_found", "user_id", "no user " + std::to_string(user_id));
    }
    Statement others(db_, "DELETE FROM sessions WHERE user_id = ? AND token_digest <> ?");
    return others.bind(1, user_id).bind(2, keep_session_digest).run();
  };
  if (auto done = work(); !done.ok()) {
    (void)detail::execute_script(db_, "ROLLBACK");
    return done;
  }
  return detail::execute_script(db_, "COMMIT");
}

}  // namespace spoorboek::store
