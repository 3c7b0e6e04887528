// The Store contract (store.h), run against both backends: SQLite and PostgreSQL (issue 6).
// Migrations, tenancy, the append-only log with optimistic concurrency, the projection written in
// the same transaction as the append, listings with reach, accounts, sessions, tokens, calendar
// feeds, the read and audit logs and settings.
#include <gtest/gtest.h>

#include "core/case_file_fold.h"
#include "core/entry_hash.h"
#include "store/migrations.h"
#include "tests/core/case_file_test_support.h"
#include "tests/support/test_database.h"

namespace spoorboek::store {
namespace {

using core::testing::day;
using core::testing::sick_report;
using core::testing::simple;
using spoorboek::testing::Backend;

class StoreContractTest : public spoorboek::testing::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    employer_ = *store_->create_employer("Bakkerij De Korenschoof");
    employee_ = *store_->create_employee(employer_, "J. de Vries", "P-001");
    case_ = *store_->create_case(employee_, "2026-03-02T10:00:00Z");
  }

  // The next entry of `file` for this test's case, chained onto what `file` holds.
  AppendRequest next(std::vector<core::Entry>& file, const std::string& json,
                     std::optional<core::Date> due = std::nullopt) {
    core::testing::append(file, json, case_);
    AppendRequest request{file.back(), CaseSummary{}};
    request.summary->case_id = case_;
    request.summary->status = "sick";
    request.summary->first_sick_day = file.front().occurred_on;
    request.summary->next_deadline_key = "problem_analysis";
    request.summary->next_deadline_due = due;
    request.summary->last_seq = file.back().seq;
    request.summary->last_hash = file.back().hash;
    request.summary->updated_at = "2026-03-02T10:00:00Z";
    return request;
  }

  std::int64_t count(const char* sql) { return database_->scalar(sql); }

  std::int64_t employer_ = 0, employee_ = 0, case_ = 0;
};

TEST_P(StoreContractTest, MigrationsAreNumberedAndIdempotent) {
  const auto migrations = GetParam() == Backend::sqlite ? detail::sqlite_migrations()
                                                        : detail::postgres_migrations();
  const int newest = migrations.back().version;
  EXPECT_EQ(newest, static_cast<int>(migrations.size()));  // 1, 2, ... without gaps
  EXPECT_EQ(*store_->schema_version(), newest);
  ASSERT_TRUE(store_->migrate().ok());
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_EQ(*store_->schema_version(), newest);
  EXPECT_EQ(count("SELECT count(*) FROM schema_migrations"), newest);
  EXPECT_EQ(count("SELECT count(*) FROM employers"), 1);  // data untouched
}

TEST_P(StoreContractTest, TenancyIsChecked) {
  const auto orphan = store_->create_employee(9999, "X", "P-9");
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, "not_found");
  EXPECT_EQ(orphan.error().field, "employer_id");
  const auto duplicate = store_->create_employee(employer_, "Y", "P-001");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, "conflict");
  EXPECT_EQ(duplicate.error().field, "personnel_number");
  EXPECT_EQ(store_->create_case(9999, "2026-03-02T10:00:00Z").error().field, "employee_id");
  const auto found = store_->find_case(case_);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->employer_id, employer_);
  EXPECT_EQ(found->employee_name, "J. de Vries");
  EXPECT_EQ(store_->find_case(9999).error().code, "not_found");
}

TEST_P(StoreContractTest, NewCaseHasAnEmptySummary) {
  const auto summary = store_->find_summary(case_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->status, "no_sickness");
  EXPECT_EQ(summary->last_seq, 0);
  EXPECT_EQ(summary->last_hash, core::kGenesisHash);
}

TEST_P(StoreContractTest, AppendsAndReadsBackExactly) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  ASSERT_TRUE(store_->append(next(file, simple("problem_analysis", "2026-02-10",
                                               R"({"author":"A","limitations":[],
                                                   "possibilities":[],"prognosis":"p",
                                                   "advice":"a","medical":{"d":"x"}})")))
                  .ok());
  const auto loaded = store_->load_entries(case_);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_FALSE(core::verify_chain(case_, *loaded).has_value());
  EXPECT_EQ((*loaded)[1].medical, R"({"d":"x"})");
  EXPECT_EQ((*loaded)[1].payload, file[1].payload);
  EXPECT_EQ((*loaded)[1].hash, file[1].hash);
  EXPECT_EQ(count("SELECT count(*) FROM entries WHERE medical IS NOT NULL"), 1);
}

