// The demo use case: writes the planned organisations, cases and entries in one transaction,
// every entry through the same preparation (validation, fold, hash, projection) as a single
// append, and all entries with one batch append.
#include <algorithm>
#include <iterator>

#include "app/application.h"
#include "app/demo_accounts.h"
#include "app/demo_plan.h"
#include "app/policy.h"
#include "app/prepare_append.h"
#include "security/password.h"

namespace spoorboek::app {
namespace detail {
namespace {

constexpr std::string_view kDemoPassword = "demo";

struct DemoAccount {
  std::string_view email;
  std::string_view display_name;
  Role role;
};

Result<std::int64_t> create_demo_account(store::Store& store, const DemoAccount& account,
                                         store::UserRecord user, const Moment& now) {
  auto hash = security::hash_password(kDemoPassword);
  if (!hash.ok()) return hash.error();
  user.email = std::string(account.email);
  user.display_name = std::string(account.display_name);
  user.password_hash = std::move(*hash);
  user.roles = {std::string(role_name(account.role))};
  user.is_demo = true;
  user.created_at = now.timestamp;
  return store.create_user(user);
}

}  // namespace

// design.md's roles, one account each (issue 3): all with the password "demo".
Result<std::int64_t> create_demo_staff(store::Store& store, const DemoOrganisations& where,
                                       const Moment& now) {
  store::UserRecord employer_staff;
  employer_staff.employer_id = where.home_employer;
  store::UserRecord arbo_staff;
  arbo_staff.provider_id = where.arbo_service;
  store::UserRecord office_staff;
  office_staff.provider_id = where.reintegration_office;

  const DemoAccount accounts[] = {
      {"admin@demo.test", "Beheerder (demo)", Role::administrator},
      {"casemanager@demo.test", "Casemanager (demo)", Role::case_manager},
      {"manager@demo.test", "Leidinggevende (demo)", Role::line_manager},
      {"doctor@demo.test", "Bedrijfsarts (demo)", Role::company_doctor},
      {"expert@demo.test", "Arbeidsdeskundige (demo)", Role::occupational_expert},
      {"coach@demo.test", "Re-integratiecoach (demo)", Role::reintegration_coach},
  };
  const store::UserRecord* tenancy[] = {nullptr,     &employer_staff, &employer_staff,
                                        &arbo_staff, &arbo_staff,     &office_staff};
  std::int64_t manager = 0;
  for (std::size_t i = 0; i < std::size(accounts); ++i) {
    store::UserRecord user = tenancy[i] ? *tenancy[i] : store::UserRecord{};
    auto created = create_demo_account(store, accounts[i], user, now);
    if (!created.ok()) return created.error();
    if (accounts[i].role == Role::line_manager) manager = *created;
  }
  if (auto marked = store.put_setting("demo_accounts", "1"); !marked.ok()) return marked.error();
  return manager;
}

Status lead_demo_team(store::Store& store, std::int64_t manager_user_id,
                      const std::vector<std::int64_t>& employee_ids) {
  for (const auto employee_id : employee_ids) {
    if (auto led = store.set_employee_manager(employee_id, manager_user_id); !led.ok()) return led;
  }
  return core::ok_status();
}

Status create_demo_employee_account(store::Store& store, std::int64_t home_employer,
                                    std::int64_t employee_id, const Moment& now) {
  store::UserRecord employee;
  employee.employer_id = home_employer;
  employee.employee_id = employee_id;
  auto created = create_demo_account(
      store, {"employee@demo.test", "Werknemer (demo)", Role::employee}, employee, now);
  if (!created.ok()) return created.error();
  return core::ok_status();
}

}  // namespace detail

Result<DemoReport> Application::load_demo(const Actor& actor, const DemoOptions& options,
                                          const Moment& now) {
  if (auto allowed = authorize(actor, Action::load_demo); !allowed.ok()) return allowed.error();
  const detail::DemoPlan plan = detail::plan_demo(options.seed, now.today);
  DemoReport report;
  const Status status = store_.transaction([&]() -> Status {
    // Demo people next to real ones (or a second copy of the demo) would be indistinguishable.
    auto existing = store_.list_employers();
    if (!existing.ok()) return existing.error();
    if (!existing->empty()) {
      return core::make_error("not_empty", "db",
                              "the database already holds employers; load the demo into a new one");
    }
    std::vector<std::int64_t> employer_ids;
    for (const auto& name : plan.employers) {
      auto id = store_.create_employer(name);
      if (!id.ok()) return id.error();
      employer_ids.push_back(*id);
    }
    std::vector<std::int64_t> employee_ids;
    for (const auto& employee : plan.employees) {
      auto id = store_.create_employee(employer_ids[employee.employer], employee.name,
                                       employee.personnel_number);
      if (!id.ok()) return id.error();
      employee_ids.push_back(*id);
    }
    std::vector<store::AppendRequest> requests;
    std::vector<std::int64_t> case_ids;
    for (const auto& planned : plan.cases) {
      auto case_id = store_.create_case(employee_ids[planned.employee], now.timestamp);
      if (!case_id.ok()) return case_id.error();
      case_ids.push_back(*case_id);
      store::AppendBasis file = detail::whole_file_basis({});
      for (const auto& entry : planned.entries) {
        auto payload = core::canonicalize_payload(entry.type, entry.payload);
        if (!payload.ok()) return payload.error();
        const core::EntryDraft draft{entry.type, entry.occurred_on, payload->payload,
                                     payload->medical, std::nullopt};
        auto request = detail::prepare_append(*case_id, file, draft, actor, now, medical_key_);
        if (!request.ok()) {
          return core::make_error(request.error().code, request.error().field,
                                  "demo case " + std::to_string(*case_id) + ": " +
                                      request.error().message);
        }
        requests.push_back(std::move(*request));
      }
      ++report.cases;
    }
    report.entries = static_cast<std::int64_t>(requests.size());
    if (auto appended = store_.append_batch(requests); !appended.ok()) return appended;
    return add_demo_accounts(plan, employer_ids, employee_ids, case_ids, now);
  });
  if (!status.ok()) return status.error();
  report.employers = static_cast<std::int64_t>(plan.employers.size());
  report.employees = static_cast<std::int64_t>(plan.employees.size());
  return report;
}

// The organisations around the demo employers and one account per role. The first employer is
// the one the employer-side accounts work for; the arbo service serves every demo employer; the
// reintegration office works on the track-2 cases; the line manager leads the team of the first
// employer's employees with cases; the employee account is someone with an open case there.
Status Application::add_demo_accounts(const detail::DemoPlan& plan,
                                      const std::vector<std::int64_t>& employer_ids,
                                      const std::vector<std::int64_t>& employee_ids,
                                      const std::vector<std::int64_t>& case_ids,
                                      const Moment& now) {
  auto arbo = store_.create_provider("Arbodienst Gezond Werk (demo)", "arbo_service");
  if (!arbo.ok()) return arbo.error();
  for (const auto employer_id : employer_ids) {
    if (auto linked = store_.link_provider_employer(*arbo, employer_id); !linked.ok()) return linked;
  }
  auto office = store_.create_provider("Re-integratiebureau Nieuwe Koers (demo)",
                                       "reintegration_office");
  if (!office.ok()) return office.error();

  const std::int64_t home = employer_ids.front();
  auto manager = detail::create_demo_staff(store_, {home, *arbo, *office}, now);
  if (!manager.ok()) return manager.error();

  std::vector<std::int64_t> team;
  std::optional<std::int64_t> own_employee;
  for (std::size_t i = 0; i < plan.cases.size(); ++i) {
    const auto& planned = plan.cases[i];
    const auto employee_id = employee_ids[planned.employee];
    const bool at_home = employer_ids[plan.employees[planned.employee].employer] == home;
    const bool track_2 = std::any_of(planned.entries.begin(), planned.entries.end(),
                                     [](const detail::DemoEntry& entry) {
                                       return entry.type == core::EntryType::track_2_decision;
                                     });
    if (track_2) {
      if (auto assigned = store_.assign_case_provider(case_ids[i], *office, now.timestamp);
          !assigned.ok()) {
        return assigned;
      }
    }
    if (!at_home) continue;
    team.push_back(employee_id);
    auto summary = store_.find_summary(case_ids[i]);
    if (!summary.ok()) return summary.error();
    if (!own_employee && detail::summary_is_open(*summary) && summary->first_sick_day) {
      own_employee = employee_id;
    }
  }
  if (auto led = detail::lead_demo_team(store_, *manager, team); !led.ok()) return led;
  if (!own_employee) return core::ok_status();
  return detail::create_demo_employee_account(store_, home, *own_employee, now);
}

}  // namespace spoorboek::app
