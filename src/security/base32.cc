#include "security/base32.h"

#include <cstdint>

namespace spoorboek::security {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// The 5-bit value of a symbol, or -1 if it is not one.
int symbol_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

core::Error invalid(std::string message) {
  return core::make_error("invalid_base32", "", std::move(message));
}

}  // namespace

std::string base32_encode(std::span<const unsigned char> bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kAlphabet[(buffer >> bits) & 0x1F]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

core::Result<std::vector<unsigned char>> base32_decode(std::string_view text) {
  std::vector<unsigned char> out;
  out.reserve(text.size() * 5 / 8);
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  for (char c : text) {
    if (c == ' ' || c == '=') continue;
    const int value = symbol_value(c);
    if (value < 0)
      return invalid("A base32 text may only hold the letters A-Z and the digits 2-7.");
    buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
    bits += 5;
    ++symbols;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
    }
  }
  // A group of 8 symbols carries 5 bytes; a final partial group of 2, 4, 5 or 7 symbols carries
  // 1 to 4 bytes. 1, 3 or 6 leftover symbols cannot come from any byte string.
  const std::size_t tail = symbols % 8;
  if (tail == 1 || tail == 3 || tail == 6) {
    return invalid("The base32 text has a length that no encoder produces; a symbol is missing.");
  }
  return out;
}

}  // namespace spoorboek::security
