// The documents of a case file over a real SQLite store, read back with pdftotext: every required
// section in order for each kind, Dutch by default and English on request, corrections applied,
// the GP pack only for the employee and the company doctor, bad requests refused. And the privacy
// rule: a marker put into every medical part (and a MEDICAL-class entry) never appears in the
// employer's documents, whoever makes them, while the employee's GP pack does carry it.
#include "app/documents.h"

#include <gtest/gtest.h>

#include "core/riv_check.h"
#include "report/pdf.h"
#include "security/field_cipher.h"
#include "store/sqlite_store.h"
#include "tests/report/pdf_text.h"
#include "web/catalogue.h"

namespace spoorboek::app {
namespace {

using report::testing::first_out_of_order;
using report::testing::pdf_text;

constexpr const char* kMarker = "MEDISCH-GEHEIM-7F3A";

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

std::string medical() { return std::string(R"("medical":{"note":")") + kMarker + R"("})"; }

DocumentWords words_in(core::Language language) {
  return DocumentWords{language, [language](std::string_view key) {
                         return std::string(web::Catalogue::instance().text(language, key));
                       }};
}

class DocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened =
        store::SqliteStore::open(":memory:", store::SqliteStore::OpenMode::create_if_missing);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(*opened);
    app_ = std::make_unique<Application>(*store_, &key_);
    ASSERT_TRUE(app_->init_database(admin_).ok());
    employer_ = *app_->create_employer(admin_, "Bakkerij De Korenschoof");
    employee_ = *app_->create_employee(admin_, employer_, "J. de Vries", "P-001");
    other_employee_ = *app_->create_employee(admin_, employer_, "A. Jansen", "P-002");
    doctor_ = user("arts@test", "M. Verbeek", Role::company_doctor);
    manager_ = user("cm@test", "P. Hoekstra", Role::case_manager);
    worker_ = user("jdv@test", "J. de Vries", Role::employee);
    worker_.employee_id = employee_;
    case_ = *app_->open_case(admin_, employee_, now_);
    build_file();
  }

  Actor user(const char* email, const char* name, Role role) {
    store::UserRecord record;
    record.email = email;
    record.display_name = name;
    record.password_hash = "unused";
    record.employer_id = employer_;
    record.roles = {std::string(role_name(role))};
    record.created_at = now_.timestamp;
    const auto id = store_->create_user(record);
    EXPECT_TRUE(id.ok());
    Actor actor{"user:" + std::to_string(*id), name, role};
    actor.account_id = *id;
    actor.employer_id = employer_;
    return actor;
  }

