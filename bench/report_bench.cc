// The re-integratieverslag of a two-year case with 60 entries as PDF (issue 5: under 200 ms).
//
// The case is built once through the application layer on an in-memory SQLite store: a sick
// report, two problem-analysis versions, three plan-of-action versions with the employee's
// answers, progress evaluations and reintegration interviews in turn every two weeks,
// track-1 attempts, the 42nd-week report, the first-year evaluation, the start of track 2 and its
// progress reports, UWV's letter, the company doctor's current judgement, the end evaluation and
// the employee's opinion: 60 entries from 2024-11-25 to 2026-11-16, as of 2026-11-20 (week 104).
// BM_RivPdf is the requirement's figure: Documents::render() as the CLI and the page call it
// (read and fold the file as the case manager, assemble, lay out, write the PDF).
// BM_RivAssemble and BM_RivLayout split it into its two halves.
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "app/documents.h"
#include "report/pdf.h"
#include "security/field_cipher.h"
#include "store/sqlite_store.h"
#include "web/catalogue.h"

namespace {

using namespace spoorboek;

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

class TwoYearCase {
 public:
  TwoYearCase() {
    auto opened = store::SqliteStore::open(":memory:", store::SqliteStore::OpenMode::create_if_missing);
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    store_ = std::move(*opened);
    app_ = std::make_unique<app::Application>(*store_, &key_);
    if (!app_->init_database(admin_).ok()) throw std::runtime_error("init");
    const auto employer = *app_->create_employer(admin_, "Bakkerij De Korenschoof");
    const auto employee = *app_->create_employee(admin_, employer, "J. de Vries", "P-001");
    case_id_ = *app_->open_case(admin_, employee, now_);
    manager_.employer_id = employer;
    doctor_.employer_id = employer;
    build();
    if (entries_ != 60) throw std::runtime_error("expected 60 entries, made " + std::to_string(entries_));
  }

  app::Documents documents() { return app::Documents(*store_, *app_); }
  const app::Actor& manager() const { return manager_; }
  std::int64_t case_id() const { return case_id_; }
  core::Date today() const { return now_.today; }

