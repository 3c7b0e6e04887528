// The HR imports over a real SQLite store: who may import, all or nothing, idempotence, order
// tolerance (a recovery before its sick report is held, then applied), dry runs, and imported
// reports that are the entries a case manager would record.
#include "app/hr_import.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "app/application.h"
#include "security/field_cipher.h"
#include "tests/support/test_database.h"

namespace spoorboek::app {
namespace {

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

const Actor kAdmin{"cli:beheer", "Beheerder", Role::administrator};

constexpr const char* kStaff =
    "Personeelsnummer;Naam;E-mail leidinggevende\n"
    "00123;J. de Vries;\n"
    "00124;A. Jansen;\n"
    "00125;P. Smit;\n";

std::vector<std::string> described(const std::vector<LineError>& errors) {
  std::vector<std::string> texts;
  for (const auto& error : errors) texts.push_back(describe(error));
  return texts;
}

std::vector<std::pair<std::size_t, ImportOutcome>> outcomes(const HrImportReport& report) {
  std::vector<std::pair<std::size_t, ImportOutcome>> result;
  for (const auto& line : report.lines) result.emplace_back(line.line, line.outcome);
  return result;
}

// Every test runs on both backends (SQLite and PostgreSQL): the import's transaction, its
// rollback and the held reports must behave the same on each.
class HrImportTest : public spoorboek::testing::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    app_ = std::make_unique<Application>(*store_, &key_);
    import_ = std::make_unique<HrImport>(*store_, *app_);
    ASSERT_TRUE(app_->init_database(kAdmin).ok());
    bakery_ = *app_->create_employer(kAdmin, "Bakkerij");
    garage_ = *app_->create_employer(kAdmin, "Garage");
    case_manager_ = Actor{"user:2", "Casemanager", Role::case_manager};
    case_manager_.employer_id = bakery_;
    case_manager_.account_id = 2;
    const auto staff = employees(kStaff);
    ASSERT_TRUE(staff.ok() && staff->written) << (staff.ok() ? "" : staff.error().message);
    const auto staff_ids = store_->list_employees(bakery_);
    for (const auto& employee : *staff_ids) id_of_[employee.personnel_number] = employee.id;
  }

  // The sick report (from 2026-03-02) and the recovery (on 2026-03-20) of `personnel_number` as the
  // case manager records them by hand, without an import.
  void sick_and_recovered_by_hand(const std::string& personnel_number,
                                  std::string_view expected_duration, bool work_accident) {
    const SickReport by_hand{id_of_[personnel_number], day("2026-03-02"),
                             std::string(R"({"expected_duration":")") +
                                 std::string(expected_duration) +
                                 R"(","safety_net_applies":false,"work_accident":)" +
                                 (work_accident ? "true" : "false") +
                                 R"(,"third_party_liability":false})"};
    const auto opened = app_->report_sick(case_manager_, by_hand, now_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    const auto recovered = app_->append_entry(
        case_manager_, opened->case_id,
        core::EntryDraft{core::EntryType::recovery, day("2026-03-20"), "{}", std::nullopt,
                         std::nullopt},
        now_);
    ASSERT_TRUE(recovered.ok()) << recovered.error().message;
  }

  Result<HrImportReport> employees(std::string_view csv, bool dry_run = false) {
    return import_->import_employees(kAdmin, bakery_, csv, {"personeel.csv", dry_run, {}}, now_);
  }
  Result<HrImportReport> reports(std::string_view csv, bool dry_run = false,
                                 const Actor& actor = kAdmin, const char* name = "verzuim.csv") {
    return import_->import_reports(actor, bakery_, csv, {name, dry_run, {}}, now_);
  }

