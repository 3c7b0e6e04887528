// The completeness check (riv_check.h): the file's entries as they count after corrections, read
// once, then one function per group of §13 checks.
#include "core/riv_check.h"

#include <algorithm>
#include <charconv>

#include "core/json_scan.h"
#include "core/riv_lexicon.h"

namespace spoorboek::core {
namespace {

using detail::JsonKind;
using detail::JsonValue;

// An entry as it counts after corrections: its date and payload may come from a correction.
struct Item {
  const Entry* entry = nullptr;
  Date on{};
  std::string_view payload;  // a JSON object text: the entry's own or a correction's new_payload
  std::int64_t seq() const { return entry->seq; }
  EntryType type() const { return entry->type; }
};

std::optional<JsonValue> member(std::string_view object, std::string_view key) {
  return detail::find_json_member(object, key);
}

std::optional<std::int64_t> integer_member(std::string_view object, std::string_view key) {
  const auto value = member(object, key);
  if (!value || value->kind != JsonKind::number) return std::nullopt;
  std::int64_t number = 0;
  const auto [end, error] =
      std::from_chars(value->text.data(), value->text.data() + value->text.size(), number);
  if (error != std::errc() || end != value->text.data() + value->text.size()) return std::nullopt;
  return number;
}

// The file read once: corrections applied, the effective entries in business-date order and
// grouped by type. Payloads are read as slices of the stored text (json_scan.h), never copied.
class FileView {
 public:
  // Entries dated after `as_of` are left out of the items (not of the privacy lint): the check
  // sees the file as it stood that day, as the deadline engine does.
  FileView(std::span<const Entry> entries, std::optional<Date> as_of) : entries_(entries) {
    std::vector<Item> effective(entries.size());
    std::vector<bool> present(entries.size(), false);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].type == EntryType::correction) continue;
      effective[i] = Item{&entries[i], entries[i].occurred_on, entries[i].payload};
      present[i] = true;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].type != EntryType::correction) continue;
      const std::string_view correction = entries[i].payload;
      const auto target = index_of(integer_member(correction, "corrects_seq").value_or(0));
      if (!target || !present[*target]) continue;
      const auto voids = member(correction, "void");
      if (voids && voids->text == "true") {
        present[*target] = false;
        continue;
      }
      if (const auto date = member(correction, "new_occurred_on");
          date && date->kind == JsonKind::string) {
        if (const auto day = parse_iso_date(date->text)) effective[*target].on = *day;
      }
      if (const auto payload = member(correction, "new_payload");
          payload && payload->kind == JsonKind::object) {
        effective[*target].payload = payload->text;
      }
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (present[i] && (!as_of || effective[i].on <= *as_of)) items_.push_back(effective[i]);
    }
    std::stable_sort(items_.begin(), items_.end(),
                     [](const Item& a, const Item& b) { return a.on < b.on; });
    // Grouped by type in one array (a counting sort keeps the date order within a type).
    for (const Item& item : items_) ++offsets_[static_cast<std::size_t>(item.type()) + 1];
    for (std::size_t t = 1; t < offsets_.size(); ++t) offsets_[t] += offsets_[t - 1];
    grouped_.resize(items_.size());
    auto fill = offsets_;
    for (const Item& item : items_) grouped_[fill[static_cast<std::size_t>(item.type())]++] = &item;
  }
  FileView(const FileView&) = delete;
  FileView& operator=(const FileView&) = delete;

  std::span<const Entry> entries() const { return entries_; }
  const std::vector<Item>& items() const { return items_; }
  // The effective entries of a type, in business-date order.
  std::span<const Item* const> of(EntryType type) const {
    const auto t = static_cast<std::size_t>(type);
    return std::span<const Item* const>(grouped_).subspan(offsets_[t], offsets_[t + 1] - offsets_[t]);
  }
  const Item* latest(EntryType type) const {
    const auto list = of(type);
    return list.empty() ? nullptr : list.back();
  }

 private:
  std::optional<std::size_t> index_of(std::int64_t seq) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), seq,
                                     [](const Entry& e, std::int64_t s) { return e.seq < s; });
    if (it == entries_.end() || it->seq != seq) return std::nullopt;
    return static_cast<std::size_t>(it - entries_.begin());
  }

  std::span<const Entry> entries_;
  std::vector<Item> items_;
  std::vector<const Item*> grouped_;
  std::array<std::size_t, kEntryTypeCount + 1> offsets_{};
};

// --- Reading payload fields (payloads are validated; these only tolerate absence) ---

