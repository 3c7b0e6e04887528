#include "security/field_cipher.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

#include "security/sodium_init.h"

namespace spoorboek::security {
namespace {

constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int kBase64Variant = sodium_base64_VARIANT_ORIGINAL_NO_PADDING;

static_assert(kFieldKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

// An empty string_view may carry a null pointer; give libsodium a real one.
const unsigned char* bytes_of(std::string_view text) {
  static const unsigned char kEmpty = 0;
  return text.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(text.data());
}

core::Error field_error(std::string code, std::string message) {
  return core::make_error(std::move(code), "", std::move(message));
}

}  // namespace

FieldKey FieldKey::generate() {
  ensure_sodium_initialised();
  FieldKey key;
  crypto_aead_xchacha20poly1305_ietf_keygen(key.bytes_.data());
  return key;
}

FieldKey FieldKey::from_bytes(std::span<const unsigned char, kFieldKeyBytes> bytes) {
  FieldKey key;
  std::copy(bytes.begin(), bytes.end(), key.bytes_.begin());
  return key;
}

FieldKey::FieldKey(FieldKey&& other) noexcept : bytes_(other.bytes_) {
  sodium_memzero(other.bytes_.data(), other.bytes_.size());
}

FieldKey& FieldKey::operator=(FieldKey&& other) noexcept {
  if (this != &other) {
    bytes_ = other.bytes_;
    sodium_memzero(other.bytes_.data(), other.bytes_.size());
  }
  return *this;
}

FieldKey::~FieldKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

std::string seal_field(const FieldKey& key, std::string_view plaintext,
                       std::string_view associated_data) {
  ensure_sodium_initialised();
  std::vector<unsigned char> box(kNonceBytes + plaintext.size() + kTagBytes);
  unsigned char* nonce = box.data();
  // 192-bit random nonces never repeat in practice, however many values one key seals; that is
  // why XChaCha20 rather than ChaCha20 with its 96-bit nonce.
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long ciphertext_length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      box.data() + kNonceBytes, &ciphertext_length, bytes_of(plaintext), plaintext.size(),
      bytes_of(associated_data), associated_data.size(), nullptr, nonce, key.bytes().data());

  const std::size_t encoded_size = sodium_base64_ENCODED_LEN(box.size(), kBase64Variant);
  std::string sealed(kSealedFieldPrefix.size() + encoded_size, '\0');
  sealed.replace(0, kSealedFieldPrefix.size(), kSealedFieldPrefix);
  sodium_bin2base64(sealed.data() + kSealedFieldPrefix.size(), encoded_size, box.data(), box.size(),
                    kBase64Variant);
  sealed.pop_back();  // the NUL that sodium_base64_ENCODED_LEN counts
  return sealed;
}

core::Result<std::string> open_field(const FieldKey& key, std::string_view sealed,
                                     std::string_view associated_data) {
  if (!is_sealed_field(sealed)) {
    return field_error("not_sealed", "The value is not a sealed field (no \"sealed:v1:\" prefix).");
  }
  ensure_sodium_initialised();
  const std::string_view encoded = sealed.substr(kSealedFieldPrefix.size());
  std::vector<unsigned char> box(encoded.size() / 4 * 3 + 3);
  std::size_t box_length = 0;
  const char* end = nullptr;
  // libsodium stops at the first character outside the alphabet; insisting that it reached the
  // end refuses trailing garbage instead of ignoring it.
  if (sodium_base642bin(box.data(), box.size(), encoded.data(), encoded.size(), nullptr,
                        &box_length, &end, kBase64Variant) != 0 ||
      end != encoded.data() + encoded.size()) {
    return field_error("corrupt_sealed_field", "The sealed field is not valid base64.");
  }
  if (box_length < kNonceBytes + kTagBytes) {
    return field_error("corrupt_sealed_field",
                       "The sealed field is too short to hold a nonce and a tag.");
  }

  std::string plaintext(box_length - kNonceBytes - kTagBytes, '\0');
  unsigned long long plaintext_length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plaintext.data()), &plaintext_length, nullptr,
          box.data() + kNonceBytes, box_length - kNonceBytes, bytes_of(associated_data),
          associated_data.size(), box.data(), key.bytes().data()) != 0) {
    return field_error("decryption_failed",
                       "The sealed field does not open with this key and context: the key is "
                       "wrong, the value was changed, or it belongs to another record.");
  }
  plaintext.resize(static_cast<std::size_t>(plaintext_length));
  return plaintext;
}

bool is_sealed_field(std::string_view text) {
  return text.substr(0, kSealedFieldPrefix.size()) == kSealedFieldPrefix;
}

}  // namespace spoorboek::security