  void append(const Actor& actor, const char* type, const char* date, const std::string& payload) {
    const std::string line = std::string(R"({"type":")") + type + R"(","occurred_on":")" + date +
                             R"(","payload":)" + payload + "}";
    const auto added = app_->append_entry_json(actor, case_, line, now_);
    ASSERT_TRUE(added.ok()) << type << ": " << added.error().field << ": "
                            << added.error().message;
  }

  // A file of fourteen months: two versions of the problem analysis and of the plan, their
  // agreement, conversations, two failed track-1 attempts, the first-year evaluation, the
  // employee's view, a correction. Every entry that can carry a medical part carries the marker.
  void build_file() {
    append(manager_, "sick_report", "2025-01-06",
           R"({"expected_duration":"over_6_weeks","safety_net_applies":false,)"
           R"("work_accident":false,"third_party_liability":false})");
    append(manager_, "company_doctor_report", "2025-01-20", R"({"company_doctor":"M. Verbeek"})");
    append(doctor_, "problem_analysis", "2025-02-10",
           R"({"author":"M. Verbeek","limitations":["Niet langer dan 2 uur staan"],)"
           R"("possibilities":["Administratief werk"],"prognosis":"Herstel in maanden",)"
           R"("advice":"Start met 4 uur per dag",)" + medical() + "}");
    append(manager_, "plan_of_action", "2025-02-20",
           R"({"goal":"own_work_adapted","activities":[{"description":"Werkplek aanpassen",)"
           R"("owner":"leidinggevende","due":"2025-03-15"}],"case_manager":"P. Hoekstra",)"
           R"("employee_view":"Ik wil terug naar de bakkerij","employee_agreement":"pending"})");
    append(worker_, "plan_agreement", "2025-02-22",
           R"({"plan_seq":4,"agreement":"agreed_with_remarks","remarks":"Graag eerst ochtenden",)" +
               medical() + "}");
    append(doctor_, "reintegration_interview", "2025-03-10",
           R"({"attendees":["M. Verbeek","J. de Vries"],"summary":"Eerste gesprek over opbouw",)"
           R"("employee_agreement":"agreed",)" + medical() + "}");
    append(manager_, "progress_evaluation", "2025-04-20",
           R"({"attendees":["P. Hoekstra","J. de Vries"],"summary":"Opbouw loopt achter",)"
           R"("actions":[{"description":"Gesprek met arbeidsdeskundige","owner":"P. Hoekstra",)"
           R"("due":"2025-05-15"}],"employee_agreement":"agreed","next_evaluation_on":"2025-06-01"})");
    append(doctor_, "problem_analysis", "2025-06-01",
           R"({"replaces_seq":3,"author":"M. Verbeek","limitations":["Niet tillen"],)"
           R"("possibilities":["Licht werk"],"prognosis":"Herstel onzeker",)"
           R"("advice":"Ander werk zoeken",)" + medical() + "}");
    append(manager_, "plan_of_action", "2025-06-10",
           R"({"replaces_seq":4,"adjustment_reason":"new_doctor_advice","goal":"other_work_internal",)"
           R"("activities":[{"description":"Proefplaatsing op kantoor","owner":"P. Hoekstra",)"
           R"("due":"2025-08-01"}],"case_manager":"P. Hoekstra","employee_agreement":"agreed"})");
    append(manager_, "track_1_attempt", "2025-07-01",
           R"({"option":"own_job_adapted","description":"Bakken zonder tillen",)"
           R"("outcome":"failed","reason":"Te zwaar gebleken"})");
    append(manager_, "track_1_attempt", "2025-09-01",
           R"({"option":"other_job_internal","description":"Kantoorfunctie",)"
           R"("outcome":"failed","reason":"Geen vaste plek beschikbaar"})");
    append(manager_, "uwv_42_week_report", "2025-10-20", R"({})");
    append(manager_, "first_year_evaluation", "2025-12-15",
           R"({"track_decision":"start_track_2","reason":"Geen passend werk in de eigen organisatie",)"
           R"("on_course":false})");
    append(doctor_, "progress_evaluation", "2026-01-20",
           R"({"attendees":["M. Verbeek"],"summary":"Spoor 2 voorbereid",)"
           R"("employee_agreement":"agreed",)" + medical() + "}");
    append(worker_, "employee_view", "2026-02-01",
           R"({"subject":"reintegration","view":"Ik sta open voor ander werk",)" + medical() + "}");
    append(doctor_, "safety_net", "2026-02-02", R"({"kind":"no_risk",)" + medical() + "}");
    // The second analysis is corrected: its prognosis as it should have read.
    append(doctor_, "correction", "2026-02-10",
           R"({"corrects_seq":8,"reason":"Prognose verkeerd overgenomen","new_payload":)"
           R"({"replaces_seq":3,"author":"M. Verbeek","limitations":["Niet tillen"],)"
           R"("possibilities":["Licht werk"],"prognosis":"Herstel binnen een jaar, gecorrigeerd",)"
           R"("advice":"Ander werk zoeken"},)" + medical() + "}");
    // The second year: track 2, the GP conversation (MEDICAL as a whole), the company doctor's
    // current judgement, the end evaluation and the employee's opinion on the report.
    append(manager_, "track_2_decision", "2026-01-05",
           R"({"start":"2026-01-05","provider":"Re-integratiebureau Nieuwe Koers",)"
           R"("reason":"Geen passend werk in de eigen organisatie"})");
    append(doctor_, "gp_conversation", "2026-01-25",
           std::string(R"({"attendees":["J. de Vries","huisarts"],"medical":{"gp_position":")") +
               kMarker + R"(","next_step":")" + kMarker + R"("}})");
    append(doctor_, "current_judgement", "2026-02-15",
           R"({"author":"M. Verbeek","course_of_incapacity":"Stabiel sinds de zomer",)"
           R"("limitations":["Niet tillen"],"possibilities":["Licht werk"],)"
           R"("prognosis":"Geen verbetering verwacht","working_relationship_view":"Goed volgens de arts",)"
           R"("suitable_work_at_employer_view":"Geen passend werk volgens de arts",)" + medical() + "}");
    append(manager_, "end_evaluation", "2026-02-20",
           R"({"nature_of_business":"Ambachtelijke bakkerij met 40 medewerkers",)"
           R"("reintegration_status":{"hours_per_week":0,"tasks":"geen","structural":false},)"
           R"("summary_track_1":"Twee pogingen, beide niet gelukt",)"
           R"("employer_view_working_relationship":"Goed volgens de werkgever",)"
           R"("employer_view_suitable_work":"Geen passend werk volgens de werkgever"})");
    append(worker_, "employee_view", "2026-02-25",
           R"({"subject":"reintegration_report","view":"Ik heb mij steeds ingezet",)" + medical() +
               "}");
  }

  Result<RenderedDocument> render(const Actor& actor, DocumentKind kind,
                                  core::Language language = core::Language::nl) {
    Documents documents(*store_, *app_);
    return documents.render(actor, case_, kind, now_.today, words_in(language));
  }

  std::string text_of(const Actor& actor, DocumentKind kind,
                      core::Language language = core::Language::nl) {
    auto rendered = render(actor, kind, language);
    EXPECT_TRUE(rendered.ok()) << document_kind_name(kind) << ": " << rendered.error().message;
    if (!rendered.ok()) return "";
    EXPECT_TRUE(rendered->pdf.starts_with("%PDF-"));
    return pdf_text(rendered->pdf);
  }

  Actor admin_{"admin", "Beheerder", Role::administrator};
  Moment now_{day("2026-03-02"), "2026-03-02T09:00:00Z", 1772442000};
  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<Application> app_;
  std::int64_t employer_ = 0, employee_ = 0, other_employee_ = 0, case_ = 0;
  Actor doctor_, manager_, worker_;
};

