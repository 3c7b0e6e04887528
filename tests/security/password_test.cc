// Password hashing with Argon2id and the rules for passwords people choose.
#include "security/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace spoorboek::security {
namespace {

// Hashing costs 19 MiB and tens of milliseconds, so tests share one hash where they can.
const std::string& shared_hash() {
  static const std::string hash = [] {
    auto result = hash_password("correct horse battery staple");
    return result.ok() ? *result : std::string();
  }();
  return hash;
}

TEST(Password, HashVerifiesTheSamePassword) {
  ASSERT_FALSE(shared_hash().empty());
  EXPECT_TRUE(verify_password(shared_hash(), "correct horse battery staple"));
}

TEST(Password, HashRefusesOtherPasswords) {
  EXPECT_FALSE(verify_password(shared_hash(), "correct horse battery stapl"));
  EXPECT_FALSE(verify_password(shared_hash(), "correct horse battery staple "));
  EXPECT_FALSE(verify_password(shared_hash(), "Correct horse battery staple"));
  EXPECT_FALSE(verify_password(shared_hash(), ""));
  EXPECT_FALSE(
      verify_password(shared_hash(), std::string_view("correct horse battery staple\0x", 30)));
}

TEST(Password, HashIsArgon2idWithOurParameters) {
  const std::string& hash = shared_hash();
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("correct"), std::string::npos);
}

TEST(Password, HashIsSaltedSoItDiffersEachTime) {
  auto first = hash_password("correct horse battery staple");
  auto second = hash_password("correct horse battery staple");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(verify_password(*first, "correct horse battery staple"));
  EXPECT_TRUE(verify_password(*second, "correct horse battery staple"));
}

TEST(Password, HashesEmptyAndUnusualPasswords) {
  for (std::string_view password : {std::string_view(""), std::string_view("\0\0", 2),
                                    std::string_view("w\xC3\xA1"
                                                     "chtw\xC3\xB6rd \xF0\x9F\x94\x91")}) {
    auto hash = hash_password(password);
    ASSERT_TRUE(hash.ok());
    EXPECT_TRUE(verify_password(*hash, password));
    EXPECT_FALSE(verify_password(*hash, "x"));
  }
}

TEST(Password, MalformedStoredHashIsRefusedNeverACrash) {
  const std::string& good = shared_hash();
  const std::string password = "correct horse battery staple";
  const std::string cases[] = {
      "",
      "$",
      "plaintext",
      password,
      "$argon2id$",
      "$argon2id$v=19$m=19456,t=2,p=1$",
      good.substr(0, good.size() - 1),
      good.substr(0, good.size() / 2),
      good + "A",
      good + std::string(1, '\0') + "trailing",
      "$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",  // bcrypt
      "$argon2id$v=19$m=99999999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
      std::string(10000, 'a'),
      "$argon2id$v=19$m=19456,t=2,p=1$!!!!$????",
  };
  for (const std::string& stored : cases) {
    EXPECT_FALSE(verify_password(stored, password)) << stored;
    // A hash one character longer or shorter still parses, and libsodium compares only the
    // parameters; every other case must ask for a rehash.
    if (stored.size() + 1 != good.size() && stored.size() != good.size() + 1) {
      EXPECT_TRUE(password_needs_rehash(stored)) << stored;
    }
  }
}

TEST(Password, TamperedHashDoesNotVerify) {
  std::string hash = shared_hash();
  char& last = hash.back();
  last = last == 'A' ? 'B' : 'A';
  EXPECT_FALSE(verify_password(hash, "correct horse battery staple"));
}

TEST(Password, OurOwnHashNeedsNoRehash) { EXPECT_FALSE(password_needs_rehash(shared_hash())); }

// Hashes made directly with libsodium and other parameters, as older releases might have.
std::string hash_with(unsigned long long opslimit, std::size_t memlimit, int algorithm) {
  EXPECT_GE(sodium_init(), 0);
  char out[crypto_pwhash_STRBYTES];
  const std::string password = "correct horse battery staple";
  EXPECT_EQ(
      crypto_pwhash_str_alg(out, password.data(), password.size(), opslimit, memlimit, algorithm),
      0);
  return out;
}

TEST(Password, OtherParametersNeedARehashButStillVerify) {
  const std::size_t mib = 1024 * 1024;
  const std::string other[] = {
      hash_with(3, kPasswordMemLimitBytes, crypto_pwhash_ALG_ARGON2ID13),
      hash_with(kPasswordOpsLimit, 8 * mib, crypto_pwhash_ALG_ARGON2ID13),
      hash_with(1, 32 * mib, crypto_pwhash_ALG_ARGON2ID13),
      // Argon2i needs at least three passes in libsodium.
      hash_with(3, kPasswordMemLimitBytes, crypto_pwhash_ALG_ARGON2I13),
  };
  for (const std::string& hash : other) {
    EXPECT_TRUE(password_needs_rehash(hash)) << hash;
    EXPECT_TRUE(verify_password(hash, "correct horse battery staple")) << hash;
    EXPECT_FALSE(verify_password(hash, "wrong")) << hash;
  }
}

TEST(Password, Argon2iWithOurParametersStillNeedsARehash) {
  // libsodium alone would say no: it compares only m and t. Our own hash relabelled as Argon2i
  // parses with exactly our parameters.
  const std::string relabelled =
      "$argon2i$" + shared_hash().substr(std::string("$argon2id$").size());
  EXPECT_TRUE(password_needs_rehash(relabelled));
  EXPECT_EQ(
      crypto_pwhash_str_needs_rehash(relabelled.c_str(), kPasswordOpsLimit, kPasswordMemLimitBytes),
      0);
}