// A text field's raw content (escapes undecoded: enough to compare with a choice, or to see that
// a text is there, since validation refuses blank texts).
std::string_view text(const Item& item, std::string_view key) {
  const auto value = member(item.payload, key);
  return value && value->kind == JsonKind::string ? value->text : std::string_view{};
}

bool has_text(const Item& item, std::string_view key) { return !text(item, key).empty(); }

bool has(const Item& item, std::string_view key) {
  const auto value = member(item.payload, key);
  return value && value->kind != JsonKind::null;
}

bool flag(const Item& item, std::string_view key) {
  const auto value = member(item.payload, key);
  return value && value->kind == JsonKind::boolean && value->text == "true";
}

bool empty_list(const Item& item, std::string_view key) {
  const auto value = member(item.payload, key);
  if (!value || value->kind != JsonKind::array) return true;
  bool any = false;
  detail::for_each_element(value->text, [&any](const JsonValue&) {
    any = true;
    return false;
  });
  return !any;
}

std::vector<std::int64_t> seqs_of(std::span<const Item* const> items) {
  std::vector<std::int64_t> seqs;
  seqs.reserve(items.size());
  for (const Item* item : items) seqs.push_back(item->seq());
  return seqs;
}

// --- The check ---

class Checker {
 public:
  Checker(const FileView& file, const CaseFold& fold, const Timeline* timeline,
          const CaseParties& parties, Date as_of, const CheckOptions& options)
      : file_(file), fold_(fold), timeline_(timeline), parties_(parties), as_of_(as_of),
        options_(options) {}

  CheckReport run();

 private:
  Finding& add(CheckId check, Severity severity, std::vector<std::int64_t> entries = {}) {
    Finding finding;
    finding.check = check;
    finding.severity = severity;
    finding.entries = std::move(entries);
    report_.findings.push_back(std::move(finding));
    return report_.findings.back();
  }
  Finding& add_for(CheckId check, Severity severity, MilestoneKey key,
                   std::vector<std::int64_t> entries = {}) {
    Finding& finding = add(check, severity, std::move(entries));
    finding.milestone = key;
    finding.due = milestone(key).due;
    return finding;
  }
  const Milestone& milestone(MilestoneKey key) const { return timeline_->at(key); }
  MilestoneStatus status(MilestoneKey key) const { return milestone(key).status; }
  long days_since(Date day) const { return days_between(day, as_of_); }
  // Severity of a missing RIV element: BLOCK once the RIV is due or made, WARN before.
  Severity riv_severity() const { return riv_due_ ? Severity::block : Severity::warn; }
  Finding& add_element(CheckId check, RivElement element, std::vector<std::int64_t> entries = {}) {
    Finding& finding = add_for(check, riv_severity(), MilestoneKey::reintegration_report,
                               std::move(entries));
    finding.element = element;
    return finding;
  }

  void settle_riv_phase();
  void check_presence();
  void check_riv_elements();
  void check_timing();
  void check_evaluations();
  void check_partial_work();
  void check_content();
  void check_track_1();
  void check_refusals();
  void check_expert_opinions();
  void check_agreements();
  void check_privacy();
  void lint(const JsonValue& value, std::int64_t seq);
  void check_sanction();
  void finish();

  bool stagnating() const;

  const FileView& file_;
  const CaseFold& fold_;
  const Timeline* timeline_;
  const CaseParties& parties_;
  Date as_of_;
  const CheckOptions& options_;
  bool riv_due_ = false;
  CheckReport report_;
  // The privacy lint's scratch: where in the payload it is, a decoded text, the matcher.
  struct PathSegment {
    std::string_view key;
    std::optional<std::size_t> index;
  };
  std::vector<PathSegment> path_;
  std::string decoded_;
  detail::MedicalTermFinder finder_;
};

CheckReport Checker::run() {
  report_.as_of = as_of_;
  if (parties_.employee_name.empty() || parties_.employer_name.empty()) {
    add(CheckId::administrative_data_missing, Severity::block).element =
        RivElement::a_administrative_data;
  }
  if (!fold_.has_timeline || !timeline_) {
    add(CheckId::first_sick_day_missing, Severity::block).element = RivElement::e_first_sick_day;
  } else {
    settle_riv_phase();
    check_presence();
    check_riv_elements();
    check_timing();
    check_evaluations();
    check_partial_work();
    check_content();
    check_track_1();
    check_refusals();
    check_expert_opinions();
    check_agreements();
    check_sanction();
  }
  check_privacy();
  finish();
  return std::move(report_);
}