// The SQL selection is the core's rule (core::fold_relevant_entries), entry for entry, on a file
// with conversations before and after other entries, a late earliest one, and corrections.

TEST_P(StoreContractTest, AppendBasisSelectsWhatTheCoreSelects) {
  const auto interview = [](const char* date) {
    return simple("reintegration_interview", date,
                  R"({"attendees":["employee"],"employee_agreement":"pending"})");
  };
  std::vector<core::Entry> file;
  const auto expect_core_selection = [&] {
    const auto basis = store_->load_append_basis(case_);
    ASSERT_TRUE(basis.ok()) << basis.error().message;
    const auto expected = core::fold_relevant_entries(file);
    ASSERT_EQ(basis->fold_entries.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(basis->fold_entries[i].seq, expected[i].seq);
      EXPECT_EQ(basis->fold_entries[i].hash, expected[i].hash);
      EXPECT_EQ(basis->fold_entries[i].payload, expected[i].payload);
    }
    EXPECT_EQ(basis->last_seq, file.empty() ? 0 : file.back().seq);
    EXPECT_EQ(basis->last_hash, file.empty() ? std::string(core::kGenesisHash) : file.back().hash);
  };
  expect_core_selection();
  for (const auto& json :
       {sick_report("2026-01-05"), interview("2026-01-20"), interview("2026-01-27"),
        simple("track_1_attempt", "2026-02-03",
               R"({"option":"other_job_internal","description":"d","outcome":"failed","reason":"r"})"),
        interview("2026-01-12"),
        simple("correction", "2026-02-04", R"({"corrects_seq":3,"reason":"r","void":true})"),
        interview("2026-02-10"),
        simple("correction", "2026-02-11",
               R"({"corrects_seq":5,"reason":"r","new_occurred_on":"2026-01-13"})"),
        interview("2026-02-12")}) {
    ASSERT_TRUE(store_->append(next(file, json)).ok()) << json;
    expect_core_selection();
  }
  // 1 sick report, 3 and 5 named by corrections, 2 the earliest of the others, the corrections.
  const auto basis = store_->load_append_basis(case_);
  std::vector<std::int64_t> seqs;
  for (const auto& entry : basis->fold_entries) seqs.push_back(entry.seq);
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 2, 3, 5, 6, 8}));
}

TEST_P(StoreContractTest, StaleAppendIsAConflictAndWritesNothing) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  // A second writer folded the same state and appended first.
  auto theirs = file;
  auto mine = file;
  ASSERT_TRUE(store_->append(next(theirs, simple("company_doctor_report", "2026-01-06"))).ok());
  const auto stale = next(mine, simple("recovery", "2026-01-20"));
  const auto status = store_->append(stale);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "conflict");
  EXPECT_EQ(count("SELECT count(*) FROM entries"), 2);
  EXPECT_EQ(store_->find_summary(case_)->last_hash, theirs.back().hash);
  // A seq from the future is refused as well.
  auto skipping = next(theirs, simple("recovery", "2026-01-20"));
  skipping.entry.seq += 1;
  EXPECT_EQ(store_->append(skipping).error().code, "conflict");
}

TEST_P(StoreContractTest, ConflictBetweenTwoConnections) {
  auto other = database_->open_migrated();
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  auto copy = file;
  ASSERT_TRUE(other->append(next(copy, simple("recovery", "2026-01-20"))).ok());
  EXPECT_EQ(store_->append(next(file, simple("recovery", "2026-01-21"))).error().code, "conflict");
}

TEST_P(StoreContractTest, ProjectionIsWrittenWithTheAppend) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"), day("2026-02-16"))).ok());
  const auto summary = store_->find_summary(case_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->status, "sick");
  EXPECT_EQ(summary->first_sick_day, day("2026-01-05"));
  EXPECT_EQ(summary->next_deadline_due, day("2026-02-16"));
  EXPECT_EQ(summary->last_seq, 1);
  EXPECT_EQ(summary->last_hash, file.back().hash);
}

