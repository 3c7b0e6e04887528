#include "security/totp.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <limits>

#include "security/base32.h"
#include "security/sodium_init.h"

namespace spoorboek::security {
namespace {

constexpr std::uint32_t kPowersOfTen[] = {1,      10,      100,      1000,     10000,
                                          100000, 1000000, 10000000, 100000000};

bool valid_digits(int digits) { return digits >= 6 && digits <= 8; }

const EVP_MD* digest_for(TotpAlgorithm algorithm) {
  switch (algorithm) {
    case TotpAlgorithm::sha256:
      return EVP_sha256();
    case TotpAlgorithm::sha512:
      return EVP_sha512();
    case TotpAlgorithm::sha1:
      break;
  }
  return EVP_sha1();
}

// Floor division: a negative time belongs to the step that starts at or before it.
std::int64_t time_step(std::int64_t unix_seconds, int step_seconds) {
  std::int64_t step = unix_seconds / step_seconds;
  if (unix_seconds % step_seconds < 0) --step;
  return step;
}

// RFC 4226 §5.3: HMAC the big-endian counter, then dynamic truncation to 31 bits.
// REQUIRES: valid_digits(digits)
std::string generate(std::span<const unsigned char> secret, std::uint64_t counter, int digits,
                     TotpAlgorithm algorithm) {
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  // OpenSSL may refuse a null key pointer even with length zero; an empty secret is legal HMAC.
  static const unsigned char kNoKey = 0;
  const unsigned char* key = secret.empty() ? &kNoKey : secret.data();

  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_length = 0;
  if (HMAC(digest_for(algorithm), key, static_cast<int>(secret.size()), message, sizeof message,
           mac, &mac_length) == nullptr ||
      mac_length < 20) {
    // Only possible when libcrypto itself is broken (no memory, no provider): nothing to recover.
    std::fputs("spoorboek: HMAC in libcrypto failed; stopping\n", stderr);
    std::abort();
  }
  const unsigned offset = mac[mac_length - 1] & 0x0F;
  const std::uint32_t truncated = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                                  (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                  (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                                  static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t value = truncated % kPowersOfTen[digits];

  std::string code(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i) {
    code[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  OPENSSL_cleanse(mac, sizeof mac);
  return code;
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

}  // namespace

std::string hotp_code(std::span<const unsigned char> secret, std::uint64_t counter, int digits,
                      TotpAlgorithm algorithm) {
  if (!valid_digits(digits)) return "";
  return generate(secret, counter, digits, algorithm);
}

std::string totp_code(std::span<const unsigned char> secret, std::int64_t unix_seconds, int digits,
                      int step_seconds, TotpAlgorithm algorithm) {
  if (!valid_digits(digits) || step_seconds <= 0) return "";
  const std::int64_t step = time_step(unix_seconds, step_seconds);
  if (step < 0) return "";
  return generate(secret, static_cast<std::uint64_t>(step), digits, algorithm);
}

std::optional<std::int64_t> totp_match(std::span<const unsigned char> secret, std::string_view code,
                                       std::int64_t unix_seconds, int window_steps, int digits,
                                       int step_seconds, TotpAlgorithm algorithm) {
  if (!valid_digits(digits) || step_seconds <= 0 || window_steps < 0 ||
      window_steps > kTotpMaxWindowSteps) {
    return std::nullopt;
  }
  if (code.size() != static_cast<std::size_t>(digits)) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }

  const std::int64_t now = time_step(unix_seconds, step_seconds);
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  const std::int64_t first = now < window_steps ? 0 : now - window_steps;
  const std::int64_t last = now > kMax - window_steps ? kMax : now + window_steps;

  // Every step in the window is computed and compared, matched or not, so the time taken does
  // not tell an attacker which step (if any) a guess hit.
  std::optional<std::int64_t> matched;
  for (std::int64_t step = first; step <= last; ++step) {
    const std::string expected =
        generate(secret, static_cast<std::uint64_t>(step), digits, algorithm);
    if (CRYPTO_memcmp(expected.data(), code.data(), expected.size()) == 0 && !matched) {
      matched = step;
    }
    if (step == kMax) break;
  }
  return matched;
}

std::vector<unsigned char> new_totp_secret() {
  ensure_sodium_initialised();
  std::vector<unsigned char> secret(kTotpSecretBytes);
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::span<const unsigned char> secret) {
  const std::string encoded_issuer = percent_encode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + percent_encode(account) +
         "?secret=" + base32_encode(secret) + "&issuer=" + encoded_issuer +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

}  // namespace spoorboek::security