 private:
  void add(const char* type, core::Date on, const std::string& payload) {
    add_as(admin_, type, on, payload);
  }
  void add_as(const app::Actor& actor, const char* type, core::Date on, const std::string& payload) {
    const std::string line = std::string(R"({"type":")") + type + R"(","occurred_on":")" +
                             core::format_iso_date(on) + R"(","payload":)" + payload + "}";
    auto added = app_->append_entry_json(actor, case_id_, line, now_);
    if (!added.ok()) throw std::runtime_error(std::string(type) + ": " + added.error().message);
    last_seq_ = added->seq;
    ++entries_;
  }

  std::string conversation(int n) {
    return R"({"attendees":["P. Hoekstra","J. de Vries"],"summary":"Gesprek )" + std::to_string(n) +
           R"(: de opbouw van de uren en de taken besproken; de werknemer geeft aan dat de )"
           R"(ochtenden beter gaan dan de middagen en dat de nieuwe taken passen.",)"
           R"("actions":[{"description":"Uren met twee uur per week uitbreiden","owner":"P. Hoekstra","due":")" +
           core::format_iso_date(core::add_days(day("2024-11-25"), 60 + 14 * n)) +
           R"("}],"employee_agreement":"agreed"})";
  }

  void build() {
    const core::Date first = day("2024-11-25");
    add("sick_report", first,
        R"({"expected_duration":"over_6_weeks","safety_net_applies":false,)"
        R"("work_accident":false,"third_party_liability":false})");
    add("company_doctor_report", core::add_days(first, 7), R"({"company_doctor":"M. Verbeek"})");
    add("problem_analysis", core::add_days(first, 35),
        R"({"author":"M. Verbeek","limitations":["Niet langer dan 2 uur staan","Niet tillen"],)"
        R"("possibilities":["Administratief werk","Licht werk"],"prognosis":"Herstel in maanden",)"
        R"("advice":"Start met 4 uur per dag in aangepast werk"})");
    const auto analysis = last_seq_;
    add("plan_of_action", core::add_days(first, 49),
        R"({"goal":"own_work_adapted","activities":[{"description":"Werkplek aanpassen",)"
        R"("owner":"leidinggevende","due":"2025-02-15"},{"description":"Opbouw naar 50%",)"
        R"("owner":"werknemer","due":"2025-03-31"}],"case_manager":"P. Hoekstra",)"
        R"("employee_view":"Ik wil terug naar de bakkerij","employee_agreement":"pending"})");
    auto plan = last_seq_;
    add("plan_agreement", core::add_days(first, 51),
        R"({"plan_seq":)" + std::to_string(plan) + R"(,"agreement":"agreed"})");
    int n = 0;
    // Conversations every two weeks, alternating evaluation and interview, with the steps of
    // the process between them.
    for (int week = 11; week <= 99; week += 2) {
      const core::Date on = core::add_days(first, week * 7);
      // Track 2 and the last steps take the place of a conversation.
      if (week == 55 || week == 67 || week == 79) {
        add("track_2_activity", on,
            R"({"kind":"progress_report","description":"Voortgangsrapportage spoor 2",)"
            R"("applications_count":6,"assessment":"Actief aan het solliciteren",)"
            R"("next_steps":"Twee vacatures opvolgen"})");
        continue;
      }
      if (week == 85) {
        add_as(doctor_, "current_judgement", on,
            R"({"author":"M. Verbeek","course_of_incapacity":"Langzaam herstel, stabiel sinds de zomer",)"
            R"("limitations":["Niet tillen"],"possibilities":["Licht administratief werk"],)"
            R"("prognosis":"Geen verdere verbetering verwacht","working_relationship_view":"Goed",)"
            R"("suitable_work_at_employer_view":"Geen passend werk beschikbaar"})");
        continue;
      }
      if (week == 91) {
        add("end_evaluation", on,
            R"({"nature_of_business":"Ambachtelijke bakkerij met 40 medewerkers",)"
            R"("reintegration_status":{"hours_per_week":0,"tasks":"geen","structural":false},)"
            R"("summary_track_1":"Twee pogingen, beide niet gelukt",)"
            R"("summary_track_2":"Sinds januari 2026 bij Nieuwe Koers",)"
            R"("employer_view_working_relationship":"Goed","employer_view_suitable_work":"Geen passend werk"})");
        continue;
      }
      add(n % 2 == 0 ? "progress_evaluation" : "reintegration_interview", on, conversation(n));
      ++n;
      if (week == 19) {
        add("problem_analysis", core::add_days(on, 2),
            R"({"replaces_seq":)" + std::to_string(analysis) +
                R"(,"author":"M. Verbeek","limitations":["Niet tillen"],"possibilities":["Licht werk"],)"
                R"("prognosis":"Herstel onzeker","advice":"Ander werk binnen het bedrijf zoeken"})");
        add("plan_of_action", core::add_days(on, 5),
            R"({"replaces_seq":)" + std::to_string(plan) +
                R"(,"adjustment_reason":"new_doctor_advice","goal":"other_work_internal",)"
                R"("activities":[{"description":"Proefplaatsing op kantoor","owner":"P. Hoekstra",)"
                R"("due":"2025-06-01"}],"case_manager":"P. Hoekstra","employee_agreement":"agreed"})");
        plan = last_seq_;
      } else if (week == 25) {
        add("track_1_attempt", core::add_days(on, 1),
            R"({"option":"own_job_adapted","description":"Bakken zonder tillen","outcome":"failed",)"
            R"("reason":"Te zwaar gebleken"})");
      } else if (week == 31) {
        add("track_1_attempt", core::add_days(on, 1),
            R"({"option":"other_job_internal","description":"Kantoorfunctie","outcome":"failed",)"
            R"("reason":"Geen vaste plek beschikbaar"})");
      } else if (week == 41) {
        add("uwv_42_week_report", core::add_days(on, 6), R"({})");
      } else if (week == 49) {
        add("first_year_evaluation", core::add_days(on, 1),
            R"({"track_decision":"start_track_2","reason":"Geen passend werk in de eigen organisatie",)"
            R"("on_course":false})");
        add("plan_of_action", core::add_days(on, 3),
            R"({"replaces_seq":)" + std::to_string(plan) +
                R"(,"adjustment_reason":"first_year_evaluation","goal":"work_external",)"
                R"("activities":[{"description":"Spoor 2 bij Nieuwe Koers","owner":"P. Hoekstra",)"
                R"("due":"2026-03-01"}],"case_manager":"P. Hoekstra","employee_agreement":"agreed"})");
        plan = last_seq_;
        add("track_2_decision", core::add_days(on, 5),
            R"({"start":")" + core::format_iso_date(core::add_days(on, 5)) +
                R"(","provider":"Re-integratiebureau Nieuwe Koers","reason":"Advies arbeidsdeskundige"})");
      } else if (week == 89) {
        add("uwv_wia_letter", core::add_days(on, 1), R"({})");
      }
    }
    add("employee_view", day("2026-11-16"),
        R"({"subject":"reintegration_report","view":"Ik heb mij ingezet; de opbouw liep vast op de middagen."})");
  }

  app::Actor admin_{"admin", "Beheerder", app::Role::administrator};
  app::Actor manager_{"user:1", "P. Hoekstra", app::Role::case_manager};
  app::Actor doctor_{"user:2", "M. Verbeek", app::Role::company_doctor};
  app::Moment now_{day("2026-11-20"), "2026-11-20T09:00:00Z", 1795165200};
  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<app::Application> app_;
  std::int64_t case_id_ = 0;
  std::int64_t last_seq_ = 0;
  int entries_ = 0;
};

