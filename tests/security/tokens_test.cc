// Random tokens, their stored digest, and constant-time comparison.
#include "security/tokens.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace spoorboek::security {
namespace {

bool is_base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

TEST(RandomToken, IsThePrefixAndUnpaddedBase64urlOf32Bytes) {
  const std::string token = random_token("ses_");
  ASSERT_EQ(token.size(), 4u + 43u);  // ceil(32 * 4 / 3) symbols, no '='
  EXPECT_EQ(token.substr(0, 4), "ses_");
  for (char c : token.substr(4)) EXPECT_TRUE(is_base64url(c)) << c;
}

TEST(RandomToken, LengthFollowsTheByteCount) {
  EXPECT_EQ(random_token("", 0), "");
  EXPECT_EQ(random_token("x_", 0), "x_");
  EXPECT_EQ(random_token("", 1).size(), 2u);
  EXPECT_EQ(random_token("", 2).size(), 3u);
  EXPECT_EQ(random_token("", 3).size(), 4u);
  EXPECT_EQ(random_token("", 16).size(), 22u);
  EXPECT_EQ(random_token("", 64).size(), 86u);
  EXPECT_EQ(random_token("api_", 48).size(), 4u + 64u);
}

TEST(RandomToken, NeverUsesPaddingOrTheStandardAlphabet) {
  for (int i = 0; i < 200; ++i) {
    const std::string token = random_token("", 31);
    EXPECT_EQ(token.find_first_of("+/="), std::string::npos) << token;
  }
}

TEST(RandomToken, ThousandTokensAreAllDifferent) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(random_token("ses_")).second);
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(TokenDigest, IsLowercaseHexSha256) {
  EXPECT_EQ(token_digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(token_digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(token_digest(std::string_view()), token_digest(""));
  EXPECT_EQ(token_digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(TokenDigest, DiffersPerTokenAndIsStable) {
  const std::string token = random_token("ses_");
  EXPECT_EQ(token_digest(token), token_digest(token));
  EXPECT_NE(token_digest(token), token_digest(token + "x"));
  EXPECT_EQ(token_digest(token).size(), 64u);
  EXPECT_EQ(token_digest(token).find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ConstantTimeEquals, ComparesContent) {
  EXPECT_TRUE(constant_time_equals("", ""));
  EXPECT_TRUE(constant_time_equals(std::string_view(), ""));
  EXPECT_TRUE(constant_time_equals("abc", "abc"));
  EXPECT_FALSE(constant_time_equals("abc", "abd"));
  EXPECT_FALSE(constant_time_equals("abc", "xbc"));
  EXPECT_FALSE(constant_time_equals("abc", "ABC"));
  EXPECT_TRUE(constant_time_equals(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
  EXPECT_FALSE(constant_time_equals(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
  const std::string token = random_token("ses_");
  EXPECT_TRUE(constant_time_equals(token, std::string(token)));
}

TEST(ConstantTimeEquals, DifferentLengthsAreNeverEqual) {
  EXPECT_FALSE(constant_time_equals("abc", "ab"));
  EXPECT_FALSE(constant_time_equals("ab", "abc"));
  EXPECT_FALSE(constant_time_equals("", "a"));
  EXPECT_FALSE(constant_time_equals("abc", std::string_view("abc\0", 4)));
}

}  // namespace
}  // namespace spoorboek::security
