// SqliteStore: migrations, tenancy, the append-only log with optimistic concurrency, and the
// projection written in the same transaction as the append.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "core/case_file_fold.h"
#include "core/entry_hash.h"
#include "store/sqlite_migrations.h"
#include "store/sqlite_store.h"
#include "tests/core/case_file_test_support.h"

namespace spoorboek::store {
namespace {

using core::testing::day;
using core::testing::sick_report;
using core::testing::simple;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("spoorboek_store_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    remove_files();
    store_ = open_store();
    ASSERT_TRUE(store_->migrate().ok());
    employer_ = *store_->create_employer("Bakkerij De Korenschoof");
    employee_ = *store_->create_employee(employer_, "J. de Vries", "P-001");
    case_ = *store_->create_case(employee_, "2026-03-02T10:00:00Z");
  }
  void TearDown() override {
    store_.reset();
    remove_files();
  }
  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm", ".reads", ".reads-wal", ".reads-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::unique_ptr<SqliteStore> open_store() {
    auto opened = SqliteStore::open(path_.string(), SqliteStore::OpenMode::create_if_missing);
    EXPECT_TRUE(opened.ok());
    return std::move(*opened);
  }

  // The next entry of `file` for this test's case, chained onto what `file` holds.
  AppendRequest next(std::vector<core::Entry>& file, const std::string& json,
                     std::optional<core::Date> due = std::nullopt) {
    core::testing::append(file, json, case_);
    AppendRequest request{file.back(), CaseSummary{}};
    request.summary->case_id = case_;
    request.summary->status = "sick";
    request.summary->first_sick_day = file.front().occurred_on;
    request.summary->next_deadline_key = "problem_analysis";
    request.summary->next_deadline_due = due;
    request.summary->last_seq = file.back().seq;
    request.summary->last_hash = file.back().hash;
    request.summary->updated_at = "2026-03-02T10:00:00Z";
    return request;
  }