TEST_P(StoreContractTest, FailedBatchLeavesNothing) {
  std::vector<core::Entry> file;
  std::vector<AppendRequest> batch;
  batch.push_back(next(file, sick_report("2026-01-05"), day("2026-02-16")));
  batch.push_back(next(file, simple("company_doctor_report", "2026-01-06")));
  auto broken = next(file, simple("recovery", "2026-01-20"));
  broken.entry.prev_hash = std::string(64, 'f');
  batch.push_back(broken);
  const auto status = store_->append_batch(batch);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "conflict");
  EXPECT_EQ(count("SELECT count(*) FROM entries"), 0);
  EXPECT_EQ(store_->find_summary(case_)->last_seq, 0);

  batch.pop_back();
  ASSERT_TRUE(store_->append_batch(batch).ok());
  EXPECT_EQ(count("SELECT count(*) FROM entries"), 2);
  EXPECT_EQ(store_->find_summary(case_)->last_seq, 2);
}

TEST_P(StoreContractTest, TransactionRollsBackEverything) {
  const Status status = store_->transaction([&]() -> Status {
    if (!store_->create_employer("Tijdelijk BV").ok()) return core::make_error("x", "", "x");
    return core::make_error("stop", "", "changed my mind");
  });
  EXPECT_EQ(status.error().code, "stop");
  EXPECT_EQ(count("SELECT count(*) FROM employers"), 1);
}

TEST_P(StoreContractTest, EntriesAreAppendOnlyInTheDatabase) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  EXPECT_NE(database_->execute("UPDATE entries SET actor = 'x'"), "");
  EXPECT_NE(database_->execute("DELETE FROM entries"), "");
  EXPECT_EQ(count("SELECT count(*) FROM entries WHERE actor = 'test'"), 1);
}

TEST_P(StoreContractTest, ListsCasesByNextDeadline) {
  const auto second_employee = *store_->create_employee(employer_, "A. Jansen", "P-002");
  const auto second_case = *store_->create_case(second_employee, "2026-03-02T10:00:00Z");
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"), day("2026-04-01"))).ok());
  CaseSummary other;
  other.case_id = second_case;
  other.status = "sick";
  other.next_deadline_due = day("2026-03-10");
  other.last_hash = std::string(core::kGenesisHash);
  other.updated_at = "2026-03-02T10:00:00Z";
  ASSERT_TRUE(store_->put_summary(other).ok());

  const auto all = store_->list_cases({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].summary.case_id, second_case);
  EXPECT_EQ((*all)[0].employee_name, "A. Jansen");
  EXPECT_EQ((*all)[0].employer_name, "Bakkerij De Korenschoof");

  CaseFilter soon;
  soon.due_on_or_before = day("2026-03-31");
  const auto due = store_->list_cases(soon);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].summary.case_id, second_case);

  CaseFilter mine;
  mine.employee_id = employee_;
  EXPECT_EQ(store_->list_cases(mine)->front().summary.case_id, case_);
  EXPECT_EQ(*store_->list_case_ids(), (std::vector<std::int64_t>{case_, second_case}));
}

TEST_P(StoreContractTest, SurvivesReopening) {
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  store_.reset();
  store_ = database_->open_migrated();
  EXPECT_EQ(store_->load_entries(case_)->size(), 1u);
}

TEST_P(StoreContractTest, CaseWithAGivenIdAndIdsContinueAfterIt) {
  ASSERT_TRUE(store_->create_case_with_id(500, employee_, "2026-03-02T10:00:00Z").ok());
  const auto taken = store_->create_case_with_id(500, employee_, "2026-03-02T10:00:00Z");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, "conflict");
  EXPECT_EQ(taken.error().field, "case_id");
  const auto after = store_->create_case(employee_, "2026-03-03T10:00:00Z");
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_GT(*after, 500);
  EXPECT_EQ(store_->find_summary(500)->status, "no_sickness");
}

