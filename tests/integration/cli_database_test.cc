// The database commands end to end: init, append (good and bad lines), show, cases and demo.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/application.h"
#include "store/sqlite_store.h"
#include "tests/integration/cli_harness.h"

namespace spoorboek::testing {
namespace {

const char* kSickReport =
    R"({"type":"sick_report","occurred_on":"2026-01-05","payload":{"expected_duration":)"
    R"("over_6_weeks","safety_net_applies":false,"work_accident":false,)"
    R"("third_party_liability":false}})";

class CliDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("spoorboek.db");
    const RunResult init = dir_.run({"init", "--db", db_});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto store = store::SqliteStore::open(db_, store::SqliteStore::OpenMode::must_exist);
    ASSERT_TRUE(store.ok());
    app::Application application(**store);
    const app::Actor admin{"setup", "Setup", app::Role::administrator};
    const auto employer = application.create_employer(admin, "Bakkerij De Korenschoof");
    const auto employee = application.create_employee(admin, *employer, "J. de Vries", "P-1");
    ASSERT_TRUE(application.open_case(admin, *employee, {core::Date{}, "2026-03-02T09:00:00Z"}).ok());
  }
  long long entries() { return query_integer(db_, "SELECT count(*) FROM entries"); }

  ScratchDir dir_;
  std::string db_;
};

TEST_F(CliDatabaseTest, InitIsIdempotent) {
  const long long applied = query_integer(db_, "SELECT count(*) FROM schema_migrations");
  EXPECT_EQ(applied, query_integer(db_, "SELECT max(version) FROM schema_migrations"));
  const RunResult again = dir_.run({"init", "--db", db_});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM schema_migrations"), applied);
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM cases"), 1);
}

TEST_F(CliDatabaseTest, AppendReportsEachCommit) {
  const std::string input = std::string(kSickReport) + "\n\n" +
                            R"({"type":"company_doctor_report","occurred_on":"2026-01-06",)"
                            R"("payload":{},"expected_seq":2})" "\n";
  const RunResult append = dir_.run({"append", "--db", db_, "--case", "1", "-"}, input);
  ASSERT_EQ(append.exit_code, 0) << append.err;
  std::istringstream lines(append.out);
  std::string word, hash;
  long long case_id = 0, seq = 0;
  for (long long expected = 1; expected <= 2; ++expected) {
    ASSERT_TRUE(lines >> word >> case_id >> seq >> hash);
    EXPECT_EQ(word, "committed");
    EXPECT_EQ(case_id, 1);
    EXPECT_EQ(seq, expected);
    EXPECT_EQ(hash.size(), 64u);
  }
  EXPECT_EQ(entries(), 2);
}

TEST_F(CliDatabaseTest, BadLineStopsWithItsNumberAndField) {
  const std::string input = std::string(kSickReport) + "\n" +
                            R"({"type":"maternity_leave","occurred_on":"2026-02-01",)"
                            R"("payload":{"end":"2026-02-30"}})" "\n" +
                            R"({"type":"company_doctor_report","occurred_on":"2026-01-06",)"
                            R"("payload":{}})" "\n";
  const RunResult append = dir_.run({"append", "--db", db_, "--case", "1", "-"}, input);
  EXPECT_EQ(append.exit_code, 2);
  EXPECT_NE(append.err.find("line 2"), std::string::npos) << append.err;
  EXPECT_NE(append.err.find("payload.end"), std::string::npos) << append.err;
  EXPECT_EQ(entries(), 1);  // the first line committed, the bad one and the rest not
}

TEST_F(CliDatabaseTest, BadInputIsRefusedWithExitTwo) {
  const struct {
    std::vector<std::string> args;
    std::string input;
    std::string names;
  } cases[] = {
      {{"append", "--db", db_, "--case", "1", "-"}, "not json\n", "line 1"},
      {{"append", "--db", db_, "--case", "1", "-"}, "", "no entries"},
      {{"append", "--db", db_, "--case", "99", "-"}, std::string(kSickReport) + "\n", "case"},
      {{"append", "--db", db_, "--case", "1", dir_.file("absent.jsonl")}, "", "cannot be read"},
      {{"append", "--db", db_, "--case", "1", "-"},
       R"({"type":"relapse","occurred_on":"2026-01-05","payload":{}})" "\n", "sick report"},
      {{"show", "--db", dir_.file("absent.db"), "1"}, "", "no database"},
      {{"cases", "--db", db_, "--as-of", "2026-02-30"}, "", "--as-of"},
      {{"cases", "--db", db_, "--due-within", "-3"}, "", "due_within_days"},
      {{"show", "--db", db_, "7"}, "", "no case"},
  };
  for (const auto& c : cases) {
    const RunResult result = dir_.run(c.args, c.input);
    EXPECT_EQ(result.exit_code, 2) << c.names << ": " << result.err;
    EXPECT_NE(result.err.find(c.names), std::string::npos) << result.err;
  }
  EXPECT_EQ(entries(), 0);
  EXPECT_FALSE(std::filesystem::exists(dir_.file("absent.db")));
}