  // Everything the imports can change, through the Store, as text: equal text, equal database.
  std::string snapshot() {
    std::ostringstream out;
    const auto employers = store_->list_employers();
    for (const auto& employer : *employers) {
      out << "employer " << employer.id << ' ' << employer.name << '\n';
      const auto staff = store_->list_employees(employer.id);
      for (const auto& e : *staff) {
        out << " employee " << e.id << ' ' << e.personnel_number << ' ' << e.name << ' '
            << e.manager_user_id.value_or(0) << '\n';
      }
      const auto held = store_->list_held_reports(employer.id);
      for (const auto& h : *held) {
        out << " held " << h.id << ' ' << h.employee_id << ' ' << core::entry_type_name(h.type)
            << ' ' << core::format_iso_date(h.occurred_on) << ' ' << h.payload << ' ' << h.source
            << '\n';
      }
    }
    const auto listings = store_->list_cases(store::CaseFilter{});
    for (const auto& listing : *listings) {
      const auto& s = listing.summary;
      out << "case " << s.case_id << ' ' << listing.employee_id << ' ' << s.status << ' '
          << s.last_seq << ' ' << s.last_hash << ' '
          << (s.next_deadline_key ? *s.next_deadline_key : "-") << '\n';
      const auto entries = store_->load_entries(s.case_id);
      for (const auto& entry : *entries) {
        out << "  " << entry.seq << ' ' << core::entry_type_name(entry.type) << ' '
            << core::format_iso_date(entry.occurred_on) << ' ' << entry.actor << ' '
            << entry.payload << ' ' << entry.hash << '\n';
      }
    }
    return out.str();
  }

  std::vector<core::Entry> entries_of(const char* personnel_number) {
    store::CaseFilter filter;
    filter.employee_id = id_of_.at(personnel_number);
    std::vector<core::Entry> all;
    const auto listings = store_->list_cases(filter);
    for (const auto& listing : *listings) {
      const auto entries = store_->load_entries(listing.summary.case_id);
      all.insert(all.end(), entries->begin(), entries->end());
    }
    std::stable_sort(all.begin(), all.end(), [](const core::Entry& a, const core::Entry& b) {
      return a.occurred_on < b.occurred_on;
    });
    return all;
  }
  std::vector<std::string> types_of(const char* personnel_number) {
    std::vector<std::string> types;
    for (const auto& entry : entries_of(personnel_number)) {
      types.push_back(std::string(core::entry_type_name(entry.type)) + " " +
                      core::format_iso_date(entry.occurred_on) + " case " +
                      std::to_string(entry.case_id));
    }
    return types;
  }

  Moment now_{day("2026-04-01"), "2026-04-01T09:00:00Z", 1775034000};
  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<Application> app_;
  std::unique_ptr<HrImport> import_;
  std::int64_t bakery_ = 0, garage_ = 0;
  Actor case_manager_;
  std::map<std::string, std::int64_t> id_of_;
};

// --- The staff list ---

TEST_P(HrImportTest, TheStaffListCreatesThenLeavesEqualEmployeesAndRenamesChangedOnes) {
  EXPECT_EQ(id_of_.size(), 3u);
  const std::string before = snapshot();
  const auto same = employees(kStaff);
  ASSERT_TRUE(same.ok());
  EXPECT_FALSE(same->written);
  EXPECT_EQ(same->count(ImportOutcome::unchanged), 3u);
  EXPECT_EQ(snapshot(), before);

  const auto changed = employees("personeelsnummer;naam\n00123;J. de Vries-Bakker\n00126;K. Nieuw\n");
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(changed->written);
  EXPECT_EQ(outcomes(*changed), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                    {2, ImportOutcome::updated}, {3, ImportOutcome::created}}));
  EXPECT_EQ(changed->lines[0].detail, "name J. de Vries -> J. de Vries-Bakker");
  EXPECT_EQ(store_->find_employee(id_of_["00123"])->name, "J. de Vries-Bakker");
  EXPECT_EQ(store_->list_employees(bakery_)->size(), 4u);
  ASSERT_TRUE(changed->lines[1].employee_id.has_value());
  EXPECT_EQ(store_->find_employee(*changed->lines[1].employee_id)->personnel_number, "00126");
}

