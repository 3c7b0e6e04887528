#include "app/demo_scale_plan.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string_view>

#include "app/prepare_append.h"
#include "core/case_file_fold.h"
#include "core/entry_hash.h"

namespace spoorboek::app::detail {
namespace {

using core::add_days;
using core::Date;
using core::EntryType;

// Each employee's own stream, so that any employee can be planned without the ones before it.
std::uint64_t employee_seed(std::uint64_t seed, std::int64_t index) {
  DemoRandom mix(seed ^ (0xd1b54a32d192ed03ULL * static_cast<std::uint64_t>(index + 1)));
  return mix.next();
}

constexpr std::uint64_t kEmployerSizesStream = 0x5ca1ab1e5ca1ab1eULL;

constexpr std::array<std::string_view, 16> kTrades{
    "Bakkerij",        "Bouwbedrijf",        "Zorggroep",        "Transportbedrijf",
    "Installatiebedrijf", "Schoonmaakbedrijf", "Accountantskantoor", "Hoveniersbedrijf",
    "Drukkerij",       "Supermarkt",         "Garagebedrijf",    "Thuiszorg",
    "Kinderopvang",    "Metaalbewerking",    "Reisbureau",       "Logistiek"};

// The home employer keeps the small demo's name; the others are a trade and a family name, with a
// number once the combinations run out.
std::string employer_name(std::int64_t ordinal) {
  if (ordinal == 0) return "Zorggroep Amstelland";
  const auto n = static_cast<std::size_t>(ordinal - 1);
  std::string name = std::string(kTrades[n % kTrades.size()]) + " " +
                     std::string(kLastNames[(n / kTrades.size()) % kLastNames.size()]);
  const std::size_t combinations = kTrades.size() * kLastNames.size();
  if (n >= combinations) name += " " + std::to_string(n / combinations + 1);
  return name;
}

// Most employers are small, a few very large (CBS: most Dutch firms have fewer than 10 people).
std::int64_t employer_size(DemoRandom& random) {
  const long band = random.between(1, 1000);
  if (band <= 550) return random.between(1, 9);
  if (band <= 850) return random.between(10, 49);
  if (band <= 970) return random.between(50, 249);
  if (band <= 997) return random.between(250, 2499);
  return random.between(2500, 25000);
}

// --- Payloads of the entries the small demo does not write -----------------------------------

constexpr std::array<std::string_view, 8> kConversationSummaries{
    "Opbouw loopt volgens plan, volgende stap meer uren",
    "Werkt nu vier ochtenden, taken in overleg aangepast",
    "Afspraken over de opbouw gemaakt en vastgelegd",
    "De opbouw stagneert, terugkoppeling aan de bedrijfsarts gevraagd",
    "Gesprek over passend werk bij een andere afdeling",
    "Werkplekaanpassing besproken, bestelling loopt",
    "Contact verloopt goed, werknemer denkt actief mee",
    "Afgesproken om de uren over twee weken te evalueren"};

// Every random draw is a statement of its own: the operands of + are evaluated in no fixed order,
// and the same seed must give the same demo with every compiler.
std::string interview_payload(DemoRandom& random, Date on) {
  const std::string_view summary = random.pick(kConversationSummaries);
  const bool agreed = random.chance(90);
  std::string payload = R"({"attendees":["werknemer","leidinggevende"],"summary":")" +
                        std::string(summary) + R"(","employee_agreement":")" +
                        (agreed ? "agreed" : "agreed_with_remarks") + "\"";
  if (random.chance(50)) {
    payload += R"(,"actions":[{"description":"Uren met een dagdeel uitbreiden","owner":"werknemer",)"
               R"("due":)" + date_json(add_days(on, 14)) + "}]";
  }
  return payload + "}";
}

std::string agreement_payload(DemoRandom& random, std::int64_t plan_seq) {
  std::string payload = R"({"plan_seq":)" + std::to_string(plan_seq);
  if (random.chance(85)) return payload + R"(,"agreement":"agreed"})";
  return payload + R"(,"agreement":"agreed_with_remarks","remarks":"Wil de opbouw in kleinere )"
                   R"(stappen dan voorgesteld"})";
}

