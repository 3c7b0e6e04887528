// One-time passwords for the second login factor: HOTP (RFC 4226) and TOTP (RFC 6238).
//
// Codes are compared in constant time. totp_match returns the time step that matched, not a bool:
// the caller must store it and refuse any step at or before the last one accepted, because a code
// stays valid for the whole window and could otherwise be replayed by someone looking over a
// shoulder. `digits` must be 6, 7 or 8 (RFC 4226 §5.3), `step_seconds` positive and `window_steps`
// in [0, kTotpMaxWindowSteps]; outside that, the code functions return "" and totp_match returns
// nullopt, so a misconfiguration never accepts a code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace spoorboek::security {

enum class TotpAlgorithm { sha1, sha256, sha512 };

inline constexpr int kTotpDigits = 6;
inline constexpr int kTotpStepSeconds = 30;
// Length of a new secret: 160 bits, the size RFC 4226 §4 recommends for HMAC-SHA1.
inline constexpr std::size_t kTotpSecretBytes = 20;
// A wide window turns a 6-digit code into a guessable one (each step is another chance) and costs
// an HMAC per step; RFC 6238 §5.2 recommends at most one step of delay, ten is already generous.
inline constexpr int kTotpMaxWindowSteps = 10;

std::string hotp_code(std::span<const unsigned char> secret, std::uint64_t counter,
                      int digits = kTotpDigits, TotpAlgorithm algorithm = TotpAlgorithm::sha1);

// The code for the time step floor(unix_seconds / step_seconds).
std::string totp_code(std::span<const unsigned char> secret, std::int64_t unix_seconds,
                      int digits = kTotpDigits, int step_seconds = kTotpStepSeconds,
                      TotpAlgorithm algorithm = TotpAlgorithm::sha1);

// The time step (counter) within ±window_steps of now whose code equals `code`, or nullopt.
// `code` must be exactly `digits` ASCII digits; anything else (spaces, short, long) is refused.
// Steps before the epoch are never matched.
std::optional<std::int64_t> totp_match(std::span<const unsigned char> secret, std::string_view code,
                                       std::int64_t unix_seconds, int window_steps = 1,
                                       int digits = kTotpDigits,
                                       int step_seconds = kTotpStepSeconds,
                                       TotpAlgorithm algorithm = TotpAlgorithm::sha1);

// kTotpSecretBytes bytes from the CSPRNG.
std::vector<unsigned char> new_totp_secret();

// The provisioning URI that authenticator apps read from a QR code, for SHA1, 6 digits, 30 s:
// otpauth://totp/Issuer:account?secret=BASE32&issuer=Issuer&algorithm=SHA1&digits=6&period=30
// Issuer and account are percent-encoded except for RFC 3986 unreserved characters.
std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::span<const unsigned char> secret);

}  // namespace spoorboek::security
