// The application layer over a real SQLite store: appends are validated, folded and written
// with their projection or not at all; reads are filtered by role.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/application.h"
#include "security/field_cipher.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"

namespace spoorboek::app {
namespace {

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

const Actor kAdmin{"admin", "Beheerder", Role::administrator};

// A doctor employed by the employer itself, and the employee of the fixture's case.
Actor in_house_doctor(std::int64_t employer_id) {
  Actor doctor{"doc", "B. Arts", Role::company_doctor};
  doctor.employer_id = employer_id;
  return doctor;
}
Actor employee_of(std::int64_t employer_id, std::int64_t employee_id) {
  Actor employee{"emp", "J. de Vries", Role::employee};
  employee.employer_id = employer_id;
  employee.employee_id = employee_id;
  return employee;
}

std::string sick_report(const char* date) {
  return std::string(R"({"type":"sick_report","occurred_on":")") + date +
         R"(","payload":{"expected_duration":"over_6_weeks","safety_net_applies":false,)"
         R"("work_accident":false,"third_party_liability":false}})";
}

std::string line(const char* type, const char* date, const char* payload = "{}") {
  return std::string(R"({"type":")") + type + R"(","occurred_on":")" + date +
         R"(","payload":)" + payload + "}";
}

class ApplicationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::SqliteStore::open(":memory:", store::SqliteStore::OpenMode::create_if_missing);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(*opened);
    app_ = std::make_unique<Application>(*store_, &key_);
    ASSERT_TRUE(app_->init_database(kAdmin).ok());
    employer_ = *app_->create_employer(kAdmin, "Bakkerij De Korenschoof");
    employee_ = *app_->create_employee(kAdmin, employer_, "J. de Vries", "P-001");
    case_ = *app_->open_case(kAdmin, employee_, now_);
  }

  Result<AppendResult> append(const std::string& json) {
    return app_->append_entry_json(kAdmin, case_, json, now_);
  }
  std::size_t entry_count() { return store_->load_entries(case_)->size(); }

  Moment now_{day("2026-03-02"), "2026-03-02T09:00:00Z", 1772442000};
  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<Application> app_;
  std::int64_t employer_ = 0, employee_ = 0, case_ = 0;
};

TEST_F(ApplicationTest, InitTwiceChangesNothing) {
  EXPECT_TRUE(app_->init_database(kAdmin).ok());
  EXPECT_EQ(*store_->schema_version(), store::detail::sqlite_migrations().back().version);
  EXPECT_EQ(store_->list_employers()->size(), 1u);
}

// An append folds only the entries that count (core::fold_relevant_entries), a correction the
// whole file; either way the projection is the one a rebuild from every entry gives.
TEST_F(ApplicationTest, AppendsToALongFileFoldLikeARebuild) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  for (int i = 0; i < 40; ++i) {
    const auto date = core::format_iso_date(core::add_days(day("2026-01-10"), i));
    const auto added = append(line("reintegration_interview", date.c_str(),
                                   R"({"attendees":["employee"],"employee_agreement":"pending"})"));
    ASSERT_TRUE(added.ok()) << added.error().message;
  }
  ASSERT_TRUE(append(line("progress_evaluation", "2026-02-25",
                          R"({"attendees":["employee"],"employee_agreement":"agreed"})"))
                  .ok());
  // A conversation before the first sick day is still refused.
  const auto early = append(line("reintegration_interview", "2026-01-02",
                                 R"({"attendees":["employee"],"employee_agreement":"pending"})"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "before_sick_report");
  // So is a correction that would put the sick report after the conversations.
  const auto moved = append(line("correction", "2026-03-01",
                                 R"({"corrects_seq":1,"reason":"r","new_occurred_on":"2026-02-01"})"));
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().code, "before_sick_report");
  // A correction of a conversation finds it and takes its visibility.
  const auto voided = append(line("correction", "2026-03-01",
                                  R"({"corrects_seq":3,"reason":"not held","void":true})"));
  ASSERT_TRUE(voided.ok()) << voided.error().message;
  const auto entries = store_->load_entries(case_);
  EXPECT_EQ(entries->back().visibility, (*entries)[2].visibility);
  EXPECT_EQ(entry_count(), 43u);

  const auto appended = *store_->find_summary(case_);
  ASSERT_TRUE(app_->rebuild_projections(kAdmin, now_).ok());
  const auto rebuilt = *store_->find_summary(case_);
  EXPECT_EQ(appended.status, rebuilt.status);
  EXPECT_EQ(appended.next_deadline_key, rebuilt.next_deadline_key);
  EXPECT_EQ(appended.next_deadline_due, rebuilt.next_deadline_due);
  EXPECT_EQ(appended.waiting_period_end, rebuilt.waiting_period_end);
  EXPECT_EQ(appended.last_seq, 43);
  EXPECT_EQ(appended.last_hash, rebuilt.last_hash);
  EXPECT_EQ(appended.last_hash, entries->back().hash);
}

