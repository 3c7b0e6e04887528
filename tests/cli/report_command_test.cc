// `spoorboek report` as a user runs it on a demo database: a PDF file on success, and for every
// bad request (unknown case, a case the user may not see, an unknown document kind or language,
// an unknown user, an unwritable output path) exit code 2, the reason on stderr naming the field,
// and no file written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace spoorboek::cli::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;

// One demo database for the whole binary, in a directory of its own.
class ReportCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("spoorboek-report-" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    db_ = new std::string((*dir_ / "demo.db").string());
    const RunResult demo = run_spoorboek("demo --db " + quoted_path(*db_));
    ASSERT_EQ(demo.exit_code, kExitOk) << demo.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }

  static std::string out(const std::string& name) { return (*dir_ / name).string(); }
  static RunResult report(const std::string& arguments) {
    return run_spoorboek("report --db " + quoted_path(*db_) + " " + arguments);
  }
  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  // Files in the output directory besides the database and its companions.
  static int documents_written() {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(*dir_)) {
      const std::string name = entry.path().filename().string();
      if (!name.starts_with("demo.db")) ++count;
    }
    return count;
  }

  static fs::path* dir_;
  static std::string* db_;
};
fs::path* ReportCommand::dir_ = nullptr;
std::string* ReportCommand::db_ = nullptr;

TEST_F(ReportCommand, WritesThePdfOfEachDocumentInEitherLanguage) {
  for (const char* kind : {"riv", "plan", "conversation"}) {
    for (const char* lang : {"nl", "en"}) {
      const std::string file = out(std::string(kind) + "-" + lang + ".pdf");
      const RunResult run = report("1 --document " + std::string(kind) + " --lang " + lang +
                                   " --out " + quoted_path(file));
      if (run.exit_code != kExitOk) {
        // Only a document whose subject this case lacks may be refused, and then says so.
        EXPECT_NE(run.err.find("document: the case file holds no"), std::string::npos) << run.err;
        continue;
      }
      EXPECT_TRUE(read(file).starts_with("%PDF-")) << file;
      EXPECT_NE(run.out.find(file), std::string::npos);
      fs::remove(file);
    }
  }
  // The default document is the RIV.
  const RunResult riv = report("1 --out " + quoted_path(out("default.pdf")));
  ASSERT_EQ(riv.exit_code, kExitOk) << riv.err;
  EXPECT_TRUE(read(out("default.pdf")).starts_with("%PDF-"));
  fs::remove(out("default.pdf"));
}

TEST_F(ReportCommand, AsAUserItIsThatUsersView) {
  // The GP pack is the employee's: the CLI's administrator may not make it, the doctor may.
  const RunResult refused = report("1 --document gp_pack --out " + quoted_path(out("gp.pdf")));
  EXPECT_EQ(refused.exit_code, kExitBadInput);
  EXPECT_NE(refused.err.find("spoorboek report: document: "), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(out("gp.pdf")));
  const RunResult doctor =
      report("1 --document gp_pack --as doctor@demo.test --out " + quoted_path(out("gp.pdf")));
  ASSERT_EQ(doctor.exit_code, kExitOk) << doctor.err;
  EXPECT_TRUE(read(out("gp.pdf")).starts_with("%PDF-"));
  fs::remove(out("gp.pdf"));
}

TEST_F(ReportCommand, BadRequestsAreRefusedAndWriteNothing) {
  const std::string file = quoted_path(out("refused.pdf"));
  struct Case {
    std::string arguments;
    std::string error;
  };
  const Case cases[] = {
      {"999999 --out " + file, "spoorboek report: case: no case with id 999999"},
      {"1 --document medical --out " + file, "--document: unknown document 'medical'"},
      {"1 --lang de --out " + file, "--lang: unknown language 'de'"},
      {"1 --as nobody@demo.test --out " + file, "--as: there is no user 'nobody@demo.test'"},
      {"1 --out " + quoted_path(out("no-such-dir/x.pdf")), "--out: cannot write '"},
      {"1 --out " + quoted_path(dir_->string()), "--out: cannot write '"},
      {"1 --out /proc/spoorboek.pdf", "--out: cannot write '/proc/spoorboek.pdf'"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.arguments);
    const RunResult run = report(c.arguments);
    EXPECT_EQ(run.exit_code, kExitBadInput) << run.err;
    EXPECT_NE(run.err.find(c.error), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(documents_written(), 0);
  }
}

TEST_F(ReportCommand, ACaseTheUserMayNotSeeIsRefusedLikeOneThatDoesNotExist) {
  // The demo employee reaches their own case only: of three cases at least two are not theirs.
  int refused = 0;
  for (int id = 1; id <= 3; ++id) {
    const std::string file = out("case-" + std::to_string(id) + ".pdf");
    const RunResult run =
        report(std::to_string(id) + " --as employee@demo.test --out " + quoted_path(file));
    if (run.exit_code == kExitOk) {
      fs::remove(file);
      continue;
    }
    ++refused;
    EXPECT_EQ(run.exit_code, kExitBadInput);
    // Word for word what a case that does not exist gets.
    EXPECT_EQ(run.err, "spoorboek report: case: no case with id " + std::to_string(id) + "\n");
    EXPECT_FALSE(fs::exists(file));
  }
  EXPECT_GE(refused, 2);
}

TEST_F(ReportCommand, AFailedRunLeavesAnExistingFileAsItWas) {
  const std::string file = out("kept.pdf");
  std::ofstream(file) << "earlier";
  const RunResult run = report("999999 --out " + quoted_path(file));
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_EQ(read(file), "earlier");
  fs::remove(file);
}

}  // namespace
}  // namespace spoorboek::cli::testing
