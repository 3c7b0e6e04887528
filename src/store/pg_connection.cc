#include "store/pg_connection.h"

#include <libpq-fe.h>

#include <cstdlib>

namespace spoorboek::store::detail {

PgParams& PgParams::add(std::int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

PgParams& PgParams::add_ids(std::span<const std::int64_t> ids) {
  std::string array = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) array += ",";
    array += std::to_string(ids[i]);
  }
  array += "}";
  values_.emplace_back(std::move(array));
  return *this;
}

PgParams& PgParams::add(std::string_view text) {
  values_.emplace_back(std::string(text));
  return *this;
}

PgParams& PgParams::add(const std::optional<std::string>& text) {
  values_.push_back(text);
  return *this;
}

PgParams& PgParams::add(const std::optional<std::int64_t>& value) {
  if (!value) return add_null();
  return add(*value);
}

PgParams& PgParams::add(std::optional<core::Date> date) {
  if (!date) return add_null();
  values_.emplace_back(core::format_iso_date(*date));
  return *this;
}

PgParams& PgParams::add(bool value) {
  values_.emplace_back(value ? "true" : "false");
  return *this;
}

PgParams& PgParams::add_null() {
  values_.emplace_back(std::nullopt);
  return *this;
}

std::vector<const char*> PgParams::pointers() const {
  std::vector<const char*> pointers;
  pointers.reserve(values_.size());
  for (const auto& value : values_) pointers.push_back(value ? value->c_str() : nullptr);
  return pointers;
}

PgRows::PgRows(pg_result* result) : result_(result) {}
PgRows::~PgRows() { PQclear(result_); }
PgRows::PgRows(PgRows&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
PgRows& PgRows::operator=(PgRows&& other) noexcept {
  if (this != &other) {
    PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

int PgRows::size() const { return result_ ? PQntuples(result_) : 0; }

bool PgRows::is_null(int row, int column) const {
  return PQgetisnull(result_, row, column) != 0;
}

std::int64_t PgRows::integer(int row, int column) const {
  if (is_null(row, column)) return 0;
  return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

bool PgRows::boolean(int row, int column) const {
  return !is_null(row, column) && PQgetvalue(result_, row, column)[0] == 't';
}

std::string PgRows::text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column),
                     static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::optional<std::string> PgRows::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return text(row, column);
}

std::optional<std::int64_t> PgRows::optional_integer(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return integer(row, column);
}

std::optional<core::Date> PgRows::optional_date(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return core::parse_iso_date(text(row, column));
}

std::int64_t PgRows::affected() const {
  const char* tuples = result_ ? PQcmdTuples(result_) : "";
  return tuples[0] == '\0' ? 0 : std::strtoll(tuples, nullptr, 10);
}

core::Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& uri) {
  pg_conn* connection = PQconnectdb(uri.c_str());
  if (connection == nullptr) {
    return core::make_error("storage", "db", "cannot allocate a PostgreSQL connection");
  }
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string reason = PQerrorMessage(connection);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    PQfinish(connection);
    return core::make_error("storage", "db", "cannot connect to PostgreSQL: " + reason);
  }
  std::unique_ptr<PgConnection> opened(new PgConnection(connection));
  // Dates travel as ISO text both ways; timestamps are stored as text by the store itself.
  // Notices (e.g. "relation exists, skipping") are not the user's business.
  // No JIT: every statement of the store is a short one on indexes, and on a million cases the
  // planner's cost estimate for a batch read (the company doctor's agenda) passed jit_above_cost
  // and spent 21 ms of 41 compiling it (bench/README.md, "Scale").
  PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
  if (auto set = opened->script("SET DateStyle = ISO; SET client_encoding = 'UTF8'; SET jit = off");
      !set.ok()) {
    return set.error();
  }
  return opened;
}

PgConnection::~PgConnection() { PQfinish(connection_); }

core::Error PgConnection::failure(pg_result* result, std::string_view doing) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = state ? state : "";
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection_);
  if (message.empty()) message = PQerrorMessage(connection_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  // A constraint is bad input reaching the store (a missing employer, a duplicate number).
  const bool constraint = last_sqlstate_.starts_with("23");
  return core::make_error(constraint ? "invalid" : "storage", "",
                          std::string(doing) + ": " + message);
}