TEST_F(ApplicationTest, AppendWritesEntryAndProjection) {
  const auto first = append(sick_report("2026-01-05"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->seq, 1);
  EXPECT_EQ(first->hash.size(), 64u);
  const auto summary = store_->find_summary(case_);
  EXPECT_EQ(summary->status, "sick");
  EXPECT_EQ(summary->first_sick_day, day("2026-01-05"));
  EXPECT_EQ(summary->last_seq, 1);
  EXPECT_EQ(summary->last_hash, first->hash);
  ASSERT_TRUE(summary->next_deadline_key.has_value());
  EXPECT_EQ(summary->waiting_period_end, day("2028-01-02"));  // S(728) = D + 727
  const auto entries = store_->load_entries(case_);
  EXPECT_EQ((*entries)[0].actor, "admin");
  EXPECT_EQ((*entries)[0].recorded_at, "2026-03-02T09:00:00Z");
  EXPECT_EQ((*entries)[0].visibility, core::Visibility::absence);
}

TEST_F(ApplicationTest, BadInputIsRefusedAndWritesNothing) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  const struct {
    std::string json;
    const char* code;
    const char* field;
  } bad[] = {
      {line("maternity_leave", "2026-02-01", R"({"end":"2026-02-30"})"), "invalid_date",
       "payload.end"},
      {line("relapse", "2026-02-01"), "relapse_while_sick", "occurred_on"},
      {line("recovery", "2026-03-03"), "future_date", "occurred_on"},
      {R"({"type":"recovery","occurred_on":"2026-02-01","payload":{},"expected_seq":1})",
       "conflict", "expected_seq"},
      {"{", "invalid_json", ""},
  };
  for (const auto& b : bad) {
    const auto result = append(b.json);
    ASSERT_FALSE(result.ok()) << b.json;
    EXPECT_EQ(result.error().code, b.code) << result.error().message;
    EXPECT_EQ(result.error().field, b.field) << result.error().message;
  }
  EXPECT_EQ(entry_count(), 1u);
  EXPECT_EQ(store_->find_summary(case_)->last_seq, 1);
}

TEST_F(ApplicationTest, UnknownCaseIsNotFound) {
  const auto result = app_->append_entry_json(kAdmin, 999, sick_report("2026-01-05"), now_);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "not_found");
}

TEST_F(ApplicationTest, OneOpenCasePerEmployee) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  EXPECT_EQ(app_->open_case(kAdmin, employee_, now_).error().code, "conflict");
  ASSERT_TRUE(append(line("recovery", "2026-01-20")).ok());
  // Recovered: a new case may be opened, but sickness within 28 days is a relapse here.
  const auto second = app_->open_case(kAdmin, employee_, now_);
  ASSERT_TRUE(second.ok());
  const auto too_soon = app_->append_entry_json(kAdmin, *second, sick_report("2026-02-10"), now_);
  ASSERT_FALSE(too_soon.ok());
  EXPECT_EQ(too_soon.error().code, "conflict");
  EXPECT_EQ(too_soon.error().field, "occurred_on");
  EXPECT_TRUE(app_->append_entry_json(kAdmin, *second, sick_report("2026-02-20"), now_).ok());
}

