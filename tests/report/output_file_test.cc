// A document reaches the disk complete or not at all: nothing is left behind when the target
// cannot be written, and an existing file is replaced only by a complete new one.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/pdf.h"

namespace spoorboek::report {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("spoorboek-out-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all);
    fs::remove_all(dir_);
  }
  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::size_t files_in_dir() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }
  fs::path dir_;
};

TEST_F(OutputFileTest, WritesTheBytesAndLeavesNoTemporaryFile) {
  const fs::path target = dir_ / "out.pdf";
  ASSERT_TRUE(write_file_atomically(target.string(), "%PDF-1.5 body").ok());
  EXPECT_EQ(read(target), "%PDF-1.5 body");
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(OutputFileTest, ReplacesAnExistingFileWhole) {
  const fs::path target = dir_ / "out.pdf";
  std::ofstream(target) << "old";
  ASSERT_TRUE(write_file_atomically(target.string(), "new content").ok());
  EXPECT_EQ(read(target), "new content");
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(OutputFileTest, AMissingDirectoryIsAClearErrorAndWritesNothing) {
  const fs::path target = dir_ / "no-such-dir" / "out.pdf";
  const auto status = write_file_atomically(target.string(), "x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "unwritable");
  EXPECT_EQ(status.error().field, "out");
  EXPECT_NE(status.error().message.find(target.string()), std::string::npos);
  EXPECT_EQ(files_in_dir(), 0u);
}

TEST_F(OutputFileTest, ADirectoryAsTargetIsRefused) {
  const auto status = write_file_atomically(dir_.string(), "x");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("directory"), std::string::npos);
  EXPECT_EQ(files_in_dir(), 0u);
}

TEST_F(OutputFileTest, AnUnwritableDirectoryLeavesTheOldFileAsItWas) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only directories";
  const fs::path target = dir_ / "out.pdf";
  std::ofstream(target) << "old";
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  const auto status = write_file_atomically(target.string(), "new");
  fs::permissions(dir_, fs::perms::owner_all);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "unwritable");
  EXPECT_EQ(read(target), "old");
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(OutputFileTest, AFileSystemThatTakesNoFilesIsAClearError) {
  // /proc takes no new files, not even from root.
  const auto status = write_file_atomically("/proc/spoorboek-test.pdf", "x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "unwritable");
  EXPECT_FALSE(fs::exists("/proc/spoorboek-test.pdf"));
}

TEST_F(OutputFileTest, AnEmptyPathIsRefused) {
  EXPECT_FALSE(write_file_atomically("", "x").ok());
}

}  // namespace
}  // namespace spoorboek::report
