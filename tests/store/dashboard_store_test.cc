// The Store's part of the dashboard (issue 6), on both backends: the CaseFilter fields the
// dashboard pages and searches with (a range of due dates, the name search, deadline keys, the
// end of the waiting period), the count of cases per sick week and the employers of a reach.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/case_file_fold.h"
#include "core/entry_hash.h"
#include "tests/core/case_file_test_support.h"
#include "tests/support/test_database.h"

namespace spoorboek::store {
namespace {

using spoorboek::testing::Backend;

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

class DashboardStoreTest : public spoorboek::testing::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    bakery_ = *store_->create_employer("Bakkerij De Korenschoof");
    transport_ = *store_->create_employer("Transport Noord BV");
  }

  // A case of a new employee of `employer` with this summary (case_id and the tenancy filled in).
  std::int64_t add_case(std::int64_t employer, const std::string& name,
                        const std::string& personnel_number, CaseSummary summary) {
    const auto employee = store_->create_employee(employer, name, personnel_number);
    EXPECT_TRUE(employee.ok()) << name;
    const auto id = store_->create_case(*employee, "2026-03-02T10:00:00Z");
    EXPECT_TRUE(id.ok());
    summary.case_id = *id;
    summary.last_hash = std::string(core::kGenesisHash);
    summary.updated_at = "2026-03-02T10:00:00Z";
    EXPECT_TRUE(store_->put_summary(summary).ok());
    return *id;
  }

  static CaseSummary due_on(const char* due, const char* key = "problem_analysis") {
    CaseSummary summary;
    summary.status = "sick";
    summary.first_sick_day = day("2026-01-05");
    summary.next_deadline_key = key;
    summary.next_deadline_due = day(due);
    return summary;
  }

  // The ids list_cases gives, after checking that count_cases counts as many.
  std::vector<std::int64_t> ids(const CaseFilter& filter) {
    std::vector<std::int64_t> found;
    const auto listed = store_->list_cases(filter);
    EXPECT_TRUE(listed.ok()) << listed.error().message;
    if (!listed.ok()) return found;
    for (const auto& listing : *listed) found.push_back(listing.summary.case_id);
    const auto counted = store_->count_cases(filter);
    EXPECT_TRUE(counted.ok());
    if (counted.ok()) {
      EXPECT_EQ(*counted, static_cast<std::int64_t>(found.size()));
    }
    return found;
  }

  std::int64_t bakery_ = 0, transport_ = 0;
};

using Ids = std::vector<std::int64_t>;

TEST_P(DashboardStoreTest, DueDatesFromAndToAreARangeWithBothEndsIncluded) {
  const auto before = add_case(bakery_, "A", "1", due_on("2026-03-01"));
  const auto first = add_case(bakery_, "B", "2", due_on("2026-03-02"));
  const auto last = add_case(bakery_, "C", "3", due_on("2026-03-09"));
  const auto after = add_case(bakery_, "D", "4", due_on("2026-03-10"));
  CaseSummary none;
  none.status = "sick";
  add_case(bakery_, "E", "5", none);  // no next deadline: never in a range
  CaseFilter week;
  week.due_on_or_after = day("2026-03-02");
  week.due_on_or_before = day("2026-03-09");
  EXPECT_EQ(ids(week), (Ids{first, last}));
  CaseFilter from;
  from.due_on_or_after = day("2026-03-02");
  EXPECT_EQ(ids(from), (Ids{first, last, after}));
  CaseFilter until;
  until.due_on_or_before = day("2026-03-01");
  EXPECT_EQ(ids(until), (Ids{before}));
  week.limit = 1;
  week.offset = 1;
  ASSERT_EQ(store_->list_cases(week)->size(), 1u);
  EXPECT_EQ(store_->list_cases(week)->front().summary.case_id, last);
  EXPECT_EQ(*store_->count_cases(week), 2);  // without limit and offset
}

