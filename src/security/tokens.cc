#include "security/tokens.h"

#include <sodium.h>

#include <vector>

#include "security/sodium_init.h"

namespace spoorboek::security {

std::string random_token(std::string_view prefix, std::size_t bytes) {
  if (bytes == 0) return std::string(prefix);  // libsodium wants real buffers, even empty ones
  ensure_sodium_initialised();
  std::vector<unsigned char> random(bytes);
  randombytes_buf(random.data(), random.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  // sodium_base64_ENCODED_LEN counts the terminating NUL.
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), random.data(), random.size(), kVariant);
  encoded.pop_back();
  sodium_memzero(random.data(), random.size());
  std::string token;
  token.reserve(prefix.size() + encoded.size());
  token.append(prefix).append(encoded);
  return token;
}

std::string token_digest(std::string_view token) {
  ensure_sodium_initialised();
  unsigned char digest[crypto_hash_sha256_BYTES];
  // An empty string_view may carry a null pointer, which libsodium does not accept.
  static const unsigned char kEmpty = 0;
  const unsigned char* data =
      token.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(token.data());
  crypto_hash_sha256(digest, data, token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

bool constant_time_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  ensure_sodium_initialised();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace spoorboek::security