// The RIV's elements are expected once UWV's letter window has opened or the RIV deadline is
// within reach (due soon); they are due once the deadline passed, the RIV was made, or the WIA
// application was filed.
void Checker::settle_riv_phase() {
  const Milestone& riv = milestone(MilestoneKey::reintegration_report);
  const Milestone& letter = milestone(MilestoneKey::uwv_wia_letter);
  riv_due_ = riv.done_on.has_value() || riv.status == MilestoneStatus::overdue ||
             !file_.of(EntryType::wia_application).empty();
  if (riv.status == MilestoneStatus::not_applicable && !riv.done_on) riv_due_ = false;
  const bool window_open = letter.from && as_of_ >= *letter.from &&
                           riv.status != MilestoneStatus::not_applicable;
  report_.riv_phase = riv_due_ || riv.status == MilestoneStatus::due_soon || window_open;
}

void Checker::check_presence() {
  const auto analyses = file_.of(EntryType::problem_analysis);
  const auto plans = file_.of(EntryType::plan_of_action);

  // (a) A named company doctor: in the report to the doctor, or as the analysis's author.
  bool doctor_named = !analyses.empty();
  for (const Item* report : file_.of(EntryType::company_doctor_report)) {
    doctor_named = doctor_named || has_text(*report, "company_doctor");
  }
  // Asked for from the moment the doctor's first product, the analysis, is due.
  if (!doctor_named && (status(MilestoneKey::problem_analysis) == MilestoneStatus::overdue ||
                        report_.riv_phase)) {
    add_for(CheckId::administrative_data_missing, Severity::block,
            MilestoneKey::company_doctor_report, seqs_of(file_.of(EntryType::company_doctor_report)))
        .element = RivElement::a_administrative_data;
  }

  // (f) The problem analysis.
  if (analyses.empty() &&
      (status(MilestoneKey::problem_analysis) == MilestoneStatus::overdue || report_.riv_phase)) {
    add_for(CheckId::problem_analysis_missing, Severity::block, MilestoneKey::problem_analysis)
        .element = RivElement::f_problem_analysis;
  }

  // (g) The plan, unless the analysis states, with reasons, that there are no sustainable
  // possibilities (Beleidsregels vorm art. 2 lid 6).
  const bool no_plan_needed = !analyses.empty() &&
                              flag(*analyses.back(), "no_sustainable_possibilities");
  if (plans.empty() && !no_plan_needed &&
      (status(MilestoneKey::plan_of_action) == MilestoneStatus::overdue || report_.riv_phase)) {
    add_for(CheckId::plan_of_action_missing, Severity::block, MilestoneKey::plan_of_action)
        .element = RivElement::g_plan_of_action;
  }

  // (h) The first-year evaluation.
  if (file_.of(EntryType::first_year_evaluation).empty() &&
      status(MilestoneKey::first_year_evaluation) == MilestoneStatus::overdue) {
    add_for(CheckId::first_year_evaluation_missing, Severity::block,
            MilestoneKey::first_year_evaluation)
        .element = RivElement::h_evaluations;
  }
}

void Checker::check_riv_elements() {
  if (!report_.riv_phase) return;
  // (h, b, and the employer's parts of i and k) The end evaluation.
  const auto end_evaluations = file_.of(EntryType::end_evaluation);
  if (end_evaluations.empty()) {
    add_element(CheckId::end_evaluation_missing, RivElement::h_evaluations);
  }
  // (j, and the doctor's parts of i and k) The current judgement.
  const Item* judgement = file_.latest(EntryType::current_judgement);
  if (!judgement) {
    add_element(CheckId::current_judgement_missing, RivElement::j_current_judgement);
  } else if (!has_text(*judgement, "working_relationship_view")) {
    add_element(CheckId::working_relationship_judgement_missing,
                RivElement::i_working_relationship, {judgement->seq()});
  }
  // (l) The employee's opinion on the RIV.
  bool opinion = false;
  for (const Item* view : file_.of(EntryType::employee_view)) {
    opinion = opinion || text(*view, "subject") == "reintegration_report";
  }
  if (!opinion) add_element(CheckId::employee_opinion_missing, RivElement::l_employee_opinion);

  // The medical information: a medical part of the company doctor's judgements.
  bool medical = false;
  for (const auto type : {EntryType::problem_analysis, EntryType::current_judgement}) {
    for (const Item* judgement_or_analysis : file_.of(type)) {
      medical = medical || judgement_or_analysis->entry->medical.has_value();
    }
  }
  if (!medical) {
    Finding& finding = add(CheckId::medical_information_missing, Severity::info);
    finding.element = RivElement::medical_information;
  }

  // The reports UWV may ask for, to go with the RIV (§13 no. 40).
  std::vector<std::int64_t> reports;
  for (const auto type : {EntryType::occupational_expert_report, EntryType::expert_opinion,
                          EntryType::track_2_activity}) {
    for (const Item* report : file_.of(type)) reports.push_back(report->seq());
  }
  if (!reports.empty()) {
    std::sort(reports.begin(), reports.end());
    add(CheckId::attach_reports, Severity::info, std::move(reports));
  }
}

