// `spoorboek import-employees`, `import-reports` and `held-reports` on a real database file: the
// same file twice changes no table, a bad line (impossible date, wrong encoding, cut off) writes
// nothing and names its line, a dry run writes nothing and prints the real run's plan, a
// recovery before its sick report is held and applied later, and only the administrator and the
// employer's case manager may import.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/integration/cli_harness.h"

namespace spoorboek::testing {
namespace {

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every row of every table, sorted: equal dumps, equal databases.
std::string dump(const std::string& db_path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> tables;
  sqlite3_stmt* list = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1,
                     &list, nullptr);
  while (sqlite3_step(list) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list, 0)));
  }
  sqlite3_finalize(list);
  std::string text;
  for (const auto& table : tables) {
    sqlite3_stmt* rows = nullptr;
    sqlite3_prepare_v2(db, ("SELECT * FROM \"" + table + "\"").c_str(), -1, &rows, nullptr);
    std::vector<std::string> lines;
    while (sqlite3_step(rows) == SQLITE_ROW) {
      std::string line;
      for (int c = 0; c < sqlite3_column_count(rows); ++c) {
        const auto* value = sqlite3_column_text(rows, c);
        line += (value ? reinterpret_cast<const char*>(value) : "NULL") + std::string("|");
      }
      lines.push_back(std::move(line));
    }
    sqlite3_finalize(rows);
    std::sort(lines.begin(), lines.end());
    text += "[" + table + "] " + std::to_string(lines.size()) + "\n";
    for (const auto& line : lines) text += line + "\n";
  }
  sqlite3_close(db);
  return text;
}

// The printed plan without what only a real run knows (new case ids) and the last line.
std::vector<std::string> plan_lines(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (line == "written" || line == "dry run: nothing written") continue;
    if (const auto at = line.rfind(" (case "); at != std::string::npos) line.erase(at);
    lines.push_back(line);
  }
  return lines;
}

constexpr const char* kStaff =
    "\xEF\xBB\xBFPersoneelsnummer;Naam;Afdeling\r\n"
    "00123;\"Vries, J. de\";Winkel\r\n"
    "00124;A. Jansen;\"Bakkerij; oven\"\r\n"
    "00125;P. Smit;Winkel\r\n";

// Sick and recovery reports in no particular order, Dutch and ISO dates, a quoted field with a
// separator and a line end, and one report twice.
constexpr const char* kReports =
    "Personeelsnummer;Soort;Datum;Percentage;Opmerking\r\n"
    "00123;Hersteld;30-01-2024;;\r\n"
    "00123;Ziekmelding;2024-01-08;;\"griep; thuis\r\nbelt maandag\"\r\n"
    "00124;gedeeltelijk hersteld;15-1-2024;50;\r\n"
    "00124;ziek;08-01-2024;;\r\n"
    "00124;ziek;8-1-2024;;\r\n"
    "00125;hersteld;12-02-2024;;\r\n";

class HrImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("hr.db");
    ASSERT_EQ(dir_.run({"init", "--db", db_}).exit_code, 0);
    tamper(db_, "INSERT INTO employers (name) VALUES ('Bakkerij'), ('Garage')");
    write_text(dir_.file("personeel.csv"), kStaff);
    write_text(dir_.file("verzuim.csv"), kReports);
    const RunResult staff = import("import-employees", "personeel.csv");
    ASSERT_EQ(staff.exit_code, 0) << staff.err;
  }

  RunResult import(const std::string& command, const std::string& file,
                   std::vector<std::string> extra = {}) {
    std::vector<std::string> args{command, "--db", db_, "--employer", "1", dir_.file(file)};
    args.insert(args.end(), extra.begin(), extra.end());
    return dir_.run(args);
  }

  ScratchDir dir_;
  std::string db_;
};

