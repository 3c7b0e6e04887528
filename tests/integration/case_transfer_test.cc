// `spoorboek export` and `import`: a case file out as JSON and back, refused whole when the file
// is corrupt or tampered with, idempotent; and `export-cases` (CSV for payroll and HR). Bad input
// writes nothing: no output file, no row in the database.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/integration/cli_harness.h"

namespace spoorboek::testing {
namespace {

using Json = nlohmann::json;

std::string read_text(const std::string& path) { return read_file(path); }
void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every file of the directory, for "nothing was left behind".
std::vector<std::string> files_in(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class CaseTransferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("demo.db");
    const RunResult demo = dir_.run({"demo", "--db", db_, "--seed", "3", "--as-of", "2026-03-02"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    // A long case with a sealed medical part: the hardest to carry over.
    case_ = query_integer(db_,
                          "SELECT case_id FROM entries GROUP BY case_id "
                          "HAVING count(*) >= 5 AND count(medical) >= 1 ORDER BY case_id LIMIT 1");
    ASSERT_GT(case_, 0);
    entries_ = query_integer(db_, "SELECT count(*) FROM entries WHERE case_id = " + id());
    export_ = dir_.file("case.json");
    const RunResult out = dir_.run({"export", "--db", db_, id(), "--out", export_});
    ASSERT_EQ(out.exit_code, 0) << out.err;
  }

  std::string id() const { return std::to_string(case_); }

  // A new, initialised database that shares the demo database's key file (as a second
  // installation restored from the same key backup would).
  std::string fresh_database(const std::string& name, bool same_key = true) {
    const std::string path = dir_.file(name);
    if (same_key) std::filesystem::copy_file(db_ + ".key", path + ".key");
    const RunResult init = dir_.run({"init", "--db", path});
    EXPECT_EQ(init.exit_code, 0) << init.err;
    return path;
  }

  // Imports `document` into a fresh database and expects a refusal that names `field`; the
  // database must hold nothing afterwards.
  void expect_refused(const Json& document, const std::string& field, const std::string& why) {
    const std::string fresh = fresh_database("refused.db");
    const std::string file = dir_.file("tampered.json");
    write_text(file, document.dump(1));
    const RunResult imported = dir_.run({"import", "--db", fresh, file});
    EXPECT_EQ(imported.exit_code, 2) << imported.out;
    EXPECT_NE(imported.err.find(field), std::string::npos) << imported.err;
    EXPECT_NE(imported.err.find(why), std::string::npos) << imported.err;
    for (const char* table : {"cases", "entries", "employers", "employees", "case_summaries"}) {
      EXPECT_EQ(query_integer(fresh, std::string("SELECT count(*) FROM ") + table), 0) << table;
    }
  }

  Json exported() const { return Json::parse(read_text(export_)); }

  ScratchDir dir_;
  std::string db_;
  std::string export_;
  long long case_ = 0;
  long long entries_ = 0;
};

TEST_F(CaseTransferTest, FullExportHoldsEveryEntryWithItsChainAndSealedMedicalParts) {
  const Json file = exported();
  EXPECT_EQ(file["format"], "spoorboek-case-file");
  EXPECT_EQ(file["kind"], "full");
  EXPECT_EQ(file["medical"], "sealed");
  EXPECT_EQ(file["case"]["id"], case_);
  EXPECT_FALSE(file["employee"]["personnel_number"].get<std::string>().empty());
  ASSERT_EQ(static_cast<long long>(file["entries"].size()), entries_);
  int sealed = 0;
  for (std::size_t i = 0; i < file["entries"].size(); ++i) {
    const Json& entry = file["entries"][i];
    EXPECT_EQ(entry["seq"], static_cast<long long>(i) + 1);
    EXPECT_TRUE(entry["payload"].is_object());
    if (entry["medical"].is_string()) {
      ++sealed;
      EXPECT_TRUE(entry["medical"].get<std::string>().starts_with("sealed:v1:"));
    }
  }
  EXPECT_GE(sealed, 1);
  // The demo's medical text never leaves in clear.
  EXPECT_EQ(read_text(export_).find("Alleen voor de bedrijfsarts"), std::string::npos);
  EXPECT_EQ(file["last_hash"], file["entries"].back()["hash"]);
  // Exports hold personal data: readable by their owner only.
  const auto permissions = std::filesystem::status(export_).permissions();
  EXPECT_EQ(permissions & std::filesystem::perms::others_read, std::filesystem::perms::none);
}

TEST_F(CaseTransferTest, ImportIntoAnotherDatabaseReproducesTheCaseAndTwiceChangesNothing) {
  const std::string fresh = fresh_database("fresh.db");
  const RunResult first = dir_.run({"import", "--db", fresh, export_});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("imported case " + id() + ": " + std::to_string(entries_) + " of " +
                           std::to_string(entries_) + " entries added (new case)"),
            std::string::npos)
      << first.out;
  const std::string last_hash =
      "SELECT hash FROM entries WHERE case_id = " + id() + " ORDER BY seq DESC LIMIT 1";
  EXPECT_EQ(query_integer(fresh, "SELECT count(*) FROM entries WHERE case_id = " + id()),
            entries_);
  EXPECT_EQ(query_integer(fresh, "SELECT count(*) FROM entries e1 WHERE case_id = " + id() +
                                     " AND hash = (" + last_hash + ")"),
            1);
  const RunResult verify = dir_.run({"verify", "--db", fresh});
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  // The same case, read back: the projection was rebuilt and the case shows.
  const RunResult shown = dir_.run({"show", "--db", fresh, id()});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  // The medical parts still open with the shared key: the doctor's view is the same (checked
  // through the database: the sealed text is byte for byte the original's).
  EXPECT_EQ(query_integer(fresh, "SELECT count(medical) FROM entries WHERE case_id = " + id()),
            query_integer(db_, "SELECT count(medical) FROM entries WHERE case_id = " + id()));

  // Twice: nothing changes, and the command says so.
  const auto rows = [&](const std::string& db) {
    return query_integer(db, "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM "
                             "employers) * 1000 + (SELECT count(*) FROM employees) * 100000 + "
                             "(SELECT count(*) FROM audit_events) * 10000000");
  };
  const long long before = rows(fresh);
  const RunResult second = dir_.run({"import", "--db", fresh, export_});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("unchanged"), std::string::npos) << second.out;
  EXPECT_EQ(rows(fresh), before);
}

TEST_F(CaseTransferTest, ImportIntoTheDatabaseItCameFromChangesNothing) {
  const long long before = query_integer(db_, "SELECT count(*) FROM entries");
  const RunResult imported = dir_.run({"import", "--db", db_, export_});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("unchanged: the database holds case " + id()), std::string::npos)
      << imported.out;
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM entries"), before);
}