void Checker::check_timing() {
  const auto first_seq = [this](EntryType type) {
    const auto list = file_.of(type);
    return list.empty() ? std::vector<std::int64_t>{} : std::vector<std::int64_t>{list.front()->seq()};
  };
  if (status(MilestoneKey::problem_analysis) == MilestoneStatus::done_late) {
    add_for(CheckId::problem_analysis_late, Severity::warn, MilestoneKey::problem_analysis,
            first_seq(EntryType::problem_analysis));
  }
  if (status(MilestoneKey::plan_of_action) == MilestoneStatus::done_late) {
    add_for(CheckId::plan_of_action_late, Severity::warn, MilestoneKey::plan_of_action,
            first_seq(EntryType::plan_of_action));
  }

  // A plan version must follow the latest adjustment of the analysis (RPG art. 4 lid 4, 5).
  const auto analyses = file_.of(EntryType::problem_analysis);
  const auto plans = file_.of(EntryType::plan_of_action);
  if (analyses.size() > 1 && !plans.empty() && plans.back()->on < analyses.back()->on) {
    add(CheckId::plan_not_adjusted, Severity::warn, {analyses.back()->seq(), plans.back()->seq()})
        .element = RivElement::g_plan_of_action;
  }

  switch (status(MilestoneKey::uwv_42_week_report)) {
    case MilestoneStatus::overdue:
      add_for(CheckId::uwv_42_week_report_overdue, Severity::block,
              MilestoneKey::uwv_42_week_report);
      break;
    case MilestoneStatus::done_late:
      add_for(CheckId::uwv_42_week_report_late, Severity::warn, MilestoneKey::uwv_42_week_report,
              first_seq(EntryType::uwv_42_week_report));
      break;
    default:
      break;
  }

  const Milestone& evaluation = milestone(MilestoneKey::first_year_evaluation);
  const bool too_early = evaluation.done_on && evaluation.from && *evaluation.done_on < *evaluation.from;
  if (evaluation.status == MilestoneStatus::done_late ||
      (too_early && evaluation.status != MilestoneStatus::deviation)) {
    add_for(CheckId::first_year_evaluation_outside_window, Severity::warn,
            MilestoneKey::first_year_evaluation, first_seq(EntryType::first_year_evaluation));
  }

  const MilestoneStatus track_2 = status(MilestoneKey::track_2_start);
  if (track_2 == MilestoneStatus::overdue || track_2 == MilestoneStatus::done_late) {
    // A first-year evaluation that decided, with its reasons, not to start track 2 is the
    // documented exception: worth knowing, no risk by itself.
    const auto& decision = fold_.state.track_decision;
    const bool exception = track_2 == MilestoneStatus::overdue && decision &&
                           *decision != "start_track_2";
    std::vector<std::int64_t> seqs = first_seq(EntryType::track_2_decision);
    if (const Item* eje = file_.latest(EntryType::first_year_evaluation)) seqs.push_back(eje->seq());
    add_for(CheckId::track_2_late, exception ? Severity::info : Severity::warn,
            MilestoneKey::track_2_start, std::move(seqs));
  }

  // The end evaluation builds on the doctor's current judgement (Werkwijzer Poortwachter).
  const Item* judgement = file_.latest(EntryType::current_judgement);
  const Item* end_evaluation = file_.latest(EntryType::end_evaluation);
  if (judgement && end_evaluation && end_evaluation->on < judgement->on) {
    add(CheckId::current_judgement_after_end_evaluation, Severity::warn,
        {judgement->seq(), end_evaluation->seq()})
        .element = RivElement::h_evaluations;
  }

  const Milestone& riv = milestone(MilestoneKey::reintegration_report);
  bool riv_late = riv.status == MilestoneStatus::overdue || riv.status == MilestoneStatus::done_late;
  std::vector<std::int64_t> riv_seqs = first_seq(EntryType::reintegration_report);
  if (!riv_late && riv.due) {
    for (const Item* report : file_.of(EntryType::reintegration_report)) {
      const auto handed = parse_iso_date(text(*report, "handed_to_employee_on"));
      riv_late = riv_late || (handed && *handed > *riv.due);
    }
  }
  if (riv_late) {
    add_for(CheckId::reintegration_report_late, Severity::warn, MilestoneKey::reintegration_report,
            std::move(riv_seqs));
  }

  const MilestoneStatus wia = status(MilestoneKey::wia_application);
  if (wia == MilestoneStatus::overdue || wia == MilestoneStatus::done_late) {
    add_for(CheckId::wia_application_late, Severity::warn, MilestoneKey::wia_application,
            first_seq(EntryType::wia_application));
  }
}

