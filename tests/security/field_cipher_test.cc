// Sealed medical fields: round trips, and every way a sealed value can be wrong fails closed with
// the right error.
#include "security/field_cipher.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <type_traits>

namespace spoorboek::security {
namespace {

constexpr std::string_view kContext = "case/42/entry/7/medical";

static_assert(!std::is_copy_constructible_v<FieldKey>);
static_assert(!std::is_copy_assignable_v<FieldKey>);
static_assert(std::is_nothrow_move_constructible_v<FieldKey>);

std::string open_ok(const FieldKey& key, std::string_view sealed,
                    std::string_view context = kContext) {
  auto opened = open_field(key, sealed, context);
  EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().code);
  return opened.ok() ? *opened : std::string();
}

void expect_error(const FieldKey& key, std::string_view sealed, const std::string& code,
                  std::string_view context = kContext) {
  auto opened = open_field(key, sealed, context);
  ASSERT_FALSE(opened.ok()) << sealed;
  EXPECT_EQ(opened.error().code, code) << sealed;
  EXPECT_FALSE(opened.error().message.empty());
}

// The sealed text with one character of its base64 replaced by another valid one, at `index`
// characters past the prefix; changes at least one bit of the decoded bytes.
std::string with_changed_symbol(std::string sealed, std::size_t index) {
  char& c = sealed[kSealedFieldPrefix.size() + index];
  c = c == 'A' ? 'B' : 'A';
  return sealed;
}

TEST(FieldCipher, RoundTrips) {
  const FieldKey key = FieldKey::generate();
  for (std::string_view plaintext :
       {std::string_view("burn-out, reintegration in own work at 50%"), std::string_view(""),
        std::string_view("x"), std::string_view("a\0b", 3)}) {
    const std::string sealed = seal_field(key, plaintext, kContext);
    EXPECT_TRUE(is_sealed_field(sealed));
    EXPECT_EQ(open_ok(key, sealed), plaintext);
  }
}

TEST(FieldCipher, RoundTripsUtf8AndLargeValues) {
  const FieldKey key = FieldKey::generate();
  const std::string utf8 = "Diagnose: hernia L5\xE2\x80\x93S1, pijn \xC2\xB1 7/10 \xF0\x9F\xA9\xBA";
  EXPECT_EQ(open_ok(key, seal_field(key, utf8, kContext)), utf8);
  std::string large(100 * 1024, '\0');
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<char>(i * 31 % 251);
  EXPECT_EQ(open_ok(key, seal_field(key, large, kContext)), large);
}

TEST(FieldCipher, RoundTripsWithEmptyAssociatedData) {
  const FieldKey key = FieldKey::generate();
  EXPECT_EQ(open_ok(key, seal_field(key, "note", ""), ""), "note");
  EXPECT_EQ(open_ok(key, seal_field(key, std::string_view(), std::string_view()), ""), "");
}

TEST(FieldCipher, SealedTextHasTheDocumentedShape) {
  const FieldKey key = FieldKey::generate();
  const std::string plaintext = "twelve bytes";
  const std::string sealed = seal_field(key, plaintext, kContext);
  ASSERT_EQ(sealed.rfind("sealed:v1:", 0), 0u);
  const std::string encoded = sealed.substr(kSealedFieldPrefix.size());
  // 24-byte nonce + 12 bytes + 16-byte tag = 52 bytes = 70 base64 symbols without padding.
  EXPECT_EQ(encoded.size(), 70u);
  EXPECT_EQ(
      encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
      std::string::npos);
}

TEST(FieldCipher, SealingTwiceGivesDifferentText) {
  const FieldKey key = FieldKey::generate();
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    EXPECT_TRUE(seen.insert(seal_field(key, "same medical note", kContext)).second);
  }
}

TEST(FieldCipher, SealedTextDoesNotContainThePlaintext) {
  const FieldKey key = FieldKey::generate();
  const std::string plaintext(300, 'A');  // long runs would survive any mere encoding
  const std::string sealed = seal_field(key, plaintext, kContext);
  EXPECT_EQ(sealed.find("AAAA"), std::string::npos);
  EXPECT_EQ(seal_field(key, "diagnosis", kContext).find("diagnosis"), std::string::npos);
}

TEST(FieldCipher, WrongKeyFails) {
  const FieldKey key = FieldKey::generate();
  const FieldKey other = FieldKey::generate();
  expect_error(other, seal_field(key, "note", kContext), "decryption_failed");
}

TEST(FieldCipher, OtherAssociatedDataFails) {
  const FieldKey key = FieldKey::generate();
  const std::string sealed = seal_field(key, "note", kContext);
  expect_error(key, sealed, "decryption_failed", "case/42/entry/8/medical");
  expect_error(key, sealed, "decryption_failed", "");
  expect_error(key, seal_field(key, "note", ""), "decryption_failed", kContext);
}

TEST(FieldCipher, EveryChangedByteFails) {
  const FieldKey key = FieldKey::generate();
  const std::string sealed = seal_field(key, "a short medical note", kContext);
  const std::size_t symbols = sealed.size() - kSealedFieldPrefix.size();
  // 24 + 20 + 16 = 60 bytes, a multiple of three: every symbol carries only real bits, so any
  // change reaches the authenticated bytes (nonce: symbols 0-31, then ciphertext, then the tag).
  ASSERT_EQ(symbols, 80u);
  for (std::size_t i = 0; i < symbols; ++i) {
    auto opened = open_field(key, with_changed_symbol(sealed, i), kContext);
    ASSERT_FALSE(opened.ok()) << i;
    EXPECT_EQ(opened.error().code, "decryption_failed") << i;
  }
}