TEST_P(DashboardStoreTest, TheSearchFindsAPartOfTheNameIgnoringCaseOrTheWholePersonnelNumber) {
  const auto vries = add_case(bakery_, "Jan de Vries", "P-001", due_on("2026-03-02"));
  const auto jansen = add_case(bakery_, "Anna Jansen", "P-002", due_on("2026-03-03"));
  const auto emile = add_case(transport_, "Émile Ölçer", "T-17", due_on("2026-03-04"));
  const auto percent = add_case(transport_, "100% Fit_Test\\x", "T-18", due_on("2026-03-05"));
  const auto search = [&](const std::string& text) {
    CaseFilter filter;
    filter.search = text;
    return ids(filter);
  };
  EXPECT_EQ(search("de vries"), (Ids{vries}));
  EXPECT_EQ(search("DE VRIES"), (Ids{vries}));
  EXPECT_EQ(search("jAn"), (Ids{vries, jansen}));  // "Jan de Vries", "Anna Jansen"
  EXPECT_EQ(search("P-002"), (Ids{jansen}));
  EXPECT_EQ(search("p-002"), Ids{});   // the personnel number exactly, case and all
  EXPECT_EQ(search("P-00"), Ids{});    // and whole
  EXPECT_EQ(search("T-17"), (Ids{emile}));
  // Only A-Z are folded: "é" finds "é", not "É" (as the dashboard did before).
  EXPECT_EQ(search("Émile"), (Ids{emile}));
  EXPECT_EQ(search("émile"), Ids{});
  EXPECT_EQ(search("ölçer"), Ids{});
  EXPECT_EQ(search("Ölçer"), (Ids{emile}));
  // LIKE's wildcards and the escape character are plain characters.
  EXPECT_EQ(search("%"), (Ids{percent}));
  EXPECT_EQ(search("_"), (Ids{percent}));
  EXPECT_EQ(search("0% f"), (Ids{percent}));
  EXPECT_EQ(search("\\"), (Ids{percent}));
  EXPECT_EQ(search("t\\x"), (Ids{percent}));
  EXPECT_EQ(search("J_n"), Ids{});
  EXPECT_EQ(search("J%s"), Ids{});
  EXPECT_EQ(search("' OR 1=1 --"), Ids{});
  EXPECT_EQ(search(""), (Ids{vries, jansen, emile, percent}));  // no condition
  // With the other conditions and the reach.
  CaseFilter narrowed;
  narrowed.search = "an";
  narrowed.reach.unrestricted = false;
  narrowed.reach.employer_ids = {bakery_};
  EXPECT_EQ(ids(narrowed), (Ids{vries, jansen}));
  narrowed.due_on_or_after = day("2026-03-03");
  EXPECT_EQ(ids(narrowed), (Ids{jansen}));
  narrowed.reach.employer_ids = {transport_};
  EXPECT_EQ(ids(narrowed), Ids{});
}

TEST_P(DashboardStoreTest, DeadlineKeysAndTheEndOfTheWaitingPeriodNarrowTheList) {
  auto analysis = due_on("2026-03-02", "problem_analysis");
  analysis.waiting_period_end = day("2028-01-03");
  const auto first = add_case(bakery_, "A", "1", analysis);
  auto report = due_on("2026-03-03", "reintegration_report");
  report.waiting_period_end = day("2026-06-01");
  const auto second = add_case(bakery_, "B", "2", report);
  auto evaluation = due_on("2026-03-04", "progress_evaluation");
  evaluation.waiting_period_end = day("2026-05-31");
  const auto third = add_case(bakery_, "C", "3", evaluation);
  CaseSummary none;
  none.status = "sick";
  add_case(bakery_, "D", "4", none);

  CaseFilter keys;
  keys.next_deadline_keys = {"problem_analysis", "reintegration_report"};
  EXPECT_EQ(ids(keys), (Ids{first, second}));
  keys.next_deadline_keys = {"progress_evaluation"};
  EXPECT_EQ(ids(keys), (Ids{third}));
  keys.next_deadline_keys = {"no\"such,key}", "a\\b"};
  EXPECT_EQ(ids(keys), Ids{});
  CaseFilter ending;
  ending.waiting_period_end_on_or_before = day("2026-06-01");
  EXPECT_EQ(ids(ending), (Ids{second, third}));
  ending.waiting_period_end_on_or_before = day("2026-05-31");
  EXPECT_EQ(ids(ending), (Ids{third}));
  ending.next_deadline_keys = {"problem_analysis"};
  EXPECT_EQ(ids(ending), Ids{});
}