// Progress evaluations, cycle by cycle as the engine computes them.
void Checker::check_evaluations() {
  if (status(MilestoneKey::progress_evaluation) == MilestoneStatus::not_applicable) return;
  const auto cycles = progress_evaluation_cycles(fold_.timeline_input, *timeline_);
  std::vector<std::int64_t> late;
  std::optional<Date> first_late_due;
  for (const EvaluationCycle& cycle : cycles) {
    if (cycle.status == MilestoneStatus::overdue) {
      add(CheckId::progress_evaluation_overdue, Severity::warn).milestone =
          MilestoneKey::progress_evaluation;
      report_.findings.back().due = cycle.due;
    } else if (cycle.status == MilestoneStatus::done_late && cycle.done_on) {
      if (!first_late_due) first_late_due = cycle.due;
      for (const Item* item : file_.of(EntryType::progress_evaluation)) {
        if (item->on == *cycle.done_on) {
          late.push_back(item->seq());
          break;
        }
      }
    }
  }
  if (first_late_due) {
    Finding& finding = add(CheckId::progress_evaluation_gap, Severity::info, std::move(late));
    finding.milestone = MilestoneKey::progress_evaluation;
    finding.due = first_late_due;
  }
}

// Partial work: therapeutic work without wage value, and hours left unchanged for long.
void Checker::check_partial_work() {
  const auto ends_span = [](EntryType type) {
    return type == EntryType::partial_work || type == EntryType::recovery ||
           type == EntryType::relapse || type == EntryType::maternity_leave;
  };
  const auto& items = file_.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].type() != EntryType::partial_work) continue;
    Date until = as_of_;
    bool open = true;
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      if (ends_span(items[j].type())) {
        until = items[j].on;
        open = false;
        break;
      }
    }
    const long days = days_between(items[i].on, until);
    if (text(items[i], "kind") == "therapeutic" && days > options_.therapeutic_work_days) {
      Finding& finding = add(CheckId::therapeutic_work_too_long, Severity::warn, {items[i].seq()});
      finding.due = add_days(items[i].on, options_.therapeutic_work_days);
    }
    const auto percentage = integer_member(items[i].payload, "percentage").value_or(0);
    if (open && fold_.state.status == CaseStatus::working_partially && percentage < 100 &&
        text(items[i], "kind") != "therapeutic" && days > options_.partial_work_review_days) {
      Finding& finding = add(CheckId::partial_work_not_reevaluated, Severity::info, {items[i].seq()});
      finding.due = add_days(items[i].on, options_.partial_work_review_days);
    }
  }
}

bool Checker::stagnating() const {
  if (const Item* eje = file_.latest(EntryType::first_year_evaluation)) {
    if (has(*eje, "on_course") && !flag(*eje, "on_course")) return true;
  }
  if (const Item* plan = file_.latest(EntryType::plan_of_action)) {
    if (text(*plan, "adjustment_reason") == "stagnation") return true;
  }
  if (const Item* attempt = file_.latest(EntryType::track_1_attempt)) {
    if (text(*attempt, "outcome") == "failed") return true;
  }
  return false;
}

void Checker::check_content() {
  const Item* analysis = file_.latest(EntryType::problem_analysis);
  if (analysis) {
    const bool none_possible = flag(*analysis, "no_sustainable_possibilities");
    if (empty_list(*analysis, "limitations") ||
        (!none_possible && empty_list(*analysis, "possibilities"))) {
      add(CheckId::problem_analysis_incomplete, Severity::warn, {analysis->seq()}).element =
          RivElement::f_problem_analysis;
    }
    if (none_possible) {
      add(CheckId::no_possibilities_review_risk, Severity::warn, {analysis->seq()}).element =
          RivElement::f_problem_analysis;
    }
    if (fold_.state.open() && stagnating() &&
        days_since(analysis->on) > options_.stale_advice_days) {
      Finding& finding =
          add(CheckId::advice_outdated_while_stagnating, Severity::warn, {analysis->seq()});
      finding.element = RivElement::f_problem_analysis;
      finding.due = add_days(analysis->on, options_.stale_advice_days);
    }
  }
  if (const Item* plan = file_.latest(EntryType::plan_of_action); plan && !has_text(*plan, "employee_view")) {
    add(CheckId::plan_without_employee_view, Severity::warn, {plan->seq()}).element =
        RivElement::g_plan_of_action;
  }
  if (const Item* eje = file_.latest(EntryType::first_year_evaluation)) {
    if (text(*eje, "track_decision") == "continue_track_1" && has(*eje, "on_course") &&
        !flag(*eje, "on_course")) {
      add(CheckId::track_1_continued_despite_stagnation, Severity::warn, {eje->seq()}).element =
          RivElement::h_evaluations;
    }
  }
}

