// The scale demo's generator (app/demo_scale_plan.h): deterministic for a seed and independent of
// the batch size, a realistic mix of cases, every entry valid, every chain intact, every summary
// the application's own, and the same entries as appending them one by one would give.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <map>
#include <set>

#include "app/demo_scale_plan.h"
#include "app/prepare_append.h"
#include "core/case_file_fold.h"
#include "core/entry_hash.h"

namespace spoorboek::app {
namespace {

using core::EntryType;

const core::Date kToday = *core::parse_iso_date("2026-03-02");
const Moment kNow{kToday, "2026-03-02T09:00:00Z"};
constexpr std::int64_t kArbo = 1, kOtherArbo = 2, kThirdArbo = 5, kOffice = 3, kOtherOffice = 4;

detail::ScalePlanner planner(std::int64_t employees, std::uint64_t seed, std::int64_t batch_cases,
                             const store::BulkIds& first = {},
                             std::size_t employers_of_first_arbo = 100) {
  return detail::ScalePlanner({employees, seed, batch_cases, "cli:test", employers_of_first_arbo},
                              {{kArbo, kOtherArbo, kThirdArbo}, {kOffice, kOtherOffice}}, first,
                              kNow);
}

// Every batch of a plan, concatenated.
struct Planned {
  store::BulkBatch rows;
  std::vector<detail::ProviderEmployer> provider_employers;
  std::size_t batches = 0;
  double seconds = 0;
};

Planned plan_all(detail::ScalePlanner scale) {
  Planned all;
  const auto started = std::chrono::steady_clock::now();
  std::int64_t employees_done = 0;
  while (!scale.done()) {
    auto batch = scale.next_batch();
    EXPECT_TRUE(batch.ok()) << batch.error().message;
    if (!batch.ok()) break;
    const auto checked = store::check_bulk_batch(batch->rows);
    EXPECT_TRUE(checked.ok()) << checked.error().field << ": " << checked.error().message;
    EXPECT_GT(batch->employees_done, employees_done);
    employees_done = batch->employees_done;
    ++all.batches;
    auto& rows = batch->rows;
    const auto append = [](auto& to, auto& from) {
      to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    };
    append(all.rows.employers, rows.employers);
    append(all.rows.employees, rows.employees);
    append(all.rows.cases, rows.cases);
    append(all.rows.entries, rows.entries);
    append(all.rows.summaries, rows.summaries);
    append(all.rows.case_providers, rows.case_providers);
    append(all.provider_employers, batch->provider_employers);
  }
  all.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return all;
}

// The entries of each case, by case id.
std::map<std::int64_t, std::vector<core::Entry>> by_case(const std::vector<core::Entry>& entries) {
  std::map<std::int64_t, std::vector<core::Entry>> files;
  for (const auto& entry : entries) files[entry.case_id].push_back(entry);
  return files;
}

bool has(const std::vector<core::Entry>& file, EntryType type) {
  return std::any_of(file.begin(), file.end(),
                     [type](const core::Entry& entry) { return entry.type == type; });
}

void expect_same_summary(const store::CaseSummary& a, const store::CaseSummary& b) {
  EXPECT_EQ(a.case_id, b.case_id);
  EXPECT_EQ(a.status, b.status) << a.case_id;
  EXPECT_EQ(a.first_sick_day, b.first_sick_day) << a.case_id;
  EXPECT_EQ(a.next_deadline_key, b.next_deadline_key) << a.case_id;
  EXPECT_EQ(a.next_deadline_due, b.next_deadline_due) << a.case_id;
  EXPECT_EQ(a.waiting_period_end, b.waiting_period_end) << a.case_id;
  EXPECT_EQ(a.last_sick_day, b.last_sick_day) << a.case_id;
  EXPECT_EQ(a.interruption_days, b.interruption_days) << a.case_id;
  EXPECT_EQ(a.last_seq, b.last_seq) << a.case_id;
  EXPECT_EQ(a.last_hash, b.last_hash) << a.case_id;
  EXPECT_EQ(a.updated_at, b.updated_at) << a.case_id;
}

// 5,000 employees, planned once for the tests of the mix.
const Planned& sample() {
  static const Planned planned = plan_all(planner(5000, 7, 500));
  return planned;
}

TEST(DemoScalePlanTest, TheSameSeedGivesTheSameRowsWhateverTheBatchSize) {
  const Planned a = plan_all(planner(400, 3, 2000));
  const Planned b = plan_all(planner(400, 3, 7));
  const Planned other = plan_all(planner(400, 4, 2000));
  EXPECT_EQ(a.batches, 1u);
  EXPECT_GT(b.batches, 40u);
  ASSERT_EQ(a.rows.entries.size(), b.rows.entries.size());
  for (std::size_t i = 0; i < a.rows.entries.size(); ++i) {
    ASSERT_EQ(a.rows.entries[i].hash, b.rows.entries[i].hash) << i;
  }
  ASSERT_EQ(a.rows.employees.size(), b.rows.employees.size());
  for (std::size_t i = 0; i < a.rows.employees.size(); ++i) {
    EXPECT_EQ(a.rows.employees[i].name, b.rows.employees[i].name);
    EXPECT_EQ(a.rows.employees[i].employer_id, b.rows.employees[i].employer_id);
    EXPECT_EQ(a.rows.employees[i].personnel_number, b.rows.employees[i].personnel_number);
  }
  ASSERT_EQ(a.rows.summaries.size(), b.rows.summaries.size());
  for (std::size_t i = 0; i < a.rows.summaries.size(); ++i) {
    expect_same_summary(a.rows.summaries[i].summary, b.rows.summaries[i].summary);
  }
  EXPECT_EQ(a.rows.case_providers.size(), b.rows.case_providers.size());
  // Another seed, another demo.
  const auto payloads = [](const Planned& planned) {
    std::vector<std::string> texts;
    for (const auto& entry : planned.rows.entries) texts.push_back(entry.payload);
    return texts;
  };
  EXPECT_NE(payloads(a), payloads(other));
}

TEST(DemoScalePlanTest, BatchesCloseAtTheirSizeAndIdsStartWhereTheStoreSays) {
  const Planned planned = plan_all(planner(300, 5, 50, store::BulkIds{11, 201, 3001}));
  EXPECT_EQ(planned.rows.employers.front().id, 11);
  EXPECT_EQ(planned.rows.employees.front().id, 201);
  EXPECT_EQ(planned.rows.employees.back().id, 500);
  EXPECT_EQ(planned.rows.cases.front().id, 3001);
  EXPECT_EQ(planned.rows.cases.back().id,
            3000 + static_cast<std::int64_t>(planned.rows.cases.size()));
  // Ids are consecutive, cases follow their employees.
  for (std::size_t i = 1; i < planned.rows.cases.size(); ++i) {
    EXPECT_EQ(planned.rows.cases[i].id, planned.rows.cases[i - 1].id + 1);
    EXPECT_GE(planned.rows.cases[i].employee_id, planned.rows.cases[i - 1].employee_id);
  }
  // One employee gives at most two cases, so a batch holds at most 50 + 1.
  auto scale = planner(300, 5, 50);
  while (!scale.done()) {
    auto batch = scale.next_batch();
    ASSERT_TRUE(batch.ok());
    EXPECT_LE(batch->rows.cases.size(), 51u);
    if (!scale.done()) {
      EXPECT_GE(batch->rows.cases.size(), 50u);
    }
  }
  // The smallest demo: one employee of the home employer.
  const Planned one = plan_all(planner(1, 5, 2000));
  ASSERT_EQ(one.rows.employers.size(), 1u);
  EXPECT_EQ(one.rows.employers[0].name, "Zorggroep Amstelland");
  EXPECT_EQ(one.rows.employees.size(), 1u);
}

TEST(DemoScalePlanTest, EmployersHaveRealisticSizesAndTheirArboService) {
  const Planned& planned = sample();
  std::map<std::int64_t, std::int64_t> sizes;
  std::set<std::pair<std::int64_t, std::string>> numbers;
  for (const auto& employee : planned.rows.employees) {
    ++sizes[employee.employer_id];
    EXPECT_TRUE(numbers.emplace(employee.employer_id, employee.personnel_number).second)
        << employee.personnel_number;
  }
  ASSERT_EQ(sizes.size(), planned.rows.employers.size());
  const auto first = planned.rows.employers.front().id;
  EXPECT_EQ(sizes[first], detail::kScaleHomeEmployerSize);
  std::int64_t small = 0, large = 0;
  for (const auto& [employer, size] : sizes) {
    if (size < 10) ++small;
    if (size >= 250) ++large;
  }
  EXPECT_GE(small * 2, static_cast<std::int64_t>(sizes.size()));  // many small
  EXPECT_GE(large, 1);                                              // some large
  // All of them have the first arbo service: it serves the first 100.
  ASSERT_EQ(planned.provider_employers.size(), planned.rows.employers.size());
  ASSERT_LE(planned.rows.employers.size(), 100u);
  for (std::size_t i = 0; i < planned.provider_employers.size(); ++i) {
    EXPECT_EQ(planned.provider_employers[i].employer_id, planned.rows.employers[i].id);
    EXPECT_EQ(planned.provider_employers[i].provider_id, kArbo) << i;
  }
  // With the first arbo service serving the first 10, the others take the rest in turn.
  const Planned small_first = plan_all(planner(2000, 9, 2000, {}, 10));
  ASSERT_GT(small_first.provider_employers.size(), 12u);
  for (std::size_t i = 0; i < small_first.provider_employers.size(); ++i) {
    EXPECT_EQ(small_first.provider_employers[i].provider_id,
              i < 10 ? kArbo : (i % 2 == 0 ? kOtherArbo : kThirdArbo))
        << i;
  }
}

TEST(DemoScalePlanTest, TheMixHasShortCasesALongTailAndEverySpecialSituation) {
  const Planned& planned = sample();
  const auto files = by_case(planned.rows.entries);
  const auto cases = planned.rows.cases.size();
  const auto employees = planned.rows.employees.size();
  // About one case per employee: some have none, some an earlier one as well.
  EXPECT_GT(cases, employees * 95 / 100);
  EXPECT_LT(cases, employees * 110 / 100);
  std::map<std::int64_t, int> cases_of_employee;
  for (const auto& c : planned.rows.cases) ++cases_of_employee[c.employee_id];
  EXPECT_GT(std::count_if(cases_of_employee.begin(), cases_of_employee.end(),
                          [](const auto& item) { return item.second == 2; }),
            static_cast<long>(employees) * 4 / 100);

  const double entries_per_case =
      static_cast<double>(planned.rows.entries.size()) / static_cast<double>(cases);
  EXPECT_GE(entries_per_case, 16.0);
  EXPECT_LE(entries_per_case, 24.0);

  std::size_t short_cases = 0, full_term = 0, open = 0, overdue = 0, within_14 = 0, later = 0;
  std::map<EntryType, std::size_t> cases_with;
  for (const auto& row : planned.rows.summaries) {
    const auto& s = row.summary;
    const auto& file = files.at(s.case_id);
    for (std::size_t t = 0; t < core::kEntryTypeCount; ++t) {
      if (has(file, static_cast<EntryType>(t))) ++cases_with[static_cast<EntryType>(t)];
    }
    ASSERT_TRUE(s.first_sick_day.has_value()) << s.case_id;
    const core::Date last = s.last_sick_day.value_or(kToday);
    if (core::days_between(*s.first_sick_day, last) < 42) ++short_cases;
    if (s.waiting_period_end && *s.waiting_period_end <= kToday) ++full_term;
    if (detail::summary_is_open(s)) {
      ++open;
      if (s.next_deadline_due) {
        const long left = core::days_between(kToday, *s.next_deadline_due);
        if (left < 0) {
          ++overdue;
        } else if (left <= 14) {
          ++within_14;
        } else {
          ++later;
        }
      }
    }
  }
  EXPECT_GT(short_cases * 2, cases);     // most cases are short
  EXPECT_GT(full_term, cases * 5 / 100);  // a tail runs the full 104 weeks
  EXPECT_GT(cases_with[EntryType::wia_application], cases * 5 / 100);
  EXPECT_GT(cases_with[EntryType::relapse], cases / 100);
  EXPECT_GT(cases_with[EntryType::maternity_leave], cases / 100);
  EXPECT_GT(cases_with[EntryType::track_2_decision], cases / 20);
  EXPECT_GT(cases_with[EntryType::partial_work], cases / 20);
  for (const EntryType type :
       {EntryType::problem_analysis, EntryType::plan_of_action, EntryType::plan_agreement,
        EntryType::progress_evaluation, EntryType::reintegration_interview,
        EntryType::uwv_42_week_report, EntryType::first_year_evaluation,
        EntryType::track_1_attempt, EntryType::occupational_expert_report,
        EntryType::track_2_activity, EntryType::current_judgement, EntryType::end_evaluation,
        EntryType::reintegration_report, EntryType::uwv_wia_letter, EntryType::employee_view,
        EntryType::correction, EntryType::voluntary_extension, EntryType::wage_sanction,
        EntryType::employment_end, EntryType::safety_net, EntryType::deviation}) {
    EXPECT_GT(cases_with[type], 0u) << core::entry_type_name(type);
  }
  // Open cases have deadlines around today: some overdue, many within 14 days, most later.
  EXPECT_GT(open, cases / 5);
  EXPECT_GT(overdue, 0u);
  EXPECT_LT(overdue, within_14 + later);
  EXPECT_GT(within_14, open / 10);
  EXPECT_GT(later, within_14);
  // Every track-2 case is assigned to an office, both offices get some.
  std::map<std::int64_t, std::size_t> per_office;
  for (const auto& assigned : planned.rows.case_providers) {
    EXPECT_TRUE(has(files.at(assigned.case_id), EntryType::track_2_decision));
    ++per_office[assigned.provider_id];
  }
  EXPECT_EQ(planned.rows.case_providers.size(), cases_with[EntryType::track_2_decision]);
  EXPECT_GT(per_office[kOffice], 0u);
  EXPECT_GT(per_office[kOtherOffice], 0u);
  std::cout << "[ scale    ] " << employees << " employees, " << cases << " cases, "
            << planned.rows.entries.size() << " entries (" << entries_per_case
            << " per case), " << short_cases << " short, " << full_term << " full term; open "
            << open << ": overdue " << overdue << ", within 14 days " << within_14 << ", later "
            << later << "; " << static_cast<double>(planned.rows.entries.size()) / planned.seconds
            << " entries/s\n";
}

TEST(DemoScalePlanTest, EveryEntryValidatesEveryChainHoldsEverySummaryIsTheFold) {
  const Planned& planned = sample();
  const auto files = by_case(planned.rows.entries);
  for (const auto& entry : planned.rows.entries) {
    const auto canonical = core::canonicalize_payload(entry.type, entry.payload);
    ASSERT_TRUE(canonical.ok()) << entry.case_id << "/" << entry.seq << ": "
                                << canonical.error().message;
    EXPECT_EQ(canonical->payload, entry.payload);
    EXPECT_TRUE(core::check_entry_date(entry.type, entry.occurred_on, kToday).ok());
    EXPECT_FALSE(entry.medical.has_value());  // medical parts are left out
    EXPECT_EQ(entry.recorded_at, kNow.timestamp);
    EXPECT_EQ(entry.actor, "cli:test");
  }
  for (const auto& row : planned.rows.summaries) {
    const auto& file = files.at(row.summary.case_id);
    EXPECT_FALSE(core::verify_chain(row.summary.case_id, file).has_value()) << row.summary.case_id;
    const auto fold = core::fold_case_file(file, kToday);
    ASSERT_TRUE(fold.ok()) << fold.error().message;
    expect_same_summary(row.summary,
                        detail::summarize_case(row.summary.case_id, *fold, &file.back(), kNow));
  }
}

// The generator folds each file once; the application folds it at every append. For a sample of
// cases, appending the planned entries one by one through prepare_append() (every prefix folded
// and checked) must give the same entries and the same summary.
TEST(DemoScalePlanTest, AppendingOneByOneGivesTheSameFile) {
  const Planned& planned = sample();
  const auto files = by_case(planned.rows.entries);
  const Actor actor{"cli:test", "Test", Role::administrator};
  std::size_t replayed = 0;
  for (std::size_t i = 0; i < planned.rows.summaries.size(); i += 7) {
    const auto& expected = planned.rows.summaries[i].summary;
    const auto& file = files.at(expected.case_id);
    store::AppendBasis basis = detail::whole_file_basis({});
    std::optional<store::AppendRequest> last;
    for (const auto& entry : file) {
      const core::EntryDraft draft{entry.type, entry.occurred_on, entry.payload, std::nullopt,
                                   std::nullopt};
      auto request = detail::prepare_append(expected.case_id, basis, draft, actor, kNow, nullptr);
      ASSERT_TRUE(request.ok()) << expected.case_id << "/" << entry.seq << ": "
                                << request.error().message;
      EXPECT_EQ(request->entry.hash, entry.hash);
      EXPECT_EQ(request->entry.visibility, entry.visibility);
      last = std::move(*request);
    }
    ASSERT_TRUE(last && last->summary);
    expect_same_summary(*last->summary, expected);
    ++replayed;
  }
  EXPECT_GT(replayed, 500u);
}

}  // namespace
}  // namespace spoorboek::app
