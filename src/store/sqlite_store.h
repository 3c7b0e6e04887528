// SqliteStore: the embedded default Store on one SQLite database file.
//
// The file runs in WAL mode with synchronous=FULL (a committed append survives a crash or a
// kill), foreign keys on, and a busy timeout so that concurrent writers wait instead of failing.
// Every write is one BEGIN IMMEDIATE transaction, so two processes never interleave inside an
// append; the optimistic check on seq and prev_hash then tells the later one it is stale.
// Not thread-safe: use one SqliteStore per thread.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

struct sqlite3;

namespace spoorboek::store {

class SqliteStore final : public Store {
 public:
  enum class OpenMode { create_if_missing, must_exist };

  // Opens (or creates) the database at `path` and sets its pragmas. Does not migrate.
  // Errors: "not_found" when the file must exist and does not, "storage" otherwise.
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& path, OpenMode mode);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  Status migrate() override;
  Result<int> schema_version() override;
  Status transaction(const std::function<Status()>& work) override;

  Result<std::int64_t> create_employer(std::string_view name) override;
  Result<std::int64_t> create_employee(std::int64_t employer_id, std::string_view name,
                                       std::string_view personnel_number) override;
  Result<std::int64_t> create_case(std::int64_t employee_id, std::string_view created_at) override;

  Result<CaseRecord> find_case(std::int64_t case_id) override;
  Result<std::vector<std::int64_t>> list_case_ids() override;
  Result<std::vector<Employer>> list_employers() override;
  Result<std::vector<core::Entry>> load_entries(std::int64_t case_id) override;

  Status append(const AppendRequest& request) override;
  Status append_batch(std::span<const AppendRequest> requests) override;

  Result<CaseSummary> find_summary(std::int64_t case_id) override;
  Result<std::vector<CaseListing>> list_cases(const CaseFilter& filter) override;
  Status put_summary(const CaseSummary& summary) override;

 private:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  Status append_one(const AppendRequest& request);
  Status write_summary(const CaseSummary& summary);
  Status require_row(std::string_view sql, std::int64_t id, std::string_view field,
                     std::string_view what);

  sqlite3* db_;
  int transaction_depth_ = 0;
};

}  // namespace spoorboek::store