// Track 1: the ladder own job -> adapted own job -> other internal job before track 2, and the
// employee's proposals answered.
void Checker::check_track_1() {
  const Item* track_2 = file_.latest(EntryType::track_2_decision);
  const Item* eje = file_.latest(EntryType::first_year_evaluation);
  const bool track_2_chosen = track_2 || (eje && text(*eje, "track_decision") == "start_track_2");
  if (track_2_chosen) {
    bool own_job = false;
    bool other_job = false;
    for (const Item* attempt : file_.of(EntryType::track_1_attempt)) {
      const auto option = text(*attempt, "option");
      own_job = own_job || option == "own_job_partial" || option == "own_job_adapted";
      other_job = other_job || option == "other_job_internal";
    }
    // An occupational expert who judged the own job, and found no other work inside (track 2
    // only) or described it, explored those rungs.
    for (const Item* report : file_.of(EntryType::occupational_expert_report)) {
      own_job = own_job || has_text(*report, "own_job_possible");
      other_job = other_job || text(*report, "conclusion_track") == "track_2" ||
                  has_text(*report, "other_internal_work");
    }
    if (!own_job || !other_job) {
      add(CheckId::track_1_ladder_incomplete, Severity::warn,
          {track_2 ? track_2->seq() : eje->seq()});
    }
  }
  // The occupational expert advised track 2 (§6.2): it must start, or the file says why not.
  if (const Item* report = file_.latest(EntryType::occupational_expert_report)) {
    const auto track = text(*report, "conclusion_track");
    const bool advised = track == "track_2" || track == "both";
    if (advised && !track_2 && days_since(report->on) > options_.track_2_after_advice_days &&
        fold_.state.open()) {
      add(CheckId::track_2_advised_not_started, Severity::warn, {report->seq()}).due =
          add_days(report->on, options_.track_2_after_advice_days);
    }
  }

  // Track 2 followed up: an activity or progress report at least every few weeks (§13 no. 33).
  if (track_2 && fold_.state.open()) {
    const auto start = parse_iso_date(text(*track_2, "start")).value_or(track_2->on);
    Date last = start;
    std::int64_t last_seq = track_2->seq();
    for (const Item* activity : file_.of(EntryType::track_2_activity)) {
      if (activity->on >= last) {
        last = activity->on;
        last_seq = activity->seq();
      }
    }
    if (days_since(last) > options_.track_2_follow_up_days) {
      add(CheckId::track_2_follow_up_missing, Severity::warn, {last_seq}).due =
          add_days(last, options_.track_2_follow_up_days);
    }
  }

  const auto attempts = file_.of(EntryType::track_1_attempt);
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    const Item& attempt = *attempts[i];
    if (text(attempt, "option") != "employee_proposal" || text(attempt, "outcome") != "ongoing") {
      continue;
    }
    const bool answered = i + 1 < attempts.size();
    if (!answered && days_since(attempt.on) > options_.answer_days) {
      add(CheckId::employee_proposal_unanswered, Severity::warn, {attempt.seq()}).due =
          add_days(attempt.on, options_.answer_days);
    }
  }
}

// A refusal by the employee calls for an employer action: a conversation, a new plan version.
void Checker::check_refusals() {
  const auto is_follow_up = [](EntryType type) {
    return type == EntryType::plan_of_action || type == EntryType::progress_evaluation ||
           type == EntryType::reintegration_interview || type == EntryType::expert_opinion;
  };
  const auto& items = file_.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    bool refusal = false;
    switch (item.type()) {
      case EntryType::plan_agreement: refusal = text(item, "agreement") == "refused"; break;
      case EntryType::plan_of_action: refusal = text(item, "employee_agreement") == "refused"; break;
      case EntryType::track_1_attempt:
        refusal = text(item, "outcome") == "declined_by_employee";
        break;
      default: break;
    }
    if (!refusal) continue;
    // A disagreement over the plan is what the deskundigenoordeel is for (§13 no. 35).
    const bool plan_refused = item.type() != EntryType::track_1_attempt;
    bool expert_asked = false;
    for (std::size_t j = i + 1; j < items.size() && !expert_asked; ++j) {
      expert_asked = items[j].type() == EntryType::expert_opinion;
    }
    if (plan_refused && !expert_asked && days_since(item.on) > options_.answer_days) {
      add(CheckId::disagreement_without_expert_opinion, Severity::warn, {item.seq()}).due =
          add_days(item.on, options_.answer_days);
    }
    bool followed = false;
    for (std::size_t j = i + 1; j < items.size() && !followed; ++j) {
      followed = is_follow_up(items[j].type()) && items[j].seq() != item.seq();
    }
    if (!followed && days_since(item.on) > options_.answer_days) {
      add(CheckId::refusal_without_follow_up, Severity::warn, {item.seq()}).due =
          add_days(item.on, options_.answer_days);
    }
  }
}

