// The import of sick and recovery reports (hr_import.h): a plan made on copies of the employees'
// case files, folded as each report is added in date order, then written through the use cases
// a case manager's entries go through.
#include <algorithm>
#include <map>
#include <tuple>

#include "app/hr_import.h"
#include "app/hr_import_file.h"
#include "app/hr_import_support.h"
#include "app/prepare_append.h"
#include "core/case_file_facts.h"

namespace spoorboek::app {
namespace {

using core::Date;
using core::EntryType;

std::string iso(Date date) { return core::format_iso_date(date); }

// An entry of a case file as it counts after corrections (the latest correction wins; a voided
// entry does not count).
struct CountedEntry {
  EntryType type = EntryType::sick_report;
  Date date{};
  std::string payload;
};

std::vector<CountedEntry> counted_entries(const std::vector<core::Entry>& entries) {
  std::vector<std::optional<CountedEntry>> counted;
  std::map<std::int64_t, std::size_t> index_of_seq;
  for (const core::Entry& entry : entries) {
    if (entry.type != EntryType::correction) {
      index_of_seq[entry.seq] = counted.size();
      counted.push_back(CountedEntry{entry.type, entry.occurred_on, entry.payload});
      continue;
    }
    const auto facts = core::read_entry_facts(entry.type, entry.payload);
    if (!facts.ok()) continue;
    const auto target = index_of_seq.find(facts->corrects_seq);
    if (target == index_of_seq.end() || !counted[target->second]) continue;
    auto& slot = counted[target->second];
    if (facts->voids) {
      slot.reset();
      continue;
    }
    if (facts->new_occurred_on) slot->date = *facts->new_occurred_on;
    if (facts->new_payload) slot->payload = *facts->new_payload;
  }
  std::vector<CountedEntry> result;
  for (auto& slot : counted) {
    if (slot) result.push_back(std::move(*slot));
  }
  return result;
}

int percentage_of(const std::string& payload) {
  const auto facts = core::read_entry_facts(EntryType::partial_work, payload);
  return facts.ok() ? facts->percentage : 0;
}

// A copy of one case file, extended as the plan adds entries to it.
struct CaseSim {
  std::int64_t case_id = 0;  // 0 for a case this import opens, until it is written
  std::vector<core::Entry> entries;
  core::CaseFold fold;
  store::CaseSummary summary;

  std::string label() const {
    if (case_id != 0) return "case " + std::to_string(case_id);
    const auto first = fold.state.first_sick_day;
    return first ? "the new case from " + iso(*first) : std::string("a new case");
  }
  std::optional<Date> first_sick_day() const { return fold.state.first_sick_day; }
  bool open() const { return detail::summary_is_open(summary); }
};

struct EmployeeSim {
  store::Employee employee;
  std::vector<CaseSim> cases;
};

// The sick period of a case that holds `day`: with `after_start` the day must come after its
// first day (a recovery), and a period that ended is taken to hold its first fit day too.
struct PeriodHit {
  std::size_t case_index = 0;
  core::Period period;
};
std::optional<PeriodHit> sick_period_holding(const EmployeeSim& sim, Date day, bool recovery) {
  for (std::size_t c = 0; c < sim.cases.size(); ++c) {
    const auto& fold = sim.cases[c].fold;
    if (!fold.has_timeline) continue;
    for (const auto& period : fold.timeline_input.periods) {
      if (period.kind != core::PeriodKind::sick) continue;
      const bool started = recovery ? period.start < day : period.start <= day;
      const bool not_ended =
          !period.end || day <= (recovery ? core::add_days(*period.end, 1) : *period.end);
      if (started && not_ended) return PeriodHit{c, period};
    }
  }
  return std::nullopt;
}

// A report to place: a line of the file, a report held by an earlier import, or both (the file
// repeats a held report).
struct Item {
  const ReportLine* line = nullptr;
  const store::HeldReport* held = nullptr;
  ReportKind kind = ReportKind::sick;
  EntryType type = EntryType::sick_report;
  Date date{};
  std::string payload;
  int percentage = 0;
};

int kind_rank(ReportKind kind) {
  // On one day a sickness starts before partial work within it, and both before a recovery.
  switch (kind) {
    case ReportKind::sick: return 0;
    case ReportKind::partial: return 1;
    case ReportKind::recovered: return 2;
  }
  return 0;
}

// One write of the plan, in the order the plan made it.
struct Write {
  enum class Kind { report_sick, append, hold, release } kind = Kind::append;
  std::size_t line = 0;
  std::size_t employee = 0;  // index in the simulations
  std::size_t case_index = 0;
  core::EntryDraft draft;
  store::HeldReport held;
  std::int64_t held_id = 0;
  std::optional<std::size_t> result;  // the report line that learns the case id
};

// Removes "entry 7 (recovery): " that the fold puts before its message when entry 7 is the one
// being planned: the person reading the error knows it by its line.
std::string without_entry_label(const std::string& message, std::int64_t seq, EntryType type) {
  const std::string label =
      "entry " + std::to_string(seq) + " (" + std::string(core::entry_type_name(type)) + "): ";
  return message.starts_with(label) ? message.substr(label.size()) : message;
}

class ReportPlanner {
 public:
  ReportPlanner(store::Store& store, const store::Employer& employer, const ReportFile& file,
                const HrImportOptions& options, const Actor& actor, const Moment& now,
                HrImportReport& report, std::vector<LineError>& errors)
      : store_(store), employer_(employer), file_(file), options_(options), actor_(actor),
        now_(now), report_(report), errors_(errors) {}

