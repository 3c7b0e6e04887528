#include "web/svg/qr_code_svg.h"

#include <qrencode.h>

#include <memory>
#include <string>

#include "web/svg/svg_writer.h"

namespace spoorboek::web::svg {
namespace {

constexpr int kQuietZone = 4;  // modules of light margin on every side (ISO/IEC 18004)

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<std::string> qr_code_svg(std::string_view text, std::string_view label) {
  const std::string data(text);  // libqrencode wants a NUL-terminated string
  // 8-bit mode keeps the URI's bytes exactly; version 0: the smallest that holds them.
  std::unique_ptr<QRcode, QrCodeFree> code(
      QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return std::nullopt;
  const int width = code->width;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      // The lowest bit of each byte is the module's colour (1: dark); the others are libqrencode's
      // bookkeeping.
      if ((code->data[y * width + x] & 1) == 0) continue;
      path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) +
              "h1v1h-1z";
    }
  }
  const std::string size = std::to_string(width + 2 * kQuietZone);
  SvgWriter svg;
  svg.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"viewBox", "0 0 " + size + " " + size},
                   {"class", "qr-code"},
                   {"role", "img"},
                   {"aria-label", std::string(label)},
                   {"shape-rendering", "crispEdges"}});
  svg.empty("rect", {{"width", size}, {"height", size}, {"fill", "#ffffff"}});
  svg.empty("path", {{"d", path}, {"fill", "#000000"}});
  svg.close();
  return std::move(svg).finish();
}

}  // namespace spoorboek::web::svg