TEST_F(ApplicationTest, ReadsAreFilteredByRole) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  const Actor doctor = in_house_doctor(employer_);
  const std::string analysis = line("problem_analysis", "2026-02-10",
                                    R"({"author":"B. Arts","limitations":["no lifting"],
                                        "possibilities":["desk work"],"prognosis":"p","advice":"a",
                                        "medical":{"diagnosis":"hernia"}})");
  // Only who reads medical data may write it.
  const auto by_admin = append(analysis);
  ASSERT_FALSE(by_admin.ok());
  EXPECT_EQ(by_admin.error().code, "forbidden");
  EXPECT_EQ(by_admin.error().field, "payload.medical");
  ASSERT_TRUE(app_->append_entry_json(doctor, case_, analysis, now_).ok());
  ASSERT_TRUE(append(line("safety_net", "2026-02-11", R"({"kind":"no_risk"})")).ok());
  // At rest the medical part is sealed.
  const auto stored = store_->load_entries(case_);
  ASSERT_TRUE(stored->at(1).medical.has_value());
  EXPECT_EQ(stored->at(1).medical->find("hernia"), std::string::npos);
  EXPECT_EQ(stored->at(1).medical->rfind("sealed:v1:", 0), 0u);

  const auto admin_view = app_->get_case_file(kAdmin, case_, now_.today);
  ASSERT_TRUE(admin_view.ok()) << admin_view.error().message;
  ASSERT_EQ(admin_view->entries.size(), 3u);
  EXPECT_NE(admin_view->entries[1].payload.find("no lifting"), std::string::npos);
  EXPECT_FALSE(admin_view->entries[1].medical.has_value());
  EXPECT_TRUE(admin_view->entries[1].has_medical);
  EXPECT_TRUE(admin_view->entries[2].redacted);
  EXPECT_EQ(admin_view->entries[2].payload, "{}");

  const auto doctor_view = app_->get_case_file(doctor, case_, now_.today);
  ASSERT_TRUE(doctor_view.ok());
  EXPECT_EQ(doctor_view->entries[1].medical, R"({"diagnosis":"hernia"})");
  EXPECT_FALSE(doctor_view->entries[2].redacted);
}

TEST_F(ApplicationTest, CaseFileCarriesTheExplainedTimeline) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  const auto view = app_->get_case_file(kAdmin, case_, now_.today);
  ASSERT_TRUE(view.ok());
  ASSERT_TRUE(view->has_timeline);
  EXPECT_EQ(view->sick_week, 9);  // 2026-03-02 is sick day 57, the first of week 9
  EXPECT_EQ(view->milestones.size(), core::kMilestoneCount);
  for (const auto& m : view->milestones) {
    if (m.due) {
      EXPECT_FALSE(m.explanation.empty()) << core::milestone_key_name(m.key);
    }
  }
  EXPECT_TRUE(view->next_deadline.has_value());
}

TEST_F(ApplicationTest, DashboardOrdersAndFiltersByNextDeadline) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  const auto other_employee = *app_->create_employee(kAdmin, employer_, "A. Jansen", "P-002");
  const auto other_case = *app_->open_case(kAdmin, other_employee, now_);
  ASSERT_TRUE(app_->append_entry_json(kAdmin, other_case, sick_report("2026-02-23"), now_).ok());

  const auto all = app_->list_cases(kAdmin, CaseQuery{now_.today, std::nullopt});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  // The older case's problem analysis (S(42)+1 = 2026-02-16) is overdue: it comes first.
  EXPECT_EQ((*all)[0].case_id, case_);
  EXPECT_LT(*(*all)[0].days_left, 0);
  EXPECT_EQ((*all)[0].sick_week, 9);
  EXPECT_EQ((*all)[1].sick_week, 2);
  EXPECT_EQ((*all)[0].employer_name, "Bakkerij De Korenschoof");

  const auto soon = app_->list_cases(kAdmin, CaseQuery{now_.today, 0});
  ASSERT_TRUE(soon.ok());
  for (const auto& row : *soon) EXPECT_LE(*row.days_left, 0);
  EXPECT_EQ(app_->list_cases(kAdmin, CaseQuery{now_.today, -1}).error().field, "due_within_days");
}

