// Internal to the SQLite store: a prepared statement that finalises itself, with typed binding
// and reading. Every value reaches SQL as a bound parameter, never spliced into the text.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/date.h"
#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace spoorboek::store::detail {

// An Error with code "storage" carrying SQLite's message for `db`.
core::Error sqlite_error(sqlite3* db, std::string_view doing);

// Prepared statements of one connection, kept for reuse: preparing costs more than running most
// of the store's queries. A statement in use is not handed out twice (a second user of the same
// SQL at once gets a fresh one); at most kMaxStatements texts are kept.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  ~StatementCache();  // finalises every kept statement (before the connection closes)
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  sqlite3* db() const { return db_; }

  static constexpr std::size_t kMaxStatements = 256;

 private:
  friend class Statement;
  struct Kept {
    sqlite3_stmt* statement = nullptr;
    bool in_use = false;
  };
  sqlite3* db_;
  std::unordered_map<std::string, Kept> kept_;
};

class Statement {
 public:
  // REQUIRES: `db` outlives the statement. Check ok() before use.
  Statement(sqlite3* db, std::string_view sql);
  // A statement from the cache (prepared on first use); reset and returned on destruction.
  Statement(StatementCache& cache, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return statement_ != nullptr; }
  const core::Error& error() const { return error_; }

  // Parameters are numbered from 1, as in SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::optional<std::string>& text);
  Statement& bind(int index, std::optional<core::Date> date);

  // Steps once: true when a row is available, false when done; errors go to error().
  bool step();
  // Runs a statement that returns no rows. Fails also on a bind error earlier.
  core::Status run();
  // Makes the statement ready to be bound and run again (one prepared insert for many rows). An
  // error stays: a failed statement is not run again.
  Statement& reset();

  std::int64_t integer(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  // nullopt for NULL; an unreadable date also reads as nullopt (the caller decides).
  std::optional<core::Date> optional_date(int column) const;
  bool failed() const { return failed_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  StatementCache::Kept* kept_ = nullptr;  // when borrowed from a cache
  core::Error error_;
  bool failed_ = false;
};

// Runs SQL text that may hold several statements and binds nothing (schema, pragmas).
core::Status execute_script(sqlite3* db, std::string_view sql);

// Runs `work` in one BEGIN IMMEDIATE transaction on `db`: commits when it succeeds, rolls back
// when it or the commit fails.
core::Status run_transaction(sqlite3* db, const std::function<core::Status()>& work);

}  // namespace spoorboek::store::detail
