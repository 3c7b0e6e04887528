// The two-factor set-up page's QR code (src/web/svg/qr_code_svg.h). The symbol is libqrencode's;
// these tests read the drawn modules back from the SVG and check them against ISO/IEC 18004
// itself, independently of libqrencode: the size of a version, the three finder patterns with
// their separators, the timing patterns, the dark module, and both copies of the format
// information (BCH-valid, error correction level M). (Decoding the data would need a QR decoder;
// Debian's are for raster images, so the content is checked by its structure and size only.)
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/web/svg/xml_check.h"
#include "web/svg/qr_code_svg.h"

namespace spoorboek::web::svg {
namespace {

using testing::parse_xml;

constexpr int kQuietZone = 4;
const std::string kUri =
    "otpauth://totp/Spoorboek:doctor%40demo.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    "&issuer=Spoorboek&algorithm=SHA1&digits=6&period=30";

// The symbol read back from the SVG: width x width modules, true = dark.
struct Symbol {
  int width = 0;
  std::vector<std::vector<bool>> dark;
  bool at(int x, int y) const { return dark[y][x]; }
};

// Reads the viewBox and the path of unit squares ("Mx yh1v1h-1z" each) the renderer writes.
std::optional<Symbol> read_symbol(const std::string& svg_text) {
  const auto parsed = parse_xml(svg_text);
  EXPECT_TRUE(parsed.ok) << parsed.error;
  if (!parsed.ok) return std::nullopt;
  std::istringstream box(parsed.root.attr("viewBox"));
  int x0 = -1, y0 = -1, w = 0, h = 0;
  box >> x0 >> y0 >> w >> h;
  EXPECT_EQ(x0, 0);
  EXPECT_EQ(y0, 0);
  EXPECT_EQ(w, h);
  const auto* path = parsed.root.child("path");
  EXPECT_NE(path, nullptr);
  if (!path || w <= 2 * kQuietZone) return std::nullopt;
  Symbol symbol;
  symbol.width = w - 2 * kQuietZone;
  symbol.dark.assign(symbol.width, std::vector<bool>(symbol.width, false));
  const std::string d = path->attr("d");
  std::size_t at = 0;
  while (at < d.size()) {
    const std::size_t end = d.find('z', at);
    EXPECT_NE(end, std::string::npos) << "an unclosed square in " << d.substr(at, 30);
    if (end == std::string::npos) return std::nullopt;
    int x = -1, y = -1;
    char rest[16] = {};
    const std::string square = d.substr(at, end - at);
    EXPECT_EQ(std::sscanf(square.c_str(), "M%d %d%15s", &x, &y, rest), 3) << square;
    EXPECT_STREQ(rest, "h1v1h-1");
    x -= kQuietZone;
    y -= kQuietZone;
    EXPECT_TRUE(x >= 0 && y >= 0 && x < symbol.width && y < symbol.width)
        << "a module in the quiet zone: " << square;
    if (x < 0 || y < 0 || x >= symbol.width || y >= symbol.width) return std::nullopt;
    EXPECT_FALSE(symbol.dark[y][x]) << "drawn twice: " << square;
    symbol.dark[y][x] = true;
    at = end + 1;
  }
  return symbol;
}

int version_of(const Symbol& symbol) { return (symbol.width - 17) / 4; }

// A finder pattern with its top-left module at (x, y): a dark 7x7 ring, a light ring, a dark 3x3.
void expect_finder(const Symbol& s, int x, int y) {
  for (int dy = 0; dy < 7; ++dy) {
    for (int dx = 0; dx < 7; ++dx) {
      const bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
      const bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
      EXPECT_EQ(s.at(x + dx, y + dy), ring || centre) << "finder at " << x << "," << y;
    }
  }
}

// The 15 format bits (before unmasking) in the order of ISO/IEC 18004 §7.9, first copy around the
// top-left finder and second copy split along the other two.
std::pair<int, int> format_copies(const Symbol& s) {
  std::vector<std::pair<int, int>> first, second;  // (x, y) of bit 0..14
  for (int i = 0; i <= 5; ++i) first.emplace_back(8, i);
  first.emplace_back(8, 7);
  first.emplace_back(8, 8);
  first.emplace_back(7, 8);
  for (int i = 9; i < 15; ++i) first.emplace_back(14 - i, 8);
  for (int i = 0; i < 8; ++i) second.emplace_back(s.width - 1 - i, 8);
  for (int i = 8; i < 15; ++i) second.emplace_back(8, s.width - 15 + i);
  auto read = [&s](const std::vector<std::pair<int, int>>& places) {
    int bits = 0;
    for (int i = 0; i < 15; ++i) {
      if (s.at(places[i].first, places[i].second)) bits |= 1 << i;
    }
    return bits;
  };
  return {read(first), read(second)};
}

// The BCH(15,5) remainder of the 5 data bits with generator x^10+x^8+x^5+x^4+x^2+x+1.
int bch_remainder(int data) {
  int value = data << 10;
  for (int bit = 14; bit >= 10; --bit) {
    if (value & (1 << bit)) value ^= 0x537 << (bit - 10);
  }
  return value;
}

TEST(QrCodeSvg, IsAWellFormedSymbolOfLevelMForTheOtpauthUri) {
  const auto svg_text = qr_code_svg(kUri, "QR-code");
  ASSERT_TRUE(svg_text);
  const auto symbol = read_symbol(*svg_text);
  ASSERT_TRUE(symbol);
  const Symbol& s = *symbol;
  // A version's size is 17 + 4 V modules; 117 bytes at level M need version 6 or more.
  ASSERT_EQ((s.width - 17) % 4, 0) << s.width;
  EXPECT_GE(version_of(s), 6);
  EXPECT_LE(version_of(s), 40);
  expect_finder(s, 0, 0);
  expect_finder(s, s.width - 7, 0);
  expect_finder(s, 0, s.width - 7);
  // The light separators beside the finders.
  for (int i = 0; i < 8; ++i) {
    EXPECT_FALSE(s.at(7, i));
    EXPECT_FALSE(s.at(i, 7));
    EXPECT_FALSE(s.at(s.width - 8, i));
    EXPECT_FALSE(s.at(s.width - 1 - i, 7));
    EXPECT_FALSE(s.at(7, s.width - 1 - i));
    EXPECT_FALSE(s.at(i, s.width - 8));
  }
  // Timing patterns: row 6 and column 6 alternate between the finders, dark on even positions.
  for (int i = 8; i < s.width - 8; ++i) {
    EXPECT_EQ(s.at(i, 6), i % 2 == 0) << "row 6 at " << i;
    EXPECT_EQ(s.at(6, i), i % 2 == 0) << "column 6 at " << i;
  }
  EXPECT_TRUE(s.at(8, s.width - 8)) << "the dark module";
  const auto [first, second] = format_copies(s);
  EXPECT_EQ(first, second) << "the two copies of the format information differ";
  const int format = first ^ 0x5412;  // unmasked
  const int data = format >> 10;
  EXPECT_EQ(format & 0x3FF, bch_remainder(data)) << "format information fails its BCH check";
  EXPECT_EQ(data >> 3, 0) << "error correction level is not M (00)";
}

TEST(QrCodeSvg, ALongerTextNeedsALargerSymbolAndTheSameTextTheSameBytes) {
  const auto small = qr_code_svg("otpauth://totp/x?secret=A", "QR");
  const auto large = qr_code_svg(kUri + "&note=" + std::string(200, 'x'), "QR");
  ASSERT_TRUE(small && large);
  EXPECT_LT(read_symbol(*small)->width, read_symbol(*large)->width);
  EXPECT_EQ(qr_code_svg(kUri, "QR"), qr_code_svg(kUri, "QR"));
}

TEST(QrCodeSvg, TheLabelIsEscapedAndNothingButTheSymbolIsDrawn) {
  const auto svg_text = qr_code_svg(kUri, "QR <script>alert(1)</script> & \"x\"");
  ASSERT_TRUE(svg_text);
  EXPECT_EQ(svg_text->find("<script"), std::string::npos);
  const auto parsed = parse_xml(*svg_text);
  ASSERT_TRUE(parsed.ok) << parsed.error;
  EXPECT_EQ(parsed.root.attr("aria-label"), "QR <script>alert(1)</script> & \"x\"");
  EXPECT_EQ(parsed.root.attr("role"), "img");
  std::set<std::string> names;
  for (const auto& child : parsed.root.children) names.insert(child.name);
  EXPECT_EQ(names, (std::set<std::string>{"rect", "path"}));
  EXPECT_EQ(svg_text->find("style"), std::string::npos);
}

TEST(QrCodeSvg, TextBeyondTheLargestSymbolIsRefusedNotTruncated) {
  // Version 40 at level M holds 2,331 bytes.
  EXPECT_FALSE(qr_code_svg(std::string(3000, 'a'), "QR"));
}

}  // namespace
}  // namespace spoorboek::web::svg
