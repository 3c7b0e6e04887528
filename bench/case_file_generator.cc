#include "case_file_generator.h"

#include <string>

namespace spoorboek::bench {
namespace {

using core::add_days;
using core::Date;
using core::EntryType;

constexpr const char* kSummaries[] = {
    "opbouw gaat volgens plan, volgende stap meer uren",
    "werkt nu vier ochtenden, taken in overleg aangepast",
    "afspraken over de opbouw gemaakt en vastgelegd",
    "de opbouw stagneert, bespreken met de bedrijfsarts",
    "gesprek over passend werk bij een andere afdeling",
    "medewerker heeft last van rugklachten",  // a medical term: the privacy lint finds it
};

// Builds one file in business-date order (seq order equals date order here).
class FileBuilder {
 public:
  explicit FileBuilder(Date as_of) : as_of_(as_of) {}
  // Adds the entry when it happened by as_of; returns its seq, or 0 when it lies in the future.
  std::int64_t add(EntryType type, Date on, std::string payload,
                   std::optional<std::string> medical = std::nullopt) {
    if (on > as_of_) return 0;
    core::Entry entry;
    entry.case_id = 1;
    entry.seq = static_cast<std::int64_t>(entries_.size()) + 1;
    entry.type = type;
    entry.occurred_on = on;
    entry.visibility = core::default_visibility(type);
    entry.payload = std::move(payload);
    entry.medical = std::move(medical);
    entries_.push_back(std::move(entry));
    return entries_.back().seq;
  }
  std::vector<core::Entry> take() { return std::move(entries_); }

 private:
  Date as_of_;
  std::vector<core::Entry> entries_;
};

std::string date_text(Date day) { return core::format_iso_date(day); }

std::string conversation(const char* summary) {
  return std::string(R"({"attendees":["casemanager","werknemer"],"employee_agreement":"agreed","summary":")") +
         summary + "\"}";
}

std::string analysis(std::int64_t replaces) {
  std::string text =
      R"({"advice":"opbouw in eigen werk","author":"bedrijfsarts","limitations":["niet zwaar tillen"],)"
      R"("possibilities":["licht administratief werk"],"prognosis":"herstel binnen een half jaar")";
  if (replaces) text += ",\"replaces_seq\":" + std::to_string(replaces);
  return text + "}";
}

std::string plan(std::int64_t replaces, Date due) {
  std::string text = R"({"activities":[{"description":"opbouw uren","due":")" + date_text(due) +
                     R"(","owner":"casemanager"}],"case_manager":"casemanager","employee_agreement":"agreed",)"
                     R"("employee_view":"wil terug naar eigen werk","goal":"own_work_adapted")";
  if (replaces) {
    text += ",\"adjustment_reason\":\"new_doctor_advice\",\"replaces_seq\":" + std::to_string(replaces);
  }
  return text + "}";
}

}  // namespace

std::uint64_t CaseFileGenerator::next_random() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

long CaseFileGenerator::between(long low, long high) {
  return low + static_cast<long>(next_random() % static_cast<std::uint64_t>(high - low + 1));
}

