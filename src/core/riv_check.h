// The completeness check of a case file: what the UWV will find missing or late in the
// re-integratieverslag (RIV), said while there is still time to repair it.
//
// Rules: research/documents-and-privacy.md §13 (the 40 automatable checks; their numbers are kept
// as Finding::number), the RIV elements a-l of Regeling procesgang eerste en tweede ziektejaar
// (RPG) art. 6 lid 1 (domain.md §3), the Beleidsregels vorm (art. 2) and beoordelingskader.
// Timing comes from the deadline engine only (timeline.h): the check reads the milestones'
// statuses, due dates and windows and never computes a statutory deadline itself. The few terms
// that are UWV practice rather than law (6 weeks of therapeutic work, a track-2 follow-up every 6
// weeks, stale advice after 13 weeks, an unanswered proposal after 4 weeks) are CheckOptions.
//
// Everything here is pure: no I/O, no clock (the fold's as_of is "today").
//
// Codes. Every finding has a stable code "RIV-<group>-<name>", the group being the section of §13:
// A = presence of an RIV element, B = timing, C = content and quality (C also holds the privacy
// lint, §13 no. 38). Codes are part of the API and CLI contract: never rename one. Titles and
// what-to-do texts, in Dutch and English, are in one place: check_title() / check_action()
// (riv_check_text.cc); the CLI, the API and the pages all use them.
//
// Privacy. A finding never quotes the file: it names entries (seqs), milestones, dates, payload
// field names and, for the privacy lint, the term of our own lexicon that matched. The check reads
// payloads only (never Entry::medical, of which it notes the presence), so it may run for any role;
// the app layer still drops the matched term for a role that does not read the entry.
//
// The §13 checks this unit implements (number: code):
//   1 RIV-A-administrative_data_missing   5 RIV-A-first_sick_day_missing
//   6 RIV-A-problem_analysis_missing       8 RIV-A-plan_of_action_missing
//   9 RIV-A-first_year_evaluation_missing 10 RIV-A-end_evaluation_missing (with 2: b)
//  11 RIV-A-current_judgement_missing (with 13: the doctor's part of k)
//  12 RIV-A-working_relationship_judgement_missing (the doctor's part; the employer's: 10)
//  14 RIV-A-employee_opinion_missing      15 RIV-A-medical_information_missing (INFO)
//  17 RIV-B-problem_analysis_late         18 RIV-B-plan_of_action_late, RIV-B-plan_not_adjusted
//  19 RIV-B-progress_evaluation_overdue, RIV-B-progress_evaluation_gap
//  20 RIV-B-uwv_42_week_report_overdue, RIV-B-uwv_42_week_report_late
//  21 RIV-B-first_year_evaluation_outside_window
//  22 RIV-B-track_2_late                  23 RIV-B-current_judgement_after_end_evaluation,
//     RIV-B-reintegration_report_late, RIV-B-wia_application_late
//  24 RIV-B-therapeutic_work_too_long     25 RIV-B-partial_work_not_reevaluated
//  26 RIV-B-advice_outdated_while_stagnating
//  27 RIV-C-problem_analysis_incomplete   28 RIV-C-no_possibilities_review_risk
//  29 RIV-C-plan_without_employee_view    30 RIV-C-track_1_ladder_incomplete,
//     RIV-C-track_2_advised_not_started   31 RIV-C-employee_proposal_unanswered
//  32 RIV-C-track_1_continued_despite_stagnation
//  33 RIV-C-track_2_follow_up_missing     34 RIV-C-refusal_without_follow_up
//  35 RIV-C-disagreement_without_expert_opinion, RIV-C-expert_opinion_unanswered
//  38 RIV-C-medical_term_in_employer_text 39 RIV-C-agreement_pending
//  40 RIV-C-attach_reports (INFO)         -- RIV-C-wage_sanction_imposed (the risk made real)
//
// The §13 checks the file's data does not allow, and why:
//   2, 13 the nature of the business and the employer's views on the working relationship and on
//         suitable work are required fields of the end evaluation, the doctor's view on suitable
//         work one of the current judgement (case_file_facts.cc): they are missing exactly when
//         their entry is, which checks 10 and 11 report (once, not three times in the risk).
//   3, 4  the employee's function and competences: no entry or record holds them yet.
//   7     every PA adjustment recognisable: guaranteed by the fold (an adjustment must name the
//         version it replaces, case_file_fold.h), so no file can violate it.
//   16    date, author name and function, BSN and signature on every element: entries carry their
//         date and recording user, but no author function, BSN or signature.
//   23    (part) the employer's upload within a day of the WIA application: not recorded.
//   36    wage value of resumed work: no wage figures are recorded (partial work is in hours).
//   37    BIG registration of the company doctor: not recorded.
//   Element (a) is checked for the names the app knows (CaseParties) and a named company doctor.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_file.h"
#include "core/case_file_fold.h"
#include "core/result.h"
#include "core/timeline.h"

