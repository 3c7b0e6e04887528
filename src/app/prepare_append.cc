#include "app/prepare_append.h"

#include "core/entry_hash.h"
#include "core/timeline.h"
#include "security/field_cipher.h"

namespace spoorboek::app::detail {
namespace {

// Binds a sealed medical part to its place in the file: copied into another entry it no longer
// opens.
std::string medical_associated_data(std::int64_t case_id, std::int64_t seq) {
  return "spoorboek:medical:case:" + std::to_string(case_id) + ":seq:" + std::to_string(seq);
}

}  // namespace

store::CaseSummary summarize_case(std::int64_t case_id, const core::CaseFold& fold,
                                  const core::Entry* last, const Moment& now) {
  store::CaseSummary summary;
  summary.case_id = case_id;
  summary.status = std::string(core::case_status_name(fold.state.status));
  summary.first_sick_day = fold.state.first_sick_day;
  summary.last_seq = last ? last->seq : 0;
  summary.last_hash = last ? last->hash : std::string(core::kGenesisHash);
  summary.updated_at = now.timestamp;
  if (!fold.has_timeline) return summary;
  const core::Timeline timeline = core::compute_timeline(fold.timeline_input);
  // A step missed in a case that has ended cannot be repaired any more: dashboards show the
  // deadlines of open cases only.
  const core::Milestone* next = fold.state.open() ? core::next_open_milestone(timeline) : nullptr;
  if (next) {
    summary.next_deadline_key = std::string(core::milestone_key_name(next->key));
    summary.next_deadline_due = next->due;
  }
  if (timeline.wage_period) summary.waiting_period_end = timeline.wage_period->waiting_period_end;
  summary.last_sick_day = timeline.case_summary.last_sick_day;
  summary.interruption_days = timeline.case_summary.interruption_days;
  return summary;
}

core::Result<std::string> open_medical(const security::FieldKey* medical_key,
                                       const core::Entry& entry) {
  if (!entry.medical) return core::make_error("not_found", "medical", "no medical part");
  if (medical_key == nullptr) {
    return core::make_error("medical_key_missing", "medical",
                            "medical data cannot be read without the key file");
  }
  return security::open_field(*medical_key, *entry.medical,
                              medical_associated_data(entry.case_id, entry.seq));
}

bool summary_is_open(const store::CaseSummary& summary) {
  const auto status = core::case_status_from_name(summary.status);
  return !status || *status != core::CaseStatus::recovered;
}

core::Result<store::AppendRequest> prepare_append(std::int64_t case_id, store::AppendBasis& basis,
                                                  const core::EntryDraft& draft,
                                                  const Actor& actor, const Moment& now,
                                                  const security::FieldKey* medical_key) {
  if (auto dated = core::check_entry_date(draft.type, draft.occurred_on, now.today); !dated.ok()) {
    return dated.error();
  }
  const std::int64_t next_seq = basis.last_seq + 1;
  if (draft.expected_seq && *draft.expected_seq != next_seq) {
    return core::make_error("conflict", "expected_seq",
                            "the case has " + std::to_string(basis.last_seq) +
                                " entries, so the next is " + std::to_string(next_seq) + ", not " +
                                std::to_string(*draft.expected_seq));
  }
  core::Entry entry;
  entry.case_id = case_id;
  entry.seq = next_seq;
  entry.type = draft.type;
  entry.occurred_on = draft.occurred_on;
  entry.recorded_at = now.timestamp;
  entry.actor = actor.user_id;
  entry.visibility = core::entry_visibility(draft, basis.fold_entries);
  entry.payload = draft.payload;
  if (draft.medical) {
    if (medical_key == nullptr) {
      return core::make_error("medical_key_missing", "payload.medical",
                              "medical data cannot be stored without the key file");
    }
    entry.medical = security::seal_field(*medical_key, *draft.medical,
                                         medical_associated_data(case_id, next_seq));
  }
  entry.prev_hash = basis.last_hash;
  entry.hash = core::compute_entry_hash(entry);

  basis.fold_entries.push_back(entry);
  auto fold = core::fold_case_file(basis.fold_entries, now.today);
  if (!fold.ok()) {
    basis.fold_entries.pop_back();
    return fold.error();
  }
  basis.last_seq = entry.seq;
  basis.last_hash = entry.hash;
  return store::AppendRequest{entry, summarize_case(case_id, *fold, &entry, now)};
}

store::AppendBasis whole_file_basis(std::vector<core::Entry> entries) {
  store::AppendBasis basis;
  if (!entries.empty()) {
    basis.last_seq = entries.back().seq;
    basis.last_hash = entries.back().hash;
  } else {
    basis.last_hash = std::string(core::kGenesisHash);
  }
  basis.fold_entries = std::move(entries);
  return basis;
}

}  // namespace spoorboek::app::detail
