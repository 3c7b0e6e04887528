#include "core/case_file_fold.h"

#include <algorithm>
#include <string>

#include "core/case_file_facts.h"

namespace spoorboek::core {
namespace {

// An entry as it counts after corrections.
struct EffectiveEntry {
  std::int64_t seq = 0;
  EntryType type = EntryType::sick_report;
  Date occurred_on{};
  EntryFacts facts;
};

std::string entry_label(std::int64_t seq, EntryType type) {
  return "entry " + std::to_string(seq) + " (" + std::string(entry_type_name(type)) + ")";
}

Error entry_error(std::int64_t seq, EntryType type, std::string code, std::string field,
                  const std::string& message) {
  return make_error(std::move(code), std::move(field), entry_label(seq, type) + ": " + message);
}

Error entry_error(const EffectiveEntry& entry, std::string code, std::string field,
                  const std::string& message) {
  return entry_error(entry.seq, entry.type, std::move(code), std::move(field), message);
}

const Entry* find_by_seq(std::span<const Entry> entries, std::int64_t seq) {
  const auto it = std::lower_bound(entries.begin(), entries.end(), seq,
                                   [](const Entry& e, std::int64_t s) { return e.seq < s; });
  return it != entries.end() && it->seq == seq ? &*it : nullptr;
}

// Applies every correction to its target and drops the corrections themselves.
Result<std::vector<EffectiveEntry>> apply_corrections(std::span<const Entry> entries,
                                                      CaseState& state) {
  std::vector<std::optional<EffectiveEntry>> effective(entries.size());
  std::vector<std::pair<std::size_t, EntryFacts>> corrections;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    auto facts = read_entry_facts(entry.type, entry.payload);
    if (!facts.ok()) {
      return entry_error(entry.seq, entry.type, facts.error().code, facts.error().field,
                         facts.error().message);
    }
    if (entry.type == EntryType::correction) {
      corrections.emplace_back(i, std::move(*facts));
    } else {
      effective[i] = EffectiveEntry{entry.seq, entry.type, entry.occurred_on, std::move(*facts)};
    }
  }
  for (const auto& [index, facts] : corrections) {
    const Entry& correction = entries[index];
    const auto fail = [&](std::string code, std::string field, const std::string& message) {
      return entry_error(correction.seq, correction.type, std::move(code), std::move(field),
                         message);
    };
    const Entry* target = find_by_seq(entries, facts.corrects_seq);
    if (!target || target->seq >= correction.seq) {
      return fail("unknown_entry", "payload.corrects_seq",
                  "names no earlier entry of this case file");
    }
    if (target->type == EntryType::correction) {
      return fail("correction_of_correction", "payload.corrects_seq",
                  "names a correction; correct the original entry again instead");
    }
    auto& slot = effective[static_cast<std::size_t>(target - entries.data())];
    if (!slot) {
      return fail("already_voided", "payload.corrects_seq",
                  "entry " + std::to_string(target->seq) + " was voided already");
    }
    if (facts.voids) {
      slot.reset();
      state.voided.push_back(target->seq);
      continue;
    }
    if (facts.new_occurred_on) slot->occurred_on = *facts.new_occurred_on;
    if (facts.new_payload) {
      auto replaced = read_entry_facts(target->type, *facts.new_payload, "payload.new_payload");
      if (!replaced.ok()) {
        return fail(replaced.error().code, replaced.error().field, replaced.error().message);
      }
      slot->facts = std::move(*replaced);
    }
    state.corrected.push_back(target->seq);
  }
  std::vector<EffectiveEntry> result;
  for (auto& slot : effective) {
    if (slot) result.push_back(std::move(*slot));
  }
  std::stable_sort(result.begin(), result.end(),
                   [](const EffectiveEntry& a, const EffectiveEntry& b) {
                     return a.occurred_on < b.occurred_on;
                   });
  return result;
}

// Where an input field of the engine came from, to name the entry when the engine refuses it.
struct FieldSource {
  std::string engine_field;  // prefix, e.g. "periods[2]" or "problem_analysis_date"
  std::int64_t seq = 0;
  EntryType type = EntryType::sick_report;
  std::string entry_field;
};

// Replays the effective entries in business-date order as a small state machine.
class Folder {
 public:
  Folder(Date as_of, CaseState corrections) : as_of_(as_of) { fold_.state = std::move(corrections); }

