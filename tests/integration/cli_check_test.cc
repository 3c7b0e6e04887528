// `spoorboek check` end to end: exit 0 without a BLOCK finding, 1 with one, 2 on any error with a
// message naming what is wrong, and nothing written.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/application.h"
#include "store/sqlite_store.h"
#include "tests/integration/cli_harness.h"

namespace spoorboek::testing {
namespace {

const char* kEntries =
    R"({"type":"sick_report","occurred_on":"2026-01-05","payload":{"expected_duration":)"
    R"("over_6_weeks","safety_net_applies":false,"work_accident":false,)"
    R"("third_party_liability":false}})"
    "\n"
    R"({"type":"company_doctor_report","occurred_on":"2026-01-07","payload":{"company_doctor":"Dr. Jansen"}})"
    "\n";

class CliCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("spoorboek.db");
    const RunResult init = dir_.run({"init", "--db", db_});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    {
      auto store = store::SqliteStore::open(db_, store::SqliteStore::OpenMode::must_exist);
      ASSERT_TRUE(store.ok());
      app::Application application(**store);
      const app::Actor admin{"setup", "Setup", app::Role::administrator};
      const auto employer = application.create_employer(admin, "Bakkerij De Korenschoof");
      const auto employee = application.create_employee(admin, *employer, "J. de Vries", "P-1");
      ASSERT_TRUE(
          application.open_case(admin, *employee, {core::Date{}, "2026-03-02T09:00:00Z"}).ok());
    }
    const RunResult append = dir_.run({"append", "--db", db_, "--case", "1", "-"}, kEntries);
    ASSERT_EQ(append.exit_code, 0) << append.err;
  }
  long long rows(const char* table) {
    return query_integer(db_, std::string("SELECT count(*) FROM ") + table);
  }

  ScratchDir dir_;
  std::string db_;
};

TEST_F(CliCheckTest, ExitsZeroWithoutABlockFinding) {
  // The problem analysis is due on 2026-02-16: nothing is missing yet.
  const RunResult run = dir_.run({"check", "--db", db_, "1", "--as-of", "2026-02-10"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("Dossiercontrole 1: J. de Vries (Bakkerij De Korenschoof)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("0 BLOCK"), std::string::npos) << run.out;
}

TEST_F(CliCheckTest, ExitsOneWithABlockFindingAndSaysWhatToDo) {
  const RunResult run =
      dir_.run({"check", "--db", db_, "1", "--as-of", "2026-03-01", "--language", "en"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("BLOCK RIV-A-problem_analysis_missing"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("What to do: Ask the company doctor for the problem analysis now"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("Due: 2026-02-16"), std::string::npos) << run.out;
  EXPECT_TRUE(run.err.empty()) << run.err;
}

TEST_F(CliCheckTest, JsonHasTheApiShape) {
  const RunResult run = dir_.run({"check", "--db", db_, "1", "--as-of", "2026-03-01", "--json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto json = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_TRUE(json.is_object()) << run.out;
  EXPECT_EQ(json["case_id"], 1);
  EXPECT_EQ(json["as_of"], "2026-03-01");
  EXPECT_GE(json["blocks"].get<int>(), 1);
  EXPECT_EQ(json["risk"]["score"], 25);
  EXPECT_EQ(json["risk"]["reasons"][0]["code"], "RIV-A-problem_analysis_missing");
  const auto& finding = json["findings"][0];
  EXPECT_EQ(finding["code"], "RIV-A-problem_analysis_missing");
  EXPECT_EQ(finding["severity"], "BLOCK");
  EXPECT_EQ(finding["number"], 6);
  EXPECT_EQ(finding["element"], "f");
  EXPECT_EQ(finding["milestone"], "problem_analysis");
  EXPECT_EQ(finding["due"], "2026-02-16");
  EXPECT_NE(finding["legal_basis"].get<std::string>().find("art. 6 lid 1 sub f"), std::string::npos);
  EXPECT_FALSE(finding["action"].get<std::string>().empty());
}

TEST_F(CliCheckTest, BadInputExitsTwoWithAMessageAndWritesNothing) {
  const long long entries = rows("entries");
  const long long reads = rows("case_reads");
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"check", "--db", db_, "99"}, "99"},
      {{"check", "--db", db_, "1", "--as-of", "2026-02-30"}, "as-of"},
      {{"check", "--db", dir_.file("absent.db"), "1"}, "absent.db"},
      {{"check", "--db", db_, "1", "--language", "de"}, "language"},
  };
  for (const auto& c : cases) {
    const RunResult run = dir_.run(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.message << ": " << run.out << run.err;
    EXPECT_NE(run.err.find(c.message), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
  }
  EXPECT_EQ(rows("entries"), entries);
  EXPECT_EQ(rows("case_reads"), reads);
  EXPECT_FALSE(std::filesystem::exists(dir_.file("absent.db")));
}

TEST_F(CliCheckTest, HasHelp) {
  const RunResult run = dir_.run({"check", "--help"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("--as-of"), std::string::npos);
}

}  // namespace
}  // namespace spoorboek::testing
