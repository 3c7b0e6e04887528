// The bulk load contract (store.h, BulkBatch): a batch lands whole and reads back exactly, a
// batch with one bad row writes nothing, and ids continue after a load. Only the Store interface
// is used, so the same tests can run against every backend (open_test_store()).
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>

#include "core/entry_hash.h"
#include "tests/support/test_database.h"
#include "tests/core/case_file_test_support.h"

namespace spoorboek::store {
namespace {

using core::testing::sick_report;
using core::testing::simple;

constexpr const char* kAt = "2026-03-02T10:00:00Z";

class BulkStoreTest : public spoorboek::testing::BackendStoreTest {
 protected:
  // The backend under test: a new, empty database.
  std::unique_ptr<Store> open_test_store() { return database_->open_migrated(); }

  // A case of `batch` for `employee` with the entries given as JSON drafts, chained, and its
  // summary (as the application would write it; the store copies it as given).
  static void add_case(BulkBatch& batch, std::int64_t case_id, const Employee& employee,
                       const std::vector<std::string>& drafts, std::string status = "sick") {
    batch.cases.push_back(BulkCase{case_id, employee.id, kAt});
    std::vector<core::Entry> file;
    for (const auto& draft : drafts) core::testing::append(file, draft, case_id);
    BulkSummary row;
    row.employer_id = employee.employer_id;
    row.employee_id = employee.id;
    row.summary.case_id = case_id;
    row.summary.status = std::move(status);
    row.summary.first_sick_day = file.empty() ? std::nullopt
                                              : std::optional<core::Date>(file.front().occurred_on);
    row.summary.next_deadline_key = "problem_analysis";
    row.summary.next_deadline_due = core::add_days(core::testing::day("2026-01-05"), case_id);
    row.summary.waiting_period_end = core::testing::day("2028-01-02");
    row.summary.interruption_days = 3;
    row.summary.last_seq = static_cast<std::int64_t>(file.size());
    row.summary.last_hash = file.empty() ? std::string(core::kGenesisHash) : file.back().hash;
    row.summary.updated_at = kAt;
    batch.summaries.push_back(row);
    for (auto& entry : file) batch.entries.push_back(std::move(entry));
  }

  // Two employers, three employees, three cases (one without entries), one case assigned to a
  // reintegration office.
  BulkBatch sample_batch(const BulkIds& ids, std::int64_t office) {
    BulkBatch batch;
    batch.employers = {{ids.employer, "Zorggroep Amstelland"},
                       {ids.employer + 1, "Gemeente Waterland"}};
    batch.employees = {{ids.employee, ids.employer, "Anna de Jong", "W1-1000", std::nullopt},
                       {ids.employee + 1, ids.employer, "Bram Jansen", "W1-1001", std::nullopt},
                       {ids.employee + 2, ids.employer + 1, "Chantal Visser", "W2-1000",
                        std::nullopt}};
    add_case(batch, ids.case_id, batch.employees[0],
             {sick_report("2026-01-05"), simple("company_doctor_report", "2026-01-06"),
              simple("recovery", "2026-01-20")},
             "recovered");
    add_case(batch, ids.case_id + 1, batch.employees[1],
             {sick_report("2026-01-12"),
              simple("partial_work", "2026-02-01", R"({"percentage":50,"kind":"own_work"})")});
    add_case(batch, ids.case_id + 2, batch.employees[2], {}, "no_sickness");
    batch.case_providers.push_back(BulkCaseProvider{ids.case_id + 1, office, kAt});
    return batch;
  }