TEST_F(HrImportCliTest, TheStaffListIsImportedOnce) {
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM employees WHERE employer_id = 1"), 3);
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM employees WHERE name = 'Vries, J. de'"), 1);
  const std::string before = dump(db_);
  const RunResult again = import("import-employees", "personeel.csv");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("unchanged 3"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("ignored columns: Afdeling"), std::string::npos) << again.out;
  EXPECT_EQ(dump(db_), before);
}

TEST_F(HrImportCliTest, TheSameReportsTwiceChangeNoTable) {
  const RunResult first = import("import-reports", "verzuim.csv");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("line 7: duplicate: the same as line 6"), std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find("line 8: held: 00125 recovery on 2024-02-12 held"), std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find("created 4, duplicate 1, held 1; held for the employer: 1"),
            std::string::npos)
      << first.out;
  // Every line names the case it went to (the quoted line end moves the lines below it).
  EXPECT_NE(first.out.find("line 2: created: 00123 recovery on 2024-01-30 in the new case from "
                           "2024-01-08 (case 1)"),
            std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find("line 5: created: 00124 partial recovery (50%) from 2024-01-15 in the "
                           "new case from 2024-01-08 (case 2)"),
            std::string::npos)
      << first.out;
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM entries"), 4);
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM entries WHERE actor = 'import:verzuim.csv'"),
            4);
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM held_reports"), 1);
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM audit_events WHERE action = "
                               "'hr_import_reports'"),
            1);

  const std::string before = dump(db_);
  const RunResult second = import("import-reports", "verzuim.csv");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("nothing to change"), std::string::npos) << second.out;
  EXPECT_EQ(dump(db_), before);
  EXPECT_EQ(dir_.run({"verify", "--db", db_}).exit_code, 0);
}

TEST_F(HrImportCliTest, OneBadLineWritesNothingAndNamesItsLineAndColumn) {
  write_text(dir_.file("fout.csv"),
             "personeelsnummer;soort;datum\n"
             "00123;ziek;08-01-2024\n"
             "00124;ziek;31-02-2024\n"
             "00999;ziek;08-01-2024\n");
  const std::string before = dump(db_);
  const RunResult run = import("import-reports", "fout.csv");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("line 3, column datum: '31-02-2024' is not a calendar date: February "
                         "2024 has 29 days"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("line 4, column personeelsnummer: no employee of Bakkerij has the "
                         "personnel number 00999"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("2 errors; nothing written"), std::string::npos) << run.err;
  EXPECT_EQ(dump(db_), before);
}

TEST_F(HrImportCliTest, AWindows1252FileIsRefusedAsWrongEncoding) {
  write_text(dir_.file("ansi.csv"),
             "personeelsnummer;naam\n00126;K. Nieuw\n00127;Jos\xE9 Ruiz\n");
  const std::string before = dump(db_);
  const RunResult run = import("import-employees", "ansi.csv");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("line 3: wrong encoding: the file is not UTF-8"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("CSV UTF-8"), std::string::npos) << run.err;
  EXPECT_EQ(dump(db_), before);
}

TEST_F(HrImportCliTest, AFileCutOffMidLineIsRefused) {
  write_text(dir_.file("kort.csv"), "personeelsnummer;soort;datum\n00123;ziek;08-01-2024\n00124;zi");
  const std::string before = dump(db_);
  const RunResult run = import("import-reports", "kort.csv");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("line 3: is cut off"), std::string::npos) << run.err;
  EXPECT_EQ(dump(db_), before);
}

