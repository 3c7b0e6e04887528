// The HR imports' shared parts (who may, the report, the actor) and the staff list.
#include "app/hr_import.h"

#include <algorithm>
#include <map>

#include "app/hr_import_file.h"
#include "app/hr_import_support.h"
#include "app/policy.h"

namespace spoorboek::app {

std::string_view import_outcome_name(ImportOutcome outcome) {
  switch (outcome) {
    case ImportOutcome::created: return "created";
    case ImportOutcome::updated: return "updated";
    case ImportOutcome::unchanged: return "unchanged";
    case ImportOutcome::duplicate: return "duplicate";
    case ImportOutcome::held: return "held";
    case ImportOutcome::applied_from_held: return "applied_from_held";
    case ImportOutcome::released_from_held: return "released_from_held";
    case ImportOutcome::count_: break;
  }
  return "unchanged";
}

bool HrImportReport::changes() const {
  return count(ImportOutcome::created) + count(ImportOutcome::updated) +
             count(ImportOutcome::held) + count(ImportOutcome::applied_from_held) +
             count(ImportOutcome::released_from_held) >
         0;
}

std::string import_actor_id(std::string_view file_name) {
  if (const auto slash = file_name.find_last_of("/\\"); slash != std::string_view::npos) {
    file_name.remove_prefix(slash + 1);
  }
  std::string name;
  for (const char c : file_name) {
    if (name.size() >= 100) break;
    const auto byte = static_cast<unsigned char>(c);
    name += byte < 0x20 || byte == 0x7F ? '_' : c;
  }
  // Never end inside a multi-byte character.
  while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) {
    name.pop_back();
  }
  if (!name.empty() && static_cast<unsigned char>(name.back()) >= 0xC0) name.pop_back();
  return "import:" + (name.empty() ? std::string("file") : name);
}

Status HrImport::may_import(const Actor& actor, std::int64_t employer_id,
                            store::Employer& employer) {
  if (!actor.roles.has(Role::administrator) && !actor.roles.has(Role::case_manager)) {
    return core::make_error("forbidden", "",
                            "only an administrator or the employer's case manager imports HR "
                            "and payroll files");
  }
  const bool own_hr = actor.roles.has(Role::case_manager) && actor.employer_id &&
                      *actor.employer_id == employer_id;
  auto employers = store_.list_employers();
  if (!employers.ok()) return employers.error();
  const auto found = std::find_if(employers->begin(), employers->end(),
                                  [&](const store::Employer& e) { return e.id == employer_id; });
  if (found == employers->end() || (!own_hr && !administers_employer(actor, employer_id))) {
    return core::make_error("not_found", "employer_id",
                            "no employer with id " + std::to_string(employer_id));
  }
  employer = *found;
  return core::ok_status();
}

Result<std::vector<store::HeldReport>> HrImport::held_reports(const Actor& actor,
                                                              std::int64_t employer_id) {
  store::Employer employer;
  if (auto allowed = may_import(actor, employer_id, employer); !allowed.ok()) {
    return allowed.error();
  }
  return store_.list_held_reports(employer_id);
}

Status HrImport::drop_held_report(const Actor& actor, std::int64_t employer_id,
                                  std::int64_t held_id, const Moment& now) {
  store::Employer employer;
  if (auto allowed = may_import(actor, employer_id, employer); !allowed.ok()) return allowed;
  return store_.transaction([&]() -> Status {
    auto held = store_.list_held_reports(employer_id);
    if (!held.ok()) return held.error();
    const auto it = std::find_if(held->begin(), held->end(),
                                 [&](const store::HeldReport& r) { return r.id == held_id; });
    if (it == held->end()) {
      return core::make_error("not_found", "held_id",
                              "employer " + std::to_string(employer_id) +
                                  " has no held report with id " + std::to_string(held_id));
    }
    if (auto released = store_.release_held_report(held_id); !released.ok()) return released;
    return detail::audit_import(store_, actor, now, "held_report_dropped", employer_id,
                                it->personnel_number + " " +
                                    std::string(core::entry_type_name(it->type)) + " " +
                                    core::format_iso_date(it->occurred_on) + " (" + it->source +
                                    ")");
  });
}

