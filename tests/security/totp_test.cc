// HOTP and TOTP: every test value of RFC 4226 Appendix D and RFC 6238 Appendix B, the match window,
// the codes that must be refused, and the otpauth:// provisioning URI.
#include "security/totp.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "security/base32.h"

namespace spoorboek::security {
namespace {

std::vector<unsigned char> bytes(std::string_view text) {
  return std::vector<unsigned char>(text.begin(), text.end());
}

// The seeds of RFC 6238 Appendix A: the ASCII digits repeated to the hash's natural key length.
const std::vector<unsigned char> kSeed20 = bytes("12345678901234567890");
const std::vector<unsigned char> kSeed32 = bytes("12345678901234567890123456789012");
const std::vector<unsigned char> kSeed64 =
    bytes("1234567890123456789012345678901234567890123456789012345678901234");

TEST(Hotp, MatchesEveryRfc4226AppendixDValue) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(hotp_code(kSeed20, counter), expected[counter]) << counter;
  }
}

TEST(Hotp, LongerCodesAreTheLowDigitsOfTheTruncatedValue) {
  // RFC 4226 Appendix D lists the 31-bit truncated values: 1284755224 for counter 0, 82162583
  // for counter 7 and 137359152 for counter 2.
  EXPECT_EQ(hotp_code(kSeed20, 0, 7), "4755224");
  EXPECT_EQ(hotp_code(kSeed20, 0, 8), "84755224");
  EXPECT_EQ(hotp_code(kSeed20, 7, 8), "82162583");
  EXPECT_EQ(hotp_code(kSeed20, 2, 8), "37359152");
}

TEST(Hotp, RefusesDigitCountsOutsideSixToEight) {
  for (int digits : {-1, 0, 1, 5, 9, 10}) {
    EXPECT_EQ(hotp_code(kSeed20, 0, digits), "") << digits;
  }
}

TEST(Hotp, WorksWithAnEmptySecretAndLargeCounters) {
  const std::vector<unsigned char> empty;
  const std::string code = hotp_code(empty, 0);
  ASSERT_EQ(code.size(), 6u);
  for (char c : code) EXPECT_TRUE(c >= '0' && c <= '9');
  EXPECT_EQ(hotp_code(kSeed20, UINT64_MAX).size(), 6u);
}

struct TotpVector {
  std::int64_t time;
  const char* code;
  TotpAlgorithm algorithm;
};

const TotpVector kRfc6238[] = {
    {59, "94287082", TotpAlgorithm::sha1},
    {59, "46119246", TotpAlgorithm::sha256},
    {59, "90693936", TotpAlgorithm::sha512},
    {1111111109, "07081804", TotpAlgorithm::sha1},
    {1111111109, "68084774", TotpAlgorithm::sha256},
    {1111111109, "25091201", TotpAlgorithm::sha512},
    {1111111111, "14050471", TotpAlgorithm::sha1},
    {1111111111, "67062674", TotpAlgorithm::sha256},
    {1111111111, "99943326", TotpAlgorithm::sha512},
    {1234567890, "89005924", TotpAlgorithm::sha1},
    {1234567890, "91819424", TotpAlgorithm::sha256},
    {1234567890, "93441116", TotpAlgorithm::sha512},
    {2000000000, "69279037", TotpAlgorithm::sha1},
    {2000000000, "90698825", TotpAlgorithm::sha256},
    {2000000000, "38618901", TotpAlgorithm::sha512},
    {20000000000, "65353130", TotpAlgorithm::sha1},
    {20000000000, "77737706", TotpAlgorithm::sha256},
    {20000000000, "47863826", TotpAlgorithm::sha512},
};

const std::vector<unsigned char>& seed_for(TotpAlgorithm algorithm) {
  switch (algorithm) {
    case TotpAlgorithm::sha256:
      return kSeed32;
    case TotpAlgorithm::sha512:
      return kSeed64;
    case TotpAlgorithm::sha1:
      break;
  }
  return kSeed20;
}

TEST(Totp, MatchesEveryRfc6238AppendixBValue) {
  for (const TotpVector& v : kRfc6238) {
    EXPECT_EQ(totp_code(seed_for(v.algorithm), v.time, 8, 30, v.algorithm), v.code)
        << v.time << " " << static_cast<int>(v.algorithm);
  }
}

TEST(Totp, MatchReturnsTheRfc6238TimeStep) {
  for (const TotpVector& v : kRfc6238) {
    const auto step = totp_match(seed_for(v.algorithm), v.code, v.time, 0, 8, 30, v.algorithm);
    ASSERT_TRUE(step.has_value()) << v.time;
    EXPECT_EQ(*step, v.time / 30);
  }
}

