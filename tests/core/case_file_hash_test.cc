// The hash chain: deterministic, content-bound, and verify_chain finds the first break.
#include <gtest/gtest.h>

#include "core/entry_hash.h"
#include "tests/core/case_file_test_support.h"

namespace spoorboek::core {
namespace {

using testing::append;
using testing::sick_report;
using testing::simple;

std::vector<Entry> three_entries() {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));
  append(file, simple("company_doctor_report", "2026-01-06"));
  append(file, simple("recovery", "2026-01-20"));
  return file;
}

TEST(CaseFileHash, Sha256KnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CaseFileHash, ChainStartsAtGenesisAndLinks) {
  const auto file = three_entries();
  EXPECT_EQ(file[0].prev_hash, kGenesisHash);
  EXPECT_EQ(file[1].prev_hash, file[0].hash);
  EXPECT_EQ(file[0].hash.size(), 64u);
  EXPECT_EQ(file[0].hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(file[0].hash, sha256_hex(std::string(kGenesisHash) + canonical_entry(file[0])));
  EXPECT_FALSE(verify_chain(1, file).has_value());
}

TEST(CaseFileHash, CanonicalFormSortsKeysAndIgnoresWhitespace) {
  auto file = three_entries();
  const std::string canonical = canonical_entry(file[0]);
  EXPECT_LT(canonical.find("\"actor\""), canonical.find("\"case_id\""));
  EXPECT_LT(canonical.find("\"case_id\""), canonical.find("\"seq\""));
  file[1].payload = "{ }";
  EXPECT_FALSE(verify_chain(1, file).has_value());
}

TEST(CaseFileHash, EveryFieldIsCovered) {
  const auto original = three_entries();
  const std::vector<std::function<void(Entry&)>> changes = {
      [](Entry& e) { e.occurred_on = add_days(e.occurred_on, 1); },
      [](Entry& e) { e.recorded_at = "2026-03-02T10:15:01Z"; },
      [](Entry& e) { e.actor = "someone else"; },
      [](Entry& e) { e.visibility = Visibility::medical; },
      [](Entry& e) { e.type = EntryType::relapse; },
      [](Entry& e) { e.payload = R"({"company_doctor":"X"})"; },
      [](Entry& e) { e.medical = R"({"a":1})"; },
  };
  for (std::size_t i = 0; i < changes.size(); ++i) {
    auto file = original;
    changes[i](file[1]);
    const auto broken = verify_chain(1, file);
    ASSERT_TRUE(broken.has_value()) << "change " << i;
    EXPECT_EQ(broken->seq, 2) << "change " << i;
    EXPECT_NE(broken->reason.find("changed"), std::string::npos) << broken->reason;
  }
}

TEST(CaseFileHash, DetectsADeletedEntry) {
  auto file = three_entries();
  file.erase(file.begin() + 1);
  const auto broken = verify_chain(1, file);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 2);
  EXPECT_NE(broken->reason.find("missing"), std::string::npos);
}

TEST(CaseFileHash, DetectsReorderedEntries) {
  auto file = three_entries();
  std::swap(file[1].seq, file[2].seq);
  std::swap(file[1], file[2]);  // stored order follows seq
  const auto broken = verify_chain(1, file);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 2);
}

TEST(CaseFileHash, DetectsAnEntryOfAnotherCaseAndARewrittenChain) {
  auto file = three_entries();
  EXPECT_EQ(verify_chain(2, file)->seq, 1);
  // Changing an entry and recomputing its hash still breaks the link to the next one.
  file[1].actor = "forger";
  file[1].hash = compute_entry_hash(file[1]);
  const auto broken = verify_chain(1, file);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 3);
}

TEST(CaseFileHash, DamagedPayloadTextNeverVerifies) {
  auto file = three_entries();
  file[0].payload = "{not json";
  EXPECT_EQ(verify_chain(1, file)->seq, 1);
}

}  // namespace
}  // namespace spoorboek::core
