// Internal to the application: the building blocks of the demo's case files, shared by the small
// demo (demo_plan.cc) and the scale demo (demo_scale_plan.cc). Pure: a random stream, a date and
// the entries (type, date, payload JSON) a case file gets in the order they are appended.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_file.h"

namespace spoorboek::app::detail {

struct DemoEntry {
  core::EntryType type = core::EntryType::sick_report;
  core::Date occurred_on{};
  std::string payload;  // JSON object text
};

struct DemoCase {
  std::size_t employee = 0;  // index into DemoPlan::employees
  std::vector<DemoEntry> entries;
  bool pregnancy = false;    // the employee gets a woman's first name
};

// SplitMix64: small and identical on every platform (the std distributions are not), so a seed
// gives the same demo everywhere.
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  long between(long low, long high) {
    return low + static_cast<long>(next() % static_cast<std::uint64_t>(high - low + 1));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[next() % N];
  }

 private:
  std::uint64_t state_;
};

inline constexpr std::array<std::string_view, 32> kFirstNames{
    "Anna",  "Bram",   "Chantal", "Daan",   "Eva",    "Fatima", "Gijs",  "Hanna",
    "Ibrahim", "Julia", "Kees",   "Lotte",  "Mohamed", "Noor",  "Ot",    "Priya",
    "Quinten", "Roos", "Sem",     "Tess",   "Umut",   "Vera",   "Willem", "Xander",
    "Yara",  "Zoë",    "Bas",     "Fleur",  "Jasper", "Maud",   "Ruben", "Sanne"};
inline constexpr std::array<std::string_view, 32> kLastNames{
    "de Jong",   "Jansen",   "de Vries", "van den Berg", "van Dijk", "Bakker",  "Janssen",
    "Visser",    "Smit",     "Meijer",   "de Boer",      "Mulder",   "de Groot", "Bos",
    "Vos",       "Peters",   "Hendriks", "van Leeuwen",  "Dekker",   "Brouwer", "de Wit",
    "Dijkstra",  "Smits",    "de Graaf", "van der Meer", "Kok",      "Jacobs",  "Haddou",
    "Yilmaz",    "Wong",     "Postma",   "Kramer"};

inline constexpr std::array<std::string_view, 8> kWomensNames{
    "Anna", "Chantal", "Eva", "Fatima", "Lotte", "Noor", "Sanne", "Yara"};

std::string date_json(core::Date day);

// One case's entries. Facts dated after `until` are dropped: they have not happened yet.
class CaseScript {
 public:
  CaseScript(core::Date first_sick_day, core::Date until) : first_(first_sick_day), until_(until) {}

  core::Date first() const { return first_; }
  // Facts after this day are dropped.
  void set_until(core::Date day) { until_ = day; }

  // A fit gap of `days` days from `first_fit_day` on moves every later sick day.
  void fit_gap(core::Date first_fit_day, long days) {
    gap_from_ = first_fit_day;
    gap_days_ = days;
  }
  // S(n): the n-th counted sick day.
  core::Date sick_day(long n) const {
    core::Date day = core::add_days(first_, n - 1);
    if (gap_days_ > 0 && day >= gap_from_) day = core::add_days(day, gap_days_);
    return day;
  }

  bool add(core::EntryType type, core::Date day, std::string payload = "{}") {
    if (day > until_ && type != core::EntryType::maternity_leave) return false;
    entries_.push_back(DemoEntry{type, day, std::move(payload)});
    return true;
  }
  // Puts the entries in business-date order, so that every prefix is a possible file.
  void sort() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const DemoEntry& a, const DemoEntry& b) {
                       return a.occurred_on < b.occurred_on;
                     });
  }
  // The seq an entry of this type got (first one), 0 when absent.
  std::int64_t seq_of(core::EntryType type) const {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].type == type) return static_cast<std::int64_t>(i) + 1;
    }
    return 0;
  }
  // The first entry of this type, nullptr when absent.
  const DemoEntry* find(core::EntryType type) const {
    for (const auto& entry : entries_) {
      if (entry.type == type) return &entry;
    }
    return nullptr;
  }
  const std::vector<DemoEntry>& entries() const { return entries_; }
  core::Date until() const { return until_; }
  std::vector<DemoEntry> take() { return std::move(entries_); }

 private:
  core::Date first_;
  core::Date until_;
  core::Date gap_from_{};
  long gap_days_ = 0;
  std::vector<DemoEntry> entries_;
};

std::string sick_report_payload(DemoRandom& random, bool safety_net);
// With a medical part (the company doctor's note).
std::string problem_analysis_payload();
// A first version, or with replaces_seq an adjustment (bijstelling) of that version.
std::string plan_payload(core::Date drawn_up, std::int64_t replaces_seq = 0);
std::string evaluation_payload(core::Date on);

struct ProcessOptions {
  bool careful = true;
  bool skip_plan = false;
  bool deviation_for_plan = false;
  bool partial_work = false;
  bool start_track_2 = true;
  bool voluntary_extension = false;
  bool wage_sanction = false;
};

// The Poortwachter steps of a long absence, each taken on time (careful) or late, up to until().
void run_process(CaseScript& s, DemoRandom& random, const ProcessOptions& o);

core::Date days_before(core::Date today, DemoRandom& random, long low, long high);

// A sick report between min_age and max_age days before today, then run_process.
DemoCase with_options(core::Date today, DemoRandom& random, long min_age, long max_age,
                      const ProcessOptions& options);
// A long absence at a random stage of the 104 weeks.
DemoCase open_case(core::Date today, DemoRandom& random, bool careful);
// A short absence that ended.
DemoCase short_recovered(core::Date today, DemoRandom& random);
// Fit for 5-20 days, then sick again: one case, every later date moves.
DemoCase relapse_within_four_weeks(core::Date today, DemoRandom& random);
// Sick until a pregnancy leave, sick again right after it with the same cause (WAZO: one case),
// or still on leave.
DemoCase maternity(core::Date today, DemoRandom& random, bool bridged);
// A case whose sick report was dated a day late, corrected afterwards.
DemoCase corrected(core::Date today, DemoRandom& random);
// A plan of action with an adjustment (bijstelling) that names the version it replaces.
DemoCase adjusted_plan(core::Date today, DemoRandom& random);
// The process ran for a while, then the employee recovered fully.
DemoCase recovered_after_process(core::Date today, DemoRandom& random);

}  // namespace spoorboek::app::detail
