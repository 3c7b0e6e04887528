// The form parser is strict: one content type, valid escapes of clean UTF-8, each field once,
// limits on size and count.
#include "web/form.h"

#include <gtest/gtest.h>

namespace spoorboek::web {
namespace {

constexpr std::string_view kForm = "application/x-www-form-urlencoded";

TEST(Form, DecodesEscapesAndPlus) {
  auto form = parse_form(kForm, "email=a%40b.nl&name=Jan+de+Vries&empty=&bare");
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->value("email"), "a@b.nl");
  EXPECT_EQ(form->value("name"), "Jan de Vries");
  EXPECT_TRUE(form->has("empty"));
  EXPECT_EQ(form->value("empty"), "");
  EXPECT_TRUE(form->has("bare"));
  EXPECT_FALSE(form->has("absent"));
  EXPECT_EQ(form->value("absent"), "");
  EXPECT_EQ(form->size(), 4u);
}

TEST(Form, TakesACharsetParameterAndAnEmptyBody) {
  EXPECT_TRUE(parse_form("application/x-www-form-urlencoded; charset=UTF-8", "a=1").ok());
  auto empty = parse_form(kForm, "");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->size(), 0u);
}

TEST(Form, KeepsUtf8AndLineBreaks) {
  auto form = parse_form(kForm, "note=%C3%A9%C3%A9n%0D%0Aregel%09tab");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->value("note"), "\xC3\xA9\xC3\xA9n\r\nregel\ttab");
}

TEST(Form, RefusesOtherContentTypes) {
  EXPECT_FALSE(parse_form(std::nullopt, "a=1").ok());
  EXPECT_FALSE(parse_form("application/json", "a=1").ok());
  EXPECT_FALSE(parse_form("multipart/form-data; boundary=x", "a=1").ok());
}

TEST(Form, RefusesBrokenEncoding) {
  for (const char* body : {"a=%", "a=%4", "a=%zz", "a=%00", "a=%1B", "a=%C3", "a=%C0%AF",
                           "a=%ED%A0%80", "a=%F8%88%80%80%80", "a=%C2%85", "a=1&&b=2", "&",
                           "=1", "A=1", "a-b=1", "a%20b=1"}) {
    auto form = parse_form(kForm, body);
    EXPECT_FALSE(form.ok()) << body;
    if (!form.ok()) {
      EXPECT_EQ(form.error().code, "bad_request") << body;
    }
  }
}

TEST(Form, RefusesAFieldSentTwice) {
  auto form = parse_form(kForm, "csrf=1&csrf=2");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().field, "csrf");
}

TEST(Form, RefusesWhatIsTooLarge) {
  EXPECT_FALSE(parse_form(kForm, "a=" + std::string(kMaxFieldBytes + 1, 'x')).ok());
  EXPECT_TRUE(parse_form(kForm, "a=" + std::string(kMaxFieldBytes, 'x')).ok());
  EXPECT_FALSE(parse_form(kForm, "a=" + std::string(kMaxFormBytes, 'x')).ok());
  std::string many;
  for (std::size_t i = 0; i <= kMaxFormFields; ++i) {
    many += (many.empty() ? "f" : "&f") + std::to_string(i) + "=1";
  }
  EXPECT_FALSE(parse_form(kForm, many).ok());
}

}  // namespace
}  // namespace spoorboek::web