TEST(Totp, CodeIsTheHotpOfTheTimeStep) {
  EXPECT_EQ(totp_code(kSeed20, 0), hotp_code(kSeed20, 0));
  EXPECT_EQ(totp_code(kSeed20, 29), hotp_code(kSeed20, 0));
  EXPECT_EQ(totp_code(kSeed20, 30), hotp_code(kSeed20, 1));
  EXPECT_EQ(totp_code(kSeed20, 299, 6, 60), hotp_code(kSeed20, 4));
}

TEST(Totp, RefusesBadParametersAndTimesBeforeTheEpoch) {
  EXPECT_EQ(totp_code(kSeed20, 59, 5), "");
  EXPECT_EQ(totp_code(kSeed20, 59, 9), "");
  EXPECT_EQ(totp_code(kSeed20, 59, 6, 0), "");
  EXPECT_EQ(totp_code(kSeed20, 59, 6, -30), "");
  EXPECT_EQ(totp_code(kSeed20, -1), "");
  EXPECT_EQ(totp_code(kSeed20, INT64_MIN), "");
  EXPECT_EQ(totp_code(kSeed20, INT64_MAX, 6, 1).size(), 6u);
}

constexpr std::int64_t kNow = 1'760'000'015;  // in the middle of a 30-second step
constexpr std::int64_t kStep = kNow / 30;

std::string code_at_step(std::int64_t step) { return totp_code(kSeed20, step * 30); }

TEST(TotpMatch, AcceptsTheCurrentStep) {
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep), kNow), kStep);
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep), kNow, 0), kStep);
}

TEST(TotpMatch, AcceptsTheNeighbouringStepsWithinTheWindowAndSaysWhich) {
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep - 1), kNow), kStep - 1);
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep + 1), kNow), kStep + 1);
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep - 2), kNow, 2), kStep - 2);
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep + 2), kNow, 2), kStep + 2);
}

TEST(TotpMatch, RefusesStepsOutsideTheWindow) {
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep - 1), kNow, 0), std::nullopt);
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep + 1), kNow, 0), std::nullopt);
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep - 2), kNow), std::nullopt);
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep + 2), kNow), std::nullopt);
  EXPECT_EQ(totp_match(kSeed20, code_at_step(kStep - 100), kNow), std::nullopt);
}

TEST(TotpMatch, RefusesAWindowThatIsNegativeOrTooWide) {
  const std::string code = code_at_step(kStep);
  EXPECT_EQ(totp_match(kSeed20, code, kNow, -1), std::nullopt);
  EXPECT_EQ(totp_match(kSeed20, code, kNow, kTotpMaxWindowSteps + 1), std::nullopt);
  EXPECT_EQ(totp_match(kSeed20, code, kNow, kTotpMaxWindowSteps), kStep);
}

TEST(TotpMatch, RefusesTheCodeOfAnotherSecret) {
  EXPECT_EQ(totp_match(kSeed32, code_at_step(kStep), kNow), std::nullopt);
}

TEST(TotpMatch, RefusesAnythingButExactlyDigitsAsciiDigits) {
  const std::string good = code_at_step(kStep);
  ASSERT_EQ(totp_match(kSeed20, good, kNow), kStep);
  const std::vector<std::string> bad = {
      "",
      good.substr(0, 5),
      good + "0",
      " " + good,
      good + " ",
      good.substr(0, 3) + " " + good.substr(3, 3),
      good.substr(0, 5) + "a",
      "+" + good.substr(1),
      "-" + good.substr(1),
      "abcdef",
      std::string(good.data(), 5) + std::string(1, '\0'),
      "\xD9\xA1\xD9\xA2\xD9\xA3",  // Arabic-Indic digits: digits, but not ASCII
  };
  for (const std::string& code : bad) {
    EXPECT_EQ(totp_match(kSeed20, code, kNow), std::nullopt) << code;
  }
}

