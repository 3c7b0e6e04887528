// Replacing a user's password: the one account change the Store interface does not carry yet.
//
// It lives beside Store rather than in it only because store.h was being changed by someone else
// when the browser UI needed it; fold replace_password into Store (and SqliteStore) when that is
// done. Contract: in one transaction, the user's password hash becomes `new_hash` and every
// session of the user except the one whose digest is `keep_session_digest` ends; "not_found"
// (field "user_id") when the user does not exist.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

struct sqlite3;

namespace spoorboek::store {

class PasswordStore {
 public:
  virtual ~PasswordStore() = default;
  virtual core::Status replace_password(std::int64_t user_id, std::string_view new_hash,
                                        std::string_view keep_session_digest) = 0;
};

// On its own connection to the SQLite database at `path` (which must exist).
class SqlitePasswordStore final : public PasswordStore {
 public:
  static core::Result<std::unique_ptr<SqlitePasswordStore>> open(const std::string& path);
  ~SqlitePasswordStore() override;
  SqlitePasswordStore(const SqlitePasswordStore&) = delete;
  SqlitePasswordStore& operator=(const SqlitePasswordStore&) = delete;

  core::Status replace_password(std::int64_t user_id, std::string_view new_hash,
                                std::string_view keep_session_digest) override;

 private:
  explicit SqlitePasswordStore(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace spoorboek::store