TEST_P(HrImportTest, TheStaffListSetsLineManagersByEmailAndRefusesOthers) {
  store::UserRecord manager;
  manager.email = "lm@bakkerij.test";
  manager.display_name = "Leidinggevende";
  manager.password_hash = "x";
  manager.employer_id = bakery_;
  manager.roles = {"line_manager"};
  manager.created_at = now_.timestamp;
  const auto manager_id = *store_->create_user(manager);
  store::UserRecord stranger = manager;
  stranger.email = "lm@garage.test";
  stranger.employer_id = garage_;
  ASSERT_TRUE(store_->create_user(stranger).ok());

  const std::string before = snapshot();
  const auto refused = employees(
      "personeelsnummer;naam;email leidinggevende\n"
      "00123;J. de Vries;lm@bakkerij.test\n"
      "00124;A. Jansen;lm@garage.test\n"
      "00125;P. Smit;niemand@bakkerij.test\n");
  ASSERT_TRUE(refused.ok());
  EXPECT_FALSE(refused->written);
  EXPECT_EQ(refused->error_count, 2u);
  EXPECT_EQ(refused->errors[0].line, 3u);
  EXPECT_EQ(refused->errors[0].column, "email leidinggevende");
  EXPECT_EQ(refused->errors[1].line, 4u);
  EXPECT_EQ(snapshot(), before);

  const auto set = employees("personeelsnummer;naam;email leidinggevende\n"
                             "00123;J. de Vries;lm@bakkerij.test\n"
                             "00124;A. Jansen;\n");
  ASSERT_TRUE(set.ok());
  EXPECT_TRUE(set->written);
  EXPECT_EQ(outcomes(*set), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                {2, ImportOutcome::updated}, {3, ImportOutcome::unchanged}}));
  EXPECT_EQ(store_->find_employee(id_of_["00123"])->manager_user_id, manager_id);
  // An empty column leaves the manager as it is.
  EXPECT_TRUE(employees("personeelsnummer;naam;email leidinggevende\n00123;J. de Vries;\n")->lines
                  .front().outcome == ImportOutcome::unchanged);
  EXPECT_EQ(store_->find_employee(id_of_["00123"])->manager_user_id, manager_id);
}

TEST_P(HrImportTest, StaffDuplicatesAreReportedAndReadOnce) {
  const auto report = employees("personeelsnummer;naam\n00127;Q. Twee\n00127;Q. Twee\n");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->written);
  EXPECT_EQ(outcomes(*report), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                   {2, ImportOutcome::created}, {3, ImportOutcome::duplicate}}));
  EXPECT_EQ(report->lines[1].detail, "the same as line 2");
  EXPECT_EQ(store_->list_employees(bakery_)->size(), 4u);
}

// --- Reports ---

TEST_P(HrImportTest, ReportsInAnyOrderAreAppliedPerEmployeeInDateOrder) {
  const auto report = reports(
      "personeelsnummer;soort;datum;percentage\n"
      "00123;hersteld;30-03-2026;\n"
      "00124;ziek;2026-03-10;\n"
      "00123;gedeeltelijk hersteld;16-03-2026;50\n"
      "00123;ziek;02-03-2026;\n");
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_TRUE(report->errors.empty()) << described(report->errors).front();
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->count(ImportOutcome::created), 4u);
  const auto vries = entries_of("00123");
  ASSERT_EQ(vries.size(), 3u);
  EXPECT_EQ(vries[0].type, core::EntryType::sick_report);
  EXPECT_EQ(vries[0].occurred_on, day("2026-03-02"));
  EXPECT_EQ(vries[1].type, core::EntryType::partial_work);
  EXPECT_EQ(vries[1].payload, "{\"kind\":\"own_work\",\"percentage\":50}");
  EXPECT_EQ(vries[2].type, core::EntryType::recovery);
  EXPECT_EQ(vries[2].occurred_on, day("2026-03-30"));
  for (const auto& entry : vries) EXPECT_EQ(entry.actor, "import:verzuim.csv");
  const auto summary = store_->find_summary(vries[0].case_id);
  EXPECT_EQ(summary->status, "recovered");
  EXPECT_EQ(report->lines[0].case_id, vries[0].case_id);
  EXPECT_EQ(report->lines[0].detail, "recovery on 2026-03-30 in the new case from 2026-03-02");
  EXPECT_EQ(store_->find_summary(entries_of("00124")[0].case_id)->status, "sick");
  // Every line names the case of its own employee.
  for (const auto& line : report->lines) {
    ASSERT_TRUE(line.case_id.has_value()) << line.line;
    EXPECT_EQ(store_->find_case(*line.case_id)->employee_id, line.employee_id) << line.line;
  }
  const auto verified = app_->verify_all(kAdmin);
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->broken.empty());
}