// The identity block every document opens with.
const std::vector<std::string> kIdentity = {"Werknemer", "J. de Vries", "Personeelsnummer",
                                            "P-001", "Bakkerij De Korenschoof", "Dossiernummer",
                                            "Eerste ziektedag", "6 januari 2025", "Ziekteweek",
                                            "Bedrijfsarts", "M. Verbeek", "Casemanager",
                                            "P. Hoekstra", "Opgesteld op", "2 maart 2026"};

std::vector<std::string> with_identity(const std::string& title, std::vector<std::string> rest) {
  std::vector<std::string> all{title};
  all.insert(all.end(), kIdentity.begin(), kIdentity.end());
  all.insert(all.end(), rest.begin(), rest.end());
  return all;
}

TEST_F(DocumentsTest, ThePlanOfActionHasItsCurrentVersionTheHistoryAndEveryEarlierVersion) {
  const std::string text = text_of(manager_, DocumentKind::plan);
  EXPECT_EQ(first_out_of_order(
                text, with_identity(
                          "Plan van Aanpak",
                          {"Het geldende plan (versie 2)", "2 van 2", "10 juni 2025",
                           "P. Hoekstra (Casemanager)", "Gebaseerd op de", "1 juni 2025",
                           "nieuw advies van de bedrijfsarts", "ander werk bij de eigen werkgever",
                           "Activiteiten", "Proefplaatsing op kantoor", "1 augustus 2025",
                           "Versiegeschiedenis", "eerste plan", "bijstelling", "Eerdere versies",
                           "Versie 1 van 20 februari 2025", "eigen werk, aangepast",
                           "Ik wil terug naar de bakkerij",
                           "akkoord met opmerkingen (22 februari 2025)", "Graag eerst ochtenden",
                           "Werkplek aanpassen", "Ondertekening", "Namens de werkgever",
                           "De werknemer", "Handtekening"})),
            "");
}

TEST_F(DocumentsTest, TheConversationReportsAreEveryConversationInDateOrder) {
  const std::string text = text_of(manager_, DocumentKind::conversation);
  EXPECT_EQ(first_out_of_order(
                text, with_identity("Gespreksverslagen",
                                    {"Re-integratiegesprek van 10 maart 2025",
                                     "M. Verbeek (Bedrijfsarts)", "Eerste gesprek over opbouw",
                                     "Voortgangsevaluatie van 20 april 2025", "Opbouw loopt achter",
                                     "Volgende evaluatie", "1 juni 2025", "Actiepunten",
                                     "Gesprek met arbeidsdeskundige",
                                     "Voortgangsevaluatie van 20 januari 2026",
                                     "Spoor 2 voorbereid", "Ondertekening"})),
            "");
}

