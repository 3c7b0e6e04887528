// Random bearer tokens (sessions, API keys, one-time links) and how to store and compare them.
//
// A token is a readable prefix naming its kind ("ses_", "api_") followed by base64url of CSPRNG
// bytes, so it is safe in URLs and headers. The database stores only token_digest(token): the
// tokens carry 256 random bits, so nobody can brute-force a digest and a fast unsalted SHA-256 is
// the right choice (a slow password hash would only slow every request down), and a leaked
// database does not leak usable tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace spoorboek::security {

inline constexpr std::size_t kTokenBytes = 32;

// prefix + base64url (RFC 4648 §5) without padding of `bytes` random bytes.
std::string random_token(std::string_view prefix, std::size_t bytes = kTokenBytes);

// Lowercase hex SHA-256 of the token (64 characters).
std::string token_digest(std::string_view token);

// Equality whose time depends only on the lengths, not on where the texts first differ.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace spoorboek::security
