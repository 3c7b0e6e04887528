// Password storage with Argon2id (libsodium's crypto_pwhash_str), and the rules for new passwords.
//
// A stored hash is the self-describing "$argon2id$v=19$m=...,t=...,p=...$salt$hash" string, so
// hashes made with older parameters keep verifying; password_needs_rehash tells the login code to
// re-hash with today's parameters once it has the plaintext. verify_password never crashes and
// never accepts on a malformed stored hash. Password policy is checked only for passwords people
// choose (check_new_password), never at login, so a policy change does not lock anyone out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "security/sodium_init.h"

namespace spoorboek::security {

// OWASP's Argon2id recommendation is m=19 MiB, t=2, p=1 (libsodium always uses p=1). libsodium's
// INTERACTIVE preset needs 64 MiB per hash, and the server must stay under 100 MB resident even
// with several logins at once, so we take OWASP's lower memory and pay for it with t=2.
inline constexpr unsigned long long kPasswordOpsLimit = 2;
inline constexpr std::size_t kPasswordMemLimitBytes = std::size_t{19} * 1024 * 1024;

// Limits for passwords people choose. Length is what makes a password strong, so the minimum is
// generous; the maximum only stops someone from making every login hash megabytes.
inline constexpr std::size_t kPasswordMinCodePoints = 12;
inline constexpr std::size_t kPasswordMaxBytes = 1024;

// Error code "internal" (field "") when libsodium fails, which in practice means out of memory.
core::Result<std::string> hash_password(std::string_view password);

// True only when stored_hash is a valid Argon2 hash string of `password`.
bool verify_password(std::string_view stored_hash, std::string_view password);

// True when stored_hash is not an Argon2id hash with today's parameters, or cannot be parsed.
bool password_needs_rehash(std::string_view stored_hash);

// Error field "password"; codes, checked in this order: "too_long" (over kPasswordMaxBytes bytes),
// "invalid_utf8", "too_short" (under kPasswordMinCodePoints code points), "too_simple" (one
// character repeated).
core::Status check_new_password(std::string_view password);

}  // namespace spoorboek::security
