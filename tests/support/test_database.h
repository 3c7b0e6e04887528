// A scratch database for a test, on either backend, so that one test body runs against SQLite
// and PostgreSQL alike (issue 6: every store test runs against both).
//
// PostgreSQL: the environment variable SPOORBOEK_TEST_POSTGRES holds the URI of a database the
// tests may use (test.sh starts a throw-away cluster, scripts/pg-test-cluster.sh, and sets it).
// Each scratch database is a fresh schema in it, dropped afterwards, and the URI handed to the
// store selects it with search_path. Without the variable the PostgreSQL runs are skipped, and
// say so; with SPOORBOEK_REQUIRE_POSTGRES=1 (CI) they fail instead.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/open_store.h"

namespace spoorboek::testing {

using store::Backend;

// Both backends, for INSTANTIATE_TEST_SUITE_P.
std::vector<Backend> all_backends();
// "SQLite" / "PostgreSQL", for test names.
std::string backend_label(Backend backend);

// Whether PostgreSQL tests can run here; when not, `why` says what is missing.
bool postgres_available(std::string* why = nullptr);
// Whether a missing PostgreSQL fails the test rather than skipping it (SPOORBOEK_REQUIRE_POSTGRES).
bool postgres_required();

}  // namespace spoorboek::testing

// In a fixture's SetUp() or a test body: a test on PostgreSQL that cannot reach it is skipped
// with the reason, or fails when PostgreSQL is required (CI). A macro because GTEST_SKIP and
// FAIL return from the function they are written in.
#define SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(backend)                                    \
  do {                                                                                       \
    std::string spoorboek_why_unavailable;                                                   \
    if ((backend) == ::spoorboek::testing::Backend::postgres &&                               \
        !::spoorboek::testing::postgres_available(&spoorboek_why_unavailable)) {              \
      if (::spoorboek::testing::postgres_required()) FAIL() << spoorboek_why_unavailable;     \
      GTEST_SKIP() << spoorboek_why_unavailable;                                             \
    }                                                                                        \
  } while (false)

namespace spoorboek::testing {

class ScratchDatabase {
 public:
  // A new empty database named after `name` (made unique per process).
  ScratchDatabase(Backend backend, std::string_view name);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  Backend backend() const { return backend_; }
  // What --db or open_store() takes.
  const std::string& db() const { return db_; }
  // Opens a new connection (create_if_missing) and migrates it; fails the test on an error.
  std::unique_ptr<store::Store> open_migrated() const;

  // Runs raw SQL on its own connection (for checks the Store does not offer): the first column
  // of the first row as an integer, or the error message in `error`.
  std::int64_t scalar(std::string_view sql, std::string* error = nullptr) const;
  // Runs raw SQL; "" on success, else the database's message.
  std::string execute(std::string_view sql) const;

 private:
  Backend backend_;
  std::string db_;
  std::string schema_;  // PostgreSQL
  std::string admin_uri_;
};

// A test that runs once per backend (INSTANTIATE_TEST_SUITE_P over all_backends()) on a freshly
// migrated store of its own, in a scratch database named after the test. A derived SetUp() calls
// BackendStoreTest::SetUp() first and returns at once when IsSkipped() || HasFatalFailure().
// Members declared in a derived fixture (an Application over store_, say) go before store_, and
// store_ before its database.
class BackendStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(GetParam());
    database_ = std::make_unique<ScratchDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = database_->open_migrated();
    ASSERT_NE(store_, nullptr);
  }

  std::unique_ptr<ScratchDatabase> database_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace spoorboek::testing