// A requested expert opinion whose answer is not in the file after some weeks: UWV answers
// within weeks, and the answer (or where it is) belongs in the file.
void Checker::check_expert_opinions() {
  const auto opinions = file_.of(EntryType::expert_opinion);
  for (std::size_t i = 0; i < opinions.size(); ++i) {
    const Item& request = *opinions[i];
    if (text(request, "stage") != "requested") continue;
    bool answered = false;
    for (const Item* other : opinions) {
      if (text(*other, "stage") != "answered") continue;
      const auto names = integer_member(other->payload, "request_seq");
      const bool names_it = names == request.seq();
      const bool unnamed_later = !names && other->on >= request.on;
      answered = answered || names_it || unnamed_later;
    }
    if (!answered && days_since(request.on) > options_.expert_opinion_days) {
      add(CheckId::expert_opinion_unanswered, Severity::info, {request.seq()}).due =
          add_days(request.on, options_.expert_opinion_days);
    }
  }
}

// Answers the employee still owes: to the current plan version and to conversation reports.
void Checker::check_agreements() {
  std::vector<std::int64_t> pending;
  if (const Item* plan = file_.latest(EntryType::plan_of_action)) {
    if (text(*plan, "employee_agreement") == "pending" && fold_.state.current_plan_agreement.empty()) {
      pending.push_back(plan->seq());
    }
  }
  for (const auto type : {EntryType::progress_evaluation, EntryType::reintegration_interview}) {
    for (const Item* conversation : file_.of(type)) {
      if (text(*conversation, "employee_agreement") == "pending") pending.push_back(conversation->seq());
    }
  }
  if (pending.empty()) return;
  std::sort(pending.begin(), pending.end());
  add(CheckId::agreement_pending, report_.riv_phase ? Severity::warn : Severity::info,
      std::move(pending));
}

void Checker::check_sanction() {
  const Item* sanction = file_.latest(EntryType::wage_sanction);
  if (sanction && !has(*sanction, "repaired_on")) {
    add(CheckId::wage_sanction_imposed, Severity::info, {sanction->seq()}).milestone =
        MilestoneKey::uwv_sanction_decision;
  }
}

// Every text the employer's side reads: the payloads (never the medical parts) of entries of the
// classes ADMIN, ABSENCE and FUNCTIONAL, corrections included (their replacement texts).
void Checker::check_privacy() {
  for (const Entry& entry : file_.entries()) {
    if (entry.visibility == Visibility::medical || entry.visibility == Visibility::employee_own) {
      continue;
    }
    path_.clear();
    lint(JsonValue{JsonKind::object, entry.payload}, entry.seq);
  }
}

void Checker::lint(const JsonValue& value, std::int64_t seq) {
  switch (value.kind) {
    case JsonKind::string: {
      std::string_view text = value.text;
      if (text.find('\\') != std::string_view::npos) {
        detail::decode_json_string(text, decoded_);
        text = decoded_;
      }
      const auto term = finder_.find(text);
      if (term.empty()) return;
      Finding& finding = add(CheckId::medical_term_in_employer_text, Severity::warn, {seq});
      finding.field = "payload";
      for (const auto& segment : path_) {
        if (segment.index) {
          finding.field += "[" + std::to_string(*segment.index) + "]";
        } else {
          finding.field += ".";
          finding.field += segment.key;
        }
      }
      finding.term = std::string(term);
      return;
    }
    case JsonKind::object:
      detail::for_each_member(value.text, [&](std::string_view key, const JsonValue& member) {
        path_.push_back(PathSegment{key, std::nullopt});
        lint(member, seq);
        path_.pop_back();
        return true;
      });
      return;
    case JsonKind::array: {
      std::size_t index = 0;
      detail::for_each_element(value.text, [&](const JsonValue& element) {
        path_.push_back(PathSegment{{}, index++});
        lint(element, seq);
        path_.pop_back();
        return true;
      });
      return;
    }
    default:
      return;
  }
}