TEST_P(HrImportTest, AnImportedReportIsTheEntryACaseManagerRecords) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum;verwachte duur;bedrijfsongeval\n"
                      "00123;ziek;02-03-2026;langer dan 6 weken;ja\n"
                      "00123;hersteld;20-03-2026;;\n")
                  ->written);
  ASSERT_NO_FATAL_FAILURE(sick_and_recovered_by_hand("00124", "over_6_weeks", true));
  const auto imported = entries_of("00123");
  const auto recorded = entries_of("00124");
  ASSERT_EQ(imported.size(), recorded.size());
  for (std::size_t i = 0; i < imported.size(); ++i) {
    EXPECT_EQ(imported[i].type, recorded[i].type);
    EXPECT_EQ(imported[i].occurred_on, recorded[i].occurred_on);
    EXPECT_EQ(imported[i].payload, recorded[i].payload);
    EXPECT_EQ(imported[i].visibility, recorded[i].visibility);
    EXPECT_EQ(imported[i].seq, recorded[i].seq);
  }
  auto a = *store_->find_summary(imported[0].case_id);
  auto b = *store_->find_summary(recorded[0].case_id);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.first_sick_day, b.first_sick_day);
  EXPECT_EQ(a.last_sick_day, b.last_sick_day);
  EXPECT_EQ(a.waiting_period_end, b.waiting_period_end);
  EXPECT_EQ(a.next_deadline_key, b.next_deadline_key);
}

TEST_P(HrImportTest, ImportingTheSameFileTwiceChangesNothing) {
  const std::string file =
      "personeelsnummer;soort;datum;percentage\n"
      "00123;ziek;02-03-2026;\n"
      "00123;gedeeltelijk hersteld;16-03-2026;50\n"
      "00124;hersteld;20-03-2026;\n"  // no sick report: held
      "00125;ziek;09-03-2026;\n"
      "00125;hersteld;23-03-2026;\n";
  const auto first = reports(file);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first->written);
  EXPECT_EQ(first->count(ImportOutcome::created), 4u);
  EXPECT_EQ(first->count(ImportOutcome::held), 1u);
  EXPECT_EQ(first->still_held, 1u);
  const std::string after_first = snapshot();

  const auto second = reports(file);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->written);
  EXPECT_FALSE(second->changes());
  EXPECT_EQ(second->count(ImportOutcome::unchanged), 5u);
  EXPECT_TRUE(second->errors.empty());
  EXPECT_EQ(second->still_held, 1u);
  EXPECT_EQ(snapshot(), after_first);
}

TEST_P(HrImportTest, ARecoveryBeforeItsSickReportIsHeldThenAppliedByALaterImport) {
  const auto first = reports("personeelsnummer;soort;datum\n00123;hersteld;20-03-2026\n",
                             false, kAdmin, "herstel.csv");
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->written);
  EXPECT_EQ(outcomes(*first), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                  {2, ImportOutcome::held}}));
  EXPECT_TRUE(entries_of("00123").empty());
  const auto held = import_->held_reports(kAdmin, bakery_);
  ASSERT_TRUE(held.ok());
  ASSERT_EQ(held->size(), 1u);
  EXPECT_EQ(held->front().personnel_number, "00123");
  EXPECT_EQ(held->front().type, core::EntryType::recovery);
  EXPECT_EQ(held->front().occurred_on, day("2026-03-20"));
  EXPECT_EQ(held->front().source, "herstel.csv, line 2");
  EXPECT_EQ(held->front().held_by, "cli:beheer");

  // The sick report arrives in a later file, with nothing about the recovery.
  const auto second = reports("personeelsnummer;soort;datum\n00123;ziek;02-03-2026\n", false,
                              kAdmin, "ziek.csv");
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->written);
  EXPECT_EQ(outcomes(*second), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                   {2, ImportOutcome::created}, {0, ImportOutcome::applied_from_held}}));
  EXPECT_NE(second->lines[1].detail.find("herstel.csv, line 2"), std::string::npos);
  EXPECT_EQ(second->still_held, 0u);
  EXPECT_EQ(types_of("00123").size(), 2u);
  const auto entries = entries_of("00123");
  EXPECT_EQ(entries[1].type, core::EntryType::recovery);
  EXPECT_EQ(entries[1].occurred_on, day("2026-03-20"));
  EXPECT_EQ(entries[1].actor, "import:ziek.csv");
  EXPECT_EQ(store_->find_summary(entries[0].case_id)->status, "recovered");
  EXPECT_TRUE(import_->held_reports(kAdmin, bakery_)->empty());
}