TEST_F(DocumentsTest, TheFirstYearEvaluationHasTheDecisionThePlanAndTheTrackOneAttempts) {
  const std::string text = text_of(manager_, DocumentKind::first_year_evaluation);
  EXPECT_EQ(first_out_of_order(
                text, with_identity("Eerstejaarsevaluatie",
                                    {"15 december 2025", "starten met spoor 2",
                                     "Geen passend werk in de eigen organisatie", "nee",
                                     "Voortgang ten opzichte van het Plan van Aanpak",
                                     "Proefplaatsing op kantoor", "Spoor 1: werk in de eigen",
                                     "Bakken zonder tillen", "niet gelukt", "Te zwaar gebleken",
                                     "Kantoorfunctie", "Geen vaste plek beschikbaar",
                                     "Gesprekken", "Ondertekening"})),
            "");
}

TEST_F(DocumentsTest, TheGpPackHasTheAdviceTheHistoryThePlanAndTheTimeline) {
  const std::string text = text_of(worker_, DocumentKind::gp_pack);
  EXPECT_EQ(first_out_of_order(
                text, with_identity(
                          "Voorbereiding op het gesprek met de huisarts",
                          {"Waarom dit document", "Het laatste advies van de bedrijfsarts",
                           "Niet tillen", "Licht werk", "Herstel binnen een jaar, gecorrigeerd",
                           "Ander werk zoeken", "Medisch deel", kMarker,
                           "Het verloop van de re-integratie", "Spoor 1: werk in de eigen",
                           "Bakken zonder tillen", "Te zwaar gebleken", "Kantoorfunctie",
                           "Gesprekken", "Opbouw loopt achter", "Eerstejaarsevaluatie",
                           "starten met spoor 2", "Eerdere gesprekken met de huisarts",
                           "Gesprek met de huisarts van 25 januari 2026", "huisarts", kMarker,
                           "Probleemanalyse en Plan van Aanpak",
                           "Versies van de probleemanalyse", "10 februari 2025", "1 juni 2025",
                           "Proefplaatsing op kantoor", "Tijdlijn", "Weken ziek",
                           "gehouden op 15 december 2025", "42e-weeksmelding",
                           "Na het gesprek vastleggen", "standpunt van de huisarts",
                           "Medische overwegingen", "volgende stap", "Ondertekening"})),
            "");
}

// "f. Probleemanalyse en bijstellingen": the element's letter and its name from the core.
std::string element_heading(core::RivElement element, core::Language language = core::Language::nl) {
  return std::string(core::riv_element_letter(element)) + ". " +
         std::string(core::riv_element_name(element, language));
}

