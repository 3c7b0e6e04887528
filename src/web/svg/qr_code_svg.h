// A QR code as SVG, for the two-factor set-up page: the authenticator app scans the otpauth URI
// instead of the user typing the secret. The symbol comes from libqrencode (Debian's
// libqrencode-dev; error correction level M, the smallest version that holds the text); this
// file only draws its modules: one <path> of unit squares in a viewBox of modules plus the
// 4-module quiet zone the standard asks for, dark on light, no style attributes (CSP).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace spoorboek::web::svg {

// nullopt when libqrencode cannot encode the text (too long, out of memory). `label` names the
// image for screen readers (escaped).
std::optional<std::string> qr_code_svg(std::string_view text, std::string_view label);

}  // namespace spoorboek::web::svg
