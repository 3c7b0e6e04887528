// The key file: created once with mode 0600, loaded back to the same key, and every way it can be
// wrong on disk reported with its own error.
#include "security/key_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "security/field_cipher.h"

namespace spoorboek::security {
namespace {

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "spoorboek-key-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/field.key";
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  void write_file(const std::string& content, mode_t mode = 0600) {
    {
      std::ofstream out(path_, std::ios::binary | std::ios::trunc);
      out << content;
    }
    ASSERT_EQ(::chmod(path_.c_str(), mode), 0);
  }

  void expect_load_error(const std::string& code) {
    auto loaded = load_key_file(path_);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, code);
    EXPECT_EQ(loaded.error().field, "key_file");
    EXPECT_NE(loaded.error().message.find(path_), std::string::npos) << loaded.error().message;
  }

  std::string dir_;
  std::string path_;
};

const std::string kHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

TEST_F(KeyFileTest, CreatedKeyLoadsBackAsTheSameKey) {
  ASSERT_TRUE(create_key_file(path_).ok());
  auto first = load_key_file(path_);
  auto second = load_key_file(path_);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  const std::string sealed = seal_field(*first, "medical note", "ctx");
  auto opened = open_field(*second, sealed, "ctx");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "medical note");
}

TEST_F(KeyFileTest, ContentIs64LowercaseHexAndANewline) {
  ASSERT_TRUE(create_key_file(path_).ok());
  std::ifstream in(path_, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(content.size(), 65u);
  EXPECT_EQ(content.back(), '\n');
  EXPECT_EQ(content.substr(0, 64).find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST_F(KeyFileTest, TwoCreatedKeysDiffer) {
  const std::string other = dir_ + "/other.key";
  ASSERT_TRUE(create_key_file(path_).ok());
  ASSERT_TRUE(create_key_file(other).ok());
  auto a = load_key_file(path_);
  auto b = load_key_file(other);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  auto opened = open_field(*b, seal_field(*a, "note", "ctx"), "ctx");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "decryption_failed");
}

TEST_F(KeyFileTest, ModeIs0600AfterCreateWhateverTheUmask) {
  const mode_t previous = ::umask(0277);  // would leave only read for the owner
  const core::Status created = create_key_file(path_);
  ::umask(previous);
  ASSERT_TRUE(created.ok());
  struct stat status {};
  ASSERT_EQ(::stat(path_.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 07777, 0600u);
  EXPECT_TRUE(S_ISREG(status.st_mode));
  EXPECT_TRUE(load_key_file(path_).ok());
}

TEST_F(KeyFileTest, LeavesNoTemporaryFilesBehind) {
  ASSERT_TRUE(create_key_file(path_).ok());
  EXPECT_FALSE(create_key_file(path_).ok());
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename(), "field.key");
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST_F(KeyFileTest, CreatingTwiceRefusesAndKeepsTheFirstKey) {
  ASSERT_TRUE(create_key_file(path_).ok());
  auto before = load_key_file(path_);
  ASSERT_TRUE(before.ok());
  const std::string sealed = seal_field(*before, "note", "ctx");

  const core::Status again = create_key_file(path_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "key_file_exists");
  EXPECT_EQ(again.error().field, "key_file");

  auto after = load_key_file(path_);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(open_field(*after, sealed, "ctx").ok());
}

TEST_F(KeyFileTest, CreateRefusesAnyExistingFileEvenEmptyOrASymlink) {
  write_file("");
  EXPECT_EQ(create_key_file(path_).error().code, "key_file_exists");
  const std::string link = dir_ + "/dangling.key";
  ASSERT_EQ(::symlink((dir_ + "/nowhere").c_str(), link.c_str()), 0);
  EXPECT_EQ(create_key_file(link).error().code, "key_file_exists");
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/nowhere"));
}

TEST_F(KeyFileTest, CreateInAMissingDirectoryIsAStorageError) {
  const core::Status created = create_key_file(dir_ + "/no/such/dir/field.key");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, "storage");
  EXPECT_EQ(created.error().field, "key_file");
  EXPECT_NE(created.error().message.find("No such file"), std::string::npos)
      << created.error().message;
}

TEST_F(KeyFileTest, CreateWorksWithARelativePath) {
  const std::filesystem::path previous = std::filesystem::current_path();
  std::filesystem::current_path(dir_);
  const core::Status created = create_key_file("relative.key");
  std::filesystem::current_path(previous);
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(load_key_file(dir_ + "/relative.key").ok());
}

TEST_F(KeyFileTest, LoadsAHandWrittenKeyWithOrWithoutNewlineInEitherCase) {
  for (const std::string& content : {kHex, kHex + "\n",
                                     std::string("000102030405060708090A0B0C0D0E0F"
                                                 "101112131415161718191A1B1C1D1E1F")}) {
    write_file(content);
    auto loaded = load_key_file(path_);
    ASSERT_TRUE(loaded.ok()) << content;
    for (std::size_t i = 0; i < kFieldKeyBytes; ++i) EXPECT_EQ(loaded->bytes()[i], i);
  }
}

TEST_F(KeyFileTest, GroupOrOtherAccessIsRefused) {
  for (mode_t mode : {0644, 0640, 0604, 0620, 0602, 0610, 0601, 0660, 0666, 0777}) {
    write_file(kHex + "\n", mode);
    expect_load_error("key_file_permissions");
    auto loaded = load_key_file(path_);
    EXPECT_NE(loaded.error().message.find("chmod 600"), std::string::npos);
  }
  write_file(kHex + "\n", 0400);
  EXPECT_TRUE(load_key_file(path_).ok());
}

TEST_F(KeyFileTest, GarbageIsInvalid) {
  const std::string cases[] = {
      "",
      "\n",
      kHex.substr(0, 63),
      kHex.substr(0, 63) + "\n",
      kHex + "0",
      kHex + "\n\n",
      kHex + " ",
      kHex + "\r\n",
      " " + kHex,
      "\n" + kHex,
      kHex.substr(0, 62) + "g0",
      kHex.substr(0, 62) + "0x",
      std::string(64, 'z'),
      std::string(4096, 'a'),
      "-----BEGIN PRIVATE KEY-----\n",
      std::string(64, '\0'),
  };
  for (const std::string& content : cases) {
    write_file(content);
    expect_load_error("key_file_invalid");
  }
}

TEST_F(KeyFileTest, ADirectoryIsInvalid) {
  ASSERT_EQ(::mkdir(path_.c_str(), 0700), 0);
  expect_load_error("key_file_invalid");
}

TEST_F(KeyFileTest, MissingFileSaysHowTheKeyIsMade) {
  expect_load_error("key_file_missing");
  auto loaded = load_key_file(path_);
  EXPECT_NE(loaded.error().message.find("spoorboek init"), std::string::npos);
  EXPECT_NE(loaded.error().message.find("medical"), std::string::npos);
}

}  // namespace
}  // namespace spoorboek::security
