// check_bulk_batch(): what a bulk load refuses before it writes, the same for every backend.
#include <unordered_map>

#include "core/entry_hash.h"
#include "store/store.h"

namespace spoorboek::store {
namespace {

core::Error invalid(const std::string& list, std::size_t index, std::string_view column,
                    const std::string& message) {
  return core::make_error("invalid", list + "[" + std::to_string(index) + "]." + std::string(column),
                          message);
}

// What the entries of the batch say about one of its cases.
struct CaseInBatch {
  std::int64_t employee_id = 0;
  std::int64_t entries = 0;
  const core::Entry* last = nullptr;
  bool summarised = false;
};

Status check_entries(const BulkBatch& batch, std::unordered_map<std::int64_t, CaseInBatch>& cases) {
  const core::Entry* previous = nullptr;
  for (std::size_t i = 0; i < batch.entries.size(); ++i) {
    const core::Entry& entry = batch.entries[i];
    const auto found = cases.find(entry.case_id);
    if (found == cases.end()) {
      return invalid("entries", i, "case_id",
                     "case " + std::to_string(entry.case_id) + " is not a case of this batch");
    }
    const bool same_case = previous != nullptr && previous->case_id == entry.case_id;
    if (!same_case && found->second.entries > 0) {
      return invalid("entries", i, "case_id",
                     "the entries of case " + std::to_string(entry.case_id) +
                         " are not together: give them in (case_id, seq) order");
    }
    CaseInBatch& file = found->second;
    if (entry.seq != file.entries + 1) {
      return invalid("entries", i, "seq",
                     "case " + std::to_string(entry.case_id) + ": entry " +
                         std::to_string(entry.seq) + " where " + std::to_string(file.entries + 1) +
                         " comes next");
    }
    const std::string_view expected_prev =
        file.last ? std::string_view(file.last->hash) : core::kGenesisHash;
    if (entry.prev_hash != expected_prev) {
      return invalid("entries", i, "prev_hash",
                     "case " + std::to_string(entry.case_id) + ", entry " +
                         std::to_string(entry.seq) + ": prev_hash is not the previous entry's hash");
    }
    ++file.entries;
    file.last = &entry;
    previous = &entry;
  }
  return core::ok_status();
}

Status check_summaries(const BulkBatch& batch,
                       std::unordered_map<std::int64_t, CaseInBatch>& cases) {
  std::unordered_map<std::int64_t, std::int64_t> employer_of;
  employer_of.reserve(batch.employees.size());
  for (const auto& employee : batch.employees) employer_of[employee.id] = employee.employer_id;
  for (std::size_t i = 0; i < batch.summaries.size(); ++i) {
    const BulkSummary& row = batch.summaries[i];
    const auto found = cases.find(row.summary.case_id);
    if (found == cases.end() || found->second.summarised) {
      return invalid("summaries", i, "case_id",
                     "case " + std::to_string(row.summary.case_id) +
                         (found == cases.end() ? " is not a case of this batch"
                                               : " has a summary already in this batch"));
    }
    CaseInBatch& file = found->second;
    file.summarised = true;
    if (row.employee_id != file.employee_id) {
      return invalid("summaries", i, "employee_id",
                     "case " + std::to_string(row.summary.case_id) + " belongs to employee " +
                         std::to_string(file.employee_id));
    }
    if (const auto employer = employer_of.find(row.employee_id);
        employer != employer_of.end() && employer->second != row.employer_id) {
      return invalid("summaries", i, "employer_id",
                     "employee " + std::to_string(row.employee_id) + " works for employer " +
                         std::to_string(employer->second));
    }
    if (row.summary.last_seq != file.entries) {
      return invalid("summaries", i, "last_seq",
                     "case " + std::to_string(row.summary.case_id) + " has " +
                         std::to_string(file.entries) + " entries in this batch");
    }
    const std::string_view last_hash =
        file.last ? std::string_view(file.last->hash) : core::kGenesisHash;
    if (row.summary.last_hash != last_hash) {
      return invalid("summaries", i, "last_hash",
                     "is not the hash of case " + std::to_string(row.summary.case_id) +
                         "'s last entry");
    }
  }
  for (const auto& bulk_case : batch.cases) {
    if (!cases.at(bulk_case.id).summarised) {
      return core::make_error("invalid", "summaries",
                              "case " + std::to_string(bulk_case.id) + " has no summary");
    }
  }
  return core::ok_status();
}

}  // namespace

Status check_bulk_batch(const BulkBatch& batch) {
  std::unordered_map<std::int64_t, CaseInBatch> cases;
  cases.reserve(batch.cases.size());
  for (const auto& bulk_case : batch.cases) {
    // A case id twice is the database's to refuse (like an id taken before): keep the first.
    cases.emplace(bulk_case.id, CaseInBatch{bulk_case.employee_id});
  }
  if (auto entries = check_entries(batch, cases); !entries.ok()) return entries;
  if (auto summaries = check_summaries(batch, cases); !summaries.ok()) return summaries;
  for (std::size_t i = 0; i < batch.case_providers.size(); ++i) {
    const auto case_id = batch.case_providers[i].case_id;
    if (!cases.contains(case_id)) {
      return invalid("case_providers", i, "case_id",
                     "case " + std::to_string(case_id) + " is not a case of this batch");
    }
  }
  return core::ok_status();
}

}  // namespace spoorboek::store