namespace detail {

void add_errors(HrImportReport& report, const std::vector<LineError>& errors) {
  for (const auto& error : errors) {
    ++report.error_count;
    report.errors.push_back(error);
  }
}

void count_outcomes(HrImportReport& report) {
  report.counts = {};
  for (const auto& line : report.lines) ++report.counts[static_cast<std::size_t>(line.outcome)];
}

void finish_report(HrImportReport& report) {
  std::stable_sort(report.lines.begin(), report.lines.end(),
                   [](const ImportLineResult& a, const ImportLineResult& b) {
                     // Lines of the file first, by line; held reports of earlier imports after.
                     const auto key = [](const ImportLineResult& r) {
                       return r.line == 0 ? SIZE_MAX : r.line;
                     };
                     return key(a) < key(b);
                   });
  count_outcomes(report);
  std::stable_sort(report.errors.begin(), report.errors.end(),
                   [](const LineError& a, const LineError& b) { return a.line < b.line; });
  if (report.errors.size() > kMaxReportedErrors) report.errors.resize(kMaxReportedErrors);
}

Status audit_import(store::Store& store, const Actor& actor, const Moment& now,
                    std::string_view action, std::int64_t employer_id, std::string detail) {
  store::AuditEvent event;
  event.at = now.timestamp;
  if (actor.account_id != 0) event.user_id = actor.account_id;
  event.action = std::string(action);
  event.target = "employer:" + std::to_string(employer_id);
  event.detail = actor.user_id + ": " + std::move(detail);
  return store.record_audit_event(event);
}

std::string outcome_summary(const HrImportReport& report) {
  std::string text;
  for (std::size_t i = 0; i < kImportOutcomeCount; ++i) {
    if (report.counts[i] == 0) continue;
    if (!text.empty()) text += ", ";
    text += std::string(import_outcome_name(static_cast<ImportOutcome>(i))) + " " +
            std::to_string(report.counts[i]);
  }
  return text.empty() ? "nothing" : text;
}

void progress(const HrImportOptions& options, std::string_view phase, std::size_t done,
              std::size_t total) {
  if (options.progress) options.progress(phase, done, total);
}

std::optional<LineError> employer_mismatch(const std::string& value, const store::Employer& employer,
                                           std::size_t line, const std::string& column) {
  if (value.empty()) return std::nullopt;
  const auto lower = [](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    });
    return text;
  };
  if (value == std::to_string(employer.id) || lower(value) == lower(employer.name)) {
    return std::nullopt;
  }
  return LineError{line, column, "other_employer",
                   "names employer '" + value + "', but this import is for employer " +
                       std::to_string(employer.id) + " (" + employer.name +
                       "): import each employer's lines on their own"};
}

Result<HrImportReport> run_import(store::Store& store, HrImportReport& report,
                                  std::vector<LineError>& errors, const HrImportOptions& options,
                                  const ImportPlan& plan, const ImportApply& apply) {
  // The plan's result indices stay valid until finish_report() sorts the lines.
  const auto planned = [&]() -> Status {
    if (auto made = plan(); !made.ok()) return made;
    add_errors(report, errors);
    count_outcomes(report);
    return core::ok_status();
  };
  if (options.dry_run) {
    if (auto made = planned(); !made.ok()) return made.error();
    finish_report(report);
    return report;
  }
  std::size_t line = 0;
  bool applying = false;
  const Status status = store.transaction([&]() -> Status {
    if (auto made = planned(); !made.ok()) return made;
    if (report.error_count > 0 || !report.changes()) return core::ok_status();
    applying = true;
    return apply(line);
  });
  if (!status.ok()) {
    if (!applying || status.error().code == "storage") return status.error();
    // The plan said yes and the write said no: nothing was written; say where it stopped.
    report.errors.push_back(LineError{line, "", status.error().code, status.error().message});
    report.error_count = report.errors.size();
    finish_report(report);
    return report;
  }
  report.written = applying;
  finish_report(report);
  return report;
}

}  // namespace detail

namespace {

// What the staff list changes for one employee.
struct EmployeePlan {
  const EmployeeLine* line = nullptr;
  std::optional<store::Employee> existing;
  bool rename = false;
  std::optional<std::int64_t> manager;  // to set, when it changes
  std::size_t result = 0;               // index in report.lines
};

bool has_role(const store::UserRecord& user, Role role) {
  return std::find(user.roles.begin(), user.roles.end(), role_name(role)) != user.roles.end();
}

}  // namespace