std::string track_1_payload(DemoRandom& random) {
  switch (random.between(1, 4)) {
    case 1:
      return R"({"option":"own_job_adapted","description":"Eigen werk zonder de zware taken",)"
             R"("outcome":"failed","reason":"De aangepaste taken bleken toch te zwaar"})";
    case 2:
      return R"({"option":"other_job_internal","description":"Functie bij de receptie",)"
             R"("outcome":"rejected_by_employer","reason":"Geen vacature op de afdeling"})";
    case 3:
      return R"({"option":"own_job_partial","description":"Eigen werk, 20 uur per week",)"
             R"("outcome":"partial"})";
    default:
      return R"({"option":"own_job_partial","description":"Eigen werk, ochtenden",)"
             R"("outcome":"ongoing"})";
  }
}

std::string expert_report_payload(bool track_2) {
  return std::string(R"({"author":"R. Smit, arbeidsdeskundige","question":"Welk werk is passend )"
                     R"(binnen en buiten de eigen organisatie?","own_job_possible":")") +
         (track_2 ? "no" : "partly") +
         R"(","own_job_adaptable":"partly","external_directions":["Administratief medewerker",)"
         R"("Klantenservice"],"conclusion_track":")" +
         (track_2 ? "track_2" : "track_1") +
         R"(","advice":"Passend werk zoeken in de richtingen hierboven"})";
}

std::string track_2_payload(DemoRandom& random, std::string_view kind) {
  if (kind == "application") {
    static constexpr std::array<std::string_view, 6> kEmployers{
        "Gemeente Zaanstad", "Albert Heijn", "PostNL", "Coolblue", "Rabobank", "Stichting Humanitas"};
    static constexpr std::array<std::string_view, 4> kPositions{
        "Administratief medewerker", "Medewerker klantenservice", "Receptionist",
        "Planner"};
    const std::string_view employer = random.pick(kEmployers);
    const std::string_view position = random.pick(kPositions);
    return R"({"kind":"application","description":"Sollicitatie verstuurd","employer_name":")" +
           std::string(employer) + R"(","position":")" + std::string(position) +
           R"(","fits_search_profile":true})";
  }
  if (kind == "progress_report") {
    return R"({"kind":"progress_report","description":"Voortgangsrapportage spoor 2",)"
           R"("applications_count":)" + std::to_string(random.between(0, 12)) +
           R"(,"assessment":"Werknemer solliciteert actief en gericht","next_steps":)"
           R"("Netwerkgesprekken en twee sollicitaties per maand"})";
  }
  if (kind == "intake") {
    return R"({"kind":"intake","description":"Intakegesprek met de re-integratiecoach"})";
  }
  if (kind == "person_profile") {
    return R"({"kind":"person_profile","description":"Persoonsprofiel opgesteld"})";
  }
  if (kind == "search_profile") {
    return R"({"kind":"search_profile","description":"Zoekprofiel: administratief werk in de regio"})";
  }
  if (kind == "training") {
    return R"({"kind":"training","description":"Training sollicitatievaardigheden"})";
  }
  return R"({"kind":"coaching","description":"Coachingsgesprek over de zoekrichting"})";
}

constexpr std::string_view kCurrentJudgement =
    R"({"author":"M. Verbeek, bedrijfsarts","course_of_incapacity":"Langzaam herstel, )"
    R"(belastbaarheid beperkt gebleven","limitations":["Niet langer dan 4 uur per dag"],)"
    R"("possibilities":["Licht administratief werk"],"prognosis":"Geen verbetering van betekenis )"
    R"(verwacht","suitable_work_at_employer_view":"Geen passend werk bij de eigen werkgever"})";

constexpr std::string_view kEndEvaluation =
    R"({"nature_of_business":"Dienstverlening","reintegration_status":{"hours_per_week":8,)"
    R"("tasks":"Lichte administratieve taken","structural":false},"summary_track_1":"Eigen )"
    R"(werk aangepast geprobeerd, niet duurzaam","summary_track_2":"Bemiddeling naar )"
    R"(administratief werk loopt","employer_view_working_relationship":"Goed",)"
    R"("employer_view_suitable_work":"Niet beschikbaar binnen de organisatie"})";

constexpr std::string_view kEmployeeView =
    R"({"subject":"reintegration_report","view":"Ik herken mij in het verslag"})";

// The seq the last entry of `type` has in the script as it is now ordered (0 when absent).
std::int64_t seq_of_last(const CaseScript& s, EntryType type) {
  const auto& entries = s.entries();
  for (std::size_t i = entries.size(); i > 0; --i) {
    if (entries[i - 1].type == type) return static_cast<std::int64_t>(i);
  }
  return 0;
}

