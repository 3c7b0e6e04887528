// The fold: a case's state and deadline-engine input as a pure function of its entries.
//
// Corrections are applied first (the latest correction of an entry wins; a voided entry is
// ignored). The remaining entries are then taken in business-date order (occurred_on, then seq),
// so an entry recorded late, such as a relapse reported weeks afterwards, simply changes the
// result. Entries that cannot have happened are refused with the entry named: a recovery without
// an open sickness, a relapse while sick, a maternity leave that overlaps a period, a step dated
// before the first sick day, a plan adjustment that does not replace the current version, an
// answer to a deskundigenoordeel that names no earlier request, a correction of a correction.
//
// One case file holds one case in the sense of the law (domain.md §1): a relapse after an
// interruption of 28 days or more starts a new case, so the fold refuses it ("new_case") and the
// renewed sickness is reported in a new case file.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/case_file.h"
#include "core/result.h"
#include "core/timeline.h"

namespace spoorboek::core {

enum class CaseStatus : std::uint8_t {
  no_sickness,        // every entry voided, or none yet
  sick,               // an open sick period
  working_partially,  // sick, working part of the agreed hours (still a sick period)
  maternity_leave,    // on leave as of the fold's date
  recovered,          // no open sick period
};
std::string_view case_status_name(CaseStatus status);
std::optional<CaseStatus> case_status_from_name(std::string_view name);
std::string_view case_status_dutch_name(CaseStatus status);

struct CaseState {
  CaseStatus status = CaseStatus::no_sickness;
  std::optional<Date> first_sick_day;  // D
  std::optional<Date> recovered_on;    // first fit day after the last sick period, when fit
  int partial_work_percentage = 0;     // while working partially
  int problem_analysis_versions = 0;
  int plan_of_action_versions = 0;
  std::optional<std::int64_t> current_plan_seq;  // the version an adjustment must replace
  // The employee's latest answer to the current plan version (plan_agreement), empty while
  // there is none: a new version needs a new answer.
  std::string current_plan_agreement;
  std::optional<std::string> track_decision;     // of the latest first-year evaluation
  std::optional<Date> employment_ended_on;
  bool voluntary_extension_lapsed = false;  // the case ended before the waiting period did
  std::vector<std::int64_t> voided;     // seqs voided by a correction
  std::vector<std::int64_t> corrected;  // seqs replaced by a correction
  // Which entry opened each period of timeline_input.periods (same index).
  std::vector<std::int64_t> period_sources;

  friend bool operator==(const CaseState&, const CaseState&) = default;
  bool open() const {
    return status == CaseStatus::sick || status == CaseStatus::working_partially ||
           status == CaseStatus::maternity_leave;
  }
};

struct CaseFold {
  CaseState state;
  // Ready for compute_timeline() (validated, file_is_complete = true) when has_timeline.
  TimelineInput timeline_input;
  bool has_timeline = false;
  friend bool operator==(const CaseFold&, const CaseFold&) = default;
};

// REQUIRES: entries of one case, ordered by seq. `as_of` sets the timeline's status date and the
// state's view of a leave. Errors name the entry: field "occurred_on" or "payload.<field>", and a
// message starting with "entry <seq> (<type>)".
Result<CaseFold> fold_case_file(std::span<const Entry> entries, Date as_of);

// Entry types the fold reads nothing of but their date: conversations (the GP conversation too),
// track-1 attempts and track-2 activities, the occupational expert's report, the actueel oordeel,
// the end evaluation, the employee's view and copy requests are content for people. Their one
// rule is that the sick report precedes them.
bool fold_reads_only_date(EntryType type);

// The entries of a case file that the fold of the file plus one new entry needs, when that new
// entry is not a correction (a correction may name any entry): every entry except the date-only
// ones (fold_reads_only_date) that no correction names, of which only the earliest in
// business-date order (occurred_on, then seq) is kept. It stands for the others: the sick report
// precedes all of them exactly when it precedes the earliest, which the fold would reach first.
// So for entries whose payloads are valid (every stored entry's is) and a new entry N that is not
// a correction, fold_case_file(selection + N) gives the same fold, or the same first error, as
// fold_case_file(entries + N). Lets an append skip a long file of conversations.
// REQUIRES: entries of one case, ordered by seq. The result keeps that order.
std::vector<Entry> fold_relevant_entries(std::span<const Entry> entries);

// The visibility a new entry gets: its type's default, or for a correction the class of the
// entry it corrects (a correction repeats that entry's content). REQUIRES: `existing` ordered by
// seq; a correction's target is looked up there and falls back to the default when absent.
Visibility entry_visibility(const EntryDraft& draft, std::span<const Entry> existing);

}  // namespace spoorboek::core