  Status plan();
  const std::vector<Write>& writes() const { return writes_; }
  std::vector<EmployeeSim>& sims() { return sims_; }

 private:
  Result<std::size_t> simulation_of(const store::Employee& employee);
  void place(std::size_t employee, const Item& item);
  void place_sick(std::size_t employee, const Item& item);
  void place_recovery(std::size_t employee, const Item& item);
  void hold(std::size_t employee, const Item& item);
  Status add_entry(CaseSim& sim, EntryType type, Date date, const std::string& payload);
  std::size_t add_result(const Item& item, std::size_t employee, ImportOutcome outcome,
                         std::string detail, const CaseSim* sim);
  void fail(const Item& item, const std::string& column, std::string code, std::string message);
  void fail_with(const Item& item, const core::Error& error);
  std::size_t append_write(const Item& item, std::size_t employee, std::size_t case_index,
                           EntryType type, std::size_t result);
  void release_write(const Item& item, std::size_t employee);

  store::Store& store_;
  const store::Employer& employer_;
  const ReportFile& file_;
  const HrImportOptions& options_;
  const Actor& actor_;
  const Moment& now_;
  HrImportReport& report_;
  std::vector<LineError>& errors_;
  std::vector<EmployeeSim> sims_;
  std::map<std::int64_t, std::size_t> sim_of_employee_;
  std::vector<Write> writes_;
  std::size_t still_held_ = 0;
};

Result<std::size_t> ReportPlanner::simulation_of(const store::Employee& employee) {
  if (const auto it = sim_of_employee_.find(employee.id); it != sim_of_employee_.end()) {
    return it->second;
  }
  EmployeeSim sim;
  sim.employee = employee;
  store::CaseFilter filter;
  filter.employee_id = employee.id;
  auto listings = store_.list_cases(filter);
  if (!listings.ok()) return listings.error();
  for (const auto& listing : *listings) {
    CaseSim copy;
    copy.case_id = listing.summary.case_id;
    auto entries = store_.load_entries(copy.case_id);
    if (!entries.ok()) return entries.error();
    copy.entries = std::move(*entries);
    auto fold = core::fold_case_file(copy.entries, now_.today);
    if (!fold.ok()) {
      return core::make_error("corrupt_entry", "case",
                              "case " + std::to_string(copy.case_id) +
                                  " does not fold: " + fold.error().message);
    }
    copy.fold = std::move(*fold);
    copy.summary = detail::summarize_case(copy.case_id, copy.fold,
                                          copy.entries.empty() ? nullptr : &copy.entries.back(),
                                          now_);
    sim.cases.push_back(std::move(copy));
  }
  sims_.push_back(std::move(sim));
  sim_of_employee_[employee.id] = sims_.size() - 1;
  return sims_.size() - 1;
}

Status ReportPlanner::add_entry(CaseSim& sim, EntryType type, Date date,
                                const std::string& payload) {
  if (auto dated = core::check_entry_date(type, date, now_.today); !dated.ok()) return dated;
  core::Entry entry;
  entry.case_id = sim.case_id;
  entry.seq = sim.entries.empty() ? 1 : sim.entries.back().seq + 1;
  entry.type = type;
  entry.occurred_on = date;
  entry.recorded_at = now_.timestamp;
  entry.actor = actor_.user_id;
  entry.visibility = core::default_visibility(type);
  entry.payload = payload;
  sim.entries.push_back(entry);
  auto fold = core::fold_case_file(sim.entries, now_.today);
  if (!fold.ok()) {
    sim.entries.pop_back();
    core::Error error = fold.error();
    error.message = sim.label() + ": " + without_entry_label(error.message, entry.seq, type);
    return error;
  }
  sim.fold = std::move(*fold);
  sim.summary = detail::summarize_case(sim.case_id, sim.fold, &sim.entries.back(), now_);
  return core::ok_status();
}

std::size_t ReportPlanner::add_result(const Item& item, std::size_t employee,
                                      ImportOutcome outcome, std::string detail,
                                      const CaseSim* sim) {
  ImportLineResult result;
  result.line = item.line ? item.line->line : 0;
  result.personnel_number = sims_[employee].employee.personnel_number;
  result.outcome = outcome;
  result.detail = std::move(detail);
  result.employee_id = sims_[employee].employee.id;
  if (sim && sim->case_id != 0) result.case_id = sim->case_id;
  report_.lines.push_back(std::move(result));
  return report_.lines.size() - 1;
}

void ReportPlanner::fail(const Item& item, const std::string& column, std::string code,
                         std::string message) {
  errors_.push_back(LineError{item.line->line, column, std::move(code), std::move(message)});
}

void ReportPlanner::fail_with(const Item& item, const core::Error& error) {
  std::string column;
  if (error.field == "occurred_on") column = file_.columns.date;
  if (error.field == "payload.percentage") column = file_.columns.percentage;
  if (error.field == "type") column = file_.columns.kind;
  fail(item, column, error.code, error.message);
}

std::size_t ReportPlanner::append_write(const Item& item, std::size_t employee,
                                        std::size_t case_index, EntryType type,
                                        std::size_t result) {
  const CaseSim& sim = sims_[employee].cases[case_index];
  Write write;
  write.kind = Write::Kind::append;
  write.line = item.line ? item.line->line : 0;
  write.employee = employee;
  write.case_index = case_index;
  write.draft = core::EntryDraft{type, item.date, sim.entries.back().payload, std::nullopt,
                                 sim.entries.back().seq};
  write.result = result;
  writes_.push_back(std::move(write));
  return writes_.size() - 1;
}

void ReportPlanner::release_write(const Item& item, std::size_t employee) {
  Write write;
  write.kind = Write::Kind::release;
  write.line = item.line ? item.line->line : 0;
  write.employee = employee;
  write.held_id = item.held->id;
  writes_.push_back(std::move(write));
}

void ReportPlanner::place_sick(std::size_t employee, const Item& item) {
  EmployeeSim& sim = sims_[employee];
  for (std::size_t c = 0; c < sim.cases.size(); ++c) {
    for (const auto& entry : counted_entries(sim.cases[c].entries)) {
      if ((entry.type == EntryType::sick_report || entry.type == EntryType::relapse) &&
          entry.date == item.date) {
        add_result(item, employee, ImportOutcome::unchanged,
                   "sick from " + iso(item.date) + " in " + sim.cases[c].label() +
                       " (recorded already)",
                   &sim.cases[c]);
        return;
      }
    }
  }
  const std::string& date_column = file_.columns.date;
  if (const auto hit = sick_period_holding(sim, item.date, false)) {
    const CaseSim& holder = sim.cases[hit->case_index];
    fail(item, date_column, "already_sick",
         "the employee is sick on " + iso(item.date) + " already: " + holder.label() +
             " has a sick period from " + iso(hit->period.start) +
             (hit->period.end ? " to " + iso(*hit->period.end) : std::string(", still open")));
    return;
  }
  // The case the sickness follows, and whether any case starts after it.
  std::optional<std::size_t> open_case;
  std::optional<std::size_t> previous;
  std::optional<std::size_t> later;
  for (std::size_t c = 0; c < sim.cases.size(); ++c) {
    const CaseSim& candidate = sim.cases[c];
    if (candidate.open()) open_case = c;
    const auto first = candidate.first_sick_day();
    if (!first) continue;
    if (*first > item.date) {
      if (!later || *first < *sim.cases[*later].first_sick_day()) later = c;
    } else if (!previous || *first > *sim.cases[*previous].first_sick_day()) {
      previous = c;
    }
  }
  if (later) {
    const CaseSim& next = sim.cases[*later];
    fail(item, date_column, "before_recorded_case",
         "lies before " + next.label() + " (first sick day " + iso(*next.first_sick_day()) +
             "), which is recorded already: record this sickness in the case files by hand");
    return;
  }
  const auto relapse_gap = [&]() -> std::optional<long> {
    if (!previous || !sim.cases[*previous].summary.last_sick_day) return std::nullopt;
    const long gap =
        core::days_between(*sim.cases[*previous].summary.last_sick_day, item.date) - 1;
    if (gap < 0 || gap > 27) return std::nullopt;
    return gap;
  };
  std::size_t target = 0;
  EntryType type = EntryType::sick_report;
  std::string payload = item.payload;
  std::string detail;
  if (open_case && sim.cases[*open_case].first_sick_day()) {
    // On maternity leave: sickness after it is a relapse in the same case (the fold decides).
    target = *open_case;
    type = EntryType::relapse;
  } else if (const auto gap = relapse_gap(); gap && !open_case) {
    target = *previous;
    type = EntryType::relapse;
    detail = " (fit for " + std::to_string(*gap) + " days: under 28, so the same case, BW 7:629 "
             "lid 10)";
  } else if (open_case) {
    // A case opened before without its sick report.
    if (const auto gap = relapse_gap()) {
      fail(item, date_column, "relapse_with_open_case",
           sim.cases[*previous].label() + " ended " + std::to_string(*gap) +
               " days before, so this is a relapse in it, but " + sim.cases[*open_case].label() +
               " is open without a sick report: settle that case by hand first");
      return;
    }
    target = *open_case;
  } else {
    CaseSim opened;
    opened.summary.status = "no_sickness";
    sim.cases.push_back(std::move(opened));
    target = sim.cases.size() - 1;
  }
  if (type == EntryType::relapse) {
    payload = "{}";
    if (item.line->has_sick_report_fields) {
      detail += "; a relapse has no sick-report fields, so those of the file are not recorded";
    }
  }
  CaseSim& chosen = sim.cases[target];
  const bool new_case = chosen.case_id == 0 && chosen.entries.empty();
  if (auto added = add_entry(chosen, type, item.date, payload); !added.ok()) {
    if (new_case) sim.cases.pop_back();
    fail_with(item, added.error());
    return;
  }
  if (new_case) {
    const std::size_t result = add_result(item, employee, ImportOutcome::created,
                                          "sick from " + iso(item.date) + ": a new case", nullptr);
    Write write;
    write.kind = Write::Kind::report_sick;
    write.line = item.line->line;
    write.employee = employee;
    write.case_index = target;
    write.draft = core::EntryDraft{EntryType::sick_report, item.date, payload, std::nullopt, 1};
    write.result = result;
    writes_.push_back(std::move(write));
    return;
  }
  const std::string what = type == EntryType::relapse ? "relapse from " : "sick report from ";
  const std::size_t result =
      add_result(item, employee, ImportOutcome::created,
                 what + iso(item.date) + " in " + chosen.label() + detail, &chosen);
  append_write(item, employee, target, type, result);
}

void ReportPlanner::hold(std::size_t employee, const Item& item) {
  ++still_held_;
  const std::string why = "no sick period holding " + iso(item.date) + " is recorded (yet)";
  if (item.held) {
    if (item.held->payload == item.payload) {
      add_result(item, employee, ImportOutcome::unchanged,
                 "held since " + item.held->held_at + " (" + item.held->source + "): " + why,
                 nullptr);
      return;
    }
    add_result(item, employee, ImportOutcome::updated,
               "the report held since " + item.held->held_at + " is replaced by this line: " + why,
               nullptr);
    release_write(item, employee);
  } else {
    add_result(item, employee, ImportOutcome::held,
               std::string(report_kind_label(item.kind)) + " on " + iso(item.date) +
                   " held: " + why + "; a later import applies it",
               nullptr);
  }
  Write write;
  write.kind = Write::Kind::hold;
  write.line = item.line->line;
  write.employee = employee;
  write.held.employee_id = sims_[employee].employee.id;
  write.held.type = item.type;
  write.held.occurred_on = item.date;
  write.held.payload = item.payload;
  write.held.source = options_.file_name + ", line " + std::to_string(item.line->line);
  write.held.held_at = now_.timestamp;
  write.held.held_by = actor_.user_id;
  writes_.push_back(std::move(write));
}

void ReportPlanner::place_recovery(std::size_t employee, const Item& item) {
  EmployeeSim& sim = sims_[employee];
  const bool recovery = item.kind == ReportKind::recovered;
  const std::string label(report_kind_label(item.kind));
  const std::string what = recovery ? "recovery on " + iso(item.date)
                                    : "partial recovery (" + std::to_string(item.percentage) +
                                          "%) from " + iso(item.date);
  // In the case file already?
  for (std::size_t c = 0; c < sim.cases.size(); ++c) {
    const CaseSim& candidate = sim.cases[c];
    for (const auto& entry : counted_entries(candidate.entries)) {
      if (entry.type != item.type || entry.date != item.date) continue;
      const int recorded = recovery ? 0 : percentage_of(entry.payload);
      if (item.line && recorded != item.percentage) {
        fail(item, file_.columns.percentage, "conflicts_with_file",
             candidate.label() + " records a partial recovery of " + std::to_string(recorded) +
                 "% from " + iso(item.date) + ", the file " + std::to_string(item.percentage) +
                 "%: correct the case file if the file is right");
        return;
      }
      if (!item.line) {
        add_result(item, employee, ImportOutcome::released_from_held,
                   candidate.label() + " records the " + label + " on " + iso(item.date) +
                       " meanwhile; the held report (" + item.held->source + ") is released",
                   &candidate);
        release_write(item, employee);
        return;
      }
      std::string detail = what + " in " + candidate.label() + " (recorded already)";
      if (item.held) detail += "; the copy held since " + item.held->held_at + " is released";
      add_result(item, employee, ImportOutcome::unchanged, std::move(detail), &candidate);
      if (item.held) release_write(item, employee);
      return;
    }
  }
  const auto hit = sick_period_holding(sim, item.date, recovery);
  if (!hit) {
    if (item.line) {
      hold(employee, item);
    } else {
      ++still_held_;
    }
    return;
  }
  CaseSim& target = sim.cases[hit->case_index];
  if (recovery && hit->period.end) {
    if (item.line) {
      fail(item, file_.columns.date, "conflicts_with_file",
           target.label() + " records the sick period from " + iso(hit->period.start) +
               " as ended, with " + iso(core::add_days(*hit->period.end, 1)) +
               " as the first fit day; this recovery says " + iso(item.date) +
               ": correct the case file if the file is right");
    } else {
      ++still_held_;
    }
    return;
  }
  if (auto added = add_entry(target, item.type, item.date, item.payload); !added.ok()) {
    if (item.line) {
      fail_with(item, added.error());
    } else {
      ++still_held_;  // it stays held; the case file says why it does not fit
    }
    return;
  }
  std::string detail = what + " in " + target.label();
  if (item.held) detail += " (held since " + item.held->held_at + ", " + item.held->source + ")";
  const std::size_t result =
      add_result(item, employee, item.held ? ImportOutcome::applied_from_held
                                           : ImportOutcome::created,
                 std::move(detail), &target);
  append_write(item, employee, hit->case_index, item.type, result);
  if (item.held) release_write(item, employee);
}

void ReportPlanner::place(std::size_t employee, const Item& item) {
  if (item.kind == ReportKind::sick) {
    place_sick(employee, item);
  } else {
    place_recovery(employee, item);
  }
}

Status ReportPlanner::plan() {
  auto staff = store_.list_employees(employer_.id);
  if (!staff.ok()) return staff.error();
  std::map<std::string, const store::Employee*> by_number;
  for (const auto& employee : *staff) by_number.emplace(employee.personnel_number, &employee);
  auto held = store_.list_held_reports(employer_.id);
  if (!held.ok()) return held.error();

  // The file's lines per employee, in the order employees first appear.
  std::vector<std::pair<const store::Employee*, std::vector<Item>>> per_employee;
  std::map<std::int64_t, std::size_t> slot_of;
  const auto slot = [&](const store::Employee* employee) -> std::vector<Item>& {
    const auto [it, fresh] = slot_of.emplace(employee->id, per_employee.size());
    if (fresh) per_employee.emplace_back(employee, std::vector<Item>{});
    return per_employee[it->second].second;
  };
  for (const ReportLine& line : file_.lines) {
    if (auto other = detail::employer_mismatch(line.employer, employer_, line.line,
                                               file_.columns.employer)) {
      errors_.push_back(std::move(*other));
      continue;
    }
    const auto found = by_number.find(line.personnel_number);
    if (found == by_number.end()) {
      errors_.push_back(LineError{line.line, file_.columns.personnel_number, "unknown_employee",
                                  "no employee of " + employer_.name +
                                      " has the personnel number " + line.personnel_number +
                                      ": import the staff list first (import-employees)"});
      continue;
    }
    slot(found->second).push_back(
        Item{&line, nullptr, line.kind, line.type, line.date, line.payload, line.percentage});
  }
  // Held reports join the file's line of the same report, or come on their own.
  for (const store::HeldReport& report : *held) {
    const auto employee = std::find_if(staff->begin(), staff->end(),
                                       [&](const auto& e) { return e.id == report.employee_id; });
    if (employee == staff->end()) continue;
    auto& items = slot(&*employee);
    const auto same = std::find_if(items.begin(), items.end(), [&](const Item& item) {
      return item.line && !item.held && item.type == report.type && item.date == report.occurred_on;
    });
    if (same != items.end()) {
      same->held = &report;
      continue;
    }
    const ReportKind kind =
        report.type == EntryType::partial_work ? ReportKind::partial : ReportKind::recovered;
    items.push_back(Item{nullptr, &report, kind, report.type, report.occurred_on, report.payload,
                         kind == ReportKind::partial ? percentage_of(report.payload) : 0});
  }

  std::size_t total = 0;
  for (const auto& [employee, items] : per_employee) total += items.size();
  std::size_t done = 0;
  for (auto& [employee, items] : per_employee) {
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return std::tuple(a.date, kind_rank(a.kind), a.line == nullptr) <
             std::tuple(b.date, kind_rank(b.kind), b.line == nullptr);
    });
    auto sim = simulation_of(*employee);
    if (!sim.ok()) return sim.error();
    for (const Item& item : items) {
      detail::progress(options_, "checking", done++, total);
      place(*sim, item);
    }
  }
  detail::progress(options_, "checking", total, total);
  report_.still_held = still_held_;
  return core::ok_status();
}

}  // namespace

