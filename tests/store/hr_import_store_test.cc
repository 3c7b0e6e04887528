// The Store contract of the HR import (schema 5): held reports and employee names, run against
// both backends (SQLite and PostgreSQL) through store::Store only.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

#include "tests/support/test_database.h"

namespace spoorboek::store {
namespace {

using spoorboek::testing::Backend;

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

class HrImportStoreTest : public spoorboek::testing::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    bakery_ = *store_->create_employer("Bakkerij");
    garage_ = *store_->create_employer("Garage");
    baker_ = *store_->create_employee(bakery_, "B. Bakker", "P-1");
    helper_ = *store_->create_employee(bakery_, "A. Hulp", "P-2");
    mechanic_ = *store_->create_employee(garage_, "M. Monteur", "G-1");
  }

  HeldReport held(std::int64_t employee, core::EntryType type, const char* on,
                  std::string payload = "{}") {
    HeldReport report;
    report.employee_id = employee;
    report.type = type;
    report.occurred_on = day(on);
    report.payload = std::move(payload);
    report.source = "verzuim.csv, line 3";
    report.held_at = "2026-03-02T09:00:00Z";
    report.held_by = "user:4";
    return report;
  }

  std::int64_t bakery_ = 0, garage_ = 0, baker_ = 0, helper_ = 0, mechanic_ = 0;
};

TEST_P(HrImportStoreTest, HeldReportsComeBackPerEmployerWithTheEmployeesNumberAndName) {
  const auto recovery = held(helper_, core::EntryType::recovery, "2026-03-10");
  const auto partial =
      held(baker_, core::EntryType::partial_work, "2026-03-09", R"({"kind":"own_work","percentage":50})");
  const auto earlier = held(baker_, core::EntryType::recovery, "2026-03-01");
  const auto other = held(mechanic_, core::EntryType::recovery, "2026-03-01");
  std::vector<std::int64_t> ids;
  for (const auto& report : {recovery, partial, earlier, other}) {
    auto id = store_->hold_report(report);
    ASSERT_TRUE(id.ok()) << id.error().message;
    ids.push_back(*id);
  }
  auto listed = store_->list_held_reports(bakery_);
  ASSERT_TRUE(listed.ok());
  // By employee, then date.
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].id, ids[2]);
  EXPECT_EQ((*listed)[1].id, ids[1]);
  EXPECT_EQ((*listed)[2].id, ids[0]);
  const HeldReport& got = (*listed)[1];
  EXPECT_EQ(got.employee_id, baker_);
  EXPECT_EQ(got.type, core::EntryType::partial_work);
  EXPECT_EQ(got.occurred_on, day("2026-03-09"));
  EXPECT_EQ(got.payload, R"({"kind":"own_work","percentage":50})");
  EXPECT_EQ(got.source, "verzuim.csv, line 3");
  EXPECT_EQ(got.held_at, "2026-03-02T09:00:00Z");
  EXPECT_EQ(got.held_by, "user:4");
  EXPECT_EQ(got.employer_id, bakery_);
  EXPECT_EQ(got.personnel_number, "P-1");
  EXPECT_EQ(got.employee_name, "B. Bakker");

  auto garage = store_->list_held_reports(garage_);
  ASSERT_TRUE(garage.ok());
  ASSERT_EQ(garage->size(), 1u);
  EXPECT_EQ(garage->front().id, ids[3]);
  auto nobody = store_->list_held_reports(999);
  ASSERT_TRUE(nobody.ok());
  EXPECT_TRUE(nobody->empty());
}

TEST_P(HrImportStoreTest, OneHeldReportPerEmployeeTypeAndDate) {
  ASSERT_TRUE(store_->hold_report(held(baker_, core::EntryType::recovery, "2026-03-10")).ok());
  auto again = store_->hold_report(held(baker_, core::EntryType::recovery, "2026-03-10", "{\"x\":1}"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "conflict");
  EXPECT_EQ(again.error().field, "occurred_on");
  // Another type, date or employee is another report.
  EXPECT_TRUE(store_->hold_report(held(baker_, core::EntryType::partial_work, "2026-03-10")).ok());
  EXPECT_TRUE(store_->hold_report(held(baker_, core::EntryType::recovery, "2026-03-11")).ok());
  EXPECT_TRUE(store_->hold_report(held(helper_, core::EntryType::recovery, "2026-03-10")).ok());
  auto listed = store_->list_held_reports(bakery_);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 4u);
  EXPECT_EQ(listed->front().payload, "{}");
}

TEST_P(HrImportStoreTest, HoldingForAnUnknownEmployeeIsNotFound) {
  auto held_report = store_->hold_report(held(12345, core::EntryType::recovery, "2026-03-10"));
  ASSERT_FALSE(held_report.ok());
  EXPECT_EQ(held_report.error().code, "not_found");
  EXPECT_EQ(held_report.error().field, "employee_id");
}

TEST_P(HrImportStoreTest, ReleasingDeletesOnceAndThenIsNotFound) {
  const auto id = store_->hold_report(held(baker_, core::EntryType::recovery, "2026-03-10"));
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store_->release_held_report(*id).ok());
  EXPECT_TRUE(store_->list_held_reports(bakery_)->empty());
  const auto again = store_->release_held_report(*id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "not_found");
  EXPECT_EQ(again.error().field, "held_id");
  // Released, the same report may be held again.
  EXPECT_TRUE(store_->hold_report(held(baker_, core::EntryType::recovery, "2026-03-10")).ok());
}

TEST_P(HrImportStoreTest, HeldAndReleasedInsideATransactionThatFailsLeavesNothing) {
  const Status failed = store_->transaction([&]() -> Status {
    if (auto id = store_->hold_report(held(baker_, core::EntryType::recovery, "2026-03-10"));
        !id.ok()) {
      return id.error();
    }
    return core::make_error("invalid", "", "rolled back on purpose");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(store_->list_held_reports(bakery_)->empty());
}

TEST_P(HrImportStoreTest, RenameEmployeeChangesOnlyTheName) {
  ASSERT_TRUE(store_->rename_employee(baker_, "B. de Bakker").ok());
  auto employee = store_->find_employee(baker_);
  ASSERT_TRUE(employee.ok());
  EXPECT_EQ(employee->name, "B. de Bakker");
  EXPECT_EQ(employee->personnel_number, "P-1");
  EXPECT_EQ(employee->employer_id, bakery_);
  EXPECT_EQ(store_->find_employee(helper_)->name, "A. Hulp");
}

TEST_P(HrImportStoreTest, RenameRefusesUnknownEmployeesAndImpossibleNames) {
  const auto unknown = store_->rename_employee(12345, "X");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "not_found");
  EXPECT_EQ(unknown.error().field, "employee_id");
  for (const std::string& name : {std::string(), std::string(201, 'x')}) {
    const auto refused = store_->rename_employee(baker_, name);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "invalid");
    EXPECT_EQ(refused.error().field, "name");
  }
  EXPECT_EQ(store_->find_employee(baker_)->name, "B. Bakker");
}

INSTANTIATE_TEST_SUITE_P(Backends, HrImportStoreTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::store