  // What a refused batch must leave as it was.
  struct Counts {
    std::size_t employers = 0;
    std::size_t cases = 0;
    BulkIds next;
  };
  Counts counts() {
    Counts c;
    c.employers = store_->list_employers()->size();
    c.cases = store_->list_case_ids()->size();
    c.next = *store_->next_bulk_ids();
    return c;
  }
  void expect_unchanged(const Counts& before) {
    const Counts after = counts();
    EXPECT_EQ(after.employers, before.employers);
    EXPECT_EQ(after.cases, before.cases);
    EXPECT_EQ(after.next.employer, before.next.employer);
    EXPECT_EQ(after.next.employee, before.next.employee);
    EXPECT_EQ(after.next.case_id, before.next.case_id);
  }

};

TEST_P(BulkStoreTest, AnEmptyDatabaseStartsAtOne) {
  const auto ids = store_->next_bulk_ids();
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->employer, 1);
  EXPECT_EQ(ids->employee, 1);
  EXPECT_EQ(ids->case_id, 1);
  EXPECT_TRUE(store_->bulk_load(BulkBatch{}).ok());  // an empty batch writes nothing
  EXPECT_TRUE(store_->list_employers()->empty());
}

TEST_P(BulkStoreTest, ABatchLandsWholeAndReadsBackExactly) {
  const auto office = *store_->create_provider("Re-integratiebureau De Brug", "reintegration_office");
  const BulkIds ids = *store_->next_bulk_ids();
  const BulkBatch batch = sample_batch(ids, office);
  const auto loaded = store_->bulk_load(batch);
  ASSERT_TRUE(loaded.ok()) << loaded.error().field << ": " << loaded.error().message;

  const auto employers = store_->list_employers();
  ASSERT_EQ(employers->size(), 2u);
  EXPECT_EQ((*employers)[1].name, "Gemeente Waterland");
  const auto employee = store_->find_employee(ids.employee + 2);
  ASSERT_TRUE(employee.ok());
  EXPECT_EQ(employee->employer_id, ids.employer + 1);
  EXPECT_EQ(employee->personnel_number, "W2-1000");

  // Every entry exactly as given, chain intact.
  std::size_t next_entry = 0;
  for (const auto& bulk_case : batch.cases) {
    const auto record = store_->find_case(bulk_case.id);
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record->employee_id, bulk_case.employee_id);
    EXPECT_EQ(record->created_at, kAt);
    const auto entries = store_->load_entries(bulk_case.id);
    ASSERT_TRUE(entries.ok());
    EXPECT_FALSE(core::verify_chain(bulk_case.id, *entries).has_value());
    for (const auto& entry : *entries) {
      const core::Entry& given = batch.entries[next_entry++];
      EXPECT_EQ(entry.case_id, given.case_id);
      EXPECT_EQ(entry.seq, given.seq);
      EXPECT_EQ(entry.type, given.type);
      EXPECT_EQ(entry.occurred_on, given.occurred_on);
      EXPECT_EQ(entry.recorded_at, given.recorded_at);
      EXPECT_EQ(entry.actor, given.actor);
      EXPECT_EQ(entry.visibility, given.visibility);
      EXPECT_EQ(entry.payload, given.payload);
      EXPECT_EQ(entry.medical, given.medical);
      EXPECT_EQ(entry.prev_hash, given.prev_hash);
      EXPECT_EQ(entry.hash, given.hash);
    }
  }
  EXPECT_EQ(next_entry, batch.entries.size());

  // The summaries are listable with their names, exactly as given.
  const auto listed = store_->list_cases(CaseFilter{});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 3u);
  for (const auto& listing : *listed) {
    const auto& given = batch.summaries[static_cast<std::size_t>(listing.summary.case_id - ids.case_id)];
    EXPECT_EQ(listing.employer_id, given.employer_id);
    EXPECT_EQ(listing.employee_id, given.employee_id);
    EXPECT_EQ(listing.summary.status, given.summary.status);
    EXPECT_EQ(listing.summary.first_sick_day, given.summary.first_sick_day);
    EXPECT_EQ(listing.summary.next_deadline_key, given.summary.next_deadline_key);
    EXPECT_EQ(listing.summary.next_deadline_due, given.summary.next_deadline_due);
    EXPECT_EQ(listing.summary.waiting_period_end, given.summary.waiting_period_end);
    EXPECT_EQ(listing.summary.last_sick_day, given.summary.last_sick_day);
    EXPECT_EQ(listing.summary.interruption_days, given.summary.interruption_days);
    EXPECT_EQ(listing.summary.last_seq, given.summary.last_seq);
    EXPECT_EQ(listing.summary.last_hash, given.summary.last_hash);
    EXPECT_EQ(listing.summary.updated_at, given.summary.updated_at);
  }
  EXPECT_EQ((*listed)[0].employee_name, "Anna de Jong");  // ordered by next deadline
  EXPECT_EQ((*listed)[0].employer_name, "Zorggroep Amstelland");
  EXPECT_EQ((*listed)[0].personnel_number, "W1-1000");

  // The office reaches the case it was assigned, and only that one.
  CaseFilter by_office;
  by_office.reach = CaseReachFilter{};
  by_office.reach.provider_id = office;
  const auto reached = store_->list_cases(by_office);
  ASSERT_EQ(reached->size(), 1u);
  EXPECT_EQ((*reached)[0].summary.case_id, ids.case_id + 1);
  const auto reach = store_->find_case_reach(ids.case_id + 1);
  ASSERT_TRUE(reach.ok());
  EXPECT_EQ(reach->employer_id, ids.employer);
}