Result<HrImportReport> HrImport::import_employees(const Actor& actor, std::int64_t employer_id,
                                                  std::string_view csv_text,
                                                  const HrImportOptions& options,
                                                  const Moment& now) {
  store::Employer employer;
  if (auto allowed = may_import(actor, employer_id, employer); !allowed.ok()) {
    return allowed.error();
  }
  const EmployeeFile file = read_employee_file(csv_text);
  HrImportReport report = detail::start_report(file, options);
  std::vector<LineError> errors = file.errors;

  std::vector<EmployeePlan> plans;
  const auto plan = [&]() -> Status {
    auto staff = store_.list_employees(employer_id);
    if (!staff.ok()) return staff.error();
    std::map<std::string, store::Employee> by_number;
    for (auto& employee : *staff) by_number.emplace(employee.personnel_number, employee);
    std::map<std::string, std::optional<store::UserRecord>> managers;  // by e-mail address
    std::size_t done = 0;
    for (const EmployeeLine& line : file.lines) {
      detail::progress(options, "checking", done++, file.lines.size());
      if (auto other = detail::employer_mismatch(line.employer, employer, line.line,
                                                 file.columns.employer)) {
        errors.push_back(std::move(*other));
        continue;
      }
      EmployeePlan planned;
      planned.line = &line;
      if (const auto it = by_number.find(line.personnel_number); it != by_number.end()) {
        planned.existing = it->second;
      }
      if (!line.manager_email.empty()) {
        auto [cached, fresh] = managers.try_emplace(line.manager_email);
        if (fresh) {
          auto user = store_.find_user_by_email(line.manager_email);
          if (user.ok()) {
            cached->second = std::move(*user);
          } else if (user.error().code != "not_found") {
            return user.error();
          }
        }
        const auto& manager = cached->second;
        if (!manager || !has_role(*manager, Role::line_manager) ||
            manager->employer_id != employer_id) {
          errors.push_back(LineError{line.line, file.columns.manager_email, "unknown_manager",
                                     "no line manager of " + employer.name +
                                         " has the e-mail address " + line.manager_email +
                                         " (add the account with the role line_manager first, "
                                         "or leave the column empty)"});
          continue;
        }
        if (!planned.existing || planned.existing->manager_user_id != manager->id) {
          planned.manager = manager->id;
        }
      }
      ImportLineResult result{line.line, line.personnel_number, ImportOutcome::unchanged, "",
                              std::nullopt, std::nullopt};
      std::string manager_note =
          planned.manager ? ", line manager " + line.manager_email : std::string();
      if (!planned.existing) {
        result.outcome = ImportOutcome::created;
        result.detail = "new employee " + line.name + manager_note;
      } else {
        result.employee_id = planned.existing->id;
        planned.rename = planned.existing->name != line.name;
        if (planned.rename || planned.manager) {
          result.outcome = ImportOutcome::updated;
          result.detail = planned.rename ? "name " + planned.existing->name + " -> " + line.name
                                         : std::string();
          if (planned.manager) {
            result.detail += (result.detail.empty() ? "" : ", ") +
                             std::string("line manager ") + line.manager_email;
          }
        } else {
          result.detail = line.name;
        }
      }
      planned.result = report.lines.size();
      report.lines.push_back(std::move(result));
      plans.push_back(planned);
    }
    detail::progress(options, "checking", file.lines.size(), file.lines.size());
    return core::ok_status();
  };

  const auto apply = [&](std::size_t& line_written) -> Status {
    const auto writes_anything = [](const EmployeePlan& planned) {
      return !planned.existing || planned.rename || planned.manager.has_value();
    };
    const auto writes = static_cast<std::size_t>(
        std::count_if(plans.begin(), plans.end(), writes_anything));
    std::size_t done = 0;
    for (const auto& planned : plans) {
      if (!writes_anything(planned)) continue;
      const EmployeeLine& line = *planned.line;
      line_written = line.line;
      std::int64_t id = 0;
      if (planned.existing) {
        id = planned.existing->id;
        if (planned.rename) {
          if (auto renamed = store_.rename_employee(id, line.name); !renamed.ok()) return renamed;
        }
      } else {
        auto created =
            app_.create_employee(actor, employer_id, line.name, line.personnel_number);
        if (!created.ok()) return created.error();
        id = *created;
        report.lines[planned.result].employee_id = id;
      }
      if (planned.manager) {
        if (auto set = store_.set_employee_manager(id, planned.manager); !set.ok()) return set;
      }
      detail::progress(options, "writing", ++done, writes);
    }
    return detail::audit_import(store_, actor, now, "hr_import_employees", employer_id,
                                options.file_name + ": " + detail::outcome_summary(report));
  };

  return detail::run_import(store_, report, errors, options, plan, apply);
}

}  // namespace spoorboek::app
