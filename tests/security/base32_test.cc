// Base32: the RFC 4648 §10 test vectors both ways, round trips, and what decoding refuses.
#include "security/base32.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace spoorboek::security {
namespace {

std::vector<unsigned char> bytes(std::string_view text) {
  return std::vector<unsigned char>(text.begin(), text.end());
}

std::string text(const std::vector<unsigned char>& data) {
  return std::string(data.begin(), data.end());
}

struct Vector {
  const char* plain;
  const char* padded;    // as printed in RFC 4648 §10
  const char* unpadded;  // what we emit
};

const Vector kRfc4648[] = {
    {"", "", ""},
    {"f", "MY======", "MY"},
    {"fo", "MZXQ====", "MZXQ"},
    {"foo", "MZXW6===", "MZXW6"},
    {"foob", "MZXW6YQ=", "MZXW6YQ"},
    {"fooba", "MZXW6YTB", "MZXW6YTB"},
    {"foobar", "MZXW6YTBOI======", "MZXW6YTBOI"},
};

TEST(Base32, EncodesRfc4648Vectors) {
  for (const Vector& v : kRfc4648) {
    EXPECT_EQ(base32_encode(bytes(v.plain)), v.unpadded) << v.plain;
  }
}

TEST(Base32, DecodesRfc4648VectorsWithAndWithoutPadding) {
  for (const Vector& v : kRfc4648) {
    auto padded = base32_decode(v.padded);
    ASSERT_TRUE(padded.ok()) << v.padded;
    EXPECT_EQ(text(*padded), v.plain);
    auto unpadded = base32_decode(v.unpadded);
    ASSERT_TRUE(unpadded.ok()) << v.unpadded;
    EXPECT_EQ(text(*unpadded), v.plain);
  }
}

TEST(Base32, DecodesLowerAndMixedCase) {
  auto lower = base32_decode("mzxw6ytboi");
  ASSERT_TRUE(lower.ok());
  EXPECT_EQ(text(*lower), "foobar");
  auto mixed = base32_decode("MzXw6YtBoI");
  ASSERT_TRUE(mixed.ok());
  EXPECT_EQ(text(*mixed), "foobar");
}

TEST(Base32, IgnoresSpacesAsPeopleTypeThem) {
  auto spaced = base32_decode("MZXW 6YTB OI== ====");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(text(*spaced), "foobar");
  auto only_spaces = base32_decode("   ");
  ASSERT_TRUE(only_spaces.ok());
  EXPECT_TRUE(only_spaces->empty());
}

TEST(Base32, EncodesTheRfc6238SeedAsAuthenticatorsExpect) {
  // The well-known base32 form of "12345678901234567890".
  EXPECT_EQ(base32_encode(bytes("12345678901234567890")), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST(Base32, RoundTripsEveryLengthAndEveryByteValue) {
  std::vector<unsigned char> data;
  for (int length = 0; length <= 300; ++length) {
    auto decoded = base32_decode(base32_encode(data));
    ASSERT_TRUE(decoded.ok()) << length;
    EXPECT_EQ(*decoded, data) << length;
    data.push_back(static_cast<unsigned char>((length * 73 + 11) & 0xFF));
  }
  std::vector<unsigned char> all(256);
  for (int i = 0; i < 256; ++i) all[static_cast<std::size_t>(i)] = static_cast<unsigned char>(i);
  auto decoded = base32_decode(base32_encode(all));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, all);
}

TEST(Base32, EncodingUsesOnlyTheUpperCaseAlphabetWithoutPadding) {
  std::vector<unsigned char> all(256);
  for (int i = 0; i < 256; ++i) all[static_cast<std::size_t>(i)] = static_cast<unsigned char>(i);
  for (char c : base32_encode(all)) {
    EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')) << c;
  }
}

TEST(Base32, RefusesCharactersOutsideTheAlphabet) {
  for (const char* bad : {"MZXW0", "MZXW1", "MZXW8", "MZXW9", "MZ-XW", "MZXW6\n", "MZ\tXW", "MZ_XW",
                          "MZ.XW", "MZXW6+", "MZXW/", "\xC3\x89MZ"}) {
    auto result = base32_decode(bad);
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.error().code, "invalid_base32");
    EXPECT_EQ(result.error().field, "");
    EXPECT_FALSE(result.error().message.empty());
  }
}

TEST(Base32, RefusesANulInsideTheText) {
  auto result = base32_decode(std::string_view("MZ\0XW", 5));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_base32");
}

TEST(Base32, RefusesLengthsNoEncoderProduces) {
  for (const char* bad : {"M", "MZX", "MZXW6Y", "MZXW6YTBO", "MZXW6YTBOIA"}) {
    auto result = base32_decode(bad);
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.error().code, "invalid_base32");
  }
}

}  // namespace
}  // namespace spoorboek::security