  Status apply(const EffectiveEntry& entry);
  Result<CaseFold> finish();

 private:
  enum class Phase { none, sick, fit, leave };

  Status apply_period(const EffectiveEntry& entry);
  Status apply_version(const EffectiveEntry& entry, int& versions,
                       std::optional<std::int64_t>& current, std::optional<Date>& first_date,
                       std::string_view engine_field);
  void apply_step(const EffectiveEntry& entry);
  Status apply_expert_opinion(const EffectiveEntry& entry);
  void set_first(std::optional<Date>& slot, Date date, const EffectiveEntry& entry,
                 std::string_view engine_field);
  void note(std::string engine_field, const EffectiveEntry& entry, std::string entry_field);
  void push_period(PeriodKind kind, const EffectiveEntry& entry, std::optional<Date> end,
                   std::string cause);
  Period& current() { return fold_.timeline_input.periods.back(); }
  Error map_engine_error(const Error& error) const;
  Status check_single_case() const;

  Date as_of_;
  CaseFold fold_;
  Phase phase_ = Phase::none;
  Date fit_from_{};
  int partial_percentage_ = 0;
  int cause_labels_ = 0;
  std::optional<std::int64_t> current_problem_analysis_;
  std::vector<std::int64_t> expert_opinion_requests_;  // seqs, in business-date order
  std::vector<FieldSource> sources_;
};

void Folder::note(std::string engine_field, const EffectiveEntry& entry, std::string entry_field) {
  sources_.push_back(
      FieldSource{std::move(engine_field), entry.seq, entry.type, std::move(entry_field)});
}

void Folder::push_period(PeriodKind kind, const EffectiveEntry& entry, std::optional<Date> end,
                         std::string cause) {
  auto& periods = fold_.timeline_input.periods;
  note("periods[" + std::to_string(periods.size()) + "]", entry, "occurred_on");
  periods.push_back(Period{kind, entry.occurred_on, end, std::move(cause)});
  fold_.state.period_sources.push_back(entry.seq);
}

Status Folder::apply(const EffectiveEntry& entry) {
  if (phase_ == Phase::none && entry.type != EntryType::sick_report) {
    return entry_error(entry, "before_sick_report", "occurred_on",
                       "is dated before the sick report, or there is none; every entry of a case "
                       "follows its first sick day");
  }
  switch (entry.type) {
    case EntryType::sick_report:
    case EntryType::recovery:
    case EntryType::relapse:
    case EntryType::partial_work:
    case EntryType::maternity_leave:
      return apply_period(entry);
    case EntryType::problem_analysis:
      return apply_version(entry, fold_.state.problem_analysis_versions, current_problem_analysis_,
                           fold_.timeline_input.problem_analysis_date, "problem_analysis_date");
    case EntryType::plan_of_action:
      fold_.state.current_plan_agreement.clear();
      return apply_version(entry, fold_.state.plan_of_action_versions,
                           fold_.state.current_plan_seq, fold_.timeline_input.plan_of_action_date,
                           "plan_of_action_date");
    case EntryType::plan_agreement:
      if (fold_.state.current_plan_seq != entry.facts.plan_seq) {
        return entry_error(entry, "not_current_version", "payload.plan_seq",
                           fold_.state.current_plan_seq
                               ? "must name the current version of the plan, entry " +
                                     std::to_string(*fold_.state.current_plan_seq)
                               : "there is no plan of action to agree to yet");
      }
      fold_.state.current_plan_agreement = entry.facts.agreement;
      return ok_status();
    case EntryType::expert_opinion:
      return apply_expert_opinion(entry);
    default:
      apply_step(entry);
      return ok_status();
  }
}

Status Folder::apply_period(const EffectiveEntry& entry) {
  const Date day = entry.occurred_on;
  const auto fail = [&](std::string code, std::string field, const std::string& message) {
    return entry_error(entry, std::move(code), std::move(field), message);
  };
  const auto since = [](Date date) { return format_iso_date(date); };
  switch (entry.type) {
    case EntryType::sick_report:
      if (phase_ != Phase::none) {
        return fail("duplicate_sick_report", "type",
                    "the case has a sick report already; record renewed sickness as a relapse");
      }
      note("periods", entry, "occurred_on");  // the engine's checks of D name no index
      push_period(PeriodKind::sick, entry, std::nullopt, std::to_string(++cause_labels_));
      fold_.state.first_sick_day = day;
      phase_ = Phase::sick;
      return ok_status();

    case EntryType::recovery:
      if (phase_ != Phase::sick) {
        return fail("no_open_sickness", "occurred_on",
                    phase_ == Phase::leave ? "the employee is on maternity leave, not sick"
                                           : "the employee recovered already on " + since(fit_from_));
      }
      if (day <= current().start) {
        return fail("impossible_sequence", "occurred_on",
                    "the first fit day must come after the first sick day " + since(current().start));
      }
      current().end = add_days(day, -1);
      fit_from_ = day;
      partial_percentage_ = 0;
      phase_ = Phase::fit;
      return ok_status();

    case EntryType::relapse: {
      if (phase_ == Phase::sick) {
        return fail("relapse_while_sick", "occurred_on",
                    "the employee is still sick since " + since(current().start) +
                        "; a relapse follows a recovery");
      }
      if (phase_ == Phase::fit && day <= fit_from_) {
        return fail("impossible_sequence", "occurred_on",
                    "a relapse must come after the recovery on " + since(fit_from_) +
                        " (correct or void the recovery when there was no fit day)");
      }
      if (phase_ == Phase::leave && day <= *current().end) {
        return fail("impossible_sequence", "occurred_on",
                    "falls within the maternity leave until " + since(*current().end));
      }
      // The cause only matters across a maternity leave (WAZO); the company doctor says whether
      // it is the same without naming it.
      std::string cause;
      if (entry.facts.same_cause_as_before == true) {
        cause = std::to_string(cause_labels_);
      } else if (entry.facts.same_cause_as_before == false) {
        cause = std::to_string(++cause_labels_);
      }
      push_period(PeriodKind::sick, entry, std::nullopt, std::move(cause));
      phase_ = Phase::sick;
      return ok_status();
    }

    case EntryType::partial_work:
      if (phase_ != Phase::sick) {
        return fail("no_open_sickness", "occurred_on",
                    "partial work is part of a sick period and none is open on this date");
      }
      partial_percentage_ = entry.facts.percentage;
      return ok_status();

    case EntryType::maternity_leave: {
      const Date end = *entry.facts.end;
      if (end < day) return fail("end_before_start", "payload.end", "is before the first leave day");
      if (phase_ == Phase::leave && day <= *current().end) {
        return fail("overlap", "occurred_on",
                    "overlaps the maternity leave until " + since(*current().end));
      }
      // The leave interrupts the sickness (WAZO): the sick period ends the day before it.
      if (phase_ == Phase::sick) {
        if (day <= current().start) {
          return fail("overlap", "occurred_on",
                      "a leave cannot start on or before the first sick day " +
                          since(current().start));
        }
        current().end = add_days(day, -1);
      }
      push_period(PeriodKind::maternity_leave, entry, end, "");
      partial_percentage_ = 0;
      phase_ = Phase::leave;
      return ok_status();
    }
    default:
      return ok_status();
  }
}

Status Folder::apply_version(const EffectiveEntry& entry, int& versions,
                             std::optional<std::int64_t>& current,
                             std::optional<Date>& first_date, std::string_view engine_field) {
  const auto& replaces = entry.facts.replaces_seq;
  if (current && !replaces) {
    return entry_error(entry, "missing_field", "payload.replaces_seq",
                       "a version exists already (entry " + std::to_string(*current) +
                           "); an adjustment names the version it replaces");
  }
  if (replaces && replaces != current) {
    return entry_error(entry, "not_current_version", "payload.replaces_seq",
                       current ? "must name the current version, entry " + std::to_string(*current)
                               : "there is no earlier version to replace");
  }
  ++versions;
  current = entry.seq;
  if (!first_date) set_first(first_date, entry.occurred_on, entry, engine_field);
  return ok_status();
}

// UWV answers a request that was made before: an answer that names its request must name an
// earlier request of this file (one that still counts after corrections).
Status Folder::apply_expert_opinion(const EffectiveEntry& entry) {
  if (entry.facts.expert_stage == "requested") {
    expert_opinion_requests_.push_back(entry.seq);
    return ok_status();
  }
  const auto& request = entry.facts.request_seq;
  if (request && (*request >= entry.seq ||
                  std::find(expert_opinion_requests_.begin(), expert_opinion_requests_.end(),
                            *request) == expert_opinion_requests_.end())) {
    return entry_error(entry, "unknown_request", "payload.request_seq",
                       "must name an earlier request for a deskundigenoordeel in this file "
                       "(entry " + std::to_string(*request) + " is none)");
  }
  return ok_status();
}

void Folder::set_first(std::optional<Date>& slot, Date date, const EffectiveEntry& entry,
                       std::string_view engine_field) {
  if (slot && *slot <= date) return;
  slot = date;
  note(std::string(engine_field), entry, "occurred_on");
}

void Folder::apply_step(const EffectiveEntry& entry) {
  TimelineInput& in = fold_.timeline_input;
  const EntryFacts& facts = entry.facts;
  const Date day = entry.occurred_on;
  switch (entry.type) {
    case EntryType::long_term_expected:
      set_first(in.long_term_expected_on, day, entry, "long_term_expected_on");
      break;
    case EntryType::company_doctor_report:
      set_first(in.company_doctor_report_date, day, entry, "company_doctor_report_date");
      break;
    case EntryType::progress_evaluation:
      in.progress_evaluation_dates.push_back(day);
      note("progress_evaluation_dates", entry, "occurred_on");
      break;
    case EntryType::uwv_42_week_report:
      set_first(in.uwv_42_week_report_date, day, entry, "uwv_42_week_report_date");
      break;
    case EntryType::first_year_evaluation:
      set_first(in.first_year_evaluation_date, day, entry, "first_year_evaluation_date");
      fold_.state.track_decision = facts.track_decision;
      break;
    case EntryType::track_2_decision:
      set_first(in.track_2_start_date, *facts.start, entry, "track_2_start_date");
      break;
    case EntryType::uwv_wia_letter:
      set_first(in.uwv_letter_date, day, entry, "uwv_letter_date");
      break;
    case EntryType::reintegration_report:
      set_first(in.reintegration_report_date, day, entry, "reintegration_report_date");
      break;
    case EntryType::wia_application:
      set_first(in.wia_application_date, day, entry, "wia_application_date");
      break;
    // For the decisions below the latest one counts: UWV or the parties changed their mind.
    case EntryType::voluntary_extension:
      in.voluntary_extension_end = facts.end;
      in.voluntary_extension_weeks = facts.weeks;
      note("voluntary_extension", entry, facts.end ? "payload.end" : "payload.weeks");
      break;
    case EntryType::wage_sanction:
      in.wage_sanction_weeks = facts.weeks;
      in.wage_sanction_decision_date = day;
      in.wage_sanction_repaired_on = facts.repaired_on;
      note("wage_sanction", entry, "payload.weeks");
      break;
    case EntryType::employment_end:
      in.employment_end_date = day;
      in.uwv_employment_end_report_date = facts.uwv_reported_on;
      fold_.state.employment_ended_on = day;
      note("employment_end_date", entry, "occurred_on");
      note("uwv_employment_end_report_date", entry, "payload.uwv_reported_on");
      break;
    case EntryType::safety_net:
      in.safety_net = facts.safety_net;
      in.uwv_safety_net_report_date = facts.uwv_reported_on;
      note("uwv_safety_net_report_date", entry, "payload.uwv_reported_on");
      break;
    case EntryType::deviation:
      note("deviations[" + std::to_string(in.deviations.size()) + "]", entry, "payload.milestone");
      in.deviations.push_back(Deviation{*facts.milestone, facts.reason});
      break;
    default:
      break;  // content for people only: conversations, track-1 and track-2 activities,
              // reports and judgements, the employee's view and copy requests
  }
}

Error Folder::map_engine_error(const Error& error) const {
  // The longest matching prefix names the most specific source.
  const FieldSource* best = nullptr;
  for (const auto& source : sources_) {
    if (error.field.rfind(source.engine_field, 0) == 0 &&
        (!best || source.engine_field.size() > best->engine_field.size())) {
      best = &source;
    }
  }
  if (!best) return make_error(error.code, error.field, "case file: " + error.message);
  return entry_error(best->seq, best->type, error.code, best->entry_field,
                     error.message + " (" + error.field + ")");
}

Status Folder::check_single_case() const {
  const TimelineInput& in = fold_.timeline_input;
  const auto cases = split_cases(in);
  if (cases.size() <= 1) return ok_status();
  const std::size_t index = cases[1].first_period;
  // The last sick period of the earlier case ends the interruption's count.
  const Period& previous = in.periods[cases[0].last_period];
  const long gap = days_between(*previous.end, in.periods[index].start) - 1;
  const auto seq = fold_.state.period_sources[index];
  return make_error("new_case", "occurred_on",
                    entry_label(seq, EntryType::relapse) + ": an interruption of " +
                        std::to_string(gap) +
                        " days (28 or more) starts a new case (BW 7:629 lid 10); close this case "
                        "and report the sickness in a new case file");
}

Result<CaseFold> Folder::finish() {
  if (phase_ == Phase::none) return std::move(fold_);

  CaseState& out = fold_.state;
  out.partial_work_percentage = partial_percentage_;
  switch (phase_) {
    case Phase::sick:
      out.status = partial_percentage_ > 0 ? CaseStatus::working_partially : CaseStatus::sick;
      break;
    case Phase::fit:
      out.status = CaseStatus::recovered;
      out.recovered_on = fit_from_;
      break;
    case Phase::leave:
      if (as_of_ <= *current().end) {
        out.status = CaseStatus::maternity_leave;
      } else {
        out.status = CaseStatus::recovered;
        out.recovered_on = add_days(*current().end, 1);
      }
      break;
    case Phase::none:
      break;
  }

  TimelineInput& in = fold_.timeline_input;
  in.file_is_complete = true;
  in.as_of = as_of_;
  Status valid = validate_timeline_input(in);
  // An extension agreed while the employee was sick lapses when the case ends before the waiting
  // period does: the recovery must still be recordable.
  if (!valid.ok() && valid.error().code == "not_applicable" &&
      valid.error().field.rfind("voluntary_extension", 0) == 0) {
    in.voluntary_extension_end.reset();
    in.voluntary_extension_weeks = 0;
    out.voluntary_extension_lapsed = true;
    valid = validate_timeline_input(in);
  }
  if (!valid.ok()) return map_engine_error(valid.error());
  if (const Status single = check_single_case(); !single.ok()) return single.error();
  fold_.has_timeline = true;
  return std::move(fold_);
}

}  // namespace