TEST(TotpMatch, HonoursDigitsStepAndAlgorithm) {
  const std::string code = totp_code(kSeed64, kNow, 8, 60, TotpAlgorithm::sha512);
  EXPECT_EQ(totp_match(kSeed64, code, kNow, 1, 8, 60, TotpAlgorithm::sha512), kNow / 60);
  EXPECT_EQ(totp_match(kSeed64, code, kNow, 1, 8, 60, TotpAlgorithm::sha1), std::nullopt);
  EXPECT_EQ(totp_match(kSeed64, code, kNow, 1, 8, 30, TotpAlgorithm::sha512), std::nullopt);
  // Fewer digits are the low digits of the same truncated value (RFC 4226 §5.3).
  EXPECT_EQ(totp_match(kSeed64, code.substr(2), kNow, 1, 6, 60, TotpAlgorithm::sha512), kNow / 60);
  EXPECT_EQ(totp_match(kSeed64, code.substr(2), kNow, 1, 8, 60, TotpAlgorithm::sha512),
            std::nullopt);
}

TEST(TotpMatch, RefusesBadParameters) {
  const std::string code = code_at_step(kStep);
  EXPECT_EQ(totp_match(kSeed20, code.substr(0, 5), kNow, 1, 5), std::nullopt);
  EXPECT_EQ(totp_match(kSeed20, code, kNow, 1, 6, 0), std::nullopt);
  EXPECT_EQ(totp_match(kSeed20, code, kNow, 1, 6, -30), std::nullopt);
}

TEST(TotpMatch, NeverMatchesAStepBeforeTheEpoch) {
  EXPECT_EQ(totp_match(kSeed20, hotp_code(kSeed20, 0), 10), 0);
  EXPECT_EQ(totp_match(kSeed20, hotp_code(kSeed20, 0), 40), 0);
  EXPECT_EQ(totp_match(kSeed20, hotp_code(kSeed20, 0), -10), 0);
  EXPECT_EQ(totp_match(kSeed20, hotp_code(kSeed20, 0), -40), std::nullopt);
  // The counter -1 as an unsigned number; it must not be reachable through negative time.
  EXPECT_EQ(totp_match(kSeed20, hotp_code(kSeed20, UINT64_MAX), 10), std::nullopt);
}

TEST(TotpMatch, SurvivesTheEndOfTime) {
  const std::string code = totp_code(kSeed20, INT64_MAX, 6, 1);
  EXPECT_EQ(totp_match(kSeed20, code, INT64_MAX, 1, 6, 1), INT64_MAX);
  EXPECT_EQ(totp_match(kSeed20, "000000", INT64_MIN), std::nullopt);
}

TEST(TotpSecret, IsTwentyFreshRandomBytes) {
  // Kept as strings: g++ 12 warns falsely (-Wstringop-overread) on std::set<std::vector<uchar>>.
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::vector<unsigned char> secret = new_totp_secret();
    ASSERT_EQ(secret.size(), kTotpSecretBytes);
    EXPECT_TRUE(seen.insert(std::string(secret.begin(), secret.end())).second);
  }
}

TEST(TotpSecret, ANewSecretWorksEndToEnd) {
  const std::vector<unsigned char> secret = new_totp_secret();
  EXPECT_EQ(totp_match(secret, totp_code(secret, kNow), kNow), kStep);
}

TEST(OtpauthUri, HasTheFormAuthenticatorsRead) {
  EXPECT_EQ(otpauth_uri("Spoorboek", "jan", kSeed20),
            "otpauth://totp/Spoorboek:jan?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=Spoorboek&algorithm=SHA1&digits=6&period=30");
}

TEST(OtpauthUri, PercentEncodesAllButUnreservedCharacters) {
  EXPECT_EQ(otpauth_uri("Acme B.V.", "jan.de-vries_1~x@example.nl", kSeed20),
            "otpauth://totp/Acme%20B.V.:jan.de-vries_1~x%40example.nl"
            "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme%20B.V."
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(otpauth_uri("A:B&C=D?E/F#G%H+", "Zo\xC3\xAB", kSeed20),
            "otpauth://totp/A%3AB%26C%3DD%3FE%2FF%23G%25H%2B:Zo%C3%AB"
            "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=A%3AB%26C%3DD%3FE%2FF%23G%25H%2B"
            "&algorithm=SHA1&digits=6&period=30");
}

TEST(OtpauthUri, SecretRoundTripsThroughTheUri) {
  const std::vector<unsigned char> secret = new_totp_secret();
  const std::string uri = otpauth_uri("Spoorboek", "x", secret);
  const std::size_t start = uri.find("secret=") + 7;
  const std::size_t end = uri.find('&', start);
  const std::string encoded = uri.substr(start, end - start);
  EXPECT_EQ(encoded.size(), 32u);  // 160 bits = 32 symbols, no padding
  auto decoded = base32_decode(encoded);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, secret);
}

}  // namespace
}  // namespace spoorboek::security