// The store's sick week (store.h) computed here from the same columns, day by day.
std::int64_t sick_week(const CaseSummary& summary, core::Date as_of) {
  if (!summary.first_sick_day || as_of < *summary.first_sick_day) return 0;
  core::Date last = as_of;
  if (summary.last_sick_day && *summary.last_sick_day < last) last = *summary.last_sick_day;
  const long counted =
      core::days_between(*summary.first_sick_day, last) + 1 - summary.interruption_days;
  return counted <= 0 ? 0 : (counted + 6) / 7;
}

TEST_P(DashboardStoreTest, CasesAreCountedPerSickWeekInOneQuery) {
  struct Shape {
    const char* first;
    const char* last;  // nullptr: still sick
    std::int64_t interruptions;
    const char* status;
    std::int64_t employer_index;
  };
  // First sick days around the day asked for, on both sides of week boundaries, ended cases,
  // interruptions longer than the case, a case before its first sick day, none at all.
  const Shape shapes[] = {
      {"2026-03-02", nullptr, 0, "sick", 0},          {"2026-03-01", nullptr, 0, "sick", 0},
      {"2026-02-24", nullptr, 0, "sick", 1},          {"2026-02-23", nullptr, 0, "sick", 0},
      {"2026-02-22", nullptr, 0, "working_partially", 1},
      {"2026-01-19", nullptr, 0, "sick", 0},          {"2026-01-18", nullptr, 3, "sick", 0},
      {"2025-12-01", nullptr, 14, "sick", 1},         {"2025-03-03", nullptr, 0, "sick", 0},
      {"2024-02-26", nullptr, 0, "sick", 1},          {"2024-02-26", nullptr, 30, "sick", 0},
      {"2023-01-02", nullptr, 0, "maternity_leave", 0},
      {"2025-11-03", "2025-12-14", 0, "recovered", 0},
      {"2026-02-02", "2026-02-03", 0, "recovered", 1},
      {"2026-02-02", "2026-04-01", 0, "sick", 0},
      {"2026-02-10", "2026-02-12", 5, "recovered", 0},
      {"2026-03-09", nullptr, 0, "sick", 0},          {nullptr, nullptr, 0, "no_sickness", 1},
  };
  std::vector<CaseSummary> summaries;
  int number = 0;
  for (const auto& shape : shapes) {
    CaseSummary summary;
    summary.status = shape.status;
    if (shape.first) summary.first_sick_day = day(shape.first);
    if (shape.last) summary.last_sick_day = day(shape.last);
    summary.interruption_days = shape.interruptions;
    if (number % 3 == 0) summary.next_deadline_due = day("2026-03-05");
    ++number;
    const auto employer = shape.employer_index == 0 ? bakery_ : transport_;
    summary.case_id = add_case(employer, "Werknemer " + std::to_string(number),
                               std::to_string(number), summary);
    summaries.push_back(summary);
  }
  const auto expected = [&](const CaseFilter& filter, core::Date as_of) {
    std::map<std::int64_t, std::int64_t> weeks;
    const auto listed = store_->list_cases(filter);
    EXPECT_TRUE(listed.ok());
    for (const auto& listing : *listed) {
      const auto it = std::find_if(summaries.begin(), summaries.end(), [&](const auto& s) {
        return s.case_id == listing.summary.case_id;
      });
      ++weeks[sick_week(*it, as_of)];
    }
    std::vector<SickWeekCount> counts;
    for (const auto& [week, cases] : weeks) counts.push_back(SickWeekCount{week, cases});
    return counts;
  };
  CaseFilter open;
  open.open_only = true;
  CaseFilter bakery;
  bakery.reach.unrestricted = false;
  bakery.reach.employer_ids = {bakery_};
  CaseFilter named;
  named.search = "werknemer 1";  // 1, 10-18
  CaseFilter due;
  due.due_on_or_before = day("2026-03-05");
  due.limit = 2;  // ignored, as by count_cases
  due.offset = 1;
  for (const char* as_of : {"2026-03-02", "2026-03-08", "2026-03-09", "2027-01-01", "2025-01-01"}) {
    for (const CaseFilter* filter : {&open, &bakery, &named, &due}) {
      SCOPED_TRACE(as_of);
      const auto counted = store_->count_cases_by_sick_week(*filter, day(as_of));
      ASSERT_TRUE(counted.ok()) << counted.error().message;
      CaseFilter unlimited = *filter;
      unlimited.limit = -1;
      unlimited.offset = 0;
      EXPECT_EQ(*counted, expected(unlimited, day(as_of)));
    }
  }
  CaseFilter everything;
  const auto all = store_->count_cases_by_sick_week(everything, day("2026-03-02"));
  std::int64_t total = 0;
  for (const auto& count : *all) total += count.cases;
  EXPECT_EQ(total, static_cast<std::int64_t>(summaries.size()));
  EXPECT_TRUE(std::is_sorted(all->begin(), all->end(),
                             [](const auto& a, const auto& b) { return a.week < b.week; }));
  CaseFilter nothing;
  nothing.reach.unrestricted = false;
  EXPECT_TRUE(store_->count_cases_by_sick_week(nothing, day("2026-03-02"))->empty());
}

