#include "web/svg/xml_escape.h"

#include <gtest/gtest.h>

#include "tests/web/svg/xml_check.h"
#include "web/svg/svg_writer.h"

namespace spoorboek::web::svg {
namespace {

TEST(XmlEscape, TurnsTheFiveMarkupCharactersIntoEntities) {
  EXPECT_EQ(xml_escape(R"(<script>alert('x') & "y"</script>)"),
            "&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST(XmlEscape, KeepsPlainTextAndValidUtf8AsItIs) {
  EXPECT_EQ(xml_escape("Plan van Aanpak"), "Plan van Aanpak");
  EXPECT_EQ(xml_escape("5 dec. – 22 jan. (één)"), "5 dec. – 22 jan. (één)");
  EXPECT_EQ(xml_escape("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");  // U+1F600, four bytes
  EXPECT_EQ(xml_escape("a\tb\nc\rd"), "a\tb\nc\rd");
}

TEST(XmlEscape, DropsCharactersXmlForbids) {
  EXPECT_EQ(xml_escape(std::string("a\x01" "b\x1F" "c\x7F" "d", 7)), "abcd");
  EXPECT_EQ(xml_escape(std::string("nul\0x", 5)), "nulx");
  EXPECT_EQ(xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz"), "xyz");  // U+FFFE, U+FFFF
}

TEST(XmlEscape, ReplacesInvalidUtf8WithTheReplacementCharacter) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(xml_escape("a\xFF" "b"), "a" + replacement + "b");
  EXPECT_EQ(xml_escape("\xC3"), replacement);                                   // truncated
  EXPECT_EQ(xml_escape("\xC0\xAF"), replacement + replacement);                 // overlong '/'
  EXPECT_EQ(xml_escape("\xED\xA0\x80"), replacement + replacement + replacement);  // a surrogate
  EXPECT_EQ(xml_escape("\xF4\x90\x80\x80").substr(0, 3), replacement);          // above U+10FFFF
}

TEST(XmlEscape, AnyBytesGiveParsableText) {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  const auto parsed = testing::parse_xml("<t a=\"" + xml_escape(every_byte) + "\">" +
                                         xml_escape(every_byte) + "</t>");
  ASSERT_TRUE(parsed.ok) << parsed.error;
  for (char markup : {'<', '>', '&', '"', '\''}) {
    EXPECT_NE(parsed.root.attr("a").find(markup), std::string::npos) << markup;
    EXPECT_NE(parsed.root.text.find(markup), std::string::npos) << markup;
  }
}

TEST(XmlEscape, Utf8LengthCountsCharactersNotBytes) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("wk 13"), 5u);
  EXPECT_EQ(utf8_length("één – twee"), 10u);
}

TEST(FormatNumber, RoundsToATenthWithoutTrailingZeroOrNegativeZero) {
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(12), "12");
  EXPECT_EQ(format_number(12.34), "12.3");
  EXPECT_EQ(format_number(12.36), "12.4");
  EXPECT_EQ(format_number(-1.5), "-1.5");
  EXPECT_EQ(format_number(-0.04), "0");
  EXPECT_EQ(format_number(959.99), "960");
}

TEST(SvgWriter, EscapesAttributeValuesAndText) {
  SvgWriter writer;
  writer.open("g", {{"class", "a\"b"}});
  writer.text_element("title", {}, "<b>&</b>");
  writer.empty("rect", {{"x", format_number(1.25)}});
  writer.close();
  EXPECT_EQ(std::move(writer).finish(),
            "<g class=\"a&quot;b\">\n<title>&lt;b&gt;&amp;&lt;/b&gt;</title>\n<rect x=\"1.3\"/>\n</g>\n");
}

TEST(XmlCheck, RefusesMalformedMarkup) {
  // The checker the SVG tests rely on must itself catch what it claims to.
  for (const char* bad : {"<a><b></a></b>", "<a>", "<a x=1/>", "<a x=\"1\" x=\"2\"/>", "<a>&bogus;</a>",
                          "<a>x & y</a>", "<a x=\"<\"/>", "<a/><b/>", "<a><!-- c --></a>", "text"}) {
    EXPECT_FALSE(testing::parse_xml(bad).ok) << bad;
  }
  const auto good = testing::parse_xml("<a x=\"1 &amp; 2\"><b/>t&lt;&#233;</a>");
  ASSERT_TRUE(good.ok) << good.error;
  EXPECT_EQ(good.root.attr("x"), "1 & 2");
  EXPECT_EQ(good.root.text, "t<\xC3\xA9");
  EXPECT_EQ(good.root.children.size(), 1u);
}

}  // namespace
}  // namespace spoorboek::web::svg
