#include "app/demo_cases.h"

#include <algorithm>

namespace spoorboek::app::detail {

using core::add_days;
using core::Date;
using core::EntryType;

std::string date_json(Date day) { return "\"" + core::format_iso_date(day) + "\""; }

std::string sick_report_payload(DemoRandom& random, bool safety_net) {
  static constexpr std::array<std::string_view, 4> kDurations{"up_to_1_week", "1_to_6_weeks",
                                                              "over_6_weeks", "unknown"};
  return std::string(R"({"expected_duration":")") + std::string(random.pick(kDurations)) +
         R"(","safety_net_applies":)" + (safety_net ? "true" : "false") +
         R"(,"work_accident":)" + (random.chance(5) ? "true" : "false") +
         R"(,"third_party_liability":false,"contact_phone":"06-)" +
         std::to_string(random.between(10000000, 99999999)) + "\"}";
}

std::string problem_analysis_payload() {
  return R"({"author":"M. Verbeek, bedrijfsarts","limitations":["Niet langer dan 4 uur per dag",)"
         R"("Geen zwaar tilwerk"],"possibilities":["Lichte administratieve taken",)"
         R"("Werken in eigen tempo"],"prognosis":"Geleidelijke opbouw binnen 3 maanden verwacht",)"
         R"("advice":"Start met aangepast eigen werk, 2 uur per dag, opbouwen per 2 weken",)"
         R"("medical":{"note":"Alleen voor de bedrijfsarts, demodata"}})";
}

std::string plan_payload(Date drawn_up, std::int64_t replaces_seq) {
  std::string payload = "{";
  if (replaces_seq > 0) {
    payload += R"("replaces_seq":)" + std::to_string(replaces_seq) +
               R"(,"adjustment_reason":"evaluation",)";
  }
  return payload +
         R"("goal":"own_work_adapted","activities":[{"description":"Opbouw eigen werk naar 50%",)"
         R"("owner":"werknemer","due":)" +
         date_json(add_days(drawn_up, 42)) +
         R"(},{"description":"Werkplek aanpassen","owner":"leidinggevende","due":)" +
         date_json(add_days(drawn_up, 21)) +
         R"(}],"case_manager":"P. Hoekstra","employee_view":"Wil graag terug in eigen functie",)"
         R"("employee_agreement":"agreed"})";
}

std::string evaluation_payload(Date on) {
  return R"({"attendees":["werknemer","leidinggevende","casemanager"],)"
         R"("summary":"Opbouw loopt volgens plan","employee_agreement":"agreed",)"
         R"("next_evaluation_on":)" + date_json(add_days(on, 42)) + "}";
}