std::string_view case_status_name(CaseStatus status) {
  switch (status) {
    case CaseStatus::no_sickness: return "no_sickness";
    case CaseStatus::sick: return "sick";
    case CaseStatus::working_partially: return "working_partially";
    case CaseStatus::maternity_leave: return "maternity_leave";
    case CaseStatus::recovered: return "recovered";
  }
  return "no_sickness";
}

std::optional<CaseStatus> case_status_from_name(std::string_view name) {
  for (auto status : {CaseStatus::no_sickness, CaseStatus::sick, CaseStatus::working_partially,
                      CaseStatus::maternity_leave, CaseStatus::recovered}) {
    if (case_status_name(status) == name) return status;
  }
  return std::nullopt;
}

std::string_view case_status_dutch_name(CaseStatus status) {
  switch (status) {
    case CaseStatus::no_sickness: return "geen verzuim";
    case CaseStatus::sick: return "ziek";
    case CaseStatus::working_partially: return "gedeeltelijk aan het werk";
    case CaseStatus::maternity_leave: return "zwangerschapsverlof";
    case CaseStatus::recovered: return "hersteld";
  }
  return "geen verzuim";
}

Result<CaseFold> fold_case_file(std::span<const Entry> entries, Date as_of) {
  CaseState state;
  auto effective = apply_corrections(entries, state);
  if (!effective.ok()) return effective.error();
  Folder folder(as_of, std::move(state));
  for (const auto& entry : *effective) {
    if (const Status status = folder.apply(entry); !status.ok()) return status.error();
  }
  return folder.finish();
}