TEST_F(ApplicationTest, VerifyAndRebuild) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  ASSERT_TRUE(append(line("company_doctor_report", "2026-01-06")).ok());
  const auto report = app_->verify_all(kAdmin);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->cases, 1);
  EXPECT_EQ(report->entries, 2);
  EXPECT_TRUE(report->broken.empty());

  const auto before = *store_->find_summary(case_);
  auto wrong = before;
  wrong.status = "recovered";
  wrong.next_deadline_due.reset();
  ASSERT_TRUE(store_->put_summary(wrong).ok());
  const auto rebuilt = app_->rebuild_projections(kAdmin, now_);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(rebuilt->cases, 1);
  const auto after = *store_->find_summary(case_);
  EXPECT_EQ(after.status, before.status);
  EXPECT_EQ(after.next_deadline_key, before.next_deadline_key);
  EXPECT_EQ(after.next_deadline_due, before.next_deadline_due);
  EXPECT_EQ(after.last_hash, before.last_hash);
}

TEST_F(ApplicationTest, RolesAreChecked) {
  const Actor employee = employee_of(employer_, employee_);
  const auto refused = app_->create_employer(employee, "Eigen BV");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "forbidden");
  EXPECT_EQ(app_->verify_all(employee).error().code, "forbidden");
  EXPECT_TRUE(app_->get_case_file(employee, case_, now_.today).ok());
}

}  // namespace
}  // namespace spoorboek::app

namespace spoorboek::app {
namespace {

TEST_F(ApplicationTest, DashboardHidesEndedCasesUnlessAsked) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  ASSERT_TRUE(append(line("recovery", "2026-01-20")).ok());
  const auto summary = store_->find_summary(case_);
  EXPECT_EQ(summary->status, "recovered");
  EXPECT_FALSE(summary->next_deadline_key.has_value());  // nothing is due in an ended case
  EXPECT_TRUE(app_->list_cases(kAdmin, CaseQuery{now_.today, std::nullopt})->empty());
  const auto all = app_->list_cases(kAdmin, CaseQuery{now_.today, std::nullopt, true});
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].sick_week, 3);  // 15 sick days, frozen at the recovery
}

}  // namespace
}  // namespace spoorboek::app

namespace spoorboek::app {
namespace {

TEST_F(ApplicationTest, ReachFollowsTenancyTeamsAndAssignments) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  const auto other_employer = *app_->create_employer(kAdmin, "Andere BV");
  const auto arbo = *store_->create_provider("Arbo", "arbo_service");
  const auto office = *store_->create_provider("Bureau", "reintegration_office");
  ASSERT_TRUE(store_->link_provider_employer(arbo, employer_).ok());

  auto expect_reach = [&](const Actor& actor, bool reaches) {
    const auto file = app_->get_case_file(actor, case_, now_.today);
    EXPECT_EQ(file.ok(), reaches) << actor.user_id;
    if (!reaches) {
      EXPECT_EQ(file.error().code, "not_found") << actor.user_id;
    }
    const auto listed = app_->list_cases(actor, CaseQuery{now_.today});
    ASSERT_TRUE(listed.ok()) << actor.user_id;
    EXPECT_EQ(listed->size(), reaches ? 1u : 0u) << actor.user_id;
  };

  Actor own_manager{"cm1", "Casemanager", Role::case_manager};
  own_manager.employer_id = employer_;
  expect_reach(own_manager, true);
  Actor other_manager{"cm2", "Casemanager", Role::case_manager};
  other_manager.employer_id = other_employer;
  expect_reach(other_manager, false);

  Actor arbo_doctor{"doc", "Arts", Role::company_doctor};
  arbo_doctor.provider_id = arbo;
  expect_reach(arbo_doctor, false);  // the contract is not loaded into the actor
  arbo_doctor.served_employers = {employer_};
  expect_reach(arbo_doctor, true);