  std::int64_t count(const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    sqlite3_step(statement);
    const auto value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

  std::filesystem::path path_;
  std::unique_ptr<SqliteStore> store_;
  std::int64_t employer_ = 0, employee_ = 0, case_ = 0;
};

TEST_F(SqliteStoreTest, MigrationsAreNumberedAndIdempotent) {
  const auto migrations = detail::sqlite_migrations();
  const int newest = migrations.back().version;
  EXPECT_EQ(newest, static_cast<int>(migrations.size()));  // 1, 2, ... without gaps
  EXPECT_EQ(*store_->schema_version(), newest);
  ASSERT_TRUE(store_->migrate().ok());
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_EQ(*store_->schema_version(), newest);
  EXPECT_EQ(count("SELECT count(*) FROM schema_migrations"), newest);
  EXPECT_EQ(count("SELECT count(*) FROM employers"), 1);  // data untouched
}

TEST_F(SqliteStoreTest, PragmasForDurability) {
  EXPECT_EQ(count("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}

TEST_F(SqliteStoreTest, MissingDatabaseIsNotCreatedByAccident) {
  const auto opened = SqliteStore::open(path_.string() + ".absent",
                                        SqliteStore::OpenMode::must_exist);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "not_found");
  EXPECT_FALSE(std::filesystem::exists(path_.string() + ".absent"));
}

TEST_F(SqliteStoreTest, TenancyIsChecked) {
  const auto orphan = store_->create_employee(9999, "X", "P-9");
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, "not_found");
  EXPECT_EQ(orphan.error().field, "employer_id");
  const auto duplicate = store_->create_employee(employer_, "Y", "P-001");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, "conflict");
  EXPECT_EQ(duplicate.error().field, "personnel_number");
  EXPECT_EQ(store_->create_case(9999, "2026-03-02T10:00:00Z").error().field, "employee_id");
  const auto found = store_->find_case(case_);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->employer_id, employer_);
  EXPECT_EQ(found->employee_name, "J. de Vries");
  EXPECT_EQ(store_->find_case(9999).error().code, "not_found");
}

TEST_F(SqliteStoreTest, NewCaseHasAnEmptySummary) {
  const auto summary = store_->find_summary(case_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->status, "no_sickness");
  EXPECT_EQ(summary->last_seq, 0);
  EXPECT_EQ(summary->last_hash, core::kGenesisHash);
}

TEST_F(SqliteStoreTest, AppendsAndReadsBackExactly) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  ASSERT_TRUE(store_->append(next(file, simple("problem_analysis", "2026-02-10",
                                               R"({"author":"A","limitations":[],
                                                   "possibilities":[],"prognosis":"p",
                                                   "advice":"a","medical":{"d":"x"}})")))
                  .ok());
  const auto loaded = store_->load_entries(case_);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_FALSE(core::verify_chain(case_, *loaded).has_value());
  EXPECT_EQ((*loaded)[1].medical, R"({"d":"x"})");
  EXPECT_EQ((*loaded)[1].payload, file[1].payload);
  EXPECT_EQ((*loaded)[1].hash, file[1].hash);
  EXPECT_EQ(count("SELECT count(*) FROM entries WHERE medical IS NOT NULL"), 1);
}

// The SQL selection is the core's rule (core::fold_relevant_entries), entry for entry, on a file
// with conversations before and after other entries, a late earliest one, and corrections.
TEST_F(SqliteStoreTest, AppendBasisSelectsWhatTheCoreSelects) {
  const auto interview = [](const char* date) {
    return simple("reintegration_interview", date,
                  R"({"attendees":["employee"],"employee_agreement":"pending"})");
  };
  std::vector<core::Entry> file;
  const auto expect_core_selection = [&] {
    const auto basis = store_->load_append_basis(case_);
    ASSERT_TRUE(basis.ok()) << basis.error().message;
    const auto expected = core::fold_relevant_entries(file);
    ASSERT_EQ(basis->fold_entries.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(basis->fold_entries[i].seq, expected[i].seq);
      EXPECT_EQ(basis->fold_entries[i].hash, expected[i].hash);
      EXPECT_EQ(basis->fold_entries[i].payload, expected[i].payload);
    }
    EXPECT_EQ(basis->last_seq, file.empty() ? 0 : file.back().seq);
    EXPECT_EQ(basis->last_hash, file.empty() ? std::string(core::kGenesisHash) : file.back().hash);
  };
  expect_core_selection();
  for (const auto& json :
       {sick_report("2026-01-05"), interview("2026-01-20"), interview("2026-01-27"),
        simple("track_1_attempt", "2026-02-03",
               R"({"option":"other_job_internal","description":"d","outcome":"failed","reason":"r"})"),
        interview("2026-01-12"),
        simple("correction", "2026-02-04", R"({"corrects_seq":3,"reason":"r","void":true})"),
        interview("2026-02-10"),
        simple("correction", "2026-02-11",
               R"({"corrects_seq":5,"reason":"r","new_occurred_on":"2026-01-13"})"),
        interview("2026-02-12")}) {
    ASSERT_TRUE(store_->append(next(file, json)).ok()) << json;
    expect_core_selection();
  }
  // 1 sick report, 3 and 5 named by corrections, 2 the earliest of the others, the corrections.
  const auto basis = store_->load_append_basis(case_);
  std::vector<std::int64_t> seqs;
  for (const auto& entry : basis->fold_entries) seqs.push_back(entry.seq);
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 2, 3, 5, 6, 8}));
}

TEST_F(SqliteStoreTest, StaleAppendIsAConflictAndWritesNothing) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  // A second writer folded the same state and appended first.
  auto theirs = file;
  auto mine = file;
  ASSERT_TRUE(store_->append(next(theirs, simple("company_doctor_report", "2026-01-06"))).ok());
  const auto stale = next(mine, simple("recovery", "2026-01-20"));
  const auto status = store_->append(stale);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "conflict");
  EXPECT_EQ(count("SELECT count(*) FROM entries"), 2);
  EXPECT_EQ(store_->find_summary(case_)->last_hash, theirs.back().hash);
  // A seq from the future is refused as well.
  auto skipping = next(theirs, simple("recovery", "2026-01-20"));
  skipping.entry.seq += 1;
  EXPECT_EQ(store_->append(skipping).error().code, "conflict");
}