TEST_P(HrImportTest, AHeldRecoveryIsAppliedOnceTheSickReportIsRecordedByHand) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum\n00123;hersteld;20-03-2026\n")->written);
  SickReport by_hand{id_of_["00123"], day("2026-03-02"),
                     R"({"expected_duration":"unknown","safety_net_applies":false,)"
                     R"("work_accident":false,"third_party_liability":false})"};
  ASSERT_TRUE(app_->report_sick(case_manager_, by_hand, now_).ok());
  // Any later import of the employer applies it, even one about somebody else.
  const auto later = reports("personeelsnummer;soort;datum\n00125;ziek;09-03-2026\n");
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(outcomes(*later), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                  {2, ImportOutcome::created}, {0, ImportOutcome::applied_from_held}}));
  EXPECT_EQ(entries_of("00123").back().type, core::EntryType::recovery);
  EXPECT_TRUE(import_->held_reports(kAdmin, bakery_)->empty());
}

TEST_P(HrImportTest, AHeldRecoveryRecordedByHandMeanwhileIsReleased) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum\n00124;hersteld;20-03-2026\n")->written);
  ASSERT_NO_FATAL_FAILURE(sick_and_recovered_by_hand("00124", "unknown", false));
  const auto later = reports("personeelsnummer;soort;datum\n00125;ziek;09-03-2026\n");
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(outcomes(*later), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                  {2, ImportOutcome::created}, {0, ImportOutcome::released_from_held}}));
  EXPECT_EQ(entries_of("00124").size(), 2u);
  EXPECT_TRUE(import_->held_reports(kAdmin, bakery_)->empty());
}

TEST_P(HrImportTest, AHeldReportThatWillNeverApplyCanBeDropped) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum\n00124;hersteld;20-03-2026\n")->written);
  const auto listed = import_->held_reports(kAdmin, bakery_);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(import_->drop_held_report(kAdmin, garage_, listed->front().id, now_).error().code,
            "not_found");
  EXPECT_EQ(import_->drop_held_report(kAdmin, bakery_, 999, now_).error().code, "not_found");
  ASSERT_TRUE(import_->drop_held_report(case_manager_, bakery_, listed->front().id, now_).ok());
  EXPECT_TRUE(import_->held_reports(kAdmin, bakery_)->empty());
}

TEST_P(HrImportTest, ARepeatedHeldReportWithOtherValuesReplacesTheHeldOne) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum;percentage\n"
                      "00123;gedeeltelijk hersteld;20-03-2026;40\n")
                  ->written);
  const auto again = reports("personeelsnummer;soort;datum;percentage\n"
                             "00123;gedeeltelijk hersteld;20-03-2026;60\n");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(outcomes(*again), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                  {2, ImportOutcome::updated}}));
  const auto held = import_->held_reports(kAdmin, bakery_);
  ASSERT_EQ(held->size(), 1u);
  EXPECT_EQ(held->front().payload, "{\"kind\":\"own_work\",\"percentage\":60}");
}

