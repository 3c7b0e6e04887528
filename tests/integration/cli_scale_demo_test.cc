// `spoorboek demo --scale N` end to end: the bulk load verifies, its summaries are what a rebuild
// computes, the demo accounts are there, the progress goes to stderr, and bad input writes
// nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "tests/integration/cli_harness.h"

namespace spoorboek::testing {
namespace {

const std::string kAsOf = "2026-03-02";

class CliScaleDemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    db_ = dir_->file("scale.db");
    load_ = new RunResult(
        dir_->run({"demo", "--scale", "3000", "--db", db_, "--seed", "4", "--as-of", kAsOf}));
  }
  static void TearDownTestSuite() {
    delete load_;
    delete dir_;
  }
  static long long count(const std::string& sql) { return query_integer(db_, sql); }

  static ScratchDir* dir_;
  static std::string db_;
  static RunResult* load_;
};

ScratchDir* CliScaleDemoTest::dir_ = nullptr;
std::string CliScaleDemoTest::db_;
RunResult* CliScaleDemoTest::load_ = nullptr;

TEST_F(CliScaleDemoTest, LoadsTheVolumeItReportsAndVerifies) {
  ASSERT_EQ(load_->exit_code, 0) << load_->err;
  EXPECT_EQ(count("SELECT count(*) FROM employees"), 3000);
  const long long cases = count("SELECT count(*) FROM cases");
  const long long entries = count("SELECT count(*) FROM entries");
  EXPECT_GT(cases, 2850);
  EXPECT_GT(entries, cases * 15);
  EXPECT_EQ(count("SELECT count(*) FROM case_summaries"), cases);
  EXPECT_EQ(count("SELECT count(*) FROM entries WHERE medical IS NOT NULL"), 0);
  // The report names what is in the database.
  const auto mentions = [&](long long number, const char* what) {
    std::string text = std::to_string(number);
    for (auto at = static_cast<long>(text.size()) - 3; at > 0; at -= 3) {
      text.insert(static_cast<std::size_t>(at), ",");
    }
    EXPECT_NE(load_->out.find(text + " " + what), std::string::npos) << load_->out;
  };
  mentions(count("SELECT count(*) FROM employers"), "employers");
  mentions(3000, "employees");
  mentions(cases, "cases");
  mentions(entries, "entries");
  EXPECT_NE(load_->out.find("entries/s"), std::string::npos) << load_->out;
  // Not a terminal: one progress line per 10 %, the last at 100 %.
  EXPECT_NE(load_->err.find("demo: 100% (3,000/3,000 employees"), std::string::npos) << load_->err;
  EXPECT_EQ(load_->err.find('\r'), std::string::npos);

  const RunResult verify = dir_->run({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_NE(verify.out.find("intact: " + std::to_string(cases) + " cases, " +
                            std::to_string(entries) + " entries"),
            std::string::npos)
      << verify.out;
}

TEST_F(CliScaleDemoTest, TheSummariesAreWhatARebuildComputes) {
  ASSERT_EQ(load_->exit_code, 0) << load_->err;
  const RunResult loaded = dir_->run({"cases", "--db", db_, "--as-of", kAsOf, "--all"});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  const RunResult open = dir_->run({"cases", "--db", db_, "--as-of", kAsOf});
  EXPECT_LT(open.out.size(), loaded.out.size());
  EXPECT_NE(open.out.find("te laat"), std::string::npos);  // some deadlines are overdue
  tamper(db_, "DROP TABLE IF EXISTS loaded_summaries; CREATE TABLE loaded_summaries AS SELECT case_id, status, first_sick_day, "
              "next_deadline_key, next_deadline_due, waiting_period_end, last_sick_day, "
              "interruption_days, last_seq, last_hash FROM case_summaries");
  const RunResult rebuild = dir_->run({"rebuild", "--db", db_, "--as-of", kAsOf});
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.err;
  // Column by column, every row the same as loaded.
  EXPECT_EQ(count("SELECT count(*) FROM case_summaries s JOIN loaded_summaries l USING (case_id) "
                  "WHERE s.status IS l.status AND s.first_sick_day IS l.first_sick_day AND "
                  "s.next_deadline_key IS l.next_deadline_key AND "
                  "s.next_deadline_due IS l.next_deadline_due AND "
                  "s.waiting_period_end IS l.waiting_period_end AND "
                  "s.last_sick_day IS l.last_sick_day AND "
                  "s.interruption_days IS l.interruption_days AND s.last_seq IS l.last_seq AND "
                  "s.last_hash IS l.last_hash"),
            count("SELECT count(*) FROM cases"));
  EXPECT_EQ(dir_->run({"cases", "--db", db_, "--as-of", kAsOf, "--all"}).out, loaded.out);
}

TEST_F(CliScaleDemoTest, TheDemoAccountsAndProvidersAreThere) {
  ASSERT_EQ(load_->exit_code, 0) << load_->err;
  for (const char* email : {"admin@demo.test", "casemanager@demo.test", "manager@demo.test",
                            "doctor@demo.test", "expert@demo.test", "coach@demo.test",
                            "employee@demo.test"}) {
    EXPECT_EQ(count(std::string("SELECT count(*) FROM users WHERE is_demo = 1 AND email = '") +
                    email + "'"),
              1)
        << email;
  }
  // The employer-side accounts work for the first employer, the employee has an open case there,
  // the line manager leads its employees with a case.
  const long long home = count("SELECT min(id) FROM employers");
  EXPECT_EQ(count("SELECT employer_id FROM users WHERE email = 'casemanager@demo.test'"), home);
  EXPECT_EQ(count("SELECT count(*) FROM users u JOIN case_summaries s ON s.employee_id = "
                  "u.employee_id WHERE u.email = 'employee@demo.test' AND s.employer_id = " +
                  std::to_string(home) + " AND s.status <> 'recovered'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM employees e JOIN users u ON u.id = e.manager_user_id "
                  "WHERE u.email = 'manager@demo.test'"),
            count("SELECT count(DISTINCT employee_id) FROM case_summaries WHERE employer_id = " +
                  std::to_string(home)));
  // The doctor's arbo service serves the first 100 employers, every employer has one.
  EXPECT_EQ(count("SELECT count(*) FROM provider_employers p JOIN users u ON u.provider_id = "
                  "p.provider_id WHERE u.email = 'doctor@demo.test'"),
            std::min(100LL, count("SELECT count(*) FROM employers")));
  EXPECT_EQ(count("SELECT count(DISTINCT employer_id) FROM provider_employers"),
            count("SELECT count(*) FROM employers"));
  // Every track-2 case has its office; the coach's office has some.
  EXPECT_EQ(count("SELECT count(*) FROM case_providers"),
            count("SELECT count(DISTINCT case_id) FROM entries WHERE type = 'track_2_decision'"));
  EXPECT_GT(count("SELECT count(*) FROM case_providers p JOIN users u ON u.provider_id = "
                  "p.provider_id WHERE u.email = 'coach@demo.test'"),
            0);
}

TEST_F(CliScaleDemoTest, ASecondLoadIsRefusedAndChangesNothing) {
  ASSERT_EQ(load_->exit_code, 0) << load_->err;
  const long long entries = count("SELECT count(*) FROM entries");
  const long long users = count("SELECT count(*) FROM users");
  const RunResult again = dir_->run({"demo", "--scale", "10", "--db", db_, "--as-of", kAsOf});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("db: the database already holds employers"), std::string::npos)
      << again.err;
  EXPECT_EQ(count("SELECT count(*) FROM entries"), entries);
  EXPECT_EQ(count("SELECT count(*) FROM users"), users);
  EXPECT_EQ(count("SELECT count(*) FROM providers"), 6);
}

// Small batches: many transactions, the demo's home employer spread over several of them; the
// same seed gives the same cases as one big batch.
TEST(CliScaleDemoBatchTest, SmallBatchesGiveTheSameDemo) {
  ScratchDir dir;
  const std::string small = dir.file("small.db"), large = dir.file("large.db");
  const RunResult by_seven = dir.run(
      {"demo", "--scale", "400", "--batch-size", "7", "--db", small, "--as-of", kAsOf});
  ASSERT_EQ(by_seven.exit_code, 0) << by_seven.err;
  const RunResult at_once = dir.run({"demo", "--scale", "400", "--db", large, "--as-of", kAsOf});
  ASSERT_EQ(at_once.exit_code, 0) << at_once.err;
  EXPECT_EQ(dir.run({"verify", "--db", small}).exit_code, 0);
  EXPECT_EQ(dir.run({"cases", "--db", small, "--as-of", kAsOf, "--all"}).out,
            dir.run({"cases", "--db", large, "--as-of", kAsOf, "--all"}).out);
  EXPECT_EQ(query_integer(small, "SELECT count(*) FROM employees WHERE manager_user_id IS NOT NULL"),
            query_integer(large, "SELECT count(*) FROM employees WHERE manager_user_id IS NOT NULL"));
  EXPECT_EQ(query_integer(small, "SELECT count(*) FROM users"),
            query_integer(large, "SELECT count(*) FROM users"));
}

TEST(CliScaleDemoBatchTest, BadInputNamesTheOptionAndWritesNothing) {
  ScratchDir dir;
  const std::string db = dir.file("bad.db");
  const struct {
    std::vector<std::string> args;
    std::string names;
  } cases[] = {
      {{"--scale", "0"}, "--scale: must be 1 to 10000000"},
      {{"--scale", "-3"}, "--scale"},
      {{"--scale", "10000001"}, "--scale"},
      {{"--scale", "10", "--batch-size", "0"}, "--batch-size: must be 1 to 100000"},
      {{"--scale", "10", "--batch-size", "100001"}, "--batch-size"},
      {{"--batch-size", "10"}, "--batch-size: is only for a demo with --scale"},
      {{"--scale", "10", "--as-of", "2026-02-30"}, "--as-of"},
      {{"--scale", "many"}, "--scale"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"demo", "--db", db};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const RunResult result = dir.run(args);
    EXPECT_EQ(result.exit_code, 2) << c.names;
    EXPECT_NE(result.err.find(c.names), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(db)) << c.names;
  }
}

}  // namespace
}  // namespace spoorboek::testing
