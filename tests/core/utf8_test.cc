// utf8_sequence_length: RFC 3629's well-formed sequences, and what it refuses.
#include <gtest/gtest.h>

#include "core/utf8.h"

namespace spoorboek::core {
namespace {

TEST(Utf8, WellFormedSequencesHaveTheirLength) {
  EXPECT_EQ(utf8_sequence_length("\xC3\xA9", 0), 2u);          // é
  EXPECT_EQ(utf8_sequence_length("a\xE2\x82\xAC", 1), 3u);     // €
  EXPECT_EQ(utf8_sequence_length("\xF0\x9F\x98\x80", 0), 4u);  // U+1F600
  EXPECT_EQ(utf8_sequence_length("\xF4\x8F\xBF\xBF", 0), 4u);  // U+10FFFF
}

TEST(Utf8, IllFormedSequencesAreRefused) {
  EXPECT_EQ(utf8_sequence_length("a", 0), 0u);                  // ASCII: the caller's part
  EXPECT_EQ(utf8_sequence_length("\xC0\xAF", 0), 0u);           // overlong
  EXPECT_EQ(utf8_sequence_length("\xE0\x80\xAF", 0), 0u);       // overlong
  EXPECT_EQ(utf8_sequence_length("\xED\xA0\x80", 0), 0u);       // surrogate
  EXPECT_EQ(utf8_sequence_length("\xF4\x90\x80\x80", 0), 0u);   // above U+10FFFF
  EXPECT_EQ(utf8_sequence_length("\xE2\x82", 0), 0u);           // truncated
  EXPECT_EQ(utf8_sequence_length("\xE2\x28\xA1", 0), 0u);       // bad continuation
  EXPECT_EQ(utf8_sequence_length("\x80", 0), 0u);               // lone continuation
}

}  // namespace
}  // namespace spoorboek::core