TEST_P(StoreContractTest, ListingsHonourReachLimitAndOffset) {
  const auto other_employer = *store_->create_employer("Transport Noord BV");
  const auto driver = *store_->create_employee(other_employer, "K. Bakker", "T-1");
  const auto driver_case = *store_->create_case(driver, "2026-03-02T10:00:00Z");
  UserRecord manager;
  manager.email = "manager@example.test";
  manager.display_name = "M";
  manager.password_hash = "h";
  manager.employer_id = employer_;
  manager.roles = {"line_manager"};
  manager.created_at = "2026-03-02T10:00:00Z";
  const auto manager_id = *store_->create_user(manager);
  ASSERT_TRUE(store_->set_employee_manager(employee_, manager_id).ok());
  const auto office = *store_->create_provider("Re-integratie Oost", "reintegration_office");
  ASSERT_TRUE(store_->assign_case_provider(driver_case, office, "2026-03-05T10:00:00Z").ok());

  const auto ids = [&](const CaseFilter& filter) {
    std::vector<std::int64_t> found;
    auto listed = store_->list_cases(filter);
    EXPECT_TRUE(listed.ok());
    if (listed.ok()) {
      for (const auto& listing : *listed) found.push_back(listing.summary.case_id);
    }
    return found;
  };
  CaseFilter employers;
  employers.reach.unrestricted = false;
  employers.reach.employer_ids = {other_employer};
  EXPECT_EQ(ids(employers), (std::vector<std::int64_t>{driver_case}));
  CaseFilter team;
  team.reach.unrestricted = false;
  team.reach.team_manager = manager_id;
  EXPECT_EQ(ids(team), (std::vector<std::int64_t>{case_}));
  CaseFilter provider;
  provider.reach.unrestricted = false;
  provider.reach.provider_id = office;
  EXPECT_EQ(ids(provider), (std::vector<std::int64_t>{driver_case}));
  CaseFilter own;
  own.reach.unrestricted = false;
  own.reach.own_employee = employee_;
  EXPECT_EQ(ids(own), (std::vector<std::int64_t>{case_}));
  CaseFilter nothing;
  nothing.reach.unrestricted = false;
  EXPECT_TRUE(ids(nothing).empty());
  CaseFilter both;
  both.reach.unrestricted = false;
  both.reach.employer_ids = {employer_, other_employer};
  EXPECT_EQ(ids(both), (std::vector<std::int64_t>{case_, driver_case}));
  both.limit = 1;
  EXPECT_EQ(ids(both), (std::vector<std::int64_t>{case_}));
  both.offset = 1;
  EXPECT_EQ(ids(both), (std::vector<std::int64_t>{driver_case}));
  // The count ignores limit and offset; open_only leaves out ended cases.
  EXPECT_EQ(*store_->count_cases(both), 2);
  CaseSummary ended;
  ended.case_id = driver_case;
  ended.status = "recovered";
  ended.last_hash = std::string(core::kGenesisHash);
  ended.updated_at = "2026-03-09T10:00:00Z";
  ASSERT_TRUE(store_->put_summary(ended).ok());
  CaseFilter open;
  open.open_only = true;
  EXPECT_EQ(ids(open), (std::vector<std::int64_t>{case_}));
  EXPECT_EQ(*store_->count_cases(open), 1);
  team.open_only = true;
  EXPECT_EQ(*store_->count_cases(team), 1);
  CaseFilter by_status;
  by_status.status = "recovered";
  by_status.employer_id = other_employer;
  EXPECT_EQ(ids(by_status), (std::vector<std::int64_t>{driver_case}));
  ASSERT_TRUE(store_->assign_case_user(case_, manager_id, "2026-03-05T10:00:00Z").ok());
  ASSERT_TRUE(store_->assign_case_user(case_, manager_id, "2026-03-06T10:00:00Z").ok());
  CaseFilter assigned;
  assigned.assignee_id = manager_id;
  EXPECT_EQ(ids(assigned), (std::vector<std::int64_t>{case_}));

  const auto reach = store_->find_case_reach(driver_case);
  ASSERT_TRUE(reach.ok());
  EXPECT_EQ(reach->employer_id, other_employer);
  EXPECT_EQ(reach->provider_ids, (std::vector<std::int64_t>{office}));
  EXPECT_FALSE(reach->manager_user_id.has_value());
  EXPECT_EQ(store_->find_case_reach(case_)->assignee_ids, (std::vector<std::int64_t>{manager_id}));
  EXPECT_EQ(store_->find_case_reach(case_)->manager_user_id, manager_id);
  EXPECT_EQ(store_->find_case_reach(9999).error().code, "not_found");
}

