// fold_relevant_entries: an append folds only the entries it needs, with the same result as the
// whole file. Checked on hand-made files and on thousands of generated ones, including files the
// fold refuses (the first error must be the same one).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/case_file_fold.h"
#include "tests/core/case_file_test_support.h"

namespace spoorboek::core {
namespace {

using testing::append;
using testing::day;
using testing::sick_report;
using testing::simple;

std::string interview(const std::string& date) {
  return simple("reintegration_interview", date.c_str(),
                R"({"attendees":["employee"],"employee_agreement":"pending"})");
}

std::string track_1_attempt(const std::string& date) {
  return simple("track_1_attempt", date.c_str(),
                R"({"option":"other_job_internal","description":"planner","outcome":"failed",)"
                R"("reason":"too heavy"})");
}

std::string progress_evaluation(const std::string& date) {
  return simple("progress_evaluation", date.c_str(),
                R"({"attendees":["employee","manager"],"employee_agreement":"agreed"})");
}

// The other types the fold reads only the date of (fold_reads_only_date).
std::string date_only_report(int which, const std::string& date) {
  switch (which) {
    case 0:
      return simple("gp_conversation", date.c_str(),
                    R"({"attendees":["employee"],"medical":{"gp_position":"p","next_step":"n"}})");
    case 1:
      return simple("occupational_expert_report", date.c_str(),
                    R"({"author":"A","question":"q","own_job_possible":"no",)"
                    R"("conclusion_track":"track_2","advice":"a"})");
    case 2:
      return simple("current_judgement", date.c_str(),
                    R"({"author":"B","course_of_incapacity":"c","prognosis":"p",)"
                    R"("suitable_work_at_employer_view":"v"})");
    case 3:
      return simple("end_evaluation", date.c_str(),
                    R"({"nature_of_business":"n","reintegration_status":{"hours_per_week":0,)"
                    R"("tasks":"none","structural":false},"summary_track_1":"s",)"
                    R"("employer_view_working_relationship":"w","employer_view_suitable_work":"v"})");
    default:
      return simple("track_2_activity", date.c_str(), R"({"kind":"coaching","description":"d"})");
  }
}

// A request for a deskundigenoordeel (request_seq < 0), or an answer that names entry
// `request_seq` (0: none).
std::string expert_opinion(const std::string& date, std::int64_t request_seq) {
  if (request_seq < 0) {
    return simple("expert_opinion", date.c_str(),
                  R"({"stage":"requested","requested_by":"employee","question":"employer_efforts"})");
  }
  std::string payload =
      R"({"stage":"answered","requested_by":"employee","question":"employer_efforts","conclusion":"c")";
  if (request_seq > 0) payload += ",\"request_seq\":" + std::to_string(request_seq);
  return simple("expert_opinion", date.c_str(), (payload + "}").c_str());
}

std::vector<std::int64_t> seqs(const std::vector<Entry>& entries) {
  std::vector<std::int64_t> result;
  for (const auto& entry : entries) result.push_back(entry.seq);
  return result;
}

TEST(FoldRelevantEntries, KeepsOnlyTheEarliestConversation) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));                    // 1
  append(file, interview("2026-01-20"));                      // 2
  append(file, progress_evaluation("2026-02-10"));         // 3
  append(file, interview("2026-01-12"));                      // 4: recorded late, earliest
  append(file, track_1_attempt("2026-03-01"));                // 5
  append(file, interview("2026-03-02"));                      // 6
  EXPECT_EQ(seqs(fold_relevant_entries(file)), (std::vector<std::int64_t>{1, 3, 4}));
}

TEST(FoldRelevantEntries, OfEqualDatesTheFirstRecordedIsTheEarliest) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));
  append(file, interview("2026-01-20"));
  append(file, interview("2026-01-20"));
  EXPECT_EQ(seqs(fold_relevant_entries(file)), (std::vector<std::int64_t>{1, 2}));
}

TEST(FoldRelevantEntries, TheNewReportsAreDateOnlyAndExpertOpinionsCount) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));  // 1
  for (int which = 0; which < 5; ++which) {
    append(file, date_only_report(which, "2026-02-0" + std::to_string(which + 2)));  // 2..6
  }
  append(file, expert_opinion("2026-02-10", -1));  // 7
  append(file, expert_opinion("2026-02-20", 7));   // 8
  EXPECT_EQ(seqs(fold_relevant_entries(file)), (std::vector<std::int64_t>{1, 2, 7, 8}));
  EXPECT_FALSE(fold_reads_only_date(EntryType::expert_opinion));
  EXPECT_TRUE(fold_reads_only_date(EntryType::track_2_activity));
}

