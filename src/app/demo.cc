// The demo use case: writes the planned organisations, cases and entries in one transaction,
// every entry through the same preparation (validation, fold, hash, projection) as a single
// append, and all entries with one batch append.
#include "app/application.h"
#include "app/demo_plan.h"
#include "app/policy.h"
#include "app/prepare_append.h"

namespace spoorboek::app {

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
    for (const auto& planned : plan.cases) {
      auto case_id = store_.create_case(employee_ids[planned.employee], now.timestamp);
      if (!case_id.ok()) return case_id.error();
      std::vector<core::Entry> file;
      for (const auto& entry : planned.entries) {
        auto payload = core::canonicalize_payload(entry.type, entry.payload);
        if (!payload.ok()) return payload.error();
        const core::EntryDraft draft{entry.type, entry.occurred_on, payload->payload,
                                     payload->medical, std::nullopt};
        auto request = detail::prepare_append(*case_id, file, draft, actor, now);
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
    return store_.append_batch(requests);
  });
  if (!status.ok()) return status.error();
  report.employers = static_cast<std::int64_t>(plan.employers.size());
  report.employees = static_cast<std::int64_t>(plan.employees.size());
  return report;
}

}  // namespace spoorboek::app