TEST_P(BulkStoreTest, IdsContinueAfterALoad) {
  // Rows made one by one before the load: the load continues after them, and they after it.
  const auto first_employer = *store_->create_employer("Bakkerij De Korenschoof");
  const auto first_employee = *store_->create_employee(first_employer, "J. de Vries", "P-1");
  ASSERT_TRUE(store_->create_case(first_employee, kAt).ok());
  const BulkIds ids = *store_->next_bulk_ids();
  EXPECT_EQ(ids.employer, first_employer + 1);
  EXPECT_EQ(ids.employee, first_employee + 1);
  EXPECT_EQ(ids.case_id, 2);
  const auto office = *store_->create_provider("Re-integratiebureau De Brug", "reintegration_office");
  ASSERT_TRUE(store_->bulk_load(sample_batch(ids, office)).ok());

  const auto after = store_->next_bulk_ids();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->employer, ids.employer + 2);
  EXPECT_EQ(after->employee, ids.employee + 3);
  EXPECT_EQ(after->case_id, ids.case_id + 3);
  const auto employer = store_->create_employer("Transportbedrijf Van Dijk & Zn.");
  ASSERT_TRUE(employer.ok());
  EXPECT_EQ(*employer, after->employer);
  const auto employee = store_->create_employee(*employer, "K. Bakker", "T-1");
  ASSERT_TRUE(employee.ok());
  EXPECT_EQ(*employee, after->employee);
  const auto created = store_->create_case(*employee, kAt);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(*created, after->case_id);
  // A loaded case takes ordinary appends after its last entry.
  const auto basis = store_->load_append_basis(ids.case_id + 1);
  ASSERT_TRUE(basis.ok());
  EXPECT_EQ(basis->last_seq, 2);
}

TEST_P(BulkStoreTest, ALaterBatchNamesRowsOfAnEarlierOne) {
  const auto office = *store_->create_provider("Re-integratiebureau De Brug", "reintegration_office");
  const BulkIds ids = *store_->next_bulk_ids();
  ASSERT_TRUE(store_->bulk_load(sample_batch(ids, office)).ok());
  // A second case of a stored employee, and a new employee of a stored employer.
  BulkBatch later;
  const BulkIds next = *store_->next_bulk_ids();
  later.employees = {{next.employee, ids.employer, "Daan Bos", "W1-1002", std::nullopt}};
  const Employee stored = *store_->find_employee(ids.employee);
  add_case(later, next.case_id, stored, {sick_report("2026-02-20")});
  add_case(later, next.case_id + 1, later.employees[0], {sick_report("2026-02-21")});
  const auto loaded = store_->bulk_load(later);
  ASSERT_TRUE(loaded.ok()) << loaded.error().field << ": " << loaded.error().message;
  CaseFilter of_employee;
  of_employee.employee_id = ids.employee;
  EXPECT_EQ(store_->list_cases(of_employee)->size(), 2u);
  EXPECT_EQ(store_->list_employees(ids.employer)->size(), 3u);
}