TEST_F(CaseTransferTest, AFileThatExtendsTheDatabasesCopyAddsTheNewerEntries) {
  // An older copy: the first three entries only.
  Json older = exported();
  older["entries"].erase(older["entries"].begin() + 3, older["entries"].end());
  older["last_hash"] = older["entries"].back()["hash"];
  const std::string older_file = dir_.file("older.json");
  write_text(older_file, older.dump());
  const std::string fresh = fresh_database("fresh.db");
  ASSERT_EQ(dir_.run({"import", "--db", fresh, older_file}).exit_code, 0);
  EXPECT_EQ(query_integer(fresh, "SELECT count(*) FROM entries"), 3);
  const RunResult newer = dir_.run({"import", "--db", fresh, export_});
  EXPECT_EQ(newer.exit_code, 0) << newer.err;
  EXPECT_NE(newer.out.find(std::to_string(entries_ - 3) + " of " + std::to_string(entries_) +
                           " entries added (the case continued)"),
            std::string::npos)
      << newer.out;
  EXPECT_EQ(dir_.run({"verify", "--db", fresh}).exit_code, 0);
  // And the older copy again: the database is ahead of it, nothing changes.
  const RunResult stale = dir_.run({"import", "--db", fresh, older_file});
  EXPECT_EQ(stale.exit_code, 0);
  EXPECT_NE(stale.out.find("unchanged"), std::string::npos) << stale.out;
  EXPECT_EQ(query_integer(fresh, "SELECT count(*) FROM entries"), entries_);
}