TEST_F(DocumentsTest, TheRivHasElementsAToLInTheUwvOrderWithContentsAndTheFinalHash) {
  using core::RivElement;
  const std::string text = text_of(manager_, DocumentKind::riv);
  const auto file = app_->get_case_file(manager_, case_, now_.today);
  ASSERT_TRUE(file.ok());
  const std::string final_hash = file->entries.back().hash;
  ASSERT_EQ(final_hash.size(), 64u);

  // The table of contents lists every element in order, then the attachments and the audit.
  std::vector<std::string> contents{"Re-integratieverslag", "BSN", "Inhoud", "Over dit verslag"};
  for (std::size_t e = 0; e < core::kRivElementCount; ++e) {
    const auto element = static_cast<RivElement>(e);
    if (element != RivElement::medical_information) contents.push_back(element_heading(element));
  }
  contents.insert(contents.end(), {"Bijlagen", "Verantwoording"});
  EXPECT_EQ(first_out_of_order(text, contents), "");

  // The chapters follow in the same order, each with what the file holds for it.
  const std::vector<std::string> body = {
      "Over dit verslag", "De medische informatie maakt geen deel uit van dit verslag",
      element_heading(RivElement::a_administrative_data), "J. de Vries", "P-001", "BSN",
      "Bakkerij De Korenschoof", "M. Verbeek",
      element_heading(RivElement::b_nature_of_business), "Ambachtelijke bakkerij met 40 medewerkers",
      element_heading(RivElement::c_function), "Spoorboek legt dit onderdeel niet vast",
      element_heading(RivElement::d_competences), "Spoorboek legt dit onderdeel niet vast",
      element_heading(RivElement::e_first_sick_day), "6 januari 2025",
      element_heading(RivElement::f_problem_analysis), "Probleemanalyse van 10 februari 2025",
      "Herstel in maanden", "Probleemanalyse van 1 juni 2025", "Herstel binnen een jaar, gecorrigeerd",
      element_heading(RivElement::g_plan_of_action), "Versiegeschiedenis", "Werkplek aanpassen",
      "Proefplaatsing op kantoor",
      element_heading(RivElement::h_evaluations), "Eerstejaarsevaluatie van 15 december 2025",
      "starten met spoor 2", "Twee pogingen, beide niet gelukt",
      element_heading(RivElement::i_working_relationship), "Goed volgens de arts",
      "Goed volgens de werkgever",
      element_heading(RivElement::j_current_judgement), "Stabiel sinds de zomer",
      "Geen verbetering verwacht",
      element_heading(RivElement::k_suitable_work), "Geen passend werk volgens de arts",
      "Geen passend werk volgens de werkgever",
      element_heading(RivElement::l_employee_opinion), "Ik heb mij steeds ingezet",
      "Bijlagen", "Opbouw loopt achter", "Bakken zonder tillen", "Re-integratiebureau Nieuwe Koers",
      "Verantwoording", "Laatste hash van de auditketen", final_hash,
      "Ondertekening", "Namens de werkgever", "De werknemer", "De bedrijfsarts"};
  const auto after_contents = text.find("Over dit verslag", text.find("Over dit verslag") + 1);
  ASSERT_NE(after_contents, std::string::npos);
  EXPECT_EQ(first_out_of_order(std::string_view(text).substr(after_contents), body), "");
  // Elements i and k show their answer only: the end evaluation's own fields are in h and b.
  const auto element_i = text.find(element_heading(RivElement::i_working_relationship),
                                   after_contents);
  const auto element_j = text.find(element_heading(RivElement::j_current_judgement), element_i);
  EXPECT_EQ(text.substr(element_i, element_j - element_i).find("Ambachtelijke"), std::string::npos);
}

TEST_F(DocumentsTest, TheRivInEnglishNamesTheElementsTheCoresWay) {
  const std::string text = text_of(manager_, DocumentKind::riv, core::Language::en);
  EXPECT_EQ(first_out_of_order(text, {"Reintegration report (Re-integratieverslag)", "Contents",
                                      element_heading(core::RivElement::a_administrative_data,
                                                      core::Language::en),
                                      element_heading(core::RivElement::l_employee_opinion,
                                                      core::Language::en),
                                      "Audit", "Final hash of the audit chain", "Signatures"}),
            "");
}

TEST_F(DocumentsTest, EnglishOnRequest) {
  const std::string text = text_of(manager_, DocumentKind::plan, core::Language::en);
  EXPECT_EQ(first_out_of_order(text, {"Plan of action (Plan van Aanpak)", "Employee",
                                      "First day of sickness", "6 January 2025",
                                      "The current plan (version 2)", "Version history",
                                      "Signatures"}),
            "");
  EXPECT_NE(text.find("Page 1 of"), std::string::npos);
  EXPECT_EQ(text.find("Werknemer"), std::string::npos);
}

TEST_F(DocumentsTest, NoMedicalMarkerEverAppearsInAnEmployerDocumentWhoeverMakesIt) {
  int documents = 0;
  for (const Actor* actor : {&manager_, &doctor_, &worker_, &admin_}) {
    for (const auto kind : kDocumentKinds) {
      if (kind == DocumentKind::gp_pack) continue;
      auto rendered = render(*actor, kind);
      ASSERT_TRUE(rendered.ok()) << document_kind_name(kind) << ": " << rendered.error().message;
      const std::string text = pdf_text(rendered->pdf);
      ASSERT_FALSE(text.empty());
      EXPECT_EQ(text.find(kMarker), std::string::npos)
          << document_kind_name(kind) << " made by " << actor->display_name;
      // Nor the MEDICAL-class entries: which safety net applies (that one applies is the
      // employer's to know), the conversation with the GP.
      EXPECT_EQ(text.find("no-risk"), std::string::npos) << document_kind_name(kind);
      EXPECT_EQ(text.find("Vangnetsituatie"), std::string::npos) << document_kind_name(kind);
      EXPECT_EQ(text.find("huisarts"), std::string::npos) << document_kind_name(kind);
      ++documents;
    }
  }
  EXPECT_EQ(documents, 16);
  // The marker is in the file and readable where it belongs: the employee's and the doctor's
  // GP pack carry it.
  EXPECT_NE(text_of(worker_, DocumentKind::gp_pack).find(kMarker), std::string::npos);
  EXPECT_NE(text_of(doctor_, DocumentKind::gp_pack).find(kMarker), std::string::npos);
}