struct FileOptions {
  ProcessOptions process;
  bool adjust_plan = false;      // a bijstelling at the first-year evaluation
  bool employment_end = false;   // employment ends some weeks after the 104 weeks
};

// A file as thorough as a careful employer keeps it: run_process's steps, then the conversations,
// attempts, reports and track-2 activities around them, and the employee's agreement with the
// plan. Everything up to s.until(); sorted afterwards.
void run_full_file(CaseScript& s, DemoRandom& random, const FileOptions& o) {
  run_process(s, random, o.process);
  const Date end = s.sick_day(728);
  if (const DemoEntry* analysis = s.find(EntryType::problem_analysis)) {
    for (Date on = add_days(analysis->occurred_on, random.between(7, 21)); on <= end;
         on = add_days(on, random.between(14, 35))) {
      if (!s.add(EntryType::reintegration_interview, on, interview_payload(random, on))) break;
    }
  }
  if (const DemoEntry* partial = s.find(EntryType::partial_work); partial && random.chance(60)) {
    // The hours grow: a second and a third step of partial work, while still sick.
    long percentage = 40;
    Date on = partial->occurred_on;
    for (int step = 0; step < 2; ++step) {
      on = add_days(on, random.between(28, 56));
      percentage = std::min(90L, percentage + random.between(1, 2) * 10);
      s.add(EntryType::partial_work, on,
            R"({"percentage":)" + std::to_string(percentage) + R"(,"kind":"own_work"})");
    }
  }
  const DemoEntry* plan = s.find(EntryType::plan_of_action);
  if (plan && random.chance(55)) {
    const Date first = add_days(plan->occurred_on, random.between(30, 150));
    s.add(EntryType::track_1_attempt, first, track_1_payload(random));
    if (random.chance(40)) {
      const Date second = add_days(first, random.between(60, 150));
      s.add(EntryType::track_1_attempt, second, track_1_payload(random));
    }
  }
  const DemoEntry* decision = s.find(EntryType::track_2_decision);
  if (s.find(EntryType::uwv_42_week_report) && random.chance(80)) {
    s.add(EntryType::occupational_expert_report, s.sick_day(random.between(240, 300)),
          expert_report_payload(decision != nullptr));
  }
  if (decision) {
    const Date start = decision->occurred_on;
    constexpr struct {
      std::string_view kind;
      long from, to;
    } kFirstSteps[] = {{"intake", 3, 10}, {"person_profile", 14, 24}, {"search_profile", 25, 40}};
    for (const auto& step : kFirstSteps) {
      const Date on = add_days(start, random.between(step.from, step.to));
      s.add(EntryType::track_2_activity, on, track_2_payload(random, step.kind));
    }
    for (Date on = add_days(start, random.between(45, 60)); on <= end;
         on = add_days(on, random.between(14, 28))) {
      const long pick = random.between(1, 100);
      const std::string_view kind = pick <= 55   ? "application"
                                    : pick <= 85 ? "progress_report"
                                    : pick <= 95 ? "coaching"
                                                 : "training";
      if (!s.add(EntryType::track_2_activity, on, track_2_payload(random, kind))) break;
    }
  }
  if (s.find(EntryType::uwv_wia_letter)) {
    s.add(EntryType::current_judgement, s.sick_day(random.between(590, 620)),
          std::string(kCurrentJudgement));
    s.add(EntryType::end_evaluation, s.sick_day(random.between(625, 637)),
          std::string(kEndEvaluation));
    if (random.chance(75)) {
      s.add(EntryType::employee_view, s.sick_day(random.between(630, 640)),
            std::string(kEmployeeView));
    }
  }
  if (o.employment_end && !o.process.voluntary_extension) {
    const Date last_day = add_days(end, random.between(1, 60));
    s.add(EntryType::employment_end, last_day,
          R"({"uwv_reported_on":)" + date_json(last_day) + "}");
  }
  s.sort();
  // The employee's answer to the plan, and to an adjustment: they name a seq, so they come once
  // the file is in order (each lands after the version it answers, before any later one).
  if (const auto plan_seq = s.seq_of(EntryType::plan_of_action); plan_seq > 0) {
    const Date drawn_up = s.entries()[static_cast<std::size_t>(plan_seq - 1)].occurred_on;
    const Date on = add_days(drawn_up, random.between(1, 10));
    if (s.add(EntryType::plan_agreement, on, agreement_payload(random, plan_seq))) s.sort();
  }
  const DemoEntry* evaluation = s.find(EntryType::first_year_evaluation);
  if (o.adjust_plan && evaluation) {
    const Date on = add_days(evaluation->occurred_on, random.between(1, 14));
    if (s.add(EntryType::plan_of_action, on,
              plan_payload(on, seq_of_last(s, EntryType::plan_of_action)))) {
      s.sort();
      const Date answered = add_days(on, random.between(1, 10));
      if (s.add(EntryType::plan_agreement, answered,
                agreement_payload(random, seq_of_last(s, EntryType::plan_of_action)))) {
        s.sort();
      }
    }
  }
}