TEST_F(CaseTransferTest, AChangedPayloadIsRefusedWhole) {
  Json file = exported();
  file["entries"][1]["payload"]["forged"] = true;
  expect_refused(file, "entries[1]", "changed");
}

TEST_F(CaseTransferTest, AChangedDateIsRefusedWhole) {
  Json file = exported();
  file["entries"][0]["occurred_on"] = "2020-01-01";
  expect_refused(file, "entries[0]", "changed");
}

TEST_F(CaseTransferTest, ARemovedEntryIsRefusedWhole) {
  Json file = exported();
  file["entries"].erase(file["entries"].begin() + 2);
  expect_refused(file, "entries[2]", "missing");
}

TEST_F(CaseTransferTest, AReorderedChainIsRefusedWhole) {
  Json file = exported();
  std::swap(file["entries"][1], file["entries"][2]);
  expect_refused(file, "entries[1]", "missing");
}

TEST_F(CaseTransferTest, ARehashedForgeryIsRefusedAtTheFirstForgedLink) {
  // An attacker changes entry 2 and writes its new hash, but cannot fix entry 3's prev_hash
  // without changing entry 3's hash, and so on: the chain breaks at entry 3.
  Json file = exported();
  file["entries"][1]["payload"]["forged"] = true;
  file["entries"][1]["hash"] = std::string(64, 'a');
  expect_refused(file, "entries[1]", "changed");
}

TEST_F(CaseTransferTest, ATruncatedTailIsRefused) {
  Json file = exported();
  file["entries"].erase(file["entries"].end() - 1);
  expect_refused(file, "last_hash", "removed");
}

TEST_F(CaseTransferTest, AMovedMedicalPartIsRefused) {
  Json file = exported();
  std::size_t with_medical = 0;
  while (!file["entries"][with_medical]["medical"].is_string()) ++with_medical;
  // Replaced by another sealed text of the right shape: the entry's hash no longer matches.
  std::string sealed = file["entries"][with_medical]["medical"];
  sealed.back() = sealed.back() == 'A' ? 'B' : 'A';
  file["entries"][with_medical]["medical"] = sealed;
  expect_refused(file, "entries[" + std::to_string(with_medical) + "]", "changed");
}

TEST_F(CaseTransferTest, CorruptAndForeignFilesAreRefusedWithTheirReason) {
  const std::string fresh = fresh_database("fresh.db");
  const std::string text = read_text(export_);
  const std::string cut = dir_.file("cut.json");
  write_text(cut, text.substr(0, text.size() / 2));
  RunResult imported = dir_.run({"import", "--db", fresh, cut});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("not valid JSON"), std::string::npos) << imported.err;

  Json foreign = exported();
  foreign["format"] = "something-else";
  write_text(cut, foreign.dump());
  imported = dir_.run({"import", "--db", fresh, cut});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("format"), std::string::npos) << imported.err;

  Json unknown_field = exported();
  unknown_field["entries"][0]["extra"] = 1;
  write_text(cut, unknown_field.dump());
  imported = dir_.run({"import", "--db", fresh, cut});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("entries[0].extra"), std::string::npos) << imported.err;

  Json bad_type = exported();
  bad_type["entries"][0]["type"] = "no_such_type";
  write_text(cut, bad_type.dump());
  imported = dir_.run({"import", "--db", fresh, cut});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("entries[0].type"), std::string::npos) << imported.err;

  imported = dir_.run({"import", "--db", fresh, dir_.file("does-not-exist.json")});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("cannot be read"), std::string::npos) << imported.err;
  EXPECT_EQ(query_integer(fresh, "SELECT count(*) FROM entries"), 0);
  EXPECT_EQ(query_integer(fresh, "SELECT count(*) FROM employers"), 0);
}