bool fold_reads_only_date(EntryType type) {
  switch (type) {
    case EntryType::reintegration_interview:
    case EntryType::track_1_attempt:
    case EntryType::employee_view:
    case EntryType::file_copy_request:
    case EntryType::gp_conversation:
    case EntryType::occupational_expert_report:
    case EntryType::current_judgement:
    case EntryType::end_evaluation:
    case EntryType::track_2_activity:
      return true;
    default:
      return false;
  }
}

std::vector<Entry> fold_relevant_entries(std::span<const Entry> entries) {
  std::vector<std::int64_t> corrected;
  for (const Entry& entry : entries) {
    if (entry.type != EntryType::correction) continue;
    // An unreadable correction is kept (it is no date-only entry) and the fold reports it.
    if (const auto facts = read_entry_facts(entry.type, entry.payload); facts.ok()) {
      corrected.push_back(facts->corrects_seq);
    }
  }
  const auto named_by_correction = [&](const Entry& entry) {
    return std::find(corrected.begin(), corrected.end(), entry.seq) != corrected.end();
  };
  const Entry* earliest_date_only = nullptr;
  for (const Entry& entry : entries) {
    if (!fold_reads_only_date(entry.type) || named_by_correction(entry)) continue;
    // Ordered by seq, so the first of equal dates is the earliest.
    if (!earliest_date_only || entry.occurred_on < earliest_date_only->occurred_on) {
      earliest_date_only = &entry;
    }
  }
  std::vector<Entry> selection;
  for (const Entry& entry : entries) {
    if (!fold_reads_only_date(entry.type) || named_by_correction(entry) ||
        &entry == earliest_date_only) {
      selection.push_back(entry);
    }
  }
  return selection;
}

Visibility entry_visibility(const EntryDraft& draft, std::span<const Entry> existing) {
  if (draft.type != EntryType::correction) return default_visibility(draft.type);
  const auto facts = read_entry_facts(draft.type, draft.payload);
  if (!facts.ok()) return default_visibility(draft.type);
  const Entry* target = find_by_seq(existing, facts->corrects_seq);
  return target ? target->visibility : default_visibility(draft.type);
}

}  // namespace spoorboek::core
