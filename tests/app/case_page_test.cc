// The case page query over a real SQLite store: reach as get_case_file decides it, the next
// steps in order of urgency with a form only for the entry types the actor may add, partial-work
// spans read from the file, and the employee recognised in their own file.
#include "app/case_page.h"

#include <gtest/gtest.h>

#include "security/field_cipher.h"
#include "store/sqlite_store.h"

namespace spoorboek::app {
namespace {

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

const Actor kAdmin{"admin", "Beheerder", Role::administrator};

std::string line(const char* type, const char* date, const char* payload) {
  return std::string(R"({"type":")") + type + R"(","occurred_on":")" + date +
         R"(","payload":)" + payload + "}";
}

class CasePageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened =
        store::SqliteStore::open(":memory:", store::SqliteStore::OpenMode::create_if_missing);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(*opened);
    app_ = std::make_unique<Application>(*store_, &key_);
    ASSERT_TRUE(app_->init_database(kAdmin).ok());
    employer_ = *app_->create_employer(kAdmin, "Bakkerij De Korenschoof");
    employee_ = *app_->create_employee(kAdmin, employer_, "J. de Vries", "P-001");
    other_employee_ = *app_->create_employee(kAdmin, employer_, "A. Jansen", "P-002");
    case_ = *app_->open_case(kAdmin, employee_, now_);
    append("sick_report", "2026-01-05",
           R"({"expected_duration":"over_6_weeks","safety_net_applies":false,)"
           R"("work_accident":false,"third_party_liability":false})");
  }

  void append(const char* type, const char* date, const char* payload) {
    const auto added = app_->append_entry_json(kAdmin, case_, line(type, date, payload), now_);
    ASSERT_TRUE(added.ok()) << added.error().message;
  }

  Actor employee(std::int64_t employee_id) const {
    Actor actor{"user:7", "J. de Vries", Role::employee};
    actor.employer_id = employer_;
    actor.employee_id = employee_id;
    return actor;
  }

  Result<CasePageData> page_for(const Actor& actor) {
    CasePages pages(*store_, *app_);
    return pages.case_page(actor, case_, now_.today, core::Language::nl);
  }

  Moment now_{day("2026-03-02"), "2026-03-02T09:00:00Z", 1772442000};
  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<Application> app_;
  std::int64_t employer_ = 0, employee_ = 0, other_employee_ = 0, case_ = 0;
};

TEST_F(CasePageTest, OnlyThoseWhoReachTheCaseGetItAndTheEmployeeIsRecognised) {
  const auto stranger = page_for(employee(other_employee_));
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().code, "not_found");

  const auto own = page_for(employee(employee_));
  ASSERT_TRUE(own.ok()) << own.error().message;
  EXPECT_TRUE(own->own_file);
  EXPECT_TRUE(own->timeline.has_timeline);
  EXPECT_EQ(own->file.entries.size(), 1u);

  const auto admin = page_for(kAdmin);
  ASSERT_TRUE(admin.ok());
  EXPECT_FALSE(admin->own_file);
  // Entries recorded by a non-user actor keep their id: no name is made up.
  EXPECT_TRUE(admin->author_names.empty());
}

TEST_F(CasePageTest, NextStepsPutTheOverdueFirstAndLinkOnlyWhatTheActorMayAdd) {
  // Sick since 5 January: by 2 March the report to the company doctor is overdue.
  const auto admin = page_for(kAdmin);
  ASSERT_TRUE(admin.ok());
  ASSERT_FALSE(admin->next_steps.empty());
  EXPECT_LE(admin->next_steps.size(), kMaxNextSteps);
  EXPECT_EQ(admin->next_steps.front().milestone.status, core::MilestoneStatus::overdue);
  bool overdue_done = false;
  for (const auto& step : admin->next_steps) {
    if (step.milestone.status != core::MilestoneStatus::overdue) overdue_done = true;
    if (overdue_done) {
      EXPECT_NE(step.milestone.status, core::MilestoneStatus::overdue);
    }
    EXPECT_FALSE(step.milestone.explanation.empty());
    EXPECT_EQ(step.form, entry_type_recording(step.milestone.key));
  }

  const auto own = page_for(employee(employee_));
  ASSERT_TRUE(own.ok());
  for (const auto& step : own->next_steps) {
    if (step.form) {
      EXPECT_TRUE(*step.form == core::EntryType::reintegration_interview ||
                  *step.form == core::EntryType::wia_application);
    }
  }
  EXPECT_EQ(own->appendable, (std::vector<core::EntryType>{core::EntryType::reintegration_interview,
                                                           core::EntryType::wia_application,
                                                           core::EntryType::plan_agreement,
                                                           core::EntryType::employee_view,
                                                           core::EntryType::file_copy_request}));
}

TEST_F(CasePageTest, PartialWorkRunsUntilTheNextChangeOfWork) {
  append("partial_work", "2026-02-02", R"({"percentage":50,"kind":"therapeutic"})");
  append("partial_work", "2026-02-16", R"({"percentage":80,"kind":"own_work"})");
  const auto admin = page_for(kAdmin);
  ASSERT_TRUE(admin.ok()) << admin.error().message;
  ASSERT_EQ(admin->partial_work.size(), 2u);
  EXPECT_EQ(admin->partial_work[0].first_day, day("2026-02-02"));
  EXPECT_EQ(admin->partial_work[0].last_day, day("2026-02-15"));
  EXPECT_EQ(admin->partial_work[0].percentage, 50);
  EXPECT_EQ(admin->partial_work[1].first_day, day("2026-02-16"));
  EXPECT_FALSE(admin->partial_work[1].last_day.has_value());
  EXPECT_EQ(admin->partial_work[1].percentage, 80);
}

TEST(EntryTypeRecording, EveryStepSomebodyTakesHasItsEntryAndDatesToKnowHaveNone) {
  EXPECT_EQ(entry_type_recording(core::MilestoneKey::problem_analysis),
            core::EntryType::problem_analysis);
  EXPECT_EQ(entry_type_recording(core::MilestoneKey::track_2_start),
            core::EntryType::track_2_decision);
  EXPECT_EQ(entry_type_recording(core::MilestoneKey::waiting_period_end), std::nullopt);
  EXPECT_EQ(entry_type_recording(core::MilestoneKey::wage_continuation_end), std::nullopt);
}

}  // namespace
}  // namespace spoorboek::app