void run_process(CaseScript& s, DemoRandom& random, const ProcessOptions& o) {
  const Date first = s.first();
  s.add(EntryType::company_doctor_report, add_days(first, random.between(1, 5)),
        R"({"company_doctor":"Arbodienst Noord, M. Verbeek"})");
  if (random.chance(60)) {
    s.add(EntryType::long_term_expected, add_days(first, random.between(14, 30)));
  }
  const Date analysis = o.careful ? add_days(s.sick_day(42), -random.between(0, 12))
                                  : add_days(s.sick_day(42), random.between(2, 25));
  if (!s.add(EntryType::problem_analysis, analysis, problem_analysis_payload())) return;
  if (o.partial_work) {
    s.add(EntryType::partial_work, add_days(analysis, random.between(10, 30)),
          R"({"percentage":)" + std::to_string(random.between(2, 6) * 10) +
              R"(,"kind":"own_work"})");
  }
  if (o.deviation_for_plan) {
    s.add(EntryType::deviation, add_days(analysis, 10),
          // The reason an employer may write down: the company doctor's functional judgement,
          // never the medical cause (the completeness check's privacy lint flags those words).
          R"({"milestone":"plan_of_action","reason":"Volgens de bedrijfsarts tijdelijk niet )"
          R"(belastbaar voor gesprekken; plan van aanpak opgesteld zodra dat weer kan"})");
  }
  if (o.skip_plan) return;
  const long plan_delay = o.deviation_for_plan ? random.between(25, 35)
                          : o.careful          ? random.between(4, 14)
                                               : random.between(16, 30);
  const Date plan = add_days(analysis, plan_delay);
  if (!s.add(EntryType::plan_of_action, plan, plan_payload(plan))) return;
  for (Date next = add_days(plan, random.between(35, 42));;
       next = add_days(next, o.careful ? random.between(35, 42) : random.between(40, 60))) {
    if (!s.add(EntryType::progress_evaluation, next, evaluation_payload(next))) break;
  }
  s.add(EntryType::uwv_42_week_report, add_days(s.sick_day(294), -random.between(0, 10)),
        R"({"reference":"UWV-)" + std::to_string(random.between(100000, 999999)) + "\"}");
  const Date evaluation =
      add_days(s.sick_day(316), o.careful ? random.between(0, 40) : random.between(30, 70));
  const bool track_2 = o.start_track_2;
  if (!s.add(EntryType::first_year_evaluation, evaluation,
             track_2 ? R"({"track_decision":"start_track_2","reason":"Geen passend werk bij de )"
                       R"(eigen werkgever volgens arbeidsdeskundig onderzoek","on_course":false})"
                     : R"({"track_decision":"continue_track_1","reason":"Structurele )"
                       R"(werkhervatting in eigen functie binnen 3 maanden verwacht","on_course":true})")) {
    return;
  }
  if (!track_2) {
    s.add(EntryType::deviation, evaluation,
          R"({"milestone":"track_2_start","reason":"Concreet perspectief op structurele )"
          R"(werkhervatting in eigen functie binnen 3 maanden, UWV Werkwijzer"})");
  } else {
    const Date start =
        add_days(evaluation, o.careful ? random.between(14, 40) : random.between(45, 80));
    s.add(EntryType::track_2_decision, start,
          R"({"start":)" + date_json(start) +
              R"(,"provider":"Re-integratiebureau De Brug","coach":"S. Koster",)"
              R"("reason":"Spoor 1 biedt geen perspectief op passend werk"})");
  }
  const Date letter = add_days(s.sick_day(617), random.between(0, 6));
  s.add(EntryType::uwv_wia_letter, letter);
  long extension_days = 0;
  if (o.voluntary_extension) {
    s.add(EntryType::voluntary_extension, add_days(s.sick_day(600), random.between(0, 14)),
          R"({"weeks":26})");
    extension_days = 26 * 7;
  }
  const Date end = add_days(s.sick_day(728), extension_days);
  const Date report = add_days(end, -91 - random.between(0, 14));
  s.add(EntryType::reintegration_report, report,
        R"({"handed_to_employee_on":)" + date_json(add_days(report, 2)) + "}");
  if (!o.voluntary_extension) {
    s.add(EntryType::wia_application,
          std::max(add_days(letter, 7), add_days(end, -77 - random.between(0, 21))));
  }
  if (o.wage_sanction) {
    s.add(EntryType::wage_sanction, add_days(s.sick_day(728), -random.between(15, 35)),
          R"({"weeks":26})");
  }
}

Date days_before(Date today, DemoRandom& random, long low, long high) {
  return add_days(today, -random.between(low, high));
}

DemoCase with_options(Date today, DemoRandom& random, long min_age, long max_age,
                      const ProcessOptions& options) {
  CaseScript s(days_before(today, random, min_age, max_age), today);
  s.add(EntryType::sick_report, s.first(), sick_report_payload(random, false));
  run_process(s, random, options);
  s.sort();
  return DemoCase{0, s.take()};
}

// A long absence at a random stage of the 104 weeks.
DemoCase open_case(Date today, DemoRandom& random, bool careful) {
  ProcessOptions options;
  options.careful = careful;
  options.partial_work = random.chance(40);
  options.start_track_2 = random.chance(70);
  return with_options(today, random, 3, 740, options);
}

// A short absence that ended.
DemoCase short_recovered(Date today, DemoRandom& random) {
  CaseScript s(days_before(today, random, 10, 400), today);
  s.add(EntryType::sick_report, s.first(), sick_report_payload(random, false));
  const Date recovered = add_days(s.first(), random.between(2, 35));
  if (random.chance(50)) s.add(EntryType::company_doctor_report, add_days(s.first(), 1));
  s.add(EntryType::recovery, recovered);
  return DemoCase{0, s.take()};
}