TEST_P(DashboardStoreTest, TheEmployersOfAReach) {
  const auto third = *store_->create_employer("Zorg West");
  const auto fourth = *store_->create_employer("Schoonmaak Zuid");
  UserRecord manager;
  manager.email = "manager@example.test";
  manager.display_name = "M";
  manager.password_hash = "h";
  manager.employer_id = third;
  manager.roles = {"line_manager"};
  manager.created_at = "2026-03-02T10:00:00Z";
  const auto manager_id = *store_->create_user(manager);
  const auto nurse = *store_->create_employee(third, "V. Verpleeg", "Z-1");
  ASSERT_TRUE(store_->set_employee_manager(nurse, manager_id).ok());
  const auto cleaner = *store_->create_employee(fourth, "S. Schoon", "S-1");
  const auto cleaner_case = *store_->create_case(cleaner, "2026-03-02T10:00:00Z");
  const auto office = *store_->create_provider("Re-integratie Oost", "reintegration_office");
  ASSERT_TRUE(store_->assign_case_provider(cleaner_case, office, "2026-03-05T10:00:00Z").ok());
  const auto driver = *store_->create_employee(transport_, "K. Bakker", "T-1");

  const auto employer_ids = [&](const CaseReachFilter& reach) {
    std::vector<std::int64_t> found;
    const auto listed = store_->list_reach_employers(reach);
    EXPECT_TRUE(listed.ok()) << listed.error().message;
    if (listed.ok()) {
      for (const auto& employer : *listed) found.push_back(employer.id);
    }
    return found;
  };
  EXPECT_EQ(employer_ids(CaseReachFilter::everything()), (Ids{bakery_, transport_, third, fourth}));
  EXPECT_EQ(store_->list_reach_employers(CaseReachFilter::everything())->front().name,
            "Bakkerij De Korenschoof");
  CaseReachFilter reach;
  reach.unrestricted = false;
  EXPECT_EQ(employer_ids(reach), Ids{});
  reach.employer_ids = {transport_, bakery_, 9999};
  EXPECT_EQ(employer_ids(reach), (Ids{bakery_, transport_}));
  CaseReachFilter team;
  team.unrestricted = false;
  team.team_manager = manager_id;
  EXPECT_EQ(employer_ids(team), (Ids{third}));
  CaseReachFilter coach;
  coach.unrestricted = false;
  coach.provider_id = office;
  EXPECT_EQ(employer_ids(coach), (Ids{fourth}));
  CaseReachFilter own;
  own.unrestricted = false;
  own.own_employee = driver;
  EXPECT_EQ(employer_ids(own), (Ids{transport_}));
  CaseReachFilter all_ways = team;
  all_ways.provider_id = office;
  all_ways.own_employee = driver;
  all_ways.employer_ids = {bakery_};
  EXPECT_EQ(employer_ids(all_ways), (Ids{bakery_, transport_, third, fourth}));
}

