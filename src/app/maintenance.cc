// Use cases that check or rebuild the whole database.
#include <cstdlib>

#include "app/application.h"
#include "app/policy.h"
#include "app/prepare_append.h"
#include "core/entry_hash.h"

namespace spoorboek::app {
namespace {

// The seq in a store "corrupt_entry" error field "entries[<seq>].<column>".
std::int64_t seq_of_corrupt_field(const std::string& field) {
  const auto open = field.find('[');
  if (open == std::string::npos) return 0;
  return std::strtoll(field.c_str() + open + 1, nullptr, 10);
}

// The projection remembers the last seq and hash of each chain: a removed or replaced tail
// shows there.
std::optional<BrokenChain> check_tail(std::int64_t case_id, const std::vector<core::Entry>& entries,
                                      const store::CaseSummary& summary) {
  const auto count = static_cast<std::int64_t>(entries.size());
  if (summary.last_seq > count) {
    return BrokenChain{case_id, count + 1,
                       "entry " + std::to_string(count + 1) + " is missing: the case summary "
                       "records " + std::to_string(summary.last_seq) + " entries"};
  }
  if (summary.last_seq < count) {
    return BrokenChain{case_id, summary.last_seq + 1,
                       "entries after " + std::to_string(summary.last_seq) +
                           " were not written by Spoorboek (the case summary ends there)"};
  }
  const std::string tail = entries.empty() ? std::string(core::kGenesisHash) : entries.back().hash;
  if (summary.last_hash != tail) {
    return BrokenChain{case_id, count,
                       "the last entry's hash differs from the one the case summary recorded"};
  }
  return std::nullopt;
}

}  // namespace

Result<VerifyReport> Application::verify_all(const Actor& actor) {
  if (auto allowed = authorize(actor, Action::verify); !allowed.ok()) return allowed.error();
  auto ids = store_.list_case_ids();
  if (!ids.ok()) return ids.error();
  VerifyReport report;
  for (const auto case_id : *ids) {
    ++report.cases;
    auto entries = store_.load_entries(case_id);
    if (!entries.ok()) {
      if (entries.error().code != "corrupt_entry") return entries.error();
      report.broken.push_back(BrokenChain{case_id, seq_of_corrupt_field(entries.error().field),
                                          entries.error().message});
      continue;
    }
    report.entries += static_cast<std::int64_t>(entries->size());
    if (auto broken = core::verify_chain(case_id, *entries)) {
      report.broken.push_back(BrokenChain{case_id, broken->seq, broken->reason});
      continue;
    }
    auto summary = store_.find_summary(case_id);
    if (!summary.ok()) {
      report.broken.push_back(BrokenChain{case_id, 0, "the case has no summary row"});
      continue;
    }
    if (auto broken = check_tail(case_id, *entries, *summary)) report.broken.push_back(*broken);
  }
  return report;
}

Result<RebuildReport> Application::rebuild_projections(const Actor& actor, const Moment& now) {
  if (auto allowed = authorize(actor, Action::rebuild_projections); !allowed.ok()) {
    return allowed.error();
  }
  RebuildReport report;
  const Status status = store_.transaction([&]() -> Status {
    auto ids = store_.list_case_ids();
    if (!ids.ok()) return ids.error();
    for (const auto case_id : *ids) {
      auto entries = store_.load_entries(case_id);
      if (!entries.ok()) return entries.error();
      auto fold = core::fold_case_file(*entries, now.today);
      if (!fold.ok()) {
        return core::make_error(fold.error().code, fold.error().field,
                                "case " + std::to_string(case_id) + ": " + fold.error().message);
      }
      const core::Entry* last = entries->empty() ? nullptr : &entries->back();
      if (auto put = store_.put_summary(detail::summarize_case(case_id, *fold, last, now));
          !put.ok()) {
        return put;
      }
      ++report.cases;
    }
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return report;
}

}  // namespace spoorboek::app
