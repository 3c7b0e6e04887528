#include "security/password.h"

#include <sodium.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace spoorboek::security {
namespace {

// libsodium's Argon2 strings are shorter than crypto_pwhash_STRBYTES and must be NUL-terminated:
// copy into a buffer of exactly that size, refusing anything that would not fit or that holds a
// NUL (which would hide the rest of the string from libsodium).
std::optional<std::string> as_c_hash(std::string_view stored_hash) {
  if (stored_hash.size() >= crypto_pwhash_STRBYTES) return std::nullopt;
  if (stored_hash.find('\0') != std::string_view::npos) return std::nullopt;
  return std::string(stored_hash);
}

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

// An empty string_view may carry a null pointer; give libsodium a real one.
const char* bytes_of(std::string_view text) { return text.empty() ? "" : text.data(); }

// Decodes UTF-8 strictly (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
// Returns the code points, or nullopt when the text is not UTF-8.
std::optional<std::vector<std::uint32_t>> decode_utf8(std::string_view text) {
  std::vector<std::uint32_t> code_points;
  code_points.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t value = 0;
    std::uint32_t minimum = 0;
    if (lead < 0x80) {
      length = 1;
      value = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      value = lead & 0x1Fu;
      minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      value = lead & 0x0Fu;
      minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      value = lead & 0x07u;
      minimum = 0x10000;
    } else {
      return std::nullopt;  // a continuation byte, 0xC0/0xC1 (always overlong) or 0xF5..0xFF
    }
    if (text.size() - i < length) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      value = (value << 6) | (next & 0x3Fu);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      return std::nullopt;
    }
    code_points.push_back(value);
    i += length;
  }
  return code_points;
}

core::Error password_error(std::string code, std::string message) {
  return core::make_error(std::move(code), "password", std::move(message));
}

}  // namespace

core::Result<std::string> hash_password(std::string_view password) {
  ensure_sodium_initialised();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, bytes_of(password), password.size(), kPasswordOpsLimit,
                            kPasswordMemLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::make_error("internal", "",
                            "The password could not be hashed; the server is probably out of "
                            "memory. Try again in a moment.");
  }
  return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  ensure_sodium_initialised();
  const std::optional<std::string> hash = as_c_hash(stored_hash);
  if (!hash) return false;
  return crypto_pwhash_str_verify(hash->c_str(), bytes_of(password), password.size()) == 0;
}

bool password_needs_rehash(std::string_view stored_hash) {
  ensure_sodium_initialised();
  // libsodium compares only the parameters, so an Argon2i hash with our numbers would pass;
  // we want every hash on Argon2id.
  if (stored_hash.substr(0, kArgon2idPrefix.size()) != kArgon2idPrefix) return true;
  const std::optional<std::string> hash = as_c_hash(stored_hash);
  if (!hash) return true;
  return crypto_pwhash_str_needs_rehash(hash->c_str(), kPasswordOpsLimit, kPasswordMemLimitBytes) !=
         0;
}

core::Status check_new_password(std::string_view password) {
  if (password.size() > kPasswordMaxBytes) {
    return password_error("too_long", "A password may be at most " +
                                          std::to_string(kPasswordMaxBytes) +
                                          " bytes long; choose a shorter passphrase.");
  }
  const std::optional<std::vector<std::uint32_t>> code_points = decode_utf8(password);
  if (!code_points) {
    return password_error("invalid_utf8",
                          "The password is not valid UTF-8 text, so it could not be typed the "
                          "same way again; use ordinary characters.");
  }
  if (code_points->size() < kPasswordMinCodePoints) {
    return password_error("too_short", "A password must have at least " +
                                           std::to_string(kPasswordMinCodePoints) +
                                           " characters; a longer passphrase is much harder to "
                                           "guess.");
  }
  bool all_same = true;
  for (std::uint32_t c : *code_points) {
    if (c != code_points->front()) {
      all_same = false;
      break;
    }
  }
  if (all_same) {
    return password_error("too_simple",
                          "A password made of one repeated character is among the first an "
                          "attacker tries; mix different characters.");
  }
  return core::ok_status();
}

}  // namespace spoorboek::security
