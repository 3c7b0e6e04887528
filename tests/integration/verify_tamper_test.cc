// `spoorboek verify` proves the log is intact and names the first broken entry when someone
// changed, deleted or reordered entries directly in the database file.
#include <gtest/gtest.h>

#include "tests/integration/cli_harness.h"

namespace spoorboek::testing {
namespace {

constexpr const char* kDropGuards =
    "DROP TRIGGER entries_are_never_updated; DROP TRIGGER entries_are_never_deleted;";

class VerifyTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("demo.db");
    const RunResult demo = dir_.run({"demo", "--db", db_, "--seed", "3", "--as-of", "2026-03-02"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    case_ = query_integer(db_,
                          "SELECT case_id FROM entries GROUP BY case_id HAVING count(*) >= 5 "
                          "ORDER BY case_id LIMIT 1");
    ASSERT_GT(case_, 0);
  }

  std::string in_case(const std::string& condition) const {
    return " WHERE case_id = " + std::to_string(case_) + " AND " + condition;
  }
  std::string names(long long seq) const {
    return "broken: case " + std::to_string(case_) + " entry " + std::to_string(seq) + ":";
  }

  ScratchDir dir_;
  std::string db_;
  long long case_ = 0;
};

TEST_F(VerifyTamperTest, IntactFileExitsZero) {
  const RunResult verify = dir_.run({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_NE(verify.out.find("intact:"), std::string::npos) << verify.out;
}

TEST_F(VerifyTamperTest, ChangedEntryIsNamed) {
  tamper(db_, std::string(kDropGuards) + "UPDATE entries SET occurred_on = '2020-01-01'" +
                  in_case("seq = 3"));
  const RunResult verify = dir_.run({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.out.find(names(3)), std::string::npos) << verify.out;
  EXPECT_NE(verify.out.find("changed"), std::string::npos) << verify.out;
}

TEST_F(VerifyTamperTest, ChangedPayloadIsNamed) {
  tamper(db_, std::string(kDropGuards) +
                  "UPDATE entries SET payload = json_set(payload, '$.forged', 1)" +
                  in_case("seq = 2"));
  const RunResult verify = dir_.run({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.out.find(names(2)), std::string::npos) << verify.out;
}

TEST_F(VerifyTamperTest, DeletedEntryIsNamed) {
  tamper(db_, std::string(kDropGuards) + "DELETE FROM entries" + in_case("seq = 2"));
  const RunResult verify = dir_.run({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.out.find(names(2)), std::string::npos) << verify.out;
  EXPECT_NE(verify.out.find("missing"), std::string::npos) << verify.out;
}

TEST_F(VerifyTamperTest, DeletedLastEntryIsNamed) {
  const long long last =
      query_integer(db_, "SELECT max(seq) FROM entries WHERE case_id = " + std::to_string(case_));
  tamper(db_, std::string(kDropGuards) + "DELETE FROM entries" +
                  in_case("seq = " + std::to_string(last)));
  const RunResult verify = dir_.run({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.out.find(names(last)), std::string::npos) << verify.out;
}

TEST_F(VerifyTamperTest, ReorderedEntriesAreNamed) {
  tamper(db_, std::string(kDropGuards) + "UPDATE entries SET seq = 1000000" + in_case("seq = 3") +
                  "; UPDATE entries SET seq = 3" + in_case("seq = 4") +
                  "; UPDATE entries SET seq = 4" + in_case("seq = 1000000"));
  const RunResult verify = dir_.run({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.out.find(names(3)), std::string::npos) << verify.out;
}

TEST_F(VerifyTamperTest, ForgedChainStillShowsAtItsEnd) {
  // A forger who rewrites an entry's hash breaks the link from the next entry.
  tamper(db_, std::string(kDropGuards) +
                  "UPDATE entries SET actor = 'forger', hash = 'ff' || substr(hash, 3)" +
                  in_case("seq = 2"));
  const RunResult verify = dir_.run({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.out.find(names(2)), std::string::npos) << verify.out;
}

TEST_F(VerifyTamperTest, TheDatabaseRefusesEditsWhileGuarded) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE entries SET actor = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(dir_.run({"verify", "--db", db_}).exit_code, 0);
}

}  // namespace
}  // namespace spoorboek::testing