TEST_P(HrImportTest, RenewedSicknessWithin28DaysIsARelapseAndLaterANewCase) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum\n"
                      "00123;ziek;02-01-2026\n"
                      "00123;hersteld;12-01-2026\n"
                      "00123;ziek;2026-02-08\n"   // 27 fit days: a relapse
                      "00123;hersteld;2026-02-15\n"
                      "00123;ziek;2026-03-15\n")  // 28 fit days: a new case
                  ->written);
  const auto entries = entries_of("00123");
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[2].type, core::EntryType::relapse);
  EXPECT_EQ(entries[2].payload, "{}");
  EXPECT_EQ(entries[2].case_id, entries[0].case_id);
  EXPECT_EQ(entries[4].type, core::EntryType::sick_report);
  EXPECT_NE(entries[4].case_id, entries[0].case_id);
}

TEST_P(HrImportTest, ImpossibleSequencesAreLineErrorsAndNothingIsWritten) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum\n00123;ziek;02-03-2026\n")->written);
  const std::string before = snapshot();
  const auto report = reports(
      "personeelsnummer;soort;datum\n"
      "00124;ziek;02-03-2026\n"        // fine on its own
      "00123;ziek;09-03-2026\n"        // sick already
      "00125;ziek;02-05-2026\n"        // after today
      "00999;ziek;02-03-2026\n"        // unknown employee
      "00125;hersteld;31-02-2026\n");  // impossible date
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->written);
  EXPECT_EQ(report->error_count, 4u);
  const auto texts = described(report->errors);
  ASSERT_EQ(texts.size(), 4u);
  EXPECT_EQ(texts[0].substr(0, 22), "line 3, column datum: ");
  EXPECT_NE(texts[0].find("sick on 2026-03-09 already"), std::string::npos) << texts[0];
  EXPECT_EQ(texts[1].substr(0, 22), "line 4, column datum: ");
  EXPECT_NE(texts[1].find("after today"), std::string::npos) << texts[1];
  EXPECT_EQ(texts[2],
            "line 5, column personeelsnummer: no employee of Bakkerij has the personnel number "
            "00999: import the staff list first (import-employees)");
  EXPECT_EQ(texts[3],
            "line 6, column datum: '31-02-2026' is not a calendar date: February 2026 has 28 "
            "days");
  EXPECT_EQ(snapshot(), before);
}

TEST_P(HrImportTest, ARecoveryThatContradictsTheCaseFileIsAnError) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum;percentage\n"
                      "00123;ziek;02-03-2026;\n"
                      "00123;gedeeltelijk hersteld;09-03-2026;50\n"
                      "00123;hersteld;20-03-2026;\n")
                  ->written);
  const auto report = reports("personeelsnummer;soort;datum;percentage\n"
                              "00123;hersteld;16-03-2026;\n"
                              "00123;gedeeltelijk hersteld;09-03-2026;60\n");
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->written);
  const auto texts = described(report->errors);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_NE(texts[0].find("line 2, column datum"), std::string::npos);
  EXPECT_NE(texts[0].find("2026-03-20 as the first fit day"), std::string::npos) << texts[0];
  EXPECT_NE(texts[1].find("line 3, column percentage"), std::string::npos);
  EXPECT_NE(texts[1].find("50%"), std::string::npos) << texts[1];
}

TEST_P(HrImportTest, OneBadLineWritesNothingAndEveryErrorIsListed) {
  const std::string before = snapshot();
  const auto report = reports("personeelsnummer;soort;datum\n"
                              "00123;ziek;02-03-2026\n"
                              "00124;ziek;2026-03-02\n"
                              "00125;ziek;02-03-26\n");
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->written);
  EXPECT_EQ(report->error_count, 1u);
  EXPECT_EQ(report->errors[0].line, 4u);
  EXPECT_EQ(report->errors[0].column, "datum");
  EXPECT_EQ(snapshot(), before);
}

TEST_P(HrImportTest, ErrorsAreCappedAndCounted) {
  std::string file = "personeelsnummer;soort;datum\n";
  for (int i = 0; i < 150; ++i) file += "X" + std::to_string(i) + ";ziek;02-03-2026\n";
  const auto report = reports(file);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->error_count, 150u);
  EXPECT_EQ(report->errors.size(), kMaxReportedErrors);
  EXPECT_EQ(report->errors.front().line, 2u);
  EXPECT_EQ(report->errors.back().line, 101u);
}

