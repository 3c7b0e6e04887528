// The scale demo use case: the generator's batches (demo_scale_plan.h) through the store's bulk
// path, one transaction per batch, with the demo accounts of the small demo.
#include <future>
#include <optional>
#include <span>
#include <string_view>
#include <system_error>
#include <vector>

#include "app/application.h"
#include "app/demo_accounts.h"
#include "app/demo_scale_plan.h"
#include "app/policy.h"
#include "app/prepare_append.h"

namespace spoorboek::app {
namespace {

struct ProviderName {
  std::string_view name;
  std::string_view kind;
};
// The first arbo service (the demo doctor's) serves the first 100 employers; the first office is
// the demo coach's.
constexpr ProviderName kArboServices[] = {{"Arbodienst Gezond Werk (demo)", "arbo_service"},
                                          {"Arbodienst Zuiderlicht (demo)", "arbo_service"},
                                          {"Arbodienst De Waag (demo)", "arbo_service"}};
constexpr ProviderName kOffices[] = {
    {"Re-integratiebureau Nieuwe Koers (demo)", "reintegration_office"},
    {"Re-integratiebureau De Brug (demo)", "reintegration_office"},
    {"Loopbaanbureau Verder (demo)", "reintegration_office"}};

Result<std::vector<std::int64_t>> create_providers(store::Store& store,
                                                   std::span<const ProviderName> providers) {
  std::vector<std::int64_t> ids;
  for (const auto& provider : providers) {
    auto id = store.create_provider(provider.name, provider.kind);
    if (!id.ok()) return id.error();
    ids.push_back(*id);
  }
  return ids;
}

}  // namespace

Status check_scale_demo_options(const ScaleDemoOptions& options) {
  if (options.employees < 1 || options.employees > kMaxScaleDemoEmployees) {
    return core::make_error("invalid", "employees",
                            "must be 1 to " + std::to_string(kMaxScaleDemoEmployees) + ", not " +
                                std::to_string(options.employees));
  }
  if (options.batch_size < 1 || options.batch_size > kMaxScaleDemoBatchSize) {
    return core::make_error("invalid", "batch_size",
                            "must be 1 to " + std::to_string(kMaxScaleDemoBatchSize) +
                                " cases, not " + std::to_string(options.batch_size));
  }
  return core::ok_status();
}

Result<DemoReport> Application::load_scale_demo(const Actor& actor,
                                                const ScaleDemoOptions& options,
                                                const Moment& now,
                                                const ScaleProgressCallback& progress) {
  if (auto allowed = authorize(actor, Action::load_demo); !allowed.ok()) return allowed.error();
  if (auto valid = check_scale_demo_options(options); !valid.ok()) return valid.error();
  std::optional<detail::ScalePlanner> planner;
  detail::DemoOrganisations demo;  // where the demo accounts work
  std::int64_t manager = 0;        // the demo line manager, once the first batch is in
  bool employee_account = false;
  DemoReport report;

  // One batch, inside a transaction: its rows, its employers' arbo service, and the demo
  // accounts it makes possible (the staff once the home employer exists, the line manager's
  // team among its home employees with a case, the employee account for the first of those
  // whose case is open).
  const auto load = [&](const detail::ScaleBatch& batch) -> Status {
    if (auto loaded = store_.bulk_load(batch.rows); !loaded.ok()) return loaded;
    for (const auto& link : batch.provider_employers) {
      if (auto linked = store_.link_provider_employer(link.provider_id, link.employer_id);
          !linked.ok()) {
        return linked;
      }
    }
    if (manager == 0) {
      demo.home_employer = batch.rows.employers.front().id;
      auto created = detail::create_demo_staff(store_, demo, now);
      if (!created.ok()) return created.error();
      manager = *created;
    }
    std::vector<std::int64_t> team;
    for (const auto& row : batch.rows.summaries) {
      if (row.employer_id != demo.home_employer) continue;
      if (team.empty() || team.back() != row.employee_id) team.push_back(row.employee_id);
      if (!employee_account && detail::summary_is_open(row.summary) &&
          row.summary.first_sick_day) {
        if (auto created = detail::create_demo_employee_account(store_, demo.home_employer,
                                                                row.employee_id, now);
            !created.ok()) {
          return created;
        }
        employee_account = true;
      }
    }
    if (auto led = detail::lead_demo_team(store_, manager, team); !led.ok()) return led;
    report.employers += static_cast<std::int64_t>(batch.rows.employers.size());
    report.employees += static_cast<std::int64_t>(batch.rows.employees.size());
    report.cases += static_cast<std::int64_t>(batch.rows.cases.size());
    report.entries += static_cast<std::int64_t>(batch.rows.entries.size());
    return core::ok_status();
  };
  const auto report_progress = [&](const detail::ScaleBatch& batch) {
    if (progress) {
      progress(ScaleProgress{batch.employees_done, options.employees, report.employers,
                             report.cases, report.entries});
    }
  };

  // The check that the database is empty, the providers and the first batch in one transaction:
  // refused input leaves nothing behind.
  detail::ScaleBatch first_batch;
  const Status first = store_.transaction([&]() -> Status {
    // Demo people next to real ones (or a second copy of the demo) would be indistinguishable.
    auto existing = store_.list_employers();
    if (!existing.ok()) return existing.error();
    if (!existing->empty()) {
      return core::make_error("not_empty", "db",
                              "the database already holds employers; load the demo into a new one");
    }
    auto arbo_services = create_providers(store_, kArboServices);
    if (!arbo_services.ok()) return arbo_services.error();
    auto offices = create_providers(store_, kOffices);
    if (!offices.ok()) return offices.error();
    demo.arbo_service = arbo_services->front();
    demo.reintegration_office = offices->front();
    auto ids = store_.next_bulk_ids();
    if (!ids.ok()) return ids.error();
    planner.emplace(detail::ScalePlanOptions{options.employees, options.seed,
                                             options.batch_size, actor.user_id},
                    detail::ScaleProviders{std::move(*arbo_services), std::move(*offices)}, *ids,
                    now);
    auto batch = planner->next_batch();
    if (!batch.ok()) return batch.error();
    first_batch = std::move(*batch);
    return load(first_batch);
  });
  if (!first.ok()) return first.error();
  report_progress(first_batch);
  std::int64_t loaded_employees = first_batch.employees_done;
  first_batch = {};

  // The rest: the next batch is generated on a worker thread (it touches no store) while this
  // one loads the current batch.
  const auto stopped = [&](const core::Error& error) {
    return core::make_error(error.code, error.field,
                            error.message + " (the first " + std::to_string(loaded_employees) +
                                " of " + std::to_string(options.employees) +
                                " employees are loaded)");
  };
  std::future<Result<detail::ScaleBatch>> pending;
  const auto generate_next = [&] {
    if (planner->done()) return;
    const auto next = [&planner] { return planner->next_batch(); };
    try {
      pending = std::async(std::launch::async, next);
    } catch (const std::system_error&) {
      pending = std::async(std::launch::deferred, next);  // no thread to be had: one at a time
    }
  };
  generate_next();
  while (pending.valid()) {
    Result<detail::ScaleBatch> batch = pending.get();
    if (!batch.ok()) return stopped(batch.error());
    generate_next();
    if (auto loaded = store_.transaction([&] { return load(*batch); }); !loaded.ok()) {
      return stopped(loaded.error());
    }
    loaded_employees = batch->employees_done;
    report_progress(*batch);
  }
  return report;
}

}  // namespace spoorboek::app