TEST_F(HrImportCliTest, ADryRunWritesNothingAndPrintsTheRealRunsPlan) {
  const std::string before = dump(db_);
  const RunResult dry = import("import-reports", "verzuim.csv", {"--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("dry run: nothing written"), std::string::npos);
  EXPECT_EQ(dump(db_), before);
  const RunResult real = import("import-reports", "verzuim.csv");
  ASSERT_EQ(real.exit_code, 0) << real.err;
  EXPECT_EQ(plan_lines(dry.out), plan_lines(real.out));
  EXPECT_NE(dump(db_), before);
}

TEST_F(HrImportCliTest, ARecoveryBeforeItsSickReportIsHeldListedAndAppliedLater) {
  write_text(dir_.file("herstel.csv"), "personeelsnummer;soort;datum\n00125;hersteld;12-02-2024\n");
  ASSERT_EQ(import("import-reports", "herstel.csv").exit_code, 0);
  const RunResult held = dir_.run({"held-reports", "--db", db_, "--employer", "1"});
  ASSERT_EQ(held.exit_code, 0) << held.err;
  EXPECT_NE(held.out.find("00125\tP. Smit\trecovery\t2024-02-12\t{}\therstel.csv, line 2"),
            std::string::npos)
      << held.out;
  EXPECT_NE(held.out.find("1 held"), std::string::npos);

  write_text(dir_.file("ziek.csv"), "personeelsnummer;soort;datum\n00125;ziek;05-02-2024\n");
  const RunResult later = import("import-reports", "ziek.csv");
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_NE(later.out.find("held before: applied_from_held: 00125 recovery on 2024-02-12"),
            std::string::npos)
      << later.out;
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM held_reports"), 0);
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM case_summaries WHERE status = 'recovered'"),
            1);
  EXPECT_NE(dir_.run({"held-reports", "--db", db_, "--employer", "1"}).out.find("0 held"),
            std::string::npos);
}

TEST_F(HrImportCliTest, OnlyTheAdministratorAndTheEmployersCaseManagerImport) {
  ASSERT_EQ(dir_.run({"user", "add", "--db", db_, "--email", "lm@bakkerij.test", "--name", "LM",
                      "--role", "line_manager", "--employer-id", "1"},
                     "een lang wachtwoord 123\n")
                .exit_code,
            0);
  ASSERT_EQ(dir_.run({"user", "add", "--db", db_, "--email", "hr@bakkerij.test", "--name", "HR",
                      "--role", "case_manager", "--employer-id", "1"},
                     "een lang wachtwoord 123\n")
                .exit_code,
            0);
  ASSERT_EQ(dir_.run({"user", "add", "--db", db_, "--email", "hr@garage.test", "--name", "HR2",
                      "--role", "case_manager", "--employer-id", "2"},
                     "een lang wachtwoord 123\n")
                .exit_code,
            0);
  const std::string before = dump(db_);
  const RunResult manager = import("import-reports", "verzuim.csv", {"--as", "lm@bakkerij.test"});
  EXPECT_EQ(manager.exit_code, 2);
  EXPECT_NE(manager.err.find("only an administrator or the employer's case manager"),
            std::string::npos)
      << manager.err;
  const RunResult other = import("import-reports", "verzuim.csv", {"--as", "hr@garage.test"});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("no employer with id 1"), std::string::npos) << other.err;
  EXPECT_EQ(dump(db_), before);

  const RunResult own = import("import-reports", "verzuim.csv", {"--as", "hr@bakkerij.test"});
  ASSERT_EQ(own.exit_code, 0) << own.err;
  const long long hr_id =
      query_integer(db_, "SELECT id FROM users WHERE email = 'hr@bakkerij.test'");
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM audit_events WHERE action = "
                               "'hr_import_reports' AND user_id = " +
                                   std::to_string(hr_id)),
            1);
}

TEST_F(HrImportCliTest, ProgressGoesToStderrInStepsOfTenPercent) {
  std::string file = "personeelsnummer;naam\n";
  for (int i = 0; i < 40; ++i) file += "N" + std::to_string(i) + ";Naam " + std::to_string(i) + "\n";
  write_text(dir_.file("groot.csv"), file);
  const RunResult run = import("import-employees", "groot.csv");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("import-employees: checking 10% (4/40)"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("import-employees: writing 100% (40/40)"), std::string::npos) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 20);
  EXPECT_EQ(run.err.find('\r'), std::string::npos);
}

}  // namespace
}  // namespace spoorboek::testing