TEST_P(BulkStoreTest, ABatchWithOneBadRowWritesNothing) {
  const auto office = *store_->create_provider("Re-integratiebureau De Brug", "reintegration_office");
  const BulkIds first = *store_->next_bulk_ids();
  ASSERT_TRUE(store_->bulk_load(sample_batch(first, office)).ok());
  const Counts before = counts();
  const BulkIds ids = before.next;

  struct Bad {
    std::string what;
    std::function<void(BulkBatch&)> spoil;
    std::string field;
  };
  const std::vector<Bad> bad = {
      {"an employee of a missing employer",
       [](BulkBatch& b) {
         b.employees[2].employer_id = 999;
         b.summaries[2].employer_id = 999;
       },
       "employees"},
      {"a case id already stored",
       [&](BulkBatch& b) {
         // The last case (no entries) takes the id of a case of the first load.
         b.cases.back().id = first.case_id;
         b.summaries.back().summary.case_id = first.case_id;
       },
       "cases"},
      {"a personnel number taken within its employer",
       [](BulkBatch& b) { b.employees[1].personnel_number = b.employees[0].personnel_number; },
       "employees"},
      {"an employer id taken", [&](BulkBatch& b) { b.employers[1].id = first.employer; },
       "employers"},
      {"a missing provider", [](BulkBatch& b) { b.case_providers[0].provider_id = 999; },
       "case_providers"},
      {"a seq that skips", [](BulkBatch& b) { b.entries[1].seq = 3; }, "entries[1].seq"},
      {"a broken chain", [](BulkBatch& b) { b.entries[2].prev_hash = b.entries[0].hash; },
       "entries[2].prev_hash"},
      {"an entry of a case outside the batch",
       [&](BulkBatch& b) { b.entries[0].case_id = first.case_id; }, "entries[0].case_id"},
      {"a summary with another last hash",
       [](BulkBatch& b) { b.summaries[0].summary.last_hash = b.entries[0].hash; },
       "summaries[0].last_hash"},
      {"a summary with another last seq", [](BulkBatch& b) { b.summaries[1].summary.last_seq = 1; },
       "summaries[1].last_seq"},
      {"a summary of another employee",
       [&](BulkBatch& b) { b.summaries[1].employee_id = ids.employee; },
       "summaries[1].employee_id"},
      {"a summary with another employer",
       [&](BulkBatch& b) { b.summaries[2].employer_id = ids.employer; },
       "summaries[2].employer_id"},
      {"a case without a summary", [](BulkBatch& b) { b.summaries.pop_back(); }, "summaries"},
      {"a provider for a case outside the batch",
       [&](BulkBatch& b) { b.case_providers[0].case_id = first.case_id; },
       "case_providers[0].case_id"},
  };
  for (const auto& c : bad) {
    BulkBatch batch = sample_batch(ids, office);
    // Keep the personnel numbers of the first load free, so that only the spoiled row is bad.
    for (auto& employee : batch.employees) employee.personnel_number += "-b";
    c.spoil(batch);
    const auto status = store_->bulk_load(batch);
    ASSERT_FALSE(status.ok()) << c.what;
    EXPECT_EQ(status.error().code, "invalid") << c.what << ": " << status.error().message;
    EXPECT_EQ(status.error().field, c.field) << c.what << ": " << status.error().message;
    expect_unchanged(before);
  }
  // A summary of an employee stored before, naming another employer than that employee's.
  BulkBatch foreign;
  const Employee stored = *store_->find_employee(first.employee);
  add_case(foreign, ids.case_id, stored, {sick_report("2026-02-20")});
  foreign.summaries[0].employer_id = first.employer + 1;
  const auto status = store_->bulk_load(foreign);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "invalid");
  EXPECT_EQ(status.error().field, "summaries[0].employer_id");
  expect_unchanged(before);

  // The same batch unspoiled still loads: nothing of the refused ones was left behind.
  BulkBatch good = sample_batch(ids, office);
  for (auto& employee : good.employees) employee.personnel_number += "-b";
  const auto loaded = store_->bulk_load(good);
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkStoreTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::store
