// UTF-8 validity, byte by byte, for the places that must pass text on only when it is well
// formed (JSON error bodies, SVG/XML text).
#pragma once

#include <cstddef>
#include <string_view>

namespace spoorboek::core {

// The length (2..4) of the valid multi-byte UTF-8 sequence starting at text[at], or 0 when the
// bytes there are not one: overlong forms, surrogates, code points above U+10FFFF and truncated
// sequences are invalid (RFC 3629). ASCII bytes (< 0x80) also give 0: callers handle them first.
// REQUIRES: at < text.size().
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

}  // namespace spoorboek::core