TEST_F(SqliteStoreTest, ConflictBetweenTwoConnections) {
  auto other = open_store();
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  auto copy = file;
  ASSERT_TRUE(other->append(next(copy, simple("recovery", "2026-01-20"))).ok());
  EXPECT_EQ(store_->append(next(file, simple("recovery", "2026-01-21"))).error().code, "conflict");
}

TEST_F(SqliteStoreTest, ProjectionIsWrittenWithTheAppend) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"), day("2026-02-16"))).ok());
  const auto summary = store_->find_summary(case_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->status, "sick");
  EXPECT_EQ(summary->first_sick_day, day("2026-01-05"));
  EXPECT_EQ(summary->next_deadline_due, day("2026-02-16"));
  EXPECT_EQ(summary->last_seq, 1);
  EXPECT_EQ(summary->last_hash, file.back().hash);
}

TEST_F(SqliteStoreTest, FailedBatchLeavesNothing) {
  std::vector<core::Entry> file;
  std::vector<AppendRequest> batch;
  batch.push_back(next(file, sick_report("2026-01-05"), day("2026-02-16")));
  batch.push_back(next(file, simple("company_doctor_report", "2026-01-06")));
  auto broken = next(file, simple("recovery", "2026-01-20"));
  broken.entry.prev_hash = std::string(64, 'f');
  batch.push_back(broken);
  const auto status = store_->append_batch(batch);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "conflict");
  EXPECT_EQ(count("SELECT count(*) FROM entries"), 0);
  EXPECT_EQ(store_->find_summary(case_)->last_seq, 0);

  batch.pop_back();
  ASSERT_TRUE(store_->append_batch(batch).ok());
  EXPECT_EQ(count("SELECT count(*) FROM entries"), 2);
  EXPECT_EQ(store_->find_summary(case_)->last_seq, 2);
}

TEST_F(SqliteStoreTest, TransactionRollsBackEverything) {
  const Status status = store_->transaction([&]() -> Status {
    if (!store_->create_employer("Tijdelijk BV").ok()) return core::make_error("x", "", "x");
    return core::make_error("stop", "", "changed my mind");
  });
  EXPECT_EQ(status.error().code, "stop");
  EXPECT_EQ(count("SELECT count(*) FROM employers"), 1);
}

TEST_F(SqliteStoreTest, EntriesAreAppendOnlyInTheDatabase) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  EXPECT_NE(sqlite3_exec(db, "UPDATE entries SET actor = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM entries", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(count("SELECT count(*) FROM entries WHERE actor = 'test'"), 1);
}

TEST_F(SqliteStoreTest, ListsCasesByNextDeadline) {
  const auto second_employee = *store_->create_employee(employer_, "A. Jansen", "P-002");
  const auto second_case = *store_->create_case(second_employee, "2026-03-02T10:00:00Z");
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"), day("2026-04-01"))).ok());
  CaseSummary other;
  other.case_id = second_case;
  other.status = "sick";
  other.next_deadline_due = day("2026-03-10");
  other.last_hash = std::string(core::kGenesisHash);
  other.updated_at = "2026-03-02T10:00:00Z";
  ASSERT_TRUE(store_->put_summary(other).ok());

  const auto all = store_->list_cases({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].summary.case_id, second_case);
  EXPECT_EQ((*all)[0].employee_name, "A. Jansen");
  EXPECT_EQ((*all)[0].employer_name, "Bakkerij De Korenschoof");

  CaseFilter soon;
  soon.due_on_or_before = day("2026-03-31");
  const auto due = store_->list_cases(soon);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].summary.case_id, second_case);

  CaseFilter mine;
  mine.employee_id = employee_;
  EXPECT_EQ(store_->list_cases(mine)->front().summary.case_id, case_);
  EXPECT_EQ(*store_->list_case_ids(), (std::vector<std::int64_t>{case_, second_case}));
}

TEST_F(SqliteStoreTest, SurvivesReopening) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  store_.reset();
  store_ = open_store();
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_EQ(store_->load_entries(case_)->size(), 1u);
}

}  // namespace
}  // namespace spoorboek::store