// One query for many files gives each what load_append_basis gives it alone.
TEST_P(DashboardStoreTest, TheFoldEntriesOfManyCasesAreThoseOfEachCase) {
  using core::testing::simple;
  using core::testing::sick_report;
  const auto interview = [](const char* date) {
    return simple("reintegration_interview", date,
                  R"({"attendees":["employee"],"employee_agreement":"pending"})");
  };
  // Files of different shapes: conversations before and after corrections, a correction that
  // voids the earliest conversation, one that moves a conversation's date, none at all.
  const std::vector<std::vector<std::string>> shapes = {
      {sick_report("2026-01-05"), interview("2026-01-20"), interview("2026-01-27"),
       simple("track_1_attempt", "2026-02-03",
              R"({"option":"other_job_internal","description":"d","outcome":"failed","reason":"r"})"),
       interview("2026-01-12"),
       simple("correction", "2026-02-04", R"({"corrects_seq":3,"reason":"r","void":true})"),
       interview("2026-02-10"),
       simple("correction", "2026-02-11",
              R"({"corrects_seq":5,"reason":"r","new_occurred_on":"2026-01-13"})"),
       interview("2026-02-12")},
      {sick_report("2026-02-02"), interview("2026-02-09"),
       simple("correction", "2026-02-10", R"({"corrects_seq":2,"reason":"r","void":true})"),
       interview("2026-02-16")},
      {sick_report("2026-02-02")},
      {},
      {sick_report("2025-12-01"), interview("2025-12-08"), interview("2025-12-01"),
       simple("recovery", "2026-01-05")},
  };
  std::vector<std::int64_t> ids;
  std::vector<std::vector<core::Entry>> files;
  int number = 0;
  for (const auto& shape : shapes) {
    ++number;
    const auto employee =
        *store_->create_employee(bakery_, "W " + std::to_string(number), std::to_string(number));
    const auto id = *store_->create_case(employee, "2026-03-02T10:00:00Z");
    std::vector<core::Entry> file;
    for (const auto& json : shape) {
      core::testing::append(file, json, id);
      ASSERT_TRUE(store_->append(AppendRequest{file.back(), std::nullopt}).ok()) << json;
    }
    ids.push_back(id);
    files.push_back(file);
  }
  // In any order, with an id twice and one that is no case.
  const std::vector<std::int64_t> asked = {ids[4], ids[0], 9999, ids[1], ids[2], ids[3], ids[0]};
  const auto loaded = store_->load_fold_entries(asked);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_EQ(loaded->size(), asked.size());
  for (std::size_t i = 0; i < asked.size(); ++i) {
    SCOPED_TRACE(asked[i]);
    std::vector<core::Entry> expected;
    if (asked[i] != 9999) {
      expected = store_->load_append_basis(asked[i])->fold_entries;
      const auto at = static_cast<std::size_t>(std::find(ids.begin(), ids.end(), asked[i]) -
                                               ids.begin());
      EXPECT_EQ(expected.size(), core::fold_relevant_entries(files[at]).size());
    }
    ASSERT_EQ((*loaded)[i].size(), expected.size());
    for (std::size_t j = 0; j < expected.size(); ++j) {
      EXPECT_EQ((*loaded)[i][j].case_id, asked[i]);
      EXPECT_EQ((*loaded)[i][j].seq, expected[j].seq);
      EXPECT_EQ((*loaded)[i][j].hash, expected[j].hash);
      EXPECT_EQ((*loaded)[i][j].payload, expected[j].payload);
    }
  }
  EXPECT_EQ((*loaded)[1].size(), 6u);  // the first file: 1, 2, 3, 5, 6, 8 (see the contract test)
  EXPECT_TRUE(store_->load_fold_entries({})->empty());
  // More ids than one query takes.
  std::vector<std::int64_t> many(1200, ids[1]);
  many[700] = ids[4];
  const auto batched = store_->load_fold_entries(many);
  ASSERT_TRUE(batched.ok());
  EXPECT_EQ((*batched)[0].size(), (*loaded)[3].size());
  EXPECT_EQ((*batched)[1199].size(), (*loaded)[3].size());
  EXPECT_EQ((*batched)[700].size(), (*loaded)[0].size());
}

INSTANTIATE_TEST_SUITE_P(Backends, DashboardStoreTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::store
