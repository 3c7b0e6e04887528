// Encryption at rest of medical fields with XChaCha20-Poly1305 (IETF), one random nonce per value.
//
// A sealed field is text, "sealed:v1:" + base64 (standard alphabet, no padding) of
// nonce (24 bytes) || ciphertext || tag (16 bytes), so it fits a TEXT column and says which scheme
// made it. The associated data binds a value to where it belongs (e.g. "case/42/entry/7/medical"):
// a sealed value copied to another row does not open. open_field fails closed: any change to the
// text, the key or the associated data gives an Error, never garbage or a crash.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace spoorboek::security {

inline constexpr std::size_t kFieldKeyBytes = 32;
inline constexpr std::string_view kSealedFieldPrefix = "sealed:v1:";

// The 256-bit key. Move-only and wiped on destruction so that copies of the key do not linger in
// memory; it has no operator<< and no comparison, so it cannot end up in a log or a test failure
// message by accident. A moved-from key is all zeros and must not be used.
class FieldKey {
 public:
  // A fresh key from the CSPRNG.
  static FieldKey generate();
  static FieldKey from_bytes(std::span<const unsigned char, kFieldKeyBytes> bytes);

  FieldKey(FieldKey&& other) noexcept;
  FieldKey& operator=(FieldKey&& other) noexcept;
  FieldKey(const FieldKey&) = delete;
  FieldKey& operator=(const FieldKey&) = delete;
  ~FieldKey();

  // For key_file.cc and the cipher; do not copy these bytes anywhere else.
  std::span<const unsigned char, kFieldKeyBytes> bytes() const { return bytes_; }

 private:
  FieldKey() = default;
  std::array<unsigned char, kFieldKeyBytes> bytes_{};
};

std::string seal_field(const FieldKey& key, std::string_view plaintext,
                       std::string_view associated_data);

// Error codes (field ""): "not_sealed" without the prefix, "corrupt_sealed_field" when the rest is
// not base64 or too short to hold a nonce and a tag, "decryption_failed" when the tag does not
// verify (wrong key, changed text, or other associated data).
core::Result<std::string> open_field(const FieldKey& key, std::string_view sealed,
                                     std::string_view associated_data);

// True when the text carries the sealed-field prefix (says nothing about whether it opens).
bool is_sealed_field(std::string_view text);

}  // namespace spoorboek::security
