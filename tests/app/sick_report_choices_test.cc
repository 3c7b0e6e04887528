// Whom the sick-report form offers: exactly the employees policy.h lets the actor report sick.
#include "app/sick_report_choices.h"

#include <gtest/gtest.h>

#include "app/application.h"
#include "security/field_cipher.h"
#include "store/sqlite_store.h"

namespace spoorboek::app {
namespace {

const Actor kAdmin{"admin", "Beheerder", Role::administrator};

class SickReportChoicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::SqliteStore::open(":memory:", store::SqliteStore::OpenMode::create_if_missing);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(*opened);
    app_ = std::make_unique<Application>(*store_, &key_);
    ASSERT_TRUE(app_->init_database(kAdmin).ok());
    bakery_ = *app_->create_employer(kAdmin, "Bakkerij");
    garage_ = *app_->create_employer(kAdmin, "Garage");
    baker_ = *app_->create_employee(kAdmin, bakery_, "B. Bakker", "P-1");
    helper_ = *app_->create_employee(kAdmin, bakery_, "A. Hulp", "P-2");
    mechanic_ = *app_->create_employee(kAdmin, garage_, "M. Monteur", "P-3");
  }

  std::vector<std::int64_t> ids(const Actor& actor) {
    auto choices = employees_to_report_sick(*store_, actor);
    EXPECT_TRUE(choices.ok());
    std::vector<std::int64_t> result;
    if (choices.ok()) {
      for (const auto& choice : *choices) result.push_back(choice.id);
    }
    return result;
  }

  Moment now_{*core::parse_iso_date("2026-03-02"), "2026-03-02T09:00:00Z", 1772442000};
  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<Application> app_;
  std::int64_t bakery_ = 0, garage_ = 0, baker_ = 0, helper_ = 0, mechanic_ = 0;
};

TEST_F(SickReportChoicesTest, ACaseManagerChoosesAmongTheOwnEmployersStaffSortedByName) {
  Actor case_manager{"cm", "Casemanager", Role::case_manager};
  case_manager.employer_id = bakery_;
  EXPECT_EQ(ids(case_manager), (std::vector<std::int64_t>{helper_, baker_}));
}

TEST_F(SickReportChoicesTest, ALineManagerChoosesOnlyTheTeam) {
  store::UserRecord user;
  user.email = "lm@bakkerij.test";
  user.display_name = "Leidinggevende";
  user.password_hash = "x";
  user.employer_id = bakery_;
  user.roles = {"line_manager"};
  user.created_at = now_.timestamp;
  const auto account = store_->create_user(user);
  ASSERT_TRUE(account.ok());
  Actor manager{"lm", "Leidinggevende", Role::line_manager};
  manager.employer_id = bakery_;
  manager.account_id = *account;
  EXPECT_TRUE(ids(manager).empty());
  ASSERT_TRUE(store_->set_employee_manager(baker_, *account).ok());
  EXPECT_EQ(ids(manager), std::vector<std::int64_t>{baker_});
}

TEST_F(SickReportChoicesTest, AnOpenCaseIsMarkedAndOtherRolesAreRefused) {
  ASSERT_TRUE(app_->open_case(kAdmin, mechanic_, now_).ok());
  auto all = employees_to_report_sick(*store_, kAdmin);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ(all->back().id, mechanic_);  // Garage after Bakkerij
  EXPECT_TRUE(all->back().has_open_case);
  EXPECT_FALSE(all->front().has_open_case);
  Actor doctor{"doc", "Arts", Role::company_doctor};
  doctor.employer_id = bakery_;
  EXPECT_EQ(employees_to_report_sick(*store_, doctor).error().code, "forbidden");
}

}  // namespace
}  // namespace spoorboek::app