TEST_P(StoreContractTest, UsersRolesAndTwoFactor) {
  UserRecord user;
  user.email = "Arts@Example.test";
  user.display_name = "Dr. A";
  user.password_hash = "hash-1";
  user.roles = {"company_doctor", "administrator"};
  user.created_at = "2026-03-02T10:00:00Z";
  const auto provider = *store_->create_provider("Arbodienst West", "arbo_service");
  ASSERT_TRUE(store_->link_provider_employer(provider, employer_).ok());
  ASSERT_TRUE(store_->link_provider_employer(provider, employer_).ok());  // once
  user.provider_id = provider;
  const auto id = store_->create_user(user);
  ASSERT_TRUE(id.ok()) << id.error().message;
  UserRecord again = user;
  again.email = "arts@example.TEST";
  EXPECT_EQ(store_->create_user(again).error().field, "email");  // case does not matter
  const auto found = store_->find_user_by_email("ARTS@example.test");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, *id);
  EXPECT_EQ(found->roles, (std::vector<std::string>{"administrator", "company_doctor"}));
  EXPECT_EQ(found->provider_id, provider);
  EXPECT_FALSE(found->employer_id.has_value());
  EXPECT_FALSE(found->totp_enabled);
  EXPECT_EQ(store_->find_provider(provider)->employer_ids, (std::vector<std::int64_t>{employer_}));
  EXPECT_EQ(store_->list_providers()->size(), 1u);

  EXPECT_EQ(store_->activate_totp(*id).error().code, "conflict");
  ASSERT_TRUE(store_->set_totp_pending(*id, "sealed").ok());
  ASSERT_TRUE(store_->activate_totp(*id).ok());
  EXPECT_EQ(store_->find_user(*id)->totp_secret, "sealed");
  EXPECT_TRUE(store_->find_user(*id)->totp_enabled);
  EXPECT_FALSE(store_->find_user(*id)->totp_pending.has_value());
  EXPECT_TRUE(*store_->holds_sealed_data());
  ASSERT_TRUE(store_->use_totp_step(*id, 100).ok());
  EXPECT_EQ(store_->use_totp_step(*id, 100).error().code, "conflict");
  EXPECT_EQ(store_->use_totp_step(*id, 99).error().code, "conflict");
  ASSERT_TRUE(store_->set_user_disabled(*id, true).ok());
  EXPECT_TRUE(store_->find_user(*id)->disabled);
  EXPECT_EQ(store_->set_user_disabled(9999, true).error().code, "not_found");
  EXPECT_EQ(store_->find_user(9999).error().code, "not_found");
  EXPECT_EQ(store_->list_users()->size(), 1u);
  EXPECT_EQ(store_->find_employee(employee_)->personnel_number, "P-001");
  EXPECT_EQ(store_->list_employees(employer_)->size(), 1u);
}