// Ends the file with a recovery on `recovered` when that day has come: every other step of the
// file then lies before it.
DemoCase with_recovery(Date today, Date first, std::optional<Date> recovered, DemoRandom& random,
                       const FileOptions& options) {
  CaseScript s(first, today);
  if (recovered) s.set_until(add_days(*recovered, -1));
  s.add(EntryType::sick_report, first, sick_report_payload(random, false));
  run_full_file(s, random, options);
  if (recovered) {
    s.set_until(today);
    s.add(EntryType::recovery, *recovered);
  }
  return DemoCase{0, s.take()};
}

// A short absence: days or a few weeks, still open when the report is recent.
DemoCase short_absence(Date today, DemoRandom& random) {
  CaseScript s(days_before(today, random, 0, 760), today);
  s.add(EntryType::sick_report, s.first(), sick_report_payload(random, false));
  const long band = random.between(1, 100);
  const long days = band <= 55 ? random.between(1, 7)
                    : band <= 88 ? random.between(8, 21)
                                 : random.between(22, 38);
  if (days >= 3 && random.chance(65)) {
    s.add(EntryType::company_doctor_report, add_days(s.first(), random.between(1, 2)),
          R"({"company_doctor":"Arbodienst Noord, M. Verbeek"})");
  }
  if (days > 14 && random.chance(40)) {
    const Date on = add_days(s.first(), random.between(7, 14));
    s.add(EntryType::reintegration_interview, on, interview_payload(random, on));
  }
  s.add(EntryType::recovery, add_days(s.first(), days));
  return DemoCase{0, s.take()};
}

FileOptions process_mix(DemoRandom& random, int careful_percent) {
  FileOptions o;
  o.process.careful = random.chance(careful_percent);
  o.process.partial_work = random.chance(45);
  o.process.start_track_2 = random.chance(70);
  return o;
}

// Weeks 6 to 57, half of them recovered after the process ran for a while.
DemoCase middle_case(Date today, DemoRandom& random) {
  const Date first = days_before(today, random, 42, 400);
  FileOptions o = process_mix(random, 75);
  std::optional<Date> recovered;
  if (random.chance(50)) {
    const Date day = add_days(first, random.between(50, 400));
    if (day <= today) recovered = day;
  }
  return with_recovery(today, first, recovered, random, o);
}

// Weeks 57 to 143 (files closed after the 104 weeks stay in the database): the whole file, some ending in recovery, a few with a voluntary extension, a
// wage sanction or the end of employment.
DemoCase long_case(Date today, DemoRandom& random) {
  const Date first = days_before(today, random, 400, 1000);
  FileOptions o = process_mix(random, 80);
  o.process.voluntary_extension = random.chance(4);
  o.process.wage_sanction = !o.process.voluntary_extension && random.chance(4);
  if (o.process.wage_sanction) o.process.careful = false;
  o.adjust_plan = random.chance(30);
  o.employment_end = random.chance(40);
  std::optional<Date> recovered;
  if (random.chance(8)) recovered = add_days(first, random.between(420, 700));
  if (recovered && *recovered > today) recovered.reset();
  return with_recovery(today, first, recovered, random, o);
}

// Fit for 5-20 days, then sick again within 4 weeks: one case whose later dates all move.
DemoCase relapse_case(Date today, DemoRandom& random) {
  CaseScript s(days_before(today, random, 60, 700), today);
  s.add(EntryType::sick_report, s.first(), sick_report_payload(random, false));
  const Date recovered = add_days(s.first(), random.between(10, 30));
  const long gap = random.between(5, 20);
  s.add(EntryType::recovery, recovered);
  s.add(EntryType::relapse, add_days(recovered, gap),
        random.chance(70) ? R"({"same_cause_as_before":true})" : "{}");
  s.fit_gap(recovered, gap);
  run_full_file(s, random, process_mix(random, 75));
  return DemoCase{0, s.take()};
}

