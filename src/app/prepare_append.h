// Internal to the application: turning a draft into a write, shared by single appends, the demo
// and projection rebuilds.
#pragma once

#include <cstdint>
#include <vector>

#include "app/actor.h"
#include "core/case_file.h"
#include "core/case_file_fold.h"
#include "store/store.h"

namespace spoorboek::security {
class FieldKey;
}

namespace spoorboek::app::detail {

// The projection row of a case from its fold. `last` is the case's newest entry (nullptr when it
// has none).
store::CaseSummary summarize_case(std::int64_t case_id, const core::CaseFold& fold,
                                  const core::Entry* last, const Moment& now);

// Whether the projection row belongs to a case that is not over: sick, working partially, on
// leave, or still empty (opened, no sick report yet).
bool summary_is_open(const store::CaseSummary& summary);

// Builds the next entry of the case described by `basis`, checks it (date not in the future,
// expected_seq, the fold of basis.fold_entries with it), hashes it and adds the summary. On
// success the new entry is appended to basis.fold_entries and becomes the basis's last entry; on
// failure `basis` is unchanged.
// The basis holds either every entry of the case, or, when `draft` is not a correction,
// core::fold_relevant_entries() of them (Store::load_append_basis): the fold is the same.
// A medical part is sealed with `medical_key` (refused with "medical_key_missing" without one),
// bound to its case and seq, so the stored entry and its hash hold only the ciphertext.
core::Result<store::AppendRequest> prepare_append(std::int64_t case_id, store::AppendBasis& basis,
                                                  const core::EntryDraft& draft,
                                                  const Actor& actor, const Moment& now,
                                                  const security::FieldKey* medical_key);

// The basis of a case whose entries (in seq order) are all in `entries`.
store::AppendBasis whole_file_basis(std::vector<core::Entry> entries);

// The plaintext of an entry's sealed medical part.
core::Result<std::string> open_medical(const security::FieldKey* medical_key,
                                       const core::Entry& entry);

}  // namespace spoorboek::app::detail