TEST_F(CaseTransferTest, MedicalPartsSealedWithAnotherKeyAreRefused) {
  const std::string other = fresh_database("other-key.db", /*same_key=*/false);
  const RunResult imported = dir_.run({"import", "--db", other, export_});
  EXPECT_EQ(imported.exit_code, 2) << imported.out;
  EXPECT_NE(imported.err.find("another key"), std::string::npos) << imported.err;
  EXPECT_EQ(query_integer(other, "SELECT count(*) FROM entries"), 0);
}

TEST_F(CaseTransferTest, ACaseIdOfAnotherEmployeeIsAConflict) {
  // The file claims the case for another employee of the same database.
  Json file = exported();
  file["employee"]["personnel_number"] = "not-in-the-demo";
  file["employee"]["name"] = "Iemand Anders";
  const std::string path = dir_.file("other-employee.json");
  write_text(path, file.dump());
  const long long employees = query_integer(db_, "SELECT count(*) FROM employees");
  const RunResult imported = dir_.run({"import", "--db", db_, path});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("belongs to another employee"), std::string::npos) << imported.err;
  // The employee the import would have made was rolled back with the rest.
  EXPECT_EQ(query_integer(db_, "SELECT count(*) FROM employees"), employees);
}

TEST_F(CaseTransferTest, AViewExportHoldsWhatTheUserMaySeeAndCannotBeImported) {
  const std::string view = dir_.file("view.json");
  // The case manager reaches the demo's first employer's cases; find one of them.
  const long long managed = query_integer(
      db_, "SELECT c.id FROM cases c JOIN employees e ON e.id = c.employee_id "
           "JOIN users u ON u.employer_id = e.employer_id JOIN entries x ON x.case_id = c.id "
           "WHERE u.email = 'casemanager@demo.test' AND x.medical IS NOT NULL LIMIT 1");
  ASSERT_GT(managed, 0);
  const RunResult out = dir_.run({"export", "--db", db_, std::to_string(managed), "--out", view,
                                  "--as", "casemanager@demo.test"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  const Json file = Json::parse(read_text(view));
  EXPECT_EQ(file["kind"], "view");
  EXPECT_EQ(file["medical"], "withheld");
  bool withheld = false;
  for (const auto& entry : file["entries"]) {
    EXPECT_TRUE(entry["medical"].is_null());
    withheld = withheld || entry.value("medical_withheld", false);
  }
  EXPECT_TRUE(withheld);
  EXPECT_EQ(read_text(view).find("sealed:"), std::string::npos);
  // The export is in the read log (the file of its own beside the database), like any other read
  // of the case file.
  EXPECT_GE(query_integer(db_ + ".reads", "SELECT count(*) FROM case_reads WHERE what = 'export' AND "
                               "case_id = " + std::to_string(managed)),
            1);

  const std::string fresh = fresh_database("fresh.db");
  const RunResult imported = dir_.run({"import", "--db", fresh, view});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("kind"), std::string::npos) << imported.err;
}

TEST_F(CaseTransferTest, BadExportsWriteNothing) {
  const std::filesystem::path out_dir = dir_.path() / "out";
  std::filesystem::create_directory(out_dir);
  const std::string target = (out_dir / "case.json").string();

  // An unknown case.
  RunResult run = dir_.run({"export", "--db", db_, "999999", "--out", target});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("case 999999"), std::string::npos) << run.err;
  // A case the user may not see: the demo employee and somebody else's case; the same answer as
  // for a case that does not exist.
  const long long own = query_integer(
      db_, "SELECT c.id FROM cases c JOIN users u ON u.employee_id = c.employee_id "
           "WHERE u.email = 'employee@demo.test' LIMIT 1");
  const long long other = query_integer(
      db_, "SELECT id FROM cases WHERE id <> " + std::to_string(own) + " LIMIT 1");
  run = dir_.run({"export", "--db", db_, std::to_string(other), "--out", target, "--as",
                  "employee@demo.test"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("case " + std::to_string(other)), std::string::npos) << run.err;
  // An unknown user.
  run = dir_.run({"export", "--db", db_, id(), "--out", target, "--as", "nobody@demo.test"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--as"), std::string::npos) << run.err;
  EXPECT_TRUE(files_in(out_dir).empty()) << "a refused export left a file behind";

  // Unwritable paths: a directory that does not exist, and a directory in the file's place.
  run = dir_.run({"export", "--db", db_, id(), "--out", (out_dir / "missing" / "x.json").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot write"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--out"), std::string::npos) << run.err;
  std::filesystem::create_directory(out_dir / "a-directory");
  run = dir_.run({"export", "--db", db_, id(), "--out", (out_dir / "a-directory").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot write"), std::string::npos) << run.err;
  EXPECT_EQ(files_in(out_dir), std::vector<std::string>{"a-directory"})
      << "a failed write left a temporary file behind";

  // A failed export leaves an earlier file as it was.
  write_text(target, "earlier");
  run = dir_.run({"export", "--db", db_, "999999", "--out", target});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(read_text(target), "earlier");
}

TEST_F(CaseTransferTest, ExportCasesWritesGuardedCsvOfTheCasesTheUserReaches) {
  // A name a spreadsheet would run as a formula.
  tamper(db_, "UPDATE employees SET name = '=HYPERLINK(\"http://evil\",\"x\")' WHERE id = "
              "(SELECT employee_id FROM cases WHERE id = " + id() + ")");
  const std::string csv = dir_.file("cases.csv");
  RunResult run = dir_.run({"export-cases", "--db", db_, "--out", csv, "--all", "--as-of",
                            "2026-03-02"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string text = read_text(csv);
  EXPECT_TRUE(text.starts_with("case_id,employer,personnel_number,employee,status,"
                               "first_sick_day,sick_week,next_deadline,next_deadline_name,"
                               "next_deadline_due,days_left,waiting_period_end\r\n"))
      << text.substr(0, 200);
  // One row per case, every line ending in CRLF.
  long long lines = 0;
  for (std::size_t at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at + 2)) {
    ++lines;
  }
  EXPECT_EQ(lines, query_integer(db_, "SELECT count(*) FROM cases") + 1);
  EXPECT_NE(text.find("\r\n" + id() + ","), std::string::npos);
  EXPECT_NE(text.find(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","), std::string::npos)
      << "the formula must be quoted and start with an apostrophe";
  EXPECT_EQ(text.find("sealed:"), std::string::npos);
  EXPECT_EQ(text.find("Alleen voor de bedrijfsarts"), std::string::npos);

  // As the case manager: only the cases of the manager's employer.
  run = dir_.run({"export-cases", "--db", db_, "--out", csv, "--all", "--as",
                  "casemanager@demo.test"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string managed = read_text(csv);
  long long managed_lines = 0;
  for (std::size_t at = managed.find("\r\n"); at != std::string::npos;
       at = managed.find("\r\n", at + 2)) {
    ++managed_lines;
  }
  EXPECT_EQ(managed_lines,
            query_integer(db_, "SELECT count(*) FROM cases c JOIN employees e ON "
                               "e.id = c.employee_id JOIN users u ON u.employer_id = "
                               "e.employer_id WHERE u.email = 'casemanager@demo.test'") +
                1);

  // Bad input writes nothing.
  const std::string untouched = dir_.file("untouched.csv");
  run = dir_.run({"export-cases", "--db", db_, "--out", untouched, "--status", "nonsense"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("status"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(untouched));
  run = dir_.run({"export-cases", "--db", db_, "--out", dir_.file("missing/cases.csv")});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot write"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace spoorboek::testing