GeneratedFile CaseFileGenerator::next() {
  const Date as_of = kBenchAsOf;
  // Every stage: from a week to well past the 104 weeks.
  const Date d = add_days(as_of, -between(7, 780));
  FileBuilder file(as_of);
  const auto on = [&d](long day) { return add_days(d, day); };
  file.add(EntryType::sick_report, d,
           R"({"expected_duration":"over_6_weeks","safety_net_applies":false,"third_party_liability":false,"work_accident":false})");
  if (chance(95)) file.add(EntryType::company_doctor_report, on(between(1, 9)), R"({"company_doctor":"bedrijfsarts"})");
  // A few cases end early in recovery: then nothing else follows.
  if (chance(10)) {
    file.add(EntryType::recovery, on(between(10, 120)), "{}");
    return GeneratedFile{file.take(), {"werknemer", "werkgever"}};
  }
  std::int64_t analysis_seq = 0;
  std::int64_t plan_seq = 0;
  long plan_day = 0;
  if (chance(88)) {
    const long day = between(30, 52);
    analysis_seq = file.add(EntryType::problem_analysis, on(day), analysis(0),
                            chance(60) ? std::optional<std::string>(R"({"sealed":"x"})") : std::nullopt);
    if (analysis_seq && chance(90)) {
      plan_day = day + between(5, 20);
      plan_seq = file.add(EntryType::plan_of_action, on(plan_day), plan(0, on(plan_day + 60)));
    }
  }
  long day = plan_day;
  long attempt_day = between(60, 250);
  int attempts = static_cast<int>(between(0, 2));
  const long eje_day = between(318, 372);
  bool eje_done = false;
  bool track_2 = false;
  long track_2_day = 0;
  bool adjusted = !chance(30);
  while (plan_seq) {
    day += between(30, 50);
    if (day > 700) break;
    if (on(day) > as_of) break;
    file.add(EntryType::progress_evaluation, on(day),
             conversation(kSummaries[chance(3) ? 5 : between(0, 4)]));
    if (attempts > 0 && day >= attempt_day) {
      file.add(EntryType::track_1_attempt, on(day + 1),
               attempts == 2
                   ? R"({"description":"eigen werk, minder uren","option":"own_job_adapted","outcome":"failed","reason":"te zwaar"})"
                   : R"({"description":"receptie","option":"other_job_internal","outcome":"failed","reason":"geen plek"})");
      --attempts;
      attempt_day = day + between(40, 120);
    }
    if (!adjusted && day > 200) {
      adjusted = true;
      analysis_seq = file.add(EntryType::problem_analysis, on(day + 2), analysis(analysis_seq));
      if (analysis_seq && chance(80)) {
        const auto seq = file.add(EntryType::plan_of_action, on(day + 9), plan(plan_seq, on(day + 60)));
        if (seq) plan_seq = seq;
      }
    }
    if (day >= 287 && day < 330 && chance(90)) {
      file.add(EntryType::uwv_42_week_report, on(between(286, 296)), "{}");
    }
    if (!eje_done && day >= eje_day && chance(90)) {
      eje_done = true;
      const bool start_2 = chance(70);
      file.add(EntryType::first_year_evaluation, on(day + 1),
               start_2 ? R"({"on_course":false,"reason":"geen passend werk intern","track_decision":"start_track_2"})"
                       : R"({"on_course":true,"reason":"terugkeer binnen drie maanden","track_decision":"continue_track_1"})");
      if (start_2 && chance(85)) {
        track_2_day = day + between(7, 50);
        track_2 = file.add(EntryType::track_2_decision, on(track_2_day),
                           R"({"provider":"re-integratiebureau","reason":"geen passend werk intern","start":")" +
                               date_text(on(track_2_day)) + "\"}") != 0;
      }
    }
    if (track_2 && day > track_2_day) {
      file.add(EntryType::track_2_activity, on(day + 3),
               R"({"assessment":"solliciteert actief","description":"voortgang","kind":"progress_report"})");
    }
  }
  if (chance(40)) {
    file.add(EntryType::occupational_expert_report, on(between(250, 330)),
             R"({"advice":"start spoor 2","author":"arbeidsdeskundige","conclusion_track":"track_2","own_job_possible":"no","question":"passend werk?"})");
  }
  if (chance(15)) {
    file.add(EntryType::partial_work, on(between(60, 500)), R"({"kind":"own_work","percentage":50})");
  }
  // The RIV's parts, near the end of the 104 weeks.
  if (chance(90)) file.add(EntryType::uwv_wia_letter, on(between(616, 622)), "{}");
  if (chance(85)) {
    file.add(EntryType::current_judgement, on(between(590, 625)),
             R"({"author":"bedrijfsarts","course_of_incapacity":"langzaam herstel","prognosis":"beperkt",)"
             R"("suitable_work_at_employer_view":"geen passend werk","working_relationship_view":"goed"})");
  }
  if (chance(85)) {
    file.add(EntryType::end_evaluation, on(between(626, 632)),
             R"({"employer_view_suitable_work":"geen passend werk","employer_view_working_relationship":"goed",)"
             R"("nature_of_business":"groothandel","reintegration_status":{"hours_per_week":0,"structural":false,"tasks":"geen"},)"
             R"("summary_track_1":"eigen werk geprobeerd"})");
  }
  if (chance(85)) {
    file.add(EntryType::employee_view, on(between(630, 634)),
             R"({"subject":"reintegration_report","view":"eens met het verslag"})");
  }
  if (chance(90)) file.add(EntryType::reintegration_report, on(between(632, 640)), "{}");
  if (chance(90)) file.add(EntryType::wia_application, on(between(640, 650)), "{}");
  return GeneratedFile{file.take(), {"werknemer", "werkgever"}};
}

}  // namespace spoorboek::bench