TEST_F(CliDatabaseTest, ShowRendersTheFileAndItsTimeline) {
  ASSERT_EQ(dir_.run({"append", "--db", db_, "--case", "1", "-"}, std::string(kSickReport) + "\n")
                .exit_code,
            0);
  const RunResult text = dir_.run({"show", "--db", db_, "1", "--as-of", "2026-03-02"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Ziekmelding"), std::string::npos);  // the Dutch name of sick_report
  EXPECT_NE(text.out.find("Probleemanalyse"), std::string::npos);

  const RunResult json_run =
      dir_.run({"show", "--db", db_, "1", "--as-of", "2026-03-02", "--json", "--language", "en"});
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  const auto view = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(view["first_sick_day"], "2026-01-05");
  EXPECT_EQ(view["entries"][0]["type"], "sick_report");
  EXPECT_EQ(view["entries"][0]["visibility"], "ABSENCE");
  EXPECT_EQ(view["timeline"]["waiting_period_end"], "2028-01-02");
  bool found = false;
  for (const auto& milestone : view["timeline"]["milestones"]) {
    if (milestone["key"] == "problem_analysis") {
      found = true;
      EXPECT_EQ(milestone["due"], "2026-02-16");
      EXPECT_EQ(milestone["status"], "overdue");
      EXPECT_FALSE(milestone["explanation"].get<std::string>().empty());
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(CliDatabaseTest, DemoIsDeterministicAndVerifies) {
  const std::string a = dir_.file("a.db"), b = dir_.file("b.db");
  for (const auto& db : {a, b}) {
    const RunResult demo = dir_.run({"demo", "--db", db, "--seed", "11", "--as-of", "2026-03-02"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    EXPECT_EQ(dir_.run({"verify", "--db", db}).exit_code, 0);
  }
  EXPECT_GE(query_integer(a, "SELECT count(*) FROM employers"), 3);
  EXPECT_GE(query_integer(a, "SELECT count(*) FROM employees"), 200);
  EXPECT_GE(query_integer(a, "SELECT count(*) FROM cases"), 50);
  for (const char* type : {"relapse", "maternity_leave", "track_2_decision", "wage_sanction",
                           "voluntary_extension", "recovery", "correction", "deviation"}) {
    EXPECT_GT(query_integer(a, std::string("SELECT count(*) FROM entries WHERE type = '") + type +
                                   "'"),
              0)
        << type;
  }
  // An employee with two cases: renewed sickness more than 4 weeks after recovery.
  EXPECT_GE(query_integer(a, "SELECT count(*) FROM (SELECT employee_id FROM cases GROUP BY "
                             "employee_id HAVING count(*) > 1)"),
            1);
  const RunResult first = dir_.run({"cases", "--db", a, "--as-of", "2026-03-02"});
  const RunResult second = dir_.run({"cases", "--db", b, "--as-of", "2026-03-02"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, second.out);
  EXPECT_NE(first.out.find("te laat"), std::string::npos);  // the overdue plan of action
}

TEST_F(CliDatabaseTest, DemoRefusesADatabaseThatHoldsPeopleAndWritesNothing) {
  const std::string db = dir_.file("twice.db");
  ASSERT_EQ(dir_.run({"demo", "--db", db, "--as-of", "2026-03-02"}).exit_code, 0);
  const long long entries = query_integer(db, "SELECT count(*) FROM entries");
  const long long employees = query_integer(db, "SELECT count(*) FROM employees");
  const RunResult again = dir_.run({"demo", "--db", db, "--as-of", "2026-03-02"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("db"), std::string::npos) << again.err;
  EXPECT_EQ(query_integer(db, "SELECT count(*) FROM entries"), entries);
  EXPECT_EQ(query_integer(db, "SELECT count(*) FROM employees"), employees);
}

// A lost key file is not silently replaced: the demo seals medical parts, so init refuses to
// make a new key for it and leaves the database as it was; with the key back, init works again.
TEST_F(CliDatabaseTest, InitRefusesANewKeyForSealedData) {
  const std::string db = dir_.file("sealed.db");
  ASSERT_EQ(dir_.run({"demo", "--db", db, "--as-of", "2026-03-02"}).exit_code, 0);
  ASSERT_GT(query_integer(db, "SELECT count(*) FROM entries WHERE medical IS NOT NULL"), 0);
  const std::string key = db + ".key";
  std::filesystem::rename(key, key + ".backup");
  const RunResult init = dir_.run({"init", "--db", db});
  EXPECT_EQ(init.exit_code, 2);
  EXPECT_NE(init.err.find("key file"), std::string::npos) << init.err;
  EXPECT_FALSE(std::filesystem::exists(key));
  std::filesystem::rename(key + ".backup", key);
  EXPECT_EQ(dir_.run({"init", "--db", db}).exit_code, 0);
  EXPECT_EQ(dir_.run({"verify", "--db", db}).exit_code, 0);
}

TEST_F(CliDatabaseTest, DashboardFiltersOnDueWithin) {
  const std::string demo_db = dir_.file("demo.db");
  ASSERT_EQ(dir_.run({"demo", "--db", demo_db, "--as-of", "2026-03-02"}).exit_code, 0);
  const RunResult all = dir_.run({"cases", "--db", demo_db, "--as-of", "2026-03-02"});
  const RunResult soon =
      dir_.run({"cases", "--db", demo_db, "--as-of", "2026-03-02", "--due-within", "7"});
  ASSERT_EQ(soon.exit_code, 0) << soon.err;
  EXPECT_LT(soon.out.size(), all.out.size());
  EXPECT_EQ(soon.out.find("gepland"), std::string::npos);  // nothing due later than 14 days
}

TEST_F(CliDatabaseTest, ProjectionsAreRebuiltFromTheLog) {
  const std::string demo_db = dir_.file("demo.db");
  ASSERT_EQ(dir_.run({"demo", "--db", demo_db, "--as-of", "2026-03-02"}).exit_code, 0);
  const RunResult before = dir_.run({"cases", "--db", demo_db, "--as-of", "2026-03-02", "--all"});
  tamper(demo_db, "UPDATE case_summaries SET status = 'recovered', next_deadline_key = NULL, "
                  "next_deadline_due = NULL");
  EXPECT_NE(dir_.run({"cases", "--db", demo_db, "--as-of", "2026-03-02", "--all"}).out,
            before.out);
  const RunResult rebuild = dir_.run({"rebuild", "--db", demo_db, "--as-of", "2026-03-02"});
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.err;
  EXPECT_EQ(dir_.run({"cases", "--db", demo_db, "--as-of", "2026-03-02", "--all"}).out,
            before.out);
  EXPECT_EQ(dir_.run({"verify", "--db", demo_db}).exit_code, 0);
}

TEST_F(CliDatabaseTest, EveryCommandHasHelp) {
  for (const char* command : {"init", "append", "show", "cases", "verify", "rebuild", "demo"}) {
    const RunResult help = dir_.run({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("--db"), std::string::npos) << command;
  }
}

TEST_F(CliDatabaseTest, UserAddCreatesTheFirstAdministratorWithAnArgon2idHash) {
  const RunResult added = dir_.run({"user", "add", "--db", db_, "--email", "root@example.nl",
                                    "--name", "Beheer", "--role", "administrator"},
                                   "een heel goed wachtwoord\n");
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM users WHERE email = 'root@example.nl' AND "
                               "password_hash LIKE '$argon2id$%'"),
            1);
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM audit_events WHERE action = 'user_created'"),
            1);
  // Bad input changes nothing: a weak password, an unknown role, a taken address, no password.
  const long long before = query_integer(db_, "SELECT count(*) FROM users");
  EXPECT_EQ(dir_.run({"user", "add", "--db", db_, "--email", "b@example.nl", "--name", "B",
                      "--role", "administrator"},
                     "kort\n")
                .exit_code,
            2);
  const RunResult role = dir_.run({"user", "add", "--db", db_, "--email", "c@example.nl",
                                   "--name", "C", "--role", "koning"},
                                  "een heel goed wachtwoord\n");
  EXPECT_EQ(role.exit_code, 2);
  EXPECT_NE(role.err.find("--role"), std::string::npos) << role.err;
  EXPECT_EQ(dir_.run({"user", "add", "--db", db_, "--email", "ROOT@example.nl", "--name", "R",
                      "--role", "administrator"},
                     "een heel goed wachtwoord\n")
                .exit_code,
            2);
  EXPECT_EQ(dir_.run({"user", "add", "--db", db_, "--email", "d@example.nl", "--name", "D",
                      "--role", "administrator"})
                .exit_code,
            2);
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM users"), before);
}

}  // namespace
}  // namespace spoorboek::testing