TEST_P(HrImportTest, WrongEncodingAndACutOffFileWriteNothing) {
  const std::string before = snapshot();
  const auto wrong = reports("personeelsnummer;soort;datum;telefoon\n"
                             "00123;ziek;02-03-2026;\n"
                             "00124;ziek;02-03-2026;Ren\xE9\n");
  ASSERT_TRUE(wrong.ok());
  EXPECT_FALSE(wrong->written);
  ASSERT_EQ(wrong->errors.size(), 1u);
  EXPECT_EQ(wrong->errors[0].code, "wrong_encoding");
  EXPECT_EQ(wrong->errors[0].line, 3u);
  const auto cut = reports("personeelsnummer;soort;datum\n00123;ziek;02-03-2026\n00124;zi");
  ASSERT_TRUE(cut.ok());
  EXPECT_FALSE(cut->written);
  ASSERT_EQ(cut->errors.size(), 1u);
  EXPECT_EQ(cut->errors[0].code, "cut_off");
  EXPECT_EQ(cut->errors[0].line, 3u);
  EXPECT_EQ(snapshot(), before);
}

TEST_P(HrImportTest, DuplicateReportsAreAppliedOnce) {
  const auto report = reports("personeelsnummer;soort;datum\n"
                              "00123;ziek;02-03-2026\n"
                              "00123;ziek;2-3-2026\n");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->written);
  EXPECT_EQ(outcomes(*report), (std::vector<std::pair<std::size_t, ImportOutcome>>{
                                   {2, ImportOutcome::created}, {3, ImportOutcome::duplicate}}));
  EXPECT_EQ(entries_of("00123").size(), 1u);
}

TEST_P(HrImportTest, ADryRunWritesNothingAndReportsTheRealRunsPlan) {
  ASSERT_TRUE(reports("personeelsnummer;soort;datum\n00125;hersteld;20-03-2026\n")->written);
  const std::string file =
      "personeelsnummer;soort;datum;percentage\n"
      "00123;hersteld;30-03-2026;\n"
      "00123;ziek;02-03-2026;\n"
      "00123;ziek;02-03-2026;\n"
      "00124;gedeeltelijk hersteld;16-03-2026;50\n"
      "00125;ziek;02-03-2026;\n";
  const std::string before = snapshot();
  const auto dry = reports(file, true);
  ASSERT_TRUE(dry.ok());
  EXPECT_TRUE(dry->dry_run);
  EXPECT_FALSE(dry->written);
  EXPECT_EQ(snapshot(), before);
  const auto real = reports(file);
  ASSERT_TRUE(real.ok());
  EXPECT_TRUE(real->written);
  EXPECT_NE(snapshot(), before);
  ASSERT_EQ(dry->lines.size(), real->lines.size());
  for (std::size_t i = 0; i < dry->lines.size(); ++i) {
    ImportLineResult planned = dry->lines[i];
    ImportLineResult done = real->lines[i];
    // New cases have their id only once written.
    if (!planned.case_id) done.case_id.reset();
    EXPECT_EQ(planned, done) << i;
  }
  EXPECT_EQ(dry->counts, real->counts);
  EXPECT_EQ(dry->still_held, real->still_held);
  // 00123: sick and recovered; 00124: partial work without sickness, held; 00125: sick, and
  // the recovery held before is applied.
  EXPECT_EQ(real->count(ImportOutcome::created), 3u);
  EXPECT_EQ(real->count(ImportOutcome::held), 1u);
  EXPECT_EQ(real->count(ImportOutcome::applied_from_held), 1u);
  EXPECT_EQ(real->count(ImportOutcome::duplicate), 1u);
}