  Actor coach{"coach", "Coach", Role::reintegration_coach};
  coach.provider_id = office;
  expect_reach(coach, false);
  ASSERT_TRUE(store_->assign_case_provider(case_, office, now_.timestamp).ok());
  expect_reach(coach, true);

  Actor line_manager{"lm", "Leidinggevende", Role::line_manager};
  line_manager.employer_id = employer_;
  store::UserRecord user;
  user.email = "lm@example.test";
  user.display_name = "Leidinggevende";
  user.password_hash = "x";
  user.employer_id = employer_;
  user.created_at = now_.timestamp;
  line_manager.account_id = *store_->create_user(user);
  expect_reach(line_manager, false);
  ASSERT_TRUE(store_->set_employee_manager(employee_, line_manager.account_id).ok());
  expect_reach(line_manager, true);

  const auto other_employee = *app_->create_employee(kAdmin, employer_, "P. Jansen", "P-002");
  expect_reach(employee_of(employer_, other_employee), false);
  expect_reach(employee_of(employer_, employee_), true);

  // The coach reaches the case but may not write the employer's steps in it.
  const auto refused = app_->append_entry_json(coach, case_, line("recovery", "2026-02-01"), now_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "forbidden");
  EXPECT_EQ(refused.error().field, "type");
}


// The completeness check: authorised like reading the file, on the whole file, never quoting it.
TEST_F(ApplicationTest, CheckCaseRunsOnTheWholeFileForThoseWhoReachIt) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  // The doctor's analysis with a medical part, and a conversation report with a medical term.
  const Actor doctor = in_house_doctor(employer_);
  ASSERT_TRUE(app_->append_entry_json(
                      doctor, case_,
                      line("problem_analysis", "2026-02-10",
                           R"({"author":"B. Arts","limitations":["niet tillen"],"possibilities":["licht werk"],)"
                           R"("prognosis":"goed","advice":"opbouw","medical":{"diagnosis":"hernia L4"}})"),
                      now_)
                  .ok());
  ASSERT_TRUE(append(line("progress_evaluation", "2026-02-20",
                          R"({"attendees":["Carla"],"summary":"last van rugklachten",)"
                          R"("employee_agreement":"agreed"})"))
                  .ok());
  for (const Actor& actor : {kAdmin, doctor, employee_of(employer_, employee_)}) {
    auto check = app_->check_case(actor, case_, day("2026-03-02"));
    ASSERT_TRUE(check.ok()) << actor.user_id << ": " << check.error().message;
    EXPECT_EQ(check->employee_name, "J. de Vries");
    // The plan of action (due 2026-02-24) is missing for everyone alike.
    const auto& findings = check->report.findings;
    EXPECT_TRUE(std::any_of(findings.begin(), findings.end(), [](const core::Finding& f) {
      return f.check == core::CheckId::plan_of_action_missing && f.severity == core::Severity::block;
    })) << actor.user_id;
    const auto lint = std::find_if(findings.begin(), findings.end(), [](const core::Finding& f) {
      return f.check == core::CheckId::medical_term_in_employer_text;
    });
    ASSERT_NE(lint, findings.end()) << actor.user_id;
    EXPECT_EQ(lint->term, "klachten");  // the conversation is ADMIN: everyone here reads it
    EXPECT_EQ(lint->field, "payload.summary");
    for (const auto& finding : findings) {
      EXPECT_EQ(finding.term.find("hernia"), std::string::npos) << actor.user_id;
    }
  }
}

TEST_F(ApplicationTest, CheckCaseRefusesCasesTheActorDoesNotReach) {
  ASSERT_TRUE(append(sick_report("2026-01-05")).ok());
  const auto other_employee = *app_->create_employee(kAdmin, employer_, "P. Jansen", "P-002");
  auto other = app_->check_case(employee_of(employer_, other_employee), case_, day("2026-03-02"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "not_found");
  auto unknown = app_->check_case(kAdmin, 9999, day("2026-03-02"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "not_found");
}

}  // namespace
}  // namespace spoorboek::app
