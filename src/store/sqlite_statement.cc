#include "store/sqlite_statement.h"

#include <sqlite3.h>

#include <string>

namespace spoorboek::store::detail {

core::Error sqlite_error(sqlite3* db, std::string_view doing) {
  const int code = sqlite3_extended_errcode(db);
  // A constraint is bad input reaching the store (a missing employer, a duplicate number).
  const bool constraint = (code & 0xff) == SQLITE_CONSTRAINT;
  return core::make_error(constraint ? "invalid" : "storage", "",
                          std::string(doing) + ": " + sqlite3_errmsg(db));
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
      SQLITE_OK) {
    error_ = sqlite_error(db, "preparing a statement");
    failed_ = true;
    statement_ = nullptr;
  }
}

Statement::Statement(StatementCache& cache, std::string_view sql) : db_(cache.db()) {
  auto found = cache.kept_.find(std::string(sql));
  if (found != cache.kept_.end() && !found->second.in_use) {
    kept_ = &found->second;
    kept_->in_use = true;
    statement_ = kept_->statement;
    return;
  }
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
      SQLITE_OK) {
    error_ = sqlite_error(db_, "preparing a statement");
    failed_ = true;
    statement_ = nullptr;
    return;
  }
  if (found == cache.kept_.end() && cache.kept_.size() < StatementCache::kMaxStatements) {
    kept_ = &cache.kept_.emplace(std::string(sql), StatementCache::Kept{statement_, true})
                 .first->second;
  }
}

Statement::~Statement() {
  if (kept_ == nullptr) {
    sqlite3_finalize(statement_);
    return;
  }
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  kept_->in_use = false;
}

StatementCache::~StatementCache() {
  for (auto& [sql, kept] : kept_) sqlite3_finalize(kept.statement);
}

namespace {
bool bind_failed(int rc) { return rc != SQLITE_OK; }
}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
  if (!failed_ && bind_failed(sqlite3_bind_int64(statement_, index, value))) {
    error_ = sqlite_error(db_, "binding a parameter");
    failed_ = true;
  }
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (!failed_ && bind_failed(sqlite3_bind_text(statement_, index, text.data(),
                                                static_cast<int>(text.size()), SQLITE_TRANSIENT))) {
    error_ = sqlite_error(db_, "binding a parameter");
    failed_ = true;
  }
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  if (text) return bind(index, std::string_view(*text));
  if (!failed_ && bind_failed(sqlite3_bind_null(statement_, index))) {
    error_ = sqlite_error(db_, "binding a parameter");
    failed_ = true;
  }
  return *this;
}

Statement& Statement::bind(int index, std::optional<core::Date> date) {
  return bind(index, date ? std::optional<std::string>(core::format_iso_date(*date))
                          : std::optional<std::string>());
}

bool Statement::step() {
  if (failed_) return false;
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    error_ = sqlite_error(db_, "running a statement");
    failed_ = true;
  }
  return false;
}

core::Status Statement::run() {
  while (step()) {
  }
  if (failed_) return error_;
  return core::ok_status();
}

Statement& Statement::reset() {
  if (statement_ != nullptr) {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  return *this;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  if (!bytes) return {};
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  return text(column);
}

std::optional<core::Date> Statement::optional_date(int column) const {
  const auto value = optional_text(column);
  if (!value) return std::nullopt;
  return core::parse_iso_date(*value);
}

core::Status execute_script(sqlite3* db, std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string reason = message ? message : "unknown error";
    sqlite3_free(message);
    return core::make_error("storage", "", reason);
  }
  return core::ok_status();
}

core::Status run_transaction(sqlite3* db, const std::function<core::Status()>& work) {
  if (auto begun = execute_script(db, "BEGIN IMMEDIATE"); !begun.ok()) return begun;
  core::Status status = work();
  if (status.ok()) {
    if (auto committed = execute_script(db, "COMMIT"); !committed.ok()) status = committed;
  }
  // The transaction may already be gone after some errors; the rollback's own failure is moot.
  if (!status.ok()) (void)execute_script(db, "ROLLBACK");
  return status;
}

}  // namespace spoorboek::store::detail