TEST(FieldCipher, FlippedNonceAndCiphertextBytesFail) {
  const FieldKey key = FieldKey::generate();
  const std::string sealed = seal_field(key, "a short medical note", kContext);
  expect_error(key, with_changed_symbol(sealed, 0), "decryption_failed");   // nonce
  expect_error(key, with_changed_symbol(sealed, 20), "decryption_failed");  // nonce
  expect_error(key, with_changed_symbol(sealed, 35), "decryption_failed");  // ciphertext
}

TEST(FieldCipher, TruncatedTextFails) {
  const FieldKey key = FieldKey::generate();
  const std::string sealed = seal_field(key, "a short medical note", kContext);
  for (std::size_t keep = kSealedFieldPrefix.size(); keep < sealed.size(); ++keep) {
    auto opened = open_field(key, sealed.substr(0, keep), kContext);
    ASSERT_FALSE(opened.ok()) << keep;
    EXPECT_TRUE(opened.error().code == "decryption_failed" ||
                opened.error().code == "corrupt_sealed_field")
        << keep;
  }
  // Shorter than nonce and tag together: 40 bytes need 54 symbols.
  expect_error(key, sealed.substr(0, kSealedFieldPrefix.size() + 52), "corrupt_sealed_field");
  expect_error(key, "sealed:v1:", "corrupt_sealed_field");
}

TEST(FieldCipher, MissingPrefixIsNotSealed) {
  const FieldKey key = FieldKey::generate();
  const std::string sealed = seal_field(key, "note", kContext);
  expect_error(key, "plain medical note", "not_sealed");
  expect_error(key, "", "not_sealed");
  expect_error(key, sealed.substr(kSealedFieldPrefix.size()), "not_sealed");
  expect_error(key, "sealed:v2:" + sealed.substr(kSealedFieldPrefix.size()), "not_sealed");
  expect_error(key, "SEALED:V1:" + sealed.substr(kSealedFieldPrefix.size()), "not_sealed");
  expect_error(key, " " + sealed, "not_sealed");
  EXPECT_FALSE(is_sealed_field("sealed:v1"));
  EXPECT_TRUE(is_sealed_field("sealed:v1:"));
}

TEST(FieldCipher, BadBase64IsCorrupt) {
  const FieldKey key = FieldKey::generate();
  const std::string sealed = seal_field(key, "a short medical note", kContext);
  const std::string body = sealed.substr(kSealedFieldPrefix.size());
  expect_error(key, "sealed:v1:!!!!", "corrupt_sealed_field");
  expect_error(key, "sealed:v1:" + body.substr(0, 10) + "*" + body.substr(11),
               "corrupt_sealed_field");
  expect_error(key, "sealed:v1:" + body.substr(0, 10) + "-" + body.substr(11),
               "corrupt_sealed_field");  // base64url is another alphabet
  expect_error(key, sealed + "=", "corrupt_sealed_field");
  expect_error(key, sealed + " ", "corrupt_sealed_field");
  expect_error(key, sealed + "\n", "corrupt_sealed_field");
  expect_error(key, sealed + std::string(1, '\0'), "corrupt_sealed_field");
  expect_error(key, "sealed:v1:" + body.substr(0, 10) + " " + body.substr(10),
               "corrupt_sealed_field");
}

TEST(FieldCipher, ExtraSymbolFails) {
  const FieldKey key = FieldKey::generate();
  const std::string sealed = seal_field(key, "a short medical note", kContext);
  auto opened = open_field(key, sealed + "A", kContext);
  ASSERT_FALSE(opened.ok());
  EXPECT_TRUE(opened.error().code == "decryption_failed" ||
              opened.error().code == "corrupt_sealed_field");
}

TEST(FieldKey, FromBytesGivesTheSameKey) {
  const FieldKey key = FieldKey::generate();
  const FieldKey copy = FieldKey::from_bytes(key.bytes());
  EXPECT_EQ(open_ok(copy, seal_field(key, "note", kContext)), "note");
}

TEST(FieldKey, GeneratedKeysDiffer) {
  const FieldKey a = FieldKey::generate();
  const FieldKey b = FieldKey::generate();
  EXPECT_FALSE(std::equal(a.bytes().begin(), a.bytes().end(), b.bytes().begin()));
}

TEST(FieldKey, MovingKeepsTheKeyAndWipesTheSource) {
  FieldKey original = FieldKey::generate();
  const std::string sealed = seal_field(original, "note", kContext);
  FieldKey moved = std::move(original);
  EXPECT_EQ(open_ok(moved, sealed), "note");
  // NOLINTNEXTLINE(bugprone-use-after-move): checking that the source was wiped is the point.
  for (unsigned char b : original.bytes()) EXPECT_EQ(b, 0);

  FieldKey assigned = FieldKey::generate();
  assigned = std::move(moved);
  EXPECT_EQ(open_ok(assigned, sealed), "note");
  for (unsigned char b : moved.bytes()) EXPECT_EQ(b, 0);  // NOLINT(bugprone-use-after-move)
}

}  // namespace
}  // namespace spoorboek::security
