// Base32 (RFC 4648 §6) for TOTP secrets, which authenticator apps exchange in this alphabet.
//
// Encoding is upper case without '=' padding, as otpauth:// URIs expect. Decoding is lenient in
// what people type or paste (any case, spaces, trailing '=') and strict in everything else: any
// other character is refused rather than skipped, so a mistyped secret never silently shrinks.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace spoorboek::security {

std::string base32_encode(std::span<const unsigned char> bytes);

// Error code "invalid_base32", field "", for a character outside A-Z, a-z, 2-7, ' ' and '=', or a
// length no encoder can produce (1, 3 or 6 symbols left over in the last group).
core::Result<std::vector<unsigned char>> base32_decode(std::string_view text);

}  // namespace spoorboek::security
