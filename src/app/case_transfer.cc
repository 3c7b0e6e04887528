// Export and import of one case file (core/case_file_export.h says what the file holds).
#include <algorithm>

#include "app/application.h"
#include "app/policy.h"
#include "app/prepare_append.h"
#include "core/case_file_export.h"
#include "core/entry_hash.h"
#include "security/field_cipher.h"

namespace spoorboek::app {
namespace {

std::string entry_field(std::size_t index, std::string_view key = "") {
  std::string field = "entries[" + std::to_string(index) + "]";
  if (!key.empty()) field += "." + std::string(key);
  return field;
}

// The employer by name and the employee by personnel number, made when missing.
struct ImportTarget {
  std::int64_t employer_id = 0;
  std::int64_t employee_id = 0;
  bool employer_created = false;
  bool employee_created = false;
};

Result<ImportTarget> find_or_make_target(store::Store& store, const core::CaseFileExport& file) {
  ImportTarget target;
  auto employers = store.list_employers();
  if (!employers.ok()) return employers.error();
  const auto employer = std::find_if(employers->begin(), employers->end(),
                                     [&](const store::Employer& e) { return e.name == file.employer_name; });
  if (employer != employers->end()) {
    target.employer_id = employer->id;
  } else {
    auto made = store.create_employer(file.employer_name);
    if (!made.ok()) return made.error();
    target.employer_id = *made;
    target.employer_created = true;
  }
  auto employees = store.list_employees(target.employer_id);
  if (!employees.ok()) return employees.error();
  const auto employee = std::find_if(employees->begin(), employees->end(), [&](const store::Employee& e) {
    return e.personnel_number == file.personnel_number;
  });
  if (employee != employees->end()) {
    if (employee->name != file.employee_name) {
      return core::make_error("conflict", "employee.personnel_number",
                              "personnel number " + file.personnel_number + " of " +
                                  file.employer_name + " belongs to another employee here");
    }
    target.employee_id = employee->id;
  } else {
    auto made = store.create_employee(target.employer_id, file.employee_name, file.personnel_number);
    if (!made.ok()) return made.error();
    target.employee_id = *made;
    target.employee_created = true;
  }
  return target;
}

// How many of the file's entries the database holds already (a common prefix of equal hashes),
// or "conflict" when the two copies of the case differ.
Result<std::size_t> entries_held(const std::vector<core::Entry>& stored,
                                 const std::vector<core::Entry>& file, std::int64_t case_id) {
  const std::size_t common = std::min(stored.size(), file.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (stored[i].hash != file[i].hash) {
      return core::make_error("conflict", entry_field(i),
                              "case " + std::to_string(case_id) +
                                  " in this database differs from the file at entry " +
                                  std::to_string(i + 1));
    }
  }
  return common;
}

}  // namespace

Result<std::string> Application::export_case(const Actor& actor, std::int64_t case_id,
                                             const Moment& now) {
  if (auto allowed = authorize(actor, Action::read_case); !allowed.ok()) return allowed.error();
  auto reach = reachable_case(actor, case_id);
  if (!reach.ok()) return reach.error();
  const CaseAccess access = case_access(actor, *reach);
  auto record = store_.find_case(case_id);
  if (!record.ok()) return record.error();
  auto employee = store_.find_employee(record->employee_id);
  if (!employee.ok()) return employee.error();
  auto entries = store_.load_entries(case_id);
  if (!entries.ok()) return entries.error();

  core::CaseFileExport file;
  file.full = actor.is_platform_administrator();
  file.exported_at = now.timestamp;
  file.exported_by = actor.user_id;
  file.case_id = case_id;
  file.case_created_at = record->created_at;
  file.employer_name = record->employer_name;
  file.employee_name = employee->name;
  file.personnel_number = employee->personnel_number;
  for (auto& entry : *entries) {
    core::ExportedEntry exported;
    if (!file.full) {
      exported.redacted = !access.reads(entry.visibility);
      if (exported.redacted) entry.payload = "{}";
      exported.medical_withheld = entry.medical.has_value();
      entry.medical.reset();
    }
    exported.entry = std::move(entry);
    file.entries.push_back(std::move(exported));
  }
  // Who took the file out, like any other read of it.
  const store::CaseRead read{case_id, actor.account_id, now.timestamp, "export", "export"};
  if (auto recorded = store_.record_case_reads({&read, 1}); !recorded.ok()) {
    return recorded.error();
  }
  return core::write_case_file_export(file);
}

Result<ImportReport> Application::import_case(const Actor& actor, std::string_view json_text,
                                              const Moment& now) {
  if (!actor.is_platform_administrator()) {
    return core::make_error("forbidden", "",
                            "only an administrator of the whole installation imports case files");
  }
  auto file = core::read_case_file_export(json_text);
  if (!file.ok()) return file.error();
  if (auto importable = core::check_importable(*file); !importable.ok()) {
    return importable.error();
  }
  std::vector<core::Entry> entries;
  entries.reserve(file->entries.size());
  for (auto& exported : file->entries) entries.push_back(std::move(exported.entry));

  // A medical part must open with this database's key, bound to its case and seq: a file sealed
  // with another key would bring data nobody here can ever read.
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].medical) continue;
    if (medical_key_ == nullptr) {
      return core::make_error("medical_key_missing", entry_field(i, "medical"),
                              "the file holds medical parts and this database has no key file");
    }
    if (auto opened = detail::open_medical(medical_key_, entries[i]); !opened.ok()) {
      return core::make_error("medical_key_mismatch", entry_field(i, "medical"),
                              "does not open with this database's key file (it was sealed with "
                              "another key)");
    }
  }
  auto fold = core::fold_case_file(entries, now.today);
  if (!fold.ok()) {
    return core::make_error("invalid_case_file", fold.error().field,
                            "the entries do not form a valid case file: " + fold.error().message);
  }

  ImportReport report;
  report.case_id = file->case_id;
  report.entries_in_file = static_cast<std::int64_t>(entries.size());
  const Status written = store_.transaction([&]() -> Status {
    auto target = find_or_make_target(store_, *file);
    if (!target.ok()) return target.error();
    report.employer_created = target->employer_created;
    report.employee_created = target->employee_created;
    std::size_t held = 0;
    auto existing = store_.find_case(file->case_id);
    if (existing.ok()) {
      if (existing->employee_id != target->employee_id) {
        return core::make_error("conflict", "case.id",
                                "case " + std::to_string(file->case_id) +
                                    " in this database belongs to another employee");
      }
      auto stored = store_.load_entries(file->case_id);
      if (!stored.ok()) return stored.error();
      auto common = entries_held(*stored, entries, file->case_id);
      if (!common.ok()) return common.error();
      held = std::max(*common, stored->size());
    } else if (existing.error().code == "not_found") {
      if (auto made = store_.create_case_with_id(file->case_id, target->employee_id,
                                                 file->case_created_at);
          !made.ok()) {
        return made;
      }
      report.case_created = true;
    } else {
      return existing.error();
    }
    if (held >= entries.size()) return core::ok_status();  // the database has it all already
    std::vector<store::AppendRequest> requests;
    for (std::size_t i = held; i < entries.size(); ++i) {
      requests.push_back(store::AppendRequest{entries[i], std::nullopt});
    }
    requests.back().summary = detail::summarize_case(file->case_id, *fold, &entries.back(), now);
    if (auto appended = store_.append_batch(requests); !appended.ok()) return appended;
    report.entries_added = static_cast<std::int64_t>(requests.size());
    store::AuditEvent event;
    event.at = now.timestamp;
    event.action = "case_imported";
    event.target = "case:" + std::to_string(file->case_id);
    event.detail = actor.user_id + " added " + std::to_string(report.entries_added) +
                   " entries from an export made " + file->exported_at + " by " +
                   file->exported_by;
    return store_.record_audit_event(event);
  });
  if (!written.ok()) return written.error();
  // A transaction that found everything in place wrote nothing: no employer, employee or case
  // was made either.
  return report;
}

}  // namespace spoorboek::app