TEST_P(HrImportTest, ProgressRunsFromZeroToTheTotalPerPhase) {
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> calls;
  HrImportOptions options{"verzuim.csv", false,
                          [&](std::string_view phase, std::size_t done, std::size_t total) {
                            calls.emplace_back(std::string(phase), done, total);
                          }};
  const auto report = import_->import_reports(kAdmin, bakery_,
                                              "personeelsnummer;soort;datum\n"
                                              "00123;ziek;02-03-2026\n"
                                              "00124;ziek;02-03-2026\n",
                                              options, now_);
  ASSERT_TRUE(report.ok() && report->written);
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.front(), std::make_tuple(std::string("checking"), std::size_t{0}, std::size_t{2}));
  EXPECT_EQ(calls.back(), std::make_tuple(std::string("writing"), std::size_t{2}, std::size_t{2}));
  for (std::size_t i = 1; i < calls.size(); ++i) {
    if (std::get<0>(calls[i]) == std::get<0>(calls[i - 1])) {
      EXPECT_GE(std::get<1>(calls[i]), std::get<1>(calls[i - 1]));
    }
  }
}

TEST_P(HrImportTest, AnEmployerColumnMustNameTheImportsEmployer) {
  const auto report = reports("werkgever;personeelsnummer;soort;datum\n"
                              "Bakkerij;00123;ziek;02-03-2026\n"
                              "bakkerij;00124;ziek;02-03-2026\n"
                              + std::to_string(bakery_) + ";00125;ziek;02-03-2026\n"
                              "Garage;00125;hersteld;20-03-2026\n");
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].line, 5u);
  EXPECT_EQ(report->errors[0].column, "werkgever");
  EXPECT_EQ(report->errors[0].code, "other_employer");
}

// --- Who may import ---

TEST_P(HrImportTest, TheEmployersCaseManagerMayImportAndOtherRolesMayNot) {
  const std::string file = "personeelsnummer;soort;datum\n00123;ziek;02-03-2026\n";
  const auto by_case_manager = reports(file, false, case_manager_);
  ASSERT_TRUE(by_case_manager.ok()) << by_case_manager.error().message;
  EXPECT_TRUE(by_case_manager->written);

  Actor other_case_manager{"user:3", "Garage HR", Role::case_manager};
  other_case_manager.employer_id = garage_;
  EXPECT_EQ(reports(file, false, other_case_manager).error().code, "not_found");
  Actor employer_admin{"user:4", "Beheer bakkerij", Role::administrator};
  employer_admin.employer_id = bakery_;
  EXPECT_TRUE(reports(file, true, employer_admin).ok());
  Actor garage_admin = employer_admin;
  garage_admin.employer_id = garage_;
  EXPECT_EQ(reports(file, true, garage_admin).error().code, "not_found");

  for (const Role role : {Role::line_manager, Role::company_doctor, Role::occupational_expert,
                          Role::reintegration_coach, Role::employee}) {
    Actor actor{"user:9", "Iemand", role};
    actor.employer_id = bakery_;
    const std::string before = snapshot();
    const auto refused = reports(file, false, actor);
    ASSERT_FALSE(refused.ok()) << role_name(role);
    EXPECT_EQ(refused.error().code, "forbidden") << role_name(role);
    EXPECT_EQ(import_->import_employees(actor, bakery_, kStaff, {"p.csv", false, {}}, now_)
                  .error()
                  .code,
              "forbidden");
    EXPECT_EQ(import_->held_reports(actor, bakery_).error().code, "forbidden");
    EXPECT_EQ(snapshot(), before);
  }
  EXPECT_EQ(import_->import_reports(kAdmin, 999, file, {"x.csv", false, {}}, now_).error().code,
            "not_found");
}

INSTANTIATE_TEST_SUITE_P(Backends, HrImportTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

TEST(ImportActorTest, TheFileNameWithoutFolderOrControlCharacters) {
  EXPECT_EQ(import_actor_id("/tmp/export/verzuim maart.csv"), "import:verzuim maart.csv");
  EXPECT_EQ(import_actor_id("C:\\HR\\ziek.csv"), "import:ziek.csv");
  EXPECT_EQ(import_actor_id("a\nb\x01.csv"), "import:a_b_.csv");
  EXPECT_EQ(import_actor_id(""), "import:file");
  EXPECT_EQ(import_actor_id(std::string(300, 'x')).size(), 107u);
  // Never cut inside a character: 99 bytes then a two-byte é.
  EXPECT_EQ(import_actor_id(std::string(99, 'x') + "\xC3\xA9"), "import:" + std::string(99, 'x'));
}

}  // namespace
}  // namespace spoorboek::app