TEST(FoldRelevantEntries, KeepsConversationsThatACorrectionNames) {
  std::vector<Entry> file;
  append(file, sick_report("2026-01-05"));  // 1
  append(file, interview("2026-01-20"));    // 2
  append(file, interview("2026-01-27"));    // 3
  append(file, interview("2026-02-03"));    // 4
  append(file, simple("correction", "2026-02-04",
                      R"({"corrects_seq":4,"reason":"wrong day","new_occurred_on":"2026-02-02"})"));
  append(file, simple("correction", "2026-02-04",
                      R"({"corrects_seq":2,"reason":"not held","void":true})"));
  // 2 and 4 are named; of the others 3 is the earliest.
  EXPECT_EQ(seqs(fold_relevant_entries(file)), (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));
  append(file, interview("2026-02-10"));  // 7: not needed
  EXPECT_EQ(seqs(fold_relevant_entries(file)).size(), 6u);
}

TEST(FoldRelevantEntries, AnEmptyFileSelectsNothing) {
  EXPECT_TRUE(fold_relevant_entries({}).empty());
}

// The claim of the header: for any file and any next entry that is not a correction, the fold of
// the selection plus that entry equals the fold of the whole file plus it, or both fail with the
// same first error.
void expect_same_fold(std::vector<Entry> whole, const std::string& next, const char* as_of) {
  std::vector<Entry> selection = fold_relevant_entries(whole);
  append(whole, next);
  Entry added = whole.back();
  selection.push_back(added);
  const auto expected = fold_case_file(whole, day(as_of));
  const auto actual = fold_case_file(selection, day(as_of));
  ASSERT_EQ(expected.ok(), actual.ok())
      << "next " << next << ": " << (expected.ok() ? actual.error().message
                                                   : expected.error().message);
  if (expected.ok()) {
    EXPECT_TRUE(*expected == *actual) << "next " << next;
  } else {
    EXPECT_EQ(expected.error().code, actual.error().code) << next;
    EXPECT_EQ(expected.error().field, actual.error().field) << next;
    EXPECT_EQ(expected.error().message, actual.error().message) << next;
  }
}

// Random files around one sickness: periods, versions, steps, conversations before and after the
// sick report, and corrections that void or move any earlier entry, the sick report included.
class FileGenerator {
 public:
  explicit FileGenerator(unsigned seed) : random_(seed) {}

  std::string date() {
    // 2025-12-20 .. 2026-04-30: some conversations fall before the sick day of 2026-01-05.
    return format_iso_date(add_days(day("2025-12-20"), pick(0, 131)));
  }

  std::string entry(std::int64_t existing) {
    const std::string on = date();
    switch (pick(0, 15)) {
      case 0: return simple("recovery", on.c_str());
      case 1: return simple("relapse", on.c_str());
      case 2: return progress_evaluation(on);
      case 3: return simple("company_doctor_report", on.c_str());
      case 4: return track_1_attempt(on);
      case 5:
        if (existing > 0) return correction(existing, on);
        return interview(on);
      case 6: return date_only_report(pick(0, 4), on);
      case 7:
        // A request, or an answer naming no entry, any entry so far or one beyond: the fold
        // accepts only an earlier request, so both outcomes occur.
        return expert_opinion(on, pick(-1, static_cast<int>(existing) + 1));
      default: return interview(on);
    }
  }

  std::string correction(std::int64_t existing, const std::string& on) {
    const auto target = std::to_string(pick(1, static_cast<int>(existing)));
    if (pick(0, 1) == 0) {
      return simple("correction", on.c_str(),
                    ("{\"corrects_seq\":" + target + ",\"reason\":\"r\",\"void\":true}").c_str());
    }
    return simple("correction", on.c_str(),
                  ("{\"corrects_seq\":" + target + ",\"reason\":\"r\",\"new_occurred_on\":\"" +
                   date() + "\"}")
                      .c_str());
  }

  // A next entry that is not a correction.
  std::string next() {
    std::string candidate;
    do candidate = entry(0);
    while (candidate.find("\"correction\"") != std::string::npos);
    return candidate;
  }

  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

 private:
  std::mt19937 random_;
};

TEST(FoldRelevantEntries, FoldsLikeTheWholeFileOnGeneratedFiles) {
  int refused = 0;
  int folded = 0;
  for (unsigned seed = 1; seed <= 400; ++seed) {
    FileGenerator generate(seed);
    std::vector<Entry> file;
    // Usually the sick report comes first; sometimes a conversation was recorded before it.
    if (generate.pick(0, 4) == 0) append(file, interview(generate.date()));
    append(file, sick_report("2026-01-05"));
    const int length = generate.pick(1, 14);
    for (int i = 0; i < length; ++i) {
      append(file, generate.entry(static_cast<std::int64_t>(file.size())));
    }
    for (int round = 0; round < 4; ++round) {
      const std::string next = generate.next();
      expect_same_fold(file, next, "2026-05-01");
      if (::testing::Test::HasFailure()) {
        FAIL() << "seed " << seed << ", file of " << file.size() << " entries";
      }
      std::vector<Entry> with_next = file;
      append(with_next, next);
      (fold_case_file(with_next, day("2026-05-01")).ok() ? folded : refused) += 1;
    }
  }
  // Both outcomes are exercised, so neither half of the claim is checked vacuously.
  EXPECT_GT(folded, 200);
  EXPECT_GT(refused, 200);
}

}  // namespace
}  // namespace spoorboek::core