// An earlier absence that ended at least 5 weeks before `next_first` (so it is a case of its
// own, BW 7:629 lid 10).
DemoCase earlier_case(Date next_first, DemoRandom& random) {
  const Date first_fit = add_days(next_first, -random.between(35, 240));
  const Date first = add_days(first_fit, -random.between(2, 30));
  CaseScript s(first, first_fit);
  s.add(EntryType::sick_report, first, sick_report_payload(random, false));
  if (random.chance(60)) {
    s.add(EntryType::company_doctor_report, add_days(first, 1),
          R"({"company_doctor":"Arbodienst Noord, M. Verbeek"})");
  }
  s.add(EntryType::recovery, first_fit);
  return DemoCase{0, s.take()};
}

}  // namespace

core::Result<std::string> CanonicalPayloads::get(core::EntryType type, const std::string& payload) {
  std::string key = std::string(core::entry_type_name(type)) + '\n' + payload;
  if (const auto found = known_.find(key); found != known_.end()) return found->second;
  auto canonical = core::canonicalize_payload(type, payload);
  if (!canonical.ok()) return canonical.error();
  if (known_.size() >= kMaxKept) known_.clear();
  known_.emplace(std::move(key), canonical->payload);
  return std::move(canonical->payload);
}

core::Result<BuiltCase> build_case_file(std::int64_t case_id, const std::vector<DemoEntry>& planned,
                                        const std::string& actor, const Moment& now,
                                        CanonicalPayloads& payloads) {
  BuiltCase built;
  built.entries.reserve(planned.size());
  for (const DemoEntry& step : planned) {
    const auto seq = static_cast<std::int64_t>(built.entries.size()) + 1;
    const auto fail = [&](const core::Error& error) {
      return core::make_error(error.code, error.field,
                              "case " + std::to_string(case_id) + ", entry " + std::to_string(seq) +
                                  " (" + std::string(core::entry_type_name(step.type)) +
                                  "): " + error.message);
    };
    auto payload = payloads.get(step.type, step.payload);
    if (!payload.ok()) return fail(payload.error());
    if (auto dated = core::check_entry_date(step.type, step.occurred_on, now.today); !dated.ok()) {
      return fail(dated.error());
    }
    core::Entry entry;
    entry.case_id = case_id;
    entry.seq = seq;
    entry.type = step.type;
    entry.occurred_on = step.occurred_on;
    entry.recorded_at = now.timestamp;
    entry.actor = actor;
    const core::EntryDraft draft{step.type, step.occurred_on, *payload, std::nullopt,
                                 std::nullopt};
    entry.visibility = core::entry_visibility(draft, built.entries);
    entry.payload = std::move(*payload);  // the medical part is left out (see the header)
    entry.prev_hash =
        built.entries.empty() ? std::string(core::kGenesisHash) : built.entries.back().hash;
    entry.hash = core::compute_entry_hash(entry);
    built.entries.push_back(std::move(entry));
  }
  // One fold of the whole file: what prepare_append() folds for the file's last entry.
  auto fold = core::fold_case_file(built.entries, now.today);
  if (!fold.ok()) {
    return core::make_error(fold.error().code, fold.error().field,
                            "case " + std::to_string(case_id) + ": " + fold.error().message);
  }
  built.summary = summarize_case(case_id, *fold,
                                 built.entries.empty() ? nullptr : &built.entries.back(), now);
  return built;
}

ScalePlanner::ScalePlanner(ScalePlanOptions options, ScaleProviders providers,
                           const store::BulkIds& first, const Moment& now)
    : options_(std::move(options)),
      providers_(std::move(providers)),
      now_(now),
      employer_sizes_(options_.seed ^ kEmployerSizesStream),
      next_employer_id_(first.employer),
      next_employee_id_(first.employee),
      next_case_id_(first.case_id) {}

