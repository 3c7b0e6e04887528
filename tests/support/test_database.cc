#include "tests/support/test_database.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace spoorboek::testing {
namespace {

std::atomic<int> scratch_counter{0};

std::string postgres_uri() {
  const char* uri = std::getenv("SPOORBOEK_TEST_POSTGRES");
  return uri ? uri : "";
}

std::string with_search_path(const std::string& uri, const std::string& schema) {
  const char separator = uri.find('?') == std::string::npos ? '?' : '&';
  return uri + separator + "options=-csearch_path%3D" + schema;
}

// Runs `sql` on a fresh connection to `uri`; returns the first value of the first row.
std::string pg_run(const std::string& uri, std::string_view sql, std::string* error) {
  PGconn* connection = PQconnectdb(uri.c_str());
  std::string value;
  if (PQstatus(connection) != CONNECTION_OK) {
    if (error) *error = PQerrorMessage(connection);
  } else {
    PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
    PGresult* result = PQexec(connection, std::string(sql).c_str());
    const auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      if (error) *error = PQresultErrorMessage(result);
    } else if (status == PGRES_TUPLES_OK && PQntuples(result) > 0) {
      value = PQgetvalue(result, 0, 0);
    }
    PQclear(result);
  }
  PQfinish(connection);
  return value;
}

}  // namespace

std::vector<Backend> all_backends() { return {Backend::sqlite, Backend::postgres}; }

std::string backend_label(Backend backend) {
  return backend == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

bool postgres_available(std::string* why) {
  const std::string uri = postgres_uri();
  if (uri.empty()) {
    if (why) *why = "SPOORBOEK_TEST_POSTGRES is not set (test.sh starts a cluster and sets it)";
    return false;
  }
  std::string error;
  pg_run(uri, "SELECT 1", &error);
  if (!error.empty()) {
    if (why) *why = "cannot reach SPOORBOEK_TEST_POSTGRES: " + error;
    return false;
  }
  return true;
}

bool postgres_required() {
  const char* required = std::getenv("SPOORBOEK_REQUIRE_POSTGRES");
  return required != nullptr && *required != '\0' && std::string_view(required) != "0";
}

ScratchDatabase::ScratchDatabase(Backend backend, std::string_view name) : backend_(backend) {
  std::string unique;
  for (const char c : name) unique += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  unique += "_" + std::to_string(::getpid()) + "_" + std::to_string(scratch_counter++);
  if (backend == Backend::sqlite) {
    db_ = (std::filesystem::temp_directory_path() / ("spoorboek_" + unique + ".db")).string();
    for (const char* suffix : {"", "-wal", "-shm", ".reads", ".reads-wal", ".reads-shm"}) {
      std::filesystem::remove(db_ + suffix);
    }
    return;
  }
  admin_uri_ = postgres_uri();
  schema_ = "t_";
  for (const char c : unique) schema_ += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (schema_.size() > 60) schema_ = schema_.substr(schema_.size() - 60);
  if (!std::isalpha(static_cast<unsigned char>(schema_[0]))) schema_[0] = 't';
  std::string error;
  pg_run(admin_uri_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_,
         &error);
  EXPECT_EQ(error, "") << "creating the scratch schema " << schema_;
  db_ = with_search_path(admin_uri_, schema_);
}

ScratchDatabase::~ScratchDatabase() {
  if (backend_ == Backend::sqlite) {
    for (const char* suffix : {"", "-wal", "-shm", ".reads", ".reads-wal", ".reads-shm"}) {
      std::error_code ignored;
      std::filesystem::remove(db_ + suffix, ignored);
    }
    return;
  }
  pg_run(admin_uri_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE", nullptr);
}

std::unique_ptr<store::Store> ScratchDatabase::open_migrated() const {
  auto opened = store::open_store(db_, store::OpenMode::create_if_missing);
  EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
  if (!opened.ok()) return nullptr;
  const auto migrated = (*opened)->migrate();
  EXPECT_TRUE(migrated.ok()) << (migrated.ok() ? "" : migrated.error().message);
  return std::move(*opened);
}

std::int64_t ScratchDatabase::scalar(std::string_view sql, std::string* error) const {
  if (backend_ == Backend::postgres) {
    const std::string value = pg_run(db_, sql, error);
    return value.empty() ? 0 : std::strtoll(value.c_str(), nullptr, 10);
  }
  sqlite3* db = nullptr;
  sqlite3_open(db_.c_str(), &db);
  sqlite3_stmt* statement = nullptr;
  std::int64_t value = 0;
  if (sqlite3_prepare_v2(db, std::string(sql).c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    if (error) *error = sqlite3_errmsg(db);
  } else {
    const int stepped = sqlite3_step(statement);
    if (stepped == SQLITE_ROW) {
      value = sqlite3_column_int64(statement, 0);
    } else if (stepped != SQLITE_DONE && error) {
      *error = sqlite3_errmsg(db);
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

std::string ScratchDatabase::execute(std::string_view sql) const {
  std::string error;
  scalar(sql, &error);
  return error;
}

}  // namespace spoorboek::testing