TEST_F(DocumentsTest, EveryTextComesFromTheCatalogue) {
  for (const auto language : {core::Language::nl, core::Language::en}) {
    for (const auto kind : kDocumentKinds) {
      auto rendered = render(kind == DocumentKind::gp_pack ? worker_ : manager_, kind, language);
      ASSERT_TRUE(rendered.ok()) << document_kind_name(kind);
      const std::string text = pdf_text(rendered->pdf);
      for (const char* prefix : {"document.", "case.field.", "case.value.", "role.", "milestone."}) {
        EXPECT_EQ(text.find(prefix), std::string::npos)
            << document_kind_name(kind) << " holds a raw key " << prefix;
      }
    }
  }
}

TEST_F(DocumentsTest, CorrectionsAreAppliedAndVoidedEntriesLeftOut) {
  append(manager_, "correction", "2026-02-20",
         R"({"corrects_seq":11,"reason":"Dubbel vastgelegd","void":true})");
  const std::string text = text_of(manager_, DocumentKind::first_year_evaluation);
  EXPECT_NE(text.find("Bakken zonder tillen"), std::string::npos);
  EXPECT_EQ(text.find("Kantoorfunctie"), std::string::npos);
  const std::string pack = text_of(worker_, DocumentKind::gp_pack);
  EXPECT_NE(pack.find("jaar, gecorrigeerd"), std::string::npos);
  EXPECT_EQ(pack.find("Herstel onzeker"), std::string::npos);
}

TEST_F(DocumentsTest, TheGpPackIsOnlyForTheEmployeeAndTheCompanyDoctor) {
  for (const Actor* actor : {&manager_, &admin_}) {
    const auto refused = render(*actor, DocumentKind::gp_pack);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "forbidden");
    EXPECT_EQ(refused.error().field, "document");
  }
}

TEST_F(DocumentsTest, ACaseTheActorDoesNotReachAnswersAsOneThatDoesNotExist) {
  Actor stranger{"user:999", "A. Jansen", Role::employee};
  stranger.employer_id = employer_;
  stranger.employee_id = other_employee_;
  Documents documents(*store_, *app_);
  const auto words = words_in(core::Language::nl);
  const auto unseen = documents.render(stranger, case_, DocumentKind::plan, now_.today, words);
  ASSERT_FALSE(unseen.ok());
  EXPECT_EQ(unseen.error().code, "not_found");
  const auto missing = documents.render(manager_, 4242, DocumentKind::plan, now_.today, words);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "not_found");
}

TEST_F(DocumentsTest, ADocumentWhoseSubjectTheFileLacksIsRefusedAndNotOffered) {
  const auto fresh = *app_->open_case(admin_, other_employee_, now_);
  Documents documents(*store_, *app_);
  const auto refused =
      documents.render(manager_, fresh, DocumentKind::plan, now_.today, words_in(core::Language::nl));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "not_found");
  EXPECT_EQ(refused.error().field, "document");
  const auto file = app_->get_case_file(manager_, fresh, now_.today);
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(available_documents(*file).empty());
  const auto full = app_->get_case_file(manager_, case_, now_.today);
  ASSERT_TRUE(full.ok());
  const auto offered = available_documents(*full);
  EXPECT_NE(std::find(offered.begin(), offered.end(), DocumentKind::plan), offered.end());
  // The case manager reads no medical data, so the GP pack is not offered to them.
  EXPECT_EQ(std::find(offered.begin(), offered.end(), DocumentKind::gp_pack), offered.end());
}

TEST(DocumentKinds, NamesRoundTripAndUnknownNamesAreNone) {
  for (const auto kind : kDocumentKinds) {
    EXPECT_EQ(document_kind_from_name(document_kind_name(kind)), kind);
  }
  EXPECT_FALSE(document_kind_from_name("medical").has_value());
  EXPECT_FALSE(document_kind_from_name("").has_value());
}

}  // namespace
}  // namespace spoorboek::app