Result<HrImportReport> HrImport::import_reports(const Actor& actor, std::int64_t employer_id,
                                                std::string_view csv_text,
                                                const HrImportOptions& options,
                                                const Moment& now) {
  store::Employer employer;
  if (auto allowed = may_import(actor, employer_id, employer); !allowed.ok()) {
    return allowed.error();
  }
  const ReportFile file = read_report_file(csv_text);
  HrImportReport report = detail::start_report(file, options);
  std::vector<LineError> errors = file.errors;
  Actor import_actor = actor;
  import_actor.user_id = import_actor_id(options.file_name);
  ReportPlanner planner(store_, employer, file, options, actor, now, report, errors);

  const auto apply = [&](std::size_t& line) -> Status {
    std::size_t done = 0;
    const std::size_t total = planner.writes().size();
    for (const Write& write : planner.writes()) {
      line = write.line;
      CaseSim* sim = write.kind == Write::Kind::report_sick || write.kind == Write::Kind::append
                         ? &planner.sims()[write.employee].cases[write.case_index]
                         : nullptr;
      switch (write.kind) {
        case Write::Kind::report_sick: {
          const SickReport sick{planner.sims()[write.employee].employee.id, write.draft.occurred_on,
                                write.draft.payload};
          auto opened = app_.report_sick(import_actor, sick, now);
          if (!opened.ok()) return opened.error();
          sim->case_id = opened->case_id;
          break;
        }
        case Write::Kind::append: {
          auto appended = app_.append_entry(import_actor, sim->case_id, write.draft, now);
          if (!appended.ok()) return appended.error();
          break;
        }
        case Write::Kind::hold: {
          auto held = store_.hold_report(write.held);
          if (!held.ok()) return held.error();
          break;
        }
        case Write::Kind::release:
          if (auto released = store_.release_held_report(write.held_id); !released.ok()) {
            return released;
          }
          break;
      }
      if (sim && write.result) report.lines[*write.result].case_id = sim->case_id;
      detail::progress(options, "writing", ++done, total);
    }
    return detail::audit_import(store_, actor, now, "hr_import_reports", employer_id,
                                options.file_name + ": " + detail::outcome_summary(report));
  };
  return detail::run_import(store_, report, errors, options, [&] { return planner.plan(); },
                            apply);
}

}  // namespace spoorboek::app