// Fit for 5-20 days, then sick again: one case, every later date moves.
DemoCase relapse_within_four_weeks(Date today, DemoRandom& random) {
  CaseScript s(days_before(today, random, 150, 300), today);
  s.add(EntryType::sick_report, s.first(), sick_report_payload(random, false));
  const Date recovered = add_days(s.first(), random.between(14, 30));
  const long gap = random.between(5, 20);
  s.add(EntryType::recovery, recovered);
  s.add(EntryType::relapse, add_days(recovered, gap), R"({"same_cause_as_before":true})");
  s.fit_gap(recovered, gap);
  run_process(s, random, ProcessOptions{});
  s.sort();
  return DemoCase{0, s.take()};
}

// Sick until a pregnancy leave, sick again right after it with the same cause (WAZO: one case),
// or still on leave.
DemoCase maternity(Date today, DemoRandom& random, bool bridged) {
  CaseScript s(bridged ? days_before(today, random, 200, 260) : days_before(today, random, 60, 110),
               today);
  s.add(EntryType::sick_report, s.first(), sick_report_payload(random, true));
  s.add(EntryType::safety_net, add_days(s.first(), 2),
        R"({"kind":"pregnancy","uwv_reported_on":)" + date_json(add_days(s.first(), 3)) + "}");
  s.add(EntryType::company_doctor_report, add_days(s.first(), 1));
  const Date analysis = add_days(s.first(), random.between(20, 28));
  s.add(EntryType::problem_analysis, analysis, problem_analysis_payload());
  const Date plan = add_days(analysis, 7);
  s.add(EntryType::plan_of_action, plan, plan_payload(plan));
  const Date leave = add_days(s.first(), random.between(40, 50));
  const Date leave_end = add_days(leave, 111);  // 16 weeks
  s.add(EntryType::maternity_leave, leave, R"({"end":)" + date_json(leave_end) + "}");
  if (bridged) {
    const Date back = add_days(leave_end, 1);
    s.add(EntryType::relapse, back, R"({"same_cause_as_before":true})");
    const auto plan_seq = s.seq_of(EntryType::plan_of_action);
    s.add(EntryType::plan_of_action, add_days(back, 10), plan_payload(add_days(back, 10), plan_seq));
  }
  return DemoCase{0, s.take(), true};
}

// A case whose sick report was dated a day late, corrected afterwards.
DemoCase corrected(Date today, DemoRandom& random) {
  CaseScript s(days_before(today, random, 30, 90), today);
  s.add(EntryType::sick_report, add_days(s.first(), 1), sick_report_payload(random, false));
  s.add(EntryType::company_doctor_report, add_days(s.first(), 2));
  const Date recovered = add_days(s.first(), random.between(6, 20));
  s.add(EntryType::recovery, recovered);
  s.add(EntryType::correction, recovered,
        R"({"corrects_seq":1,"reason":"Eerste ziektedag was een dag eerder; verkeerd )"
        R"(overgenomen uit de ziekmelding","new_occurred_on":)" + date_json(s.first()) + "}");
  return DemoCase{0, s.take()};
}


// A plan of action with an adjustment (bijstelling) that names the version it replaces.
DemoCase adjusted_plan(Date today, DemoRandom& random) {
  CaseScript s(days_before(today, random, 200, 280), today);
  s.add(EntryType::sick_report, s.first(), sick_report_payload(random, false));
  run_process(s, random, ProcessOptions{});
  s.sort();
  const auto plan_seq = s.seq_of(EntryType::plan_of_action);
  if (plan_seq > 0) {
    const Date on = add_days(today, -random.between(1, 20));
    s.add(EntryType::plan_of_action, on, plan_payload(on, plan_seq));
  }
  return DemoCase{0, s.take()};
}

// The process ran for a while, then the employee recovered fully.
DemoCase recovered_after_process(Date today, DemoRandom& random) {
  CaseScript s(days_before(today, random, 200, 420), today);
  const Date recovered = add_days(s.first(), random.between(100, 180));
  s.set_until(add_days(recovered, -1));
  s.add(EntryType::sick_report, s.first(), sick_report_payload(random, false));
  run_process(s, random, ProcessOptions{});
  s.sort();
  s.set_until(today);
  s.add(EntryType::recovery, recovered);
  return DemoCase{0, s.take()};
}


}  // namespace spoorboek::app::detail