namespace spoorboek::core {

enum class Severity : std::uint8_t {
  block,  // a legal element or step is missing: UWV's 14-day repair, or a wage sanction
  warn,   // a substantive risk in UWV's assessment framework
  info,   // good practice
};
// "BLOCK", "WARN", "INFO".
std::string_view severity_name(Severity severity);

// Every check, in the order of §13. The numbers are §13's.
enum class CheckId : std::uint8_t {
  administrative_data_missing,             // 1
  first_sick_day_missing,                  // 5
  problem_analysis_missing,                // 6
  plan_of_action_missing,                  // 8
  first_year_evaluation_missing,           // 9
  end_evaluation_missing,                  // 10
  current_judgement_missing,               // 11
  working_relationship_judgement_missing,  // 12
  employee_opinion_missing,                // 14
  medical_information_missing,             // 15
  problem_analysis_late,                   // 17
  plan_of_action_late,                     // 18
  plan_not_adjusted,                       // 18
  progress_evaluation_overdue,             // 19
  progress_evaluation_gap,                 // 19
  uwv_42_week_report_overdue,              // 20
  uwv_42_week_report_late,                 // 20
  first_year_evaluation_outside_window,    // 21
  track_2_late,                            // 22
  current_judgement_after_end_evaluation,  // 23
  reintegration_report_late,               // 23
  wia_application_late,                    // 23
  therapeutic_work_too_long,               // 24
  partial_work_not_reevaluated,            // 25
  advice_outdated_while_stagnating,        // 26
  problem_analysis_incomplete,             // 27
  no_possibilities_review_risk,            // 28
  plan_without_employee_view,              // 29
  track_1_ladder_incomplete,               // 30
  track_2_advised_not_started,             // 30 (§6.2: the AD's conclusion)
  employee_proposal_unanswered,            // 31
  track_1_continued_despite_stagnation,    // 32
  track_2_follow_up_missing,               // 33
  refusal_without_follow_up,               // 34
  disagreement_without_expert_opinion,     // 35
  expert_opinion_unanswered,               // 35
  medical_term_in_employer_text,           // 38
  agreement_pending,                       // 39
  attach_reports,                          // 40
  wage_sanction_imposed,                   // the risk made real (WIA art. 25 lid 9)
  count_
};
inline constexpr std::size_t kCheckCount = static_cast<std::size_t>(CheckId::count_);

// "RIV-A-problem_analysis_missing". Stable.
std::string_view check_code(CheckId check);
std::optional<CheckId> check_from_code(std::string_view code);
// The number of the check in documents-and-privacy.md §13 (0 for wage_sanction_imposed).
int check_number(CheckId check);
// The article the check rests on, e.g. "Regeling procesgang eerste en tweede ziektejaar art. 6
// lid 1 sub f". Static text.
std::string_view check_legal_basis(CheckId check);
// One line naming the problem, and what to do about it; static text in the language asked.
std::string_view check_title(CheckId check, Language language);
std::string_view check_action(CheckId check, Language language);

// The elements of the RIV (RPG art. 6 lid 1 a-l) and the medical information that goes with it
// (Beleidsregels vorm art. 2 lid 2 e).
enum class RivElement : std::uint8_t {
  a_administrative_data,
  b_nature_of_business,
  c_function,
  d_competences,
  e_first_sick_day,
  f_problem_analysis,
  g_plan_of_action,
  h_evaluations,
  i_working_relationship,
  j_current_judgement,
  k_suitable_work,
  l_employee_opinion,
  medical_information,
  count_
};
inline constexpr std::size_t kRivElementCount = static_cast<std::size_t>(RivElement::count_);
// "a" ... "l", "medical_information".
std::string_view riv_element_letter(RivElement element);
// "Administratieve gegevens" / "Administrative data".
std::string_view riv_element_name(RivElement element, Language language);

// Which entries make up each RIV element, for the RIV bundle and for the presence checks.
// - a: the sick report and the reports to the company doctor (the names themselves are records
//   of the app: employee, employer); b: the end evaluations (nature_of_business);
// - c, d: always empty (not recorded, see above); e: the sick report;
// - f: every problem-analysis version; g: every plan-of-action version and the employee's
//   answers to them (plan_agreement); h: the first-year evaluations and the end evaluations;
// - i, k: the current judgements (actueel oordeel, the company doctor's part) and the end
//   evaluations (the employer's part); j: the current judgements;
// - l: the employee's views on the re-integratieverslag (employee_view, subject
//   reintegration_report);
// - medical_information: the entries that carry a medical part (Entry::medical), to be handed
//   to the employee, never uploaded by the employer;
// - attachments: the reports UWV may ask for (§13 no. 40): occupational-expert reports, expert
//   opinions, track-1 attempts, the track-2 decision and activities, progress evaluations and
//   reintegration interviews.
// Voided entries are left out (all dates count: the bundle is of the whole file); a corrected
// entry keeps its own seq (its correction holds the content that counts: CaseState::corrected).
// Seqs are in business-date order (occurred_on as corrected, then seq).
struct RivElements {
  std::array<std::vector<std::int64_t>, kRivElementCount> elements;
  std::vector<std::int64_t> attachments;
  const std::vector<std::int64_t>& of(RivElement element) const {
    return elements[static_cast<std::size_t>(element)];
  }
};
// REQUIRES: entries of one case ordered by seq, whose fold succeeded.
RivElements riv_elements(std::span<const Entry> entries);

// What the app knows of the case outside its entries (RIV element a).
struct CaseParties {
  std::string employee_name;
  std::string employer_name;
};

// The terms of UWV practice (not law) the check applies, in days.
struct CheckOptions {
  int therapeutic_work_days = 42;      // §13 no. 24: therapeutic work without wage value
  int partial_work_review_days = 91;   // §13 no. 25: hours in the own company re-evaluated
  int stale_advice_days = 91;          // §13 no. 26: doctor's advice while stagnating
  int track_2_follow_up_days = 42;     // §13 no. 33: employer follow-up of track 2
  int answer_days = 28;                // §13 no. 31, 34, 35: answer a proposal, act on a refusal
  int expert_opinion_days = 56;        // §13 no. 35: an expert opinion requested, no answer
  int track_2_after_advice_days = 42;  // §13 no. 30: track 2 after the AD advised it
};

struct Finding {
  CheckId check = CheckId::first_sick_day_missing;
  Severity severity = Severity::block;
  std::vector<std::int64_t> entries;        // the entries concerned, by seq
  std::optional<RivElement> element;        // the RIV element concerned, if one
  std::optional<MilestoneKey> milestone;    // the deadline concerned, if one
  std::optional<Date> due;                  // its due date (or the date the term ran out)
  std::string field;  // privacy lint: the payload field, e.g. "payload.summary"
  std::string term;   // privacy lint: the lexicon term that matched (never the file's text)
  friend bool operator==(const Finding&, const Finding&) = default;
};

// The risk of a wage sanction (loonsanctie, WIA art. 25 lid 9): 0-100 with the findings that
// make it up. Points: 25 for a BLOCK finding, 10 for a WARN finding, nothing for INFO and for the
// privacy lint (a privacy defect is no ground for a sanction); an imposed, unrepaired sanction is
// 100. The sum is capped at 100. About 11% of the RIVs UWV checks end in a sanction, most for
// missing or late steps (domain.md §3): the score orders cases for attention, it is no forecast.
struct RiskReason {
  CheckId check = CheckId::first_sick_day_missing;
  int points = 0;
  friend bool operator==(const RiskReason&, const RiskReason&) = default;
};
enum class RiskLevel : std::uint8_t { none, low, medium, high };  // 0, 1-24, 25-49, 50-100
std::string_view risk_level_name(RiskLevel level);
struct RiskScore {
  int score = 0;
  RiskLevel level = RiskLevel::none;
  std::vector<RiskReason> reasons;  // highest points first
};
// The points a finding adds to the risk (see RiskScore).
int risk_points(const Finding& finding);

struct CheckReport {
  Date as_of{};
  std::vector<Finding> findings;  // BLOCK first, then WARN, INFO; within a severity by CheckId
  int blocks = 0;
  int warnings = 0;
  int infos = 0;
  // True from the moment the RIV's elements are expected (the UWV letter's window has opened or
  // the RIV deadline is within reach): the presence checks of b, h (end), i-l apply from then.
  bool riv_phase = false;
  RiskScore risk;
  bool has_block() const { return blocks > 0; }
};

// The check of one case file as of the fold's date.
// REQUIRES: `entries` is the whole file ordered by seq, `fold` is fold_case_file(entries, as_of)
// (succeeded), and `timeline` is compute_timeline(fold.timeline_input) when fold.has_timeline
// (nullptr otherwise).
CheckReport check_case_file(std::span<const Entry> entries, const CaseFold& fold,
                            const Timeline* timeline, const CaseParties& parties, Date as_of,
                            const CheckOptions& options = {});

// The same from the entries alone: folds and computes the timeline first. Errors are the fold's.
Result<CheckReport> check_entries(std::span<const Entry> entries, const CaseParties& parties,
                                  Date as_of, const CheckOptions& options = {});

// The privacy lint's lexicon and matcher, exposed for tests and for forms that want to warn
// early. A term matches case-insensitively (ASCII and the Latin-1 letters of UTF-8) on word
// boundaries; a stem marked prefix also matches longer words ("depressi" in "depressief"), one
// marked suffix also matches Dutch compounds ending in it ("klachten" in "rugklachten").
// Returns the first term found in `text`, or an empty view.
std::string_view find_medical_term(std::string_view text);

}  // namespace spoorboek::core
