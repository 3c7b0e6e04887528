// Internal to the PostgreSQL store: one libpq connection with prepared statements kept per SQL
// text, typed parameters and results, transactions and COPY. Every value reaches SQL as a
// parameter ($1, $2, ...), never spliced into the text.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/result.h"

struct pg_conn;
struct pg_result;

namespace spoorboek::store::detail {

// Parameters of one statement, sent as text (PostgreSQL parses them as the column's type).
class PgParams {
 public:
  PgParams& add(std::int64_t value);
  PgParams& add(std::string_view text);
  PgParams& add(const std::string& text) { return add(std::string_view(text)); }
  PgParams& add(const char* text) { return add(std::string_view(text)); }
  PgParams& add(const std::optional<std::string>& text);
  PgParams& add(const std::optional<std::int64_t>& value);
  PgParams& add(std::optional<core::Date> date);
  PgParams& add(bool value);
  // A bigint[] value ("{1,2,3}") for `= ANY($n::bigint[])`: one parameter, so that a statement's
  // text stays the same however many ids it is given.
  PgParams& add_ids(std::span<const std::int64_t> ids);
  PgParams& add_null();

  int size() const { return static_cast<int>(values_.size()); }
  // Pointers into the kept values (nullptr for NULL); valid until the next add().
  std::vector<const char*> pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

// A query's rows, read as text (the text format is exact for every type the store uses).
class PgRows {
 public:
  explicit PgRows(pg_result* result);
  ~PgRows();
  PgRows(PgRows&& other) noexcept;
  PgRows& operator=(PgRows&& other) noexcept;
  PgRows(const PgRows&) = delete;
  PgRows& operator=(const PgRows&) = delete;

  int size() const;
  bool empty() const { return size() == 0; }
  bool is_null(int row, int column) const;
  std::int64_t integer(int row, int column) const;  // 0 for NULL
  bool boolean(int row, int column) const;           // "t"
  std::string text(int row, int column) const;       // "" for NULL
  std::optional<std::string> optional_text(int row, int column) const;
  std::optional<std::int64_t> optional_integer(int row, int column) const;
  // nullopt for NULL; an unreadable date also reads as nullopt (the caller decides).
  std::optional<core::Date> optional_date(int row, int column) const;
  // Rows changed by an INSERT, UPDATE or DELETE.
  std::int64_t affected() const;
  pg_result* raw() const { return result_; }

 private:
  pg_result* result_;
};

// SQLSTATEs the store turns into its own error codes.
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kForeignKeyViolation = "23503";

class PgConnection {
 public:
  // Connects with a libpq connection URI (postgresql://user@host:port/dbname?...). Errors:
  // "storage" with libpq's reason (the password, if the URI holds one, is never repeated).
  static core::Result<std::unique_ptr<PgConnection>> connect(const std::string& uri);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one statement (prepared on first use of its text, then reused). A failure is "invalid"
  // for a violated constraint (class 23) and "storage" otherwise; last_sqlstate() tells which.
  core::Result<PgRows> query(std::string_view sql, const PgParams& params = {});
  core::Status execute(std::string_view sql, const PgParams& params = {});
  // Runs SQL text that may hold several statements and binds nothing (schema).
  core::Status script(std::string_view sql);
  // COPY `target` (a table with its column list) FROM STDIN in text format; `data` holds the
  // rows already escaped (see copy_field). Must run inside a transaction to be all-or-nothing.
  core::Status copy(std::string_view target, std::string_view data);
  const std::string& last_sqlstate() const { return last_sqlstate_; }

  // Runs `work` in one transaction (BEGIN ... COMMIT, ROLLBACK when it or the commit fails).
  // Calls made inside `work` join it.
  core::Status transaction(const std::function<core::Status()>& work);
  bool in_transaction() const { return transaction_depth_ > 0; }

 private:
  explicit PgConnection(pg_conn* connection) : connection_(connection) {}
  core::Error failure(pg_result* result, std::string_view doing);

  static constexpr std::size_t kMaxPrepared = 256;

  pg_conn* connection_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  std::string last_sqlstate_;
  int transaction_depth_ = 0;
};

// Appends `value` to a COPY text-format row, escaped (backslash, tab, newline, carriage return);
// nullopt is \N. Fields are separated by a tab and rows end with a newline (the caller adds them).
void copy_field(std::string& row, std::string_view value);
void copy_field(std::string& row, const std::optional<std::string>& value);
void copy_field(std::string& row, std::int64_t value);
void copy_field(std::string& row, std::optional<core::Date> value);
void copy_field(std::string& row, const std::optional<std::int64_t>& value);
inline void copy_field(std::string& row, const std::string& value) {
  copy_field(row, std::string_view(value));
}

// Appends one COPY row: the fields escaped, tab-separated, ended by a newline.
template <class... Fields>
void copy_row(std::string& data, const Fields&... fields) {
  bool first = true;
  ((first ? void() : void(data += '\t'), first = false, copy_field(data, fields)), ...);
  data += '\n';
}

}  // namespace spoorboek::store::detail