core::Result<PgRows> PgConnection::query(std::string_view sql, const PgParams& params) {
  const auto pointers = params.pointers();
  pg_result* result = nullptr;
  auto found = prepared_.find(std::string(sql));
  if (found == prepared_.end() && prepared_.size() < kMaxPrepared) {
    const std::string name = "s" + std::to_string(prepared_.size());
    const std::string text(sql);
    PgRows prepared(PQprepare(connection_, name.c_str(), text.c_str(), 0, nullptr));
    if (PQresultStatus(prepared.raw()) != PGRES_COMMAND_OK) {
      return failure(prepared.raw(), "preparing a statement");
    }
    found = prepared_.emplace(text, name).first;
  }
  if (found != prepared_.end()) {
    result = PQexecPrepared(connection_, found->second.c_str(), params.size(), pointers.data(),
                            nullptr, nullptr, 0);
  } else {
    const std::string text(sql);
    result = PQexecParams(connection_, text.c_str(), params.size(), nullptr, pointers.data(),
                          nullptr, nullptr, 0);
  }
  PgRows rows(result);
  const auto status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    return failure(result, "running a statement");
  }
  last_sqlstate_.clear();
  return rows;
}

core::Status PgConnection::execute(std::string_view sql, const PgParams& params) {
  auto rows = query(sql, params);
  if (!rows.ok()) return rows.error();
  return core::ok_status();
}

core::Status PgConnection::script(std::string_view sql) {
  const std::string text(sql);
  PgRows rows(PQexec(connection_, text.c_str()));
  const auto status = PQresultStatus(rows.raw());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    return failure(rows.raw(), "running SQL");
  }
  return core::ok_status();
}

core::Status PgConnection::copy(std::string_view target, std::string_view data) {
  const std::string command = "COPY " + std::string(target) + " FROM STDIN";
  {
    PgRows started(PQexec(connection_, command.c_str()));
    if (PQresultStatus(started.raw()) != PGRES_COPY_IN) {
      return failure(started.raw(), "starting COPY");
    }
  }
  // Sent in pieces so that libpq's buffer stays small.
  constexpr std::size_t kPiece = 1 << 20;
  bool complete = true;
  for (std::size_t at = 0; at < data.size() && complete; at += kPiece) {
    const std::size_t length = std::min(kPiece, data.size() - at);
    complete = PQputCopyData(connection_, data.data() + at, static_cast<int>(length)) == 1;
  }
  // Ended in any case, and every result read, so that the connection leaves COPY state. When a
  // piece did not go out the COPY is ended with an error, so that the server keeps none of it.
  const bool sent =
      PQputCopyEnd(connection_, complete ? nullptr : "not every row reached the server") == 1 &&
      complete;
  core::Status outcome = core::ok_status();
  while (pg_result* result = PQgetResult(connection_)) {
    PgRows rows(result);
    if (PQresultStatus(result) != PGRES_COMMAND_OK && outcome.ok()) {
      outcome = failure(result, "COPY into " + std::string(target));
    }
  }
  if (!sent && outcome.ok()) return failure(nullptr, "sending COPY data");
  return outcome;
}

core::Status PgConnection::transaction(const std::function<core::Status()>& work) {
  if (transaction_depth_ > 0) return work();
  if (auto begun = script("BEGIN"); !begun.ok()) return begun;
  ++transaction_depth_;
  core::Status status = work();
  --transaction_depth_;
  if (status.ok()) {
    if (auto committed = script("COMMIT"); !committed.ok()) {
      (void)script("ROLLBACK");
      return committed;
    }
    return status;
  }
  const std::string sqlstate = last_sqlstate_;
  (void)script("ROLLBACK");
  last_sqlstate_ = sqlstate;
  return status;
}

namespace {

void escape_into(std::string& row, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '\\': row += "\\\\"; break;
      case '\t': row += "\\t"; break;
      case '\n': row += "\\n"; break;
      case '\r': row += "\\r"; break;
      default: row += c;
    }
  }
}

}  // namespace

void copy_field(std::string& row, std::string_view value) { escape_into(row, value); }

void copy_field(std::string& row, const std::optional<std::string>& value) {
  if (!value) {
    row += "\\N";
    return;
  }
  escape_into(row, *value);
}

void copy_field(std::string& row, std::int64_t value) { row += std::to_string(value); }

void copy_field(std::string& row, std::optional<core::Date> value) {
  if (!value) {
    row += "\\N";
    return;
  }
  core::append_iso_date(row, *value);
}

void copy_field(std::string& row, const std::optional<std::int64_t>& value) {
  if (!value) {
    row += "\\N";
    return;
  }
  copy_field(row, *value);
}

}  // namespace spoorboek::store::detail
