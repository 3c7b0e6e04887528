// Use cases that write: the schema, organisations, cases and entries.
#include "app/application.h"

#include "app/policy.h"
#include "app/prepare_append.h"

namespace spoorboek::app {
namespace {

Result<store::AppendBasis> load_whole_file_basis(store::Store& store, std::int64_t case_id) {
  auto entries = store.load_entries(case_id);
  if (!entries.ok()) return entries.error();
  return detail::whole_file_basis(std::move(*entries));
}

// Renewed sickness within 28 days of an earlier case is a relapse in that case, not a new one
// (BW 7:629 lid 10); an employee has at most one open case.
Status check_no_overlapping_case(store::Store& store, std::int64_t case_id,
                                 const store::CaseRecord& record, core::Date first_sick_day) {
  store::CaseFilter filter;
  filter.employee_id = record.employee_id;
  auto others = store.list_cases(filter);
  if (!others.ok()) return others.error();
  for (const auto& other : *others) {
    const auto& summary = other.summary;
    if (summary.case_id == case_id || !summary.first_sick_day) continue;
    const auto other_id = std::to_string(summary.case_id);
    if (detail::summary_is_open(summary) || !summary.last_sick_day) {
      return core::make_error("conflict", "type",
                              "the employee's case " + other_id +
                                  " is still open: record renewed sickness there");
    }
    const long gap = core::days_between(*summary.last_sick_day, first_sick_day) - 1;
    if (gap >= 0 && gap <= 27) {
      return core::make_error("conflict", "occurred_on",
                              "only " + std::to_string(gap) + " days after case " + other_id +
                                  " ended: record it there as a relapse (BW 7:629 lid 10)");
    }
  }
  return core::ok_status();
}

}  // namespace

Status Application::init_database(const Actor& actor) {
  if (auto allowed = authorize(actor, Action::init_database); !allowed.ok()) return allowed;
  return store_.migrate();
}

Result<std::int64_t> Application::create_employer(const Actor& actor, std::string_view name) {
  if (auto allowed = authorize(actor, Action::manage_organisations); !allowed.ok()) {
    return allowed.error();
  }
  if (!actor.is_platform_administrator()) {
    return core::make_error("forbidden", "", "only platform administrators add employers");
  }
  if (name.empty() || name.size() > 200) {
    return core::make_error("invalid", "name", "must be 1 to 200 bytes");
  }
  return store_.create_employer(name);
}

Result<std::int64_t> Application::create_employee(const Actor& actor, std::int64_t employer_id,
                                                  std::string_view name,
                                                  std::string_view personnel_number) {
  if (auto allowed = authorize(actor, Action::manage_organisations); !allowed.ok()) {
    return allowed.error();
  }
  const bool own_hr = actor.roles.has(Role::case_manager) && actor.employer_id &&
                      *actor.employer_id == employer_id;
  if (!own_hr && !administers_employer(actor, employer_id)) {
    return core::make_error("not_found", "employer_id",
                            "no employer with id " + std::to_string(employer_id));
  }
  if (name.empty() || name.size() > 200) {
    return core::make_error("invalid", "name", "must be 1 to 200 bytes");
  }
  if (personnel_number.empty() || personnel_number.size() > 64) {
    return core::make_error("invalid", "personnel_number", "must be 1 to 64 bytes");
  }
  return store_.create_employee(employer_id, name, personnel_number);
}

Result<store::CaseReach> Application::reachable_case(const Actor& actor, std::int64_t case_id) {
  auto reach = store_.find_case_reach(case_id);
  if (!reach.ok()) return reach.error();
  if (!case_access(actor, *reach).reach) {
    return core::make_error("not_found", "case", "no case with id " + std::to_string(case_id));
  }
  return reach;
}

namespace {

// The reach a new case of this employee would have: who may open it.
store::CaseReach reach_of_new_case(const store::Employee& employee) {
  store::CaseReach reach;
  reach.employer_id = employee.employer_id;
  reach.employee_id = employee.id;
  reach.manager_user_id = employee.manager_user_id;
  return reach;
}

}  // namespace

Result<std::int64_t> Application::open_case(const Actor& actor, std::int64_t employee_id,
                                            const Moment& now) {
  if (auto allowed = authorize(actor, Action::open_case); !allowed.ok()) return allowed.error();
  std::int64_t case_id = 0;
  const Status status = store_.transaction([&]() -> Status {
    auto employee = store_.find_employee(employee_id);
    if (!employee.ok()) return employee.error();
    const CaseAccess access = case_access(actor, reach_of_new_case(*employee));
    if (!access.reach) {
      return core::make_error("not_found", "employee_id",
                              "no employee with id " + std::to_string(employee_id));
    }
    if (!access.may_append(core::EntryType::sick_report)) {
      return core::make_error("forbidden", "employee_id",
                              "your role may not register a sick report for this employee");
    }
    store::CaseFilter filter;
    filter.employee_id = employee_id;
    auto existing = store_.list_cases(filter);
    if (!existing.ok()) return existing.error();
    for (const auto& other : *existing) {
      if (detail::summary_is_open(other.summary)) {
        return core::make_error("conflict", "employee_id",
                                "the employee has an open case (" +
                                    std::to_string(other.summary.case_id) + ")");
      }
    }
    auto created = store_.create_case(employee_id, now.timestamp);
    if (!created.ok()) return created.error();
    case_id = *created;
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return case_id;
}

Result<AppendResult> Application::append_entry(const Actor& actor, std::int64_t case_id,
                                               const core::EntryDraft& draft, const Moment& now) {
  if (auto allowed = authorize(actor, Action::append_entry); !allowed.ok()) return allowed.error();
  AppendResult result;
  // Loading, checking and appending under one write lock: concurrent appends to a case queue up
  // instead of failing, and a stale expected_seq is still refused.
  const Status status = store_.transaction([&]() -> Status {
    auto reach = reachable_case(actor, case_id);
    if (!reach.ok()) return reach.error();
    const CaseAccess access = case_access(actor, *reach);
    if (!access.may_append(draft.type)) {
      return core::make_error("forbidden", "type",
                              "your role may not add a " +
                                  std::string(core::entry_type_name(draft.type)) +
                                  " entry to this file");
    }
    if (draft.medical && !access.reads(core::Visibility::medical)) {
      return core::make_error("forbidden", "payload.medical",
                              "only the company doctor and the employee record medical data");
    }
    // Held until the commit: another server's append to this case waits here and then reads
    // this one's entry as its basis.
    auto record = store_.find_case_for_update(case_id);
    if (!record.ok()) return record.error();
    // A correction may name any entry, so it needs the whole file; anything else folds with the
    // entries that count (a long file of conversations is not read for each new one).
    auto basis = draft.type == core::EntryType::correction
                     ? load_whole_file_basis(store_, case_id)
                     : store_.load_append_basis(case_id);
    if (!basis.ok()) return basis.error();
    if (draft.type == core::EntryType::sick_report) {
      if (auto alone = check_no_overlapping_case(store_, case_id, *record, draft.occurred_on);
          !alone.ok()) {
        return alone;
      }
    }
    auto request = detail::prepare_append(case_id, *basis, draft, actor, now, medical_key_);
    if (!request.ok()) return request.error();
    if (auto appended = store_.append(*request); !appended.ok()) return appended;
    result = AppendResult{case_id, request->entry.seq, request->entry.hash, *request->summary};
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return result;
}

Result<AppendResult> Application::append_entry_json(const Actor& actor, std::int64_t case_id,
                                                    std::string_view json_line,
                                                    const Moment& now) {
  auto draft = core::parse_entry_draft(json_line);
  if (!draft.ok()) return draft.error();
  return append_entry(actor, case_id, *draft, now);
}

Result<AppendResult> Application::report_sick(const Actor& actor, const SickReport& report,
                                              const Moment& now) {
  auto payload = core::canonicalize_payload(core::EntryType::sick_report, report.payload);
  if (!payload.ok()) return payload.error();
  const core::EntryDraft draft{core::EntryType::sick_report, report.first_sick_day,
                               payload->payload, payload->medical, std::int64_t{1}};
  AppendResult result;
  const Status status = store_.transaction([&]() -> Status {
    auto case_id = open_case(actor, report.employee_id, now);
    if (!case_id.ok()) return case_id.error();
    auto appended = append_entry(actor, *case_id, draft, now);
    if (!appended.ok()) {
      core::Error error = appended.error();
      if (error.field == "occurred_on") error.field = "first_sick_day";
      return error;
    }
    result = *appended;
    return core::ok_status();
  });
  if (!status.ok()) return status.error();
  return result;
}

}  // namespace spoorboek::app
