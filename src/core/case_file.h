// The case file (re-integratiedossier) as an append-only log of entries.
//
// The UWV judges the file afterwards, so the file records facts and never overwrites them: every
// fact is an Entry, a correction is a new entry that names the one it corrects. State and timeline
// are folds over the entries (case_file_fold.h); a SHA-256 chain makes tampering visible
// (entry_hash.h).
//
// An entry's payload is a JSON object whose fields depend on its type (the field lists of
// research/documents-and-privacy.md, kept lean). Any payload except the sick report's may carry a
// top-level "medical" object: it is split off into Entry::medical and is MEDICAL whatever the
// entry's own visibility. The sick report is the employer's form and by AP rules holds nothing
// where a diagnosis could land: no free text and no medical object. The GP conversation must
// carry one (what the GP said is medical), with a field list of its own, checked on submission
// (parse_entry_draft, canonicalize_payload): a stored payload no longer holds it.
//
// Everything here is pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace spoorboek::core {

// Stable snake_case names (entry_type_name) are part of the stored log: never rename one.
enum class EntryType : std::uint8_t {
  sick_report,              // ziekmelding: opens the case, occurred_on = first sick day D
  recovery,                 // hersteldmelding: occurred_on = first day fully fit again
  relapse,                  // terugval: occurred_on = first sick day of the renewed sickness
  partial_work,             // gedeeltelijke werkhervatting: still sick, no gap (domain.md §1)
  maternity_leave,          // zwangerschaps- en bevallingsverlof: occurred_on = first leave day
  long_term_expected,       // the company doctor expects long-term absence (RPG art. 2 lid 3)
  company_doctor_report,    // employer reported the case to the company doctor
  problem_analysis,         // probleemanalyse, versioned (an adjustment names the one it replaces)
  plan_of_action,           // plan van aanpak, versioned (a bijstelling names the one it replaces)
  progress_evaluation,      // voortgangsevaluatie
  reintegration_interview,  // re-integratiegesprek
  uwv_42_week_report,       // 42e-weeksmelding
  first_year_evaluation,    // eerstejaarsevaluatie with an explicit track decision
  track_1_attempt,          // an adaptation or other role offered in the own organisation
  track_2_decision,         // start of spoor 2: start date, provider
  uwv_wia_letter,           // UWV's letter about the WIA application, as received
  reintegration_report,     // re-integratieverslag completed
  wia_application,          // WIA-aanvraag by the employee
  voluntary_extension,      // vrijwillige verlenging loondoorbetaling (WIA art. 24)
  wage_sanction,            // loonsanctie: occurred_on = the day UWV decided
  employment_end,           // occurred_on = last day of employment
  safety_net,               // vangnet situation (ZW 29 lid 2 e-g, 29a, 29b)
  deviation,                // gemotiveerde afwijking van een termijn (RPG art. 5)
  correction,               // corrects or voids an earlier entry, with a reason
  plan_agreement,           // the employee agrees (or not) to the current Plan van Aanpak version
  employee_view,            // zienswijze: the employee's own view on the process, for the file
  file_copy_request,        // the employee asks for a copy (afschrift) of (part of) the file
  gp_conversation,          // the company doctor's record of the conversation with the GP (MEDICAL)
  expert_opinion,           // deskundigenoordeel van UWV: the request, or UWV's answer to it
  occupational_expert_report,  // arbeidsdeskundig rapport
  current_judgement,        // actueel oordeel of the company doctor (about week 85-91)
  end_evaluation,           // eindevaluatie van het Plan van Aanpak (about week 91)
  track_2_activity,         // a spoor 2 activity or progress report of the reintegration office
  count_
};
inline constexpr std::size_t kEntryTypeCount = static_cast<std::size_t>(EntryType::count_);

std::string_view entry_type_name(EntryType type);
std::optional<EntryType> entry_type_from_name(std::string_view name);
// The Dutch term for the UI ("Ziekmelding").
std::string_view entry_type_dutch_name(EntryType type);

// Who may read a field (design.md "Privacy by design"; documents-and-privacy.md §0, §10).
enum class Visibility : std::uint8_t { admin, absence, functional, medical, employee_own };
// "ADMIN", "ABSENCE", ... as stored.
std::string_view visibility_name(Visibility visibility);
std::optional<Visibility> visibility_from_name(std::string_view name);
// The class of an entry's payload when nothing more specific applies. A correction takes the
// class of the entry it corrects (see case_file_fold.h).
Visibility default_visibility(EntryType type);

// One fact in the log. Payload and medical are canonical JSON text (sorted keys, no spaces), the
// form that is hashed and stored.
struct Entry {
  std::int64_t case_id = 0;
  std::int64_t seq = 0;  // 1, 2, 3 ... within the case
  EntryType type = EntryType::sick_report;
  Date occurred_on{};        // the business date of the fact
  std::string recorded_at;   // UTC timestamp of recording, "2026-03-02T10:15:00Z"
  std::string actor;         // the user id that recorded it
  Visibility visibility = Visibility::admin;
  std::string payload = "{}";          // JSON object, without "medical"
  std::optional<std::string> medical;  // JSON object, MEDICAL
  std::string prev_hash;               // hash of seq-1, or kGenesisHash for seq 1
  std::string hash;                    // SHA-256(prev_hash || canonical entry), lowercase hex
};

// A new entry as submitted: {"type", "occurred_on", "payload" [, "expected_seq"]}.
struct EntryDraft {
  EntryType type = EntryType::sick_report;
  Date occurred_on{};
  std::string payload = "{}";          // canonical, validated for the type, without "medical"
  std::optional<std::string> medical;  // canonical, when the payload carried a medical object
  // The seq number the submitter expects the new entry to receive (optimistic concurrency).
  std::optional<std::int64_t> expected_seq;
};

// Parses and validates one submitted entry. Unknown fields are refused, dates must be strict ISO,
// the payload must satisfy its type's field list. Error fields are paths such as "type",
// "occurred_on" or "payload.end".
Result<EntryDraft> parse_entry_draft(std::string_view json_text);

// Validates a payload for a type and returns its canonical form (used for drafts built in code,
// e.g. the demo, and for the replacement payload of a correction). `field_prefix` is put before
// every error field ("payload").
struct CanonicalPayload {
  std::string payload;
  std::optional<std::string> medical;
};
Result<CanonicalPayload> canonicalize_payload(EntryType type, std::string_view payload_json,
                                              std::string_view field_prefix = "payload");

// Facts are recorded when they happened, so an entry dated after `today` is refused; a maternity
// leave may be announced ahead of its start.
Status check_entry_date(EntryType type, Date occurred_on, Date today);

}  // namespace spoorboek::core