void Checker::finish() {
  std::stable_sort(report_.findings.begin(), report_.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.severity != b.severity) return a.severity < b.severity;
                     return a.check < b.check;
                   });
  RiskScore& risk = report_.risk;
  for (const Finding& finding : report_.findings) {
    switch (finding.severity) {
      case Severity::block: ++report_.blocks; break;
      case Severity::warn: ++report_.warnings; break;
      case Severity::info: ++report_.infos; break;
    }
    const int points = risk_points(finding);
    if (points == 0) continue;
    risk.score += points;
    const auto it = std::find_if(risk.reasons.begin(), risk.reasons.end(),
                                 [&](const RiskReason& r) { return r.check == finding.check; });
    if (it == risk.reasons.end()) {
      risk.reasons.push_back(RiskReason{finding.check, points});
    } else {
      it->points += points;
    }
  }
  risk.score = std::min(risk.score, 100);
  std::stable_sort(risk.reasons.begin(), risk.reasons.end(),
                   [](const RiskReason& a, const RiskReason& b) { return a.points > b.points; });
  risk.level = risk.score == 0   ? RiskLevel::none
               : risk.score < 25 ? RiskLevel::low
               : risk.score < 50 ? RiskLevel::medium
                                 : RiskLevel::high;
}

}  // namespace

int risk_points(const Finding& finding) {
  if (finding.check == CheckId::wage_sanction_imposed) return 100;
  if (finding.check == CheckId::medical_term_in_employer_text) return 0;
  switch (finding.severity) {
    case Severity::block: return 25;
    case Severity::warn: return 10;
    case Severity::info: return 0;
  }
  return 0;
}

RivElements riv_elements(std::span<const Entry> entries) {
  const FileView file(entries, std::nullopt);
  RivElements result;
  const auto put = [&result](RivElement element, std::int64_t seq) {
    result.elements[static_cast<std::size_t>(element)].push_back(seq);
  };
  for (const Item& item : file.items()) {
    const std::int64_t seq = item.seq();
    switch (item.type()) {
      case EntryType::sick_report:
        put(RivElement::a_administrative_data, seq);
        put(RivElement::e_first_sick_day, seq);
        break;
      case EntryType::company_doctor_report: put(RivElement::a_administrative_data, seq); break;
      case EntryType::problem_analysis: put(RivElement::f_problem_analysis, seq); break;
      case EntryType::plan_of_action:
      case EntryType::plan_agreement: put(RivElement::g_plan_of_action, seq); break;
      case EntryType::first_year_evaluation: put(RivElement::h_evaluations, seq); break;
      case EntryType::end_evaluation:
        put(RivElement::b_nature_of_business, seq);
        put(RivElement::h_evaluations, seq);
        put(RivElement::i_working_relationship, seq);
        put(RivElement::k_suitable_work, seq);
        break;
      case EntryType::current_judgement:
        put(RivElement::i_working_relationship, seq);
        put(RivElement::j_current_judgement, seq);
        put(RivElement::k_suitable_work, seq);
        break;
      case EntryType::employee_view:
        if (text(item, "subject") == "reintegration_report") put(RivElement::l_employee_opinion, seq);
        break;
      case EntryType::occupational_expert_report:
      case EntryType::expert_opinion:
      case EntryType::track_2_activity:
      case EntryType::track_1_attempt:
      case EntryType::track_2_decision:
      case EntryType::progress_evaluation:
      case EntryType::reintegration_interview: result.attachments.push_back(seq); break;
      default: break;
    }
    if (item.entry->medical) put(RivElement::medical_information, seq);
  }
  return result;
}

CheckReport check_case_file(std::span<const Entry> entries, const CaseFold& fold,
                            const Timeline* timeline, const CaseParties& parties, Date as_of,
                            const CheckOptions& options) {
  const FileView file(entries, as_of);
  return Checker(file, fold, timeline, parties, as_of, options).run();
}

Result<CheckReport> check_entries(std::span<const Entry> entries, const CaseParties& parties,
                                  Date as_of, const CheckOptions& options) {
  auto fold = fold_case_file(entries, as_of);
  if (!fold.ok()) return fold.error();
  if (!fold->has_timeline) return check_case_file(entries, *fold, nullptr, parties, as_of, options);
  const Timeline timeline = compute_timeline(fold->timeline_input);
  return check_case_file(entries, *fold, &timeline, parties, as_of, options);
}

}  // namespace spoorboek::core