TEST_P(StoreContractTest, SessionsTokensAndCalendarFeeds) {
  UserRecord user;
  user.email = "cm@example.test";
  user.display_name = "CM";
  user.password_hash = "old";
  user.employer_id = employer_;
  user.roles = {"case_manager"};
  user.created_at = "2026-03-02T10:00:00Z";
  const auto id = *store_->create_user(user);
  ASSERT_TRUE(store_->create_session({"digest-a", id, "csrf-a", false, 100, 200, 100}).ok());
  ASSERT_TRUE(store_->create_session({"digest-b", id, "csrf-b", true, 100, 300, 100}).ok());
  EXPECT_TRUE(store_->find_session("digest-b")->enrolment_only);
  ASSERT_TRUE(store_->touch_session("digest-a", 150).ok());
  EXPECT_EQ(store_->find_session("digest-a")->last_seen_at, 150);
  ASSERT_TRUE(store_->replace_password(id, "new", "digest-a").ok());
  EXPECT_EQ(store_->find_user(id)->password_hash, "new");
  EXPECT_EQ(store_->find_session("digest-b").error().code, "not_found");
  ASSERT_TRUE(store_->delete_expired_sessions(200).ok());
  EXPECT_EQ(store_->find_session("digest-a").error().code, "not_found");
  EXPECT_EQ(store_->replace_password(9999, "x", "").error().field, "user_id");

  const auto token = store_->create_api_token({0, id, "payroll", "token-digest", "2026-03-02", 0, {}});
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(store_->find_api_token("token-digest")->created_by, 0);
  ASSERT_TRUE(store_->revoke_api_token(*token, "2026-03-03").ok());
  ASSERT_TRUE(store_->revoke_api_token(*token, "2026-03-04").ok());
  EXPECT_EQ(store_->find_api_token("token-digest")->revoked_at, "2026-03-03");
  EXPECT_EQ(store_->revoke_api_token(9999, "x").error().code, "not_found");
  EXPECT_EQ(store_->list_api_tokens()->size(), 1u);

  EXPECT_FALSE(store_->find_user_calendar_feed(id)->has_value());
  ASSERT_TRUE(store_->put_calendar_feed({id, "feed-1", "nl", "2026-03-02"}).ok());
  ASSERT_TRUE(store_->put_calendar_feed({id, "feed-2", "en", "2026-03-03"}).ok());
  EXPECT_EQ(store_->find_calendar_feed("feed-1").error().code, "not_found");
  EXPECT_EQ(store_->find_calendar_feed("feed-2")->language, "en");
  EXPECT_EQ((*store_->find_user_calendar_feed(id))->token_digest, "feed-2");
  ASSERT_TRUE(store_->delete_calendar_feed(id).ok());
  EXPECT_EQ(store_->delete_calendar_feed(id).error().code, "not_found");
}

TEST_P(StoreContractTest, ReadAuditAndSettings) {
  std::vector<CaseRead> reads;
  for (int i = 0; i < 70; ++i) {  // more than one chunk of a multi-row insert
    reads.push_back({case_, 7, "2026-03-02T10:00:0" + std::to_string(i % 10) + "Z",
                     i % 2 ? "timeline" : "case_file", "req-" + std::to_string(i)});
  }
  ASSERT_TRUE(store_->record_case_reads(reads).ok());
  const auto listed = store_->list_case_reads(case_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 70u);
  EXPECT_EQ((*listed)[69].request_id, "req-69");
  EXPECT_EQ((*listed)[1].what, "timeline");
  EXPECT_TRUE(store_->list_case_reads(9999)->empty());
  ASSERT_TRUE(store_->record_audit_event({"2026-03-02T10:00:00Z", std::nullopt, "user_created",
                                          "user:1", "it's \"quoted\"\ttab"})
                  .ok());
  EXPECT_EQ(count("SELECT count(*) FROM audit_events WHERE user_id IS NULL"), 1);
  EXPECT_NE(database_->execute("DELETE FROM audit_events"), "");
  EXPECT_FALSE(store_->get_setting("language")->has_value());
  ASSERT_TRUE(store_->put_setting("language", "nl").ok());
  ASSERT_TRUE(store_->put_setting("language", "en").ok());
  EXPECT_EQ(*store_->get_setting("language"), "en");
}

TEST_P(StoreContractTest, TextSurvivesExactly) {
  // The hash chain is over the exact bytes: quotes, backslashes, tabs, newlines, non-ASCII.
  std::vector<core::Entry> file;
  ASSERT_TRUE(store_->append(next(file, sick_report("2026-01-05"))).ok());
  ASSERT_TRUE(store_->append(next(file, simple("reintegration_interview", "2026-01-20",
                                               R"({"attendees":["employee"],"employee_agreement":"pending","summary":"Zo'n \"goed\" gesprek\\n\tmet Émile — 😀"})")))
                  .ok());
  const auto loaded = store_->load_entries(case_);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ((*loaded)[1].payload, file[1].payload);
  EXPECT_FALSE(core::verify_chain(case_, *loaded).has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::store