TwoYearCase& two_year_case() {
  static TwoYearCase instance;
  return instance;
}

app::DocumentWords dutch() {
  return {core::Language::nl, [](std::string_view key) {
            return std::string(web::Catalogue::instance().text(core::Language::nl, key));
          }};
}

// Page objects of a cairo PDF ("/Type /Page", not the "/Type /Pages" tree).
std::size_t page_count(const std::string& pdf) {
  std::size_t count = 0;
  const std::string tag = "/Type /Page";
  for (auto at = pdf.find(tag); at != std::string::npos; at = pdf.find(tag, at + tag.size())) {
    if (at + tag.size() < pdf.size() && pdf[at + tag.size()] != 's') ++count;
  }
  return count;
}

void BM_RivPdf(benchmark::State& state) {
  auto& c = two_year_case();
  auto documents = c.documents();
  const auto words = dutch();
  std::size_t bytes = 0;
  std::size_t pages = 0;
  for (auto _ : state) {
    auto pdf = documents.render(c.manager(), c.case_id(), app::DocumentKind::riv, c.today(), words);
    if (!pdf.ok()) state.SkipWithError(pdf.error().message.c_str());
    bytes = pdf.ok() ? pdf->pdf.size() : 0;
    pages = pdf.ok() ? page_count(pdf->pdf) : 0;
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
  state.counters["pages"] = static_cast<double>(pages);
}
BENCHMARK(BM_RivPdf)->Unit(benchmark::kMillisecond);

void BM_RivAssemble(benchmark::State& state) {
  auto& c = two_year_case();
  auto documents = c.documents();
  const auto words = dutch();
  for (auto _ : state) {
    auto document =
        documents.assemble(c.manager(), c.case_id(), app::DocumentKind::riv, c.today(), words);
    if (!document.ok()) state.SkipWithError(document.error().message.c_str());
    benchmark::DoNotOptimize(document);
  }
}
BENCHMARK(BM_RivAssemble)->Unit(benchmark::kMillisecond);

void BM_RivLayout(benchmark::State& state) {
  auto& c = two_year_case();
  auto documents = c.documents();
  const auto document =
      documents.assemble(c.manager(), c.case_id(), app::DocumentKind::riv, c.today(), dutch());
  if (!document.ok()) {
    state.SkipWithError(document.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    auto pdf = report::render_pdf(*document);
    benchmark::DoNotOptimize(pdf);
  }
}
BENCHMARK(BM_RivLayout)->Unit(benchmark::kMillisecond);

}  // namespace