TEST(Password, ParametersStayWithinTheMemoryBudget) {
  EXPECT_EQ(kPasswordOpsLimit, 2u);
  EXPECT_EQ(kPasswordMemLimitBytes, 19u * 1024 * 1024);
  EXPECT_GE(kPasswordOpsLimit, crypto_pwhash_OPSLIMIT_MIN);
  EXPECT_GE(kPasswordMemLimitBytes, crypto_pwhash_MEMLIMIT_MIN);
}

void expect_refused(std::string_view password, const std::string& code) {
  const core::Status status = check_new_password(password);
  ASSERT_FALSE(status.ok()) << password;
  EXPECT_EQ(status.error().code, code) << password;
  EXPECT_EQ(status.error().field, "password");
  EXPECT_FALSE(status.error().message.empty());
}

TEST(NewPassword, AcceptsAReasonablePassphrase) {
  EXPECT_TRUE(check_new_password("correct horse battery staple").ok());
  EXPECT_TRUE(check_new_password("abcdefghijkl").ok());  // exactly 12
  EXPECT_TRUE(check_new_password("aaaaaaaaaaab").ok());  // not all the same
  EXPECT_TRUE(check_new_password(std::string(kPasswordMaxBytes - 1, 'a') + "b").ok());
}

TEST(NewPassword, RefusesFewerThanTwelveCharacters) {
  expect_refused("", "too_short");
  expect_refused("a", "too_short");
  expect_refused("abcdefghijk", "too_short");  // 11
  const core::Status status = check_new_password("short");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("12"), std::string::npos);
}

TEST(NewPassword, CountsCodePointsNotBytes) {
  // Six two-byte letters: twelve bytes, six characters.
  expect_refused("\xC3\xA9\xC3\xA8\xC3\xAA\xC3\xAB\xC3\xA0\xC3\xA2", "too_short");
  // Eleven characters of which three take four bytes each: 20 bytes.
  expect_refused("abcdefgh\xF0\x9F\x94\x91\xF0\x9F\x94\x92\xF0\x9F\x94\x93", "too_short");
  // Twelve characters, 24 bytes.
  EXPECT_TRUE(check_new_password("\xC3\xA9\xC3\xA8\xC3\xAA\xC3\xAB\xC3\xA0\xC3\xA2"
                                 "\xC3\xA9\xC3\xA8\xC3\xAA\xC3\xAB\xC3\xA0\xC3\xA2")
                  .ok());
}

TEST(NewPassword, RefusesMoreThan1024Bytes) {
  expect_refused(std::string(kPasswordMaxBytes, 'a') + "b", "too_long");
  std::string multibyte;
  while (multibyte.size() <= kPasswordMaxBytes) multibyte += "\xE2\x82\xAC";  // euro sign
  expect_refused(multibyte, "too_long");
  EXPECT_TRUE(check_new_password(std::string(kPasswordMaxBytes - 1, 'x') + "y").ok());
  EXPECT_TRUE(check_new_password(std::string(kPasswordMaxBytes - 2, 'x') + "y\n").ok());
}

TEST(NewPassword, RefusesInvalidUtf8) {
  const char* bad[] = {
      "abcdefghijkl\x80",                  // lone continuation byte
      "abcdefghijkl\xC3",                  // truncated two-byte sequence
      "abcdefghijkl\xE2\x82",              // truncated three-byte sequence
      "abcdefghijkl\xF0\x9F\x94",          // truncated four-byte sequence
      "abcdefghijkl\xC0\xAF",              // overlong '/'
      "abcdefghijkl\xE0\x80\xAF",          // overlong '/'
      "abcdefghijkl\xF0\x80\x80\xAF",      // overlong '/'
      "abcdefghijkl\xED\xA0\x80",          // UTF-16 surrogate U+D800
      "abcdefghijkl\xF4\x90\x80\x80",      // above U+10FFFF
      "abcdefghijkl\xF8\x88\x80\x80\x80",  // five-byte form
      "abcdefghijkl\xFF",
      "abcdefghijkl\xC3\x28",  // lead byte followed by a non-continuation
  };
  for (const char* password : bad) expect_refused(password, "invalid_utf8");
  // Short and invalid: the encoding problem is the one worth reporting.
  expect_refused("ab\xFF", "invalid_utf8");
}

TEST(NewPassword, AcceptsTheEdgesOfValidUtf8) {
  EXPECT_TRUE(check_new_password("abcdefghijk\xF4\x8F\xBF\xBF").ok());  // U+10FFFF
  EXPECT_TRUE(check_new_password("abcdefghijk\xEF\xBF\xBD").ok());      // U+FFFD
  EXPECT_TRUE(check_new_password("abcdefghijk\xED\x9F\xBF").ok());      // U+D7FF
  EXPECT_TRUE(check_new_password("abcdefghijk\xC2\x80").ok());          // U+0080
}

TEST(NewPassword, RefusesOneRepeatedCharacter) {
  expect_refused("aaaaaaaaaaaa", "too_simple");
  expect_refused(std::string(100, '1'), "too_simple");
  expect_refused(
      "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
      "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9",
      "too_simple");
  expect_refused("            ", "too_simple");
}

}  // namespace
}  // namespace spoorboek::security