std::vector<DemoCase> ScalePlanner::plan_employee_cases(std::int64_t index) const {
  DemoRandom random(employee_seed(options_.seed, index));
  const Date today = now_.today;
  const long kind = random.between(1, 1000);
  std::vector<DemoCase> cases;
  if (kind <= 50) return cases;  // not sick in these two years
  if (kind <= 500) {
    cases.push_back(short_absence(today, random));
  } else if (kind <= 530) {
    const Date first = days_before(today, random, 0, 41);
    const FileOptions options = process_mix(random, 85);
    cases.push_back(with_recovery(today, first, std::nullopt, random, options));
  } else if (kind <= 735) {
    cases.push_back(middle_case(today, random));
  } else if (kind <= 950) {
    cases.push_back(long_case(today, random));
  } else if (kind <= 975) {
    cases.push_back(relapse_case(today, random));
  } else if (kind <= 992) {
    cases.push_back(maternity(today, random, random.chance(50)));
  } else {
    cases.push_back(corrected(today, random));
  }
  if (random.chance(7)) {
    const Date next_first = cases.front().entries.front().occurred_on;
    cases.insert(cases.begin(), earlier_case(next_first, random));
  }
  return cases;
}

core::Status ScalePlanner::add_employee(ScaleBatch& batch) {
  store::BulkBatch& rows = batch.rows;
  if (employer_left_ == 0) {
    const std::int64_t left = options_.employees - next_employee_;
    const std::int64_t size =
        employers_started_ == 0 ? kScaleHomeEmployerSize : employer_size(employer_sizes_);
    employer_id_ = next_employer_id_++;
    employer_left_ = std::min(size, left);
    employer_staff_ = 0;
    rows.employers.push_back(store::Employer{employer_id_, employer_name(employers_started_)});
    const auto& arbo = providers_.arbo_services;
    const auto ordinal = static_cast<std::size_t>(employers_started_);
    const std::int64_t provider =
        ordinal < options_.employers_of_first_arbo || arbo.size() == 1
            ? arbo.front()
            : arbo[1 + (ordinal - options_.employers_of_first_arbo) % (arbo.size() - 1)];
    batch.provider_employers.push_back(ProviderEmployer{provider, employer_id_});
    ++employers_started_;
  }
  const std::int64_t index = next_employee_++;
  std::vector<DemoCase> cases = plan_employee_cases(index);
  // The name comes from a stream of its own, so that the cases do not depend on it.
  DemoRandom naming(employee_seed(options_.seed, index) ^ 0x6e616d65ULL);
  const bool pregnancy = !cases.empty() && cases.back().pregnancy;
  const std::string_view first_name =
      pregnancy ? naming.pick(kWomensNames) : naming.pick(kFirstNames);
  const std::string name = std::string(first_name) + " " + std::string(naming.pick(kLastNames));
  const std::int64_t employee_id = next_employee_id_++;
  rows.employees.push_back(store::Employee{
      employee_id, employer_id_, name,
      "W" + std::to_string(employers_started_) + "-" + std::to_string(1000 + employer_staff_),
      std::nullopt});
  --employer_left_;
  ++employer_staff_;
  for (const DemoCase& planned : cases) {
    const std::int64_t case_id = next_case_id_++;
    auto built = build_case_file(case_id, planned.entries, options_.actor, now_, payloads_);
    if (!built.ok()) {
      return core::make_error(built.error().code, built.error().field,
                              "scale demo employee " + std::to_string(index) + " (seed " +
                                  std::to_string(options_.seed) + "): " + built.error().message);
    }
    rows.cases.push_back(store::BulkCase{case_id, employee_id, now_.timestamp});
    const bool track_2 = std::any_of(
        built->entries.begin(), built->entries.end(),
        [](const core::Entry& entry) { return entry.type == EntryType::track_2_decision; });
    if (track_2) {
      const auto& offices = providers_.reintegration_offices;
      rows.case_providers.push_back(store::BulkCaseProvider{
          case_id, offices[static_cast<std::size_t>(track_2_cases_++) % offices.size()],
          now_.timestamp});
    }
    rows.summaries.push_back(store::BulkSummary{std::move(built->summary), employer_id_,
                                                employee_id});
    std::move(built->entries.begin(), built->entries.end(), std::back_inserter(rows.entries));
  }
  return core::ok_status();
}

core::Result<ScaleBatch> ScalePlanner::next_batch() {
  ScaleBatch batch;
  while (!done() && static_cast<std::int64_t>(batch.rows.cases.size()) < options_.batch_cases) {
    if (auto added = add_employee(batch); !added.ok()) return added.error();
  }
  batch.employees_done = next_employee_;
  return batch;
}

}  // namespace spoorboek::app::detail
