// `init`, `verify`, `append`, `rebuild` and `demo` (also `demo --scale N`): the commands that
// create, check and fill a database.
// `show` and `cases` render in cmd_database_show.cc, `check` in cmd_check.cc. Each parses, calls one use case per unit of
// work, and renders.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/cmd_database_support.h"
#include "cli/commands.h"
#include "cli/scale_progress.h"
#include "platform/clock.h"

namespace spoorboek::cli {

void register_show_command(CLI::App& app, int& exit_code);
void register_cases_command(CLI::App& app, int& exit_code);
void register_check_command(CLI::App& app, int& exit_code);

namespace {

void register_init(CLI::App& app, int& exit_code) {
  auto path = std::make_shared<std::string>();
  auto* command = app.add_subcommand("init", "Create a database, or bring its schema up to date "
                                             "(running it again changes nothing)");
  command->add_option("--db", *path, kDbHelp)->required();
  command->callback([path, &exit_code] {
    auto database = open_database(*path, /*create=*/true);
    if (!database.ok()) {
      exit_code = report_error("init", database.error());
      return;
    }
    if (auto status = database->app->init_database(cli_actor()); !status.ok()) {
      exit_code = report_error("init", status.error());
      return;
    }
    std::cout << "initialised " << *path << " (schema version "
              << *database->store->schema_version() << ")\n";
  });
}

void register_verify(CLI::App& app, int& exit_code) {
  auto path = std::make_shared<std::string>();
  auto* command = app.add_subcommand(
      "verify", "Walk every case's hash chain; exit 0 when all are intact, 1 naming the first "
                "broken entry (case and seq) when not");
  command->add_option("--db", *path, kDbHelp)->required();
  command->callback([path, &exit_code] {
    auto database = open_database(*path, false);
    if (!database.ok()) {
      exit_code = report_error("verify", database.error());
      return;
    }
    auto report = database->app->verify_all(cli_actor());
    if (!report.ok()) {
      exit_code = report_error("verify", report.error());
      return;
    }
    if (report->broken.empty()) {
      std::cout << "intact: " << report->cases << " cases, " << report->entries << " entries\n";
      return;
    }
    for (const auto& broken : report->broken) {
      std::cout << "broken: case " << broken.case_id << " entry " << broken.seq << ": "
                << broken.reason << '\n';
    }
    std::cout << report->broken.size() << " of " << report->cases
              << " cases have a broken chain\n";
    exit_code = kExitCheckFailed;
  });
}

// Reads JSON Lines and appends each line in its own transaction, reporting each commit at once
// (a caller that is killed midway knows exactly what was written).
int append_lines(std::istream& input, app::Application& application, std::int64_t case_id) {
  const app::Actor actor = cli_actor();
  std::string line;
  long line_number = 0;
  long appended = 0;
  while (std::getline(input, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto result = application.append_entry_json(actor, case_id, line, current_moment());
    if (!result.ok()) {
      return report_error("append", result.error(), "line " + std::to_string(line_number));
    }
    ++appended;
    std::cout << "committed " << result->case_id << ' ' << result->seq << ' ' << result->hash
              << std::endl;
  }
  if (appended == 0) {
    return report_error("append", core::make_error("empty_input", "", "the input holds no entries"));
  }
  return kExitOk;
}

void register_append(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::int64_t case_id = 0;
    std::string file = "-";
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "append",
      "Append entries to a case file: JSON Lines of {\"type\",\"occurred_on\",\"payload\"[,"
      "\"expected_seq\"]}, each in its own transaction; prints \"committed <case> <seq> <hash>\" "
      "per entry and stops at the first bad line (exit 2, that line not written)");
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("--case", options->case_id, "Case id")->required();
  command->add_option("file", options->file, "JSON Lines file, or - for standard input");
  command->callback([options, &exit_code] {
    auto database = open_database(options->path, false);
    if (!database.ok()) {
      exit_code = report_error("append", database.error());
      return;
    }
    if (options->file == "-") {
      exit_code = append_lines(std::cin, *database->app, options->case_id);
      return;
    }
    std::ifstream input(options->file);
    if (!input) {
      exit_code = report_error(
          "append", core::make_error("cannot_read", options->file, "cannot be read"));
      return;
    }
    exit_code = append_lines(input, *database->app, options->case_id);
  });
}

void register_rebuild(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::string as_of;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "rebuild", "Recompute every case's summary row (status, next deadline) from its entries, "
                 "in one transaction");
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("--as-of", options->as_of, "Date the statuses hold for (default today)");
  command->callback([options, &exit_code] {
    auto opened = open_database_as_of(options->path, options->as_of);
    if (!opened.ok()) {
      exit_code = report_error("rebuild", opened.error());
      return;
    }
    app::Moment now = current_moment();
    now.today = opened->as_of;
    auto report = opened->database.app->rebuild_projections(cli_actor(), now);
    if (!report.ok()) {
      exit_code = report_error("rebuild", report.error());
      return;
    }
    std::cout << "rebuilt the summaries of " << report->cases << " cases\n";
  });
}

struct DemoCommandOptions {
  std::string path;
  std::uint64_t seed = 1;
  std::string as_of;
  std::int64_t scale = 0;
  std::int64_t batch_size = app::ScaleDemoOptions{}.batch_size;
};

// `demo --scale N`: the options are checked before the database is opened or created, so bad
// input leaves no file behind.
int run_scale_demo(const DemoCommandOptions& options, app::Moment now) {
  const app::ScaleDemoOptions scale{options.scale, options.seed, options.batch_size};
  if (auto valid = app::check_scale_demo_options(scale); !valid.ok()) {
    core::Error error = valid.error();
    error.field = error.field == "employees" ? "--scale" : "--batch-size";
    return report_error("demo", error);
  }
  auto database = open_database(options.path, /*create=*/true);
  if (!database.ok()) return report_error("demo", database.error());
  const app::Actor actor = cli_actor();
  if (auto status = database->app->init_database(actor); !status.ok()) {
    return report_error("demo", status.error());
  }
  const double started = platform::monotonic_seconds();
  ScaleProgressBar bar(std::cerr, isatty(STDERR_FILENO) == 1, started);
  auto report = database->app->load_scale_demo(
      actor, scale, now,
      [&bar](const app::ScaleProgress& progress) {
        bar.update(progress, platform::monotonic_seconds());
      });
  bar.finish();
  if (!report.ok()) return report_error("demo", report.error());
  const double elapsed = platform::monotonic_seconds() - started;
  std::cout << "scale demo loaded into " << options.path << ": " << grouped(report->employers)
            << " employers, " << grouped(report->employees) << " employees, "
            << grouped(report->cases) << " cases, " << grouped(report->entries)
            << " entries (as of " << core::format_iso_date(now.today) << ", seed " << options.seed
            << ") in " << clock_duration(elapsed) << " ("
            << grouped(static_cast<std::int64_t>(static_cast<double>(report->entries) /
                                                 std::max(elapsed, 1e-9)))
            << " entries/s)\n";
  return kExitOk;
}

void register_demo(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DemoCommandOptions>();
  auto* command = app.add_subcommand(
      "demo", "Fill a database with a realistic, deterministic demo: employers, a few hundred "
              "employees and cases at every stage of the 104 weeks; with --scale N, N employees "
              "and about N cases loaded in bulk");
  command->add_option("--db", options->path, std::string(kDbHelp) + " (created when missing)")
      ->required();
  command->add_option("--seed", options->seed, "Seed of the generator (same seed, same data)");
  command->add_option("--as-of", options->as_of, "Date the demo is built around (default today)");
  auto* scale = command->add_option(
      "--scale", options->scale,
      "Generate N employees (1 to " + std::to_string(app::kMaxScaleDemoEmployees) +
          ") across employers, about one case each with some 20 entries on average; progress "
          "on stderr. Medical parts are left out");
  auto* batch_size = command->add_option(
      "--batch-size", options->batch_size,
      "With --scale: cases per batch, each loaded in one transaction (default " +
          std::to_string(app::ScaleDemoOptions{}.batch_size) + ")");
  command->callback([options, scale, batch_size, &exit_code] {
    app::Moment now = current_moment();
    auto as_of = date_option(options->as_of, "--as-of", now.today);
    if (!as_of.ok()) {
      exit_code = report_error("demo", as_of.error());
      return;
    }
    now.today = *as_of;
    if (scale->count() > 0) {
      exit_code = run_scale_demo(*options, now);
      return;
    }
    if (batch_size->count() > 0) {
      exit_code = report_error(
          "demo", core::make_error("invalid", "--batch-size", "is only for a demo with --scale"));
      return;
    }
    auto database = open_database(options->path, /*create=*/true);
    if (!database.ok()) {
      exit_code = report_error("demo", database.error());
      return;
    }
    const app::Actor actor = cli_actor();
    if (auto status = database->app->init_database(actor); !status.ok()) {
      exit_code = report_error("demo", status.error());
      return;
    }
    auto report = database->app->load_demo(actor, app::DemoOptions{options->seed}, now);
    if (!report.ok()) {
      exit_code = report_error("demo", report.error());
      return;
    }
    std::cout << "demo loaded into " << options->path << ": " << report->employers
              << " employers, " << report->employees << " employees, " << report->cases
              << " cases, " << report->entries << " entries (as of "
              << core::format_iso_date(now.today) << ")\n";
  });
}

}  // namespace

void register_database_commands(CLI::App& app, int& exit_code) {
  register_init(app, exit_code);
  register_append(app, exit_code);
  register_show_command(app, exit_code);
  register_cases_command(app, exit_code);
  register_check_command(app, exit_code);
  register_verify(app, exit_code);
  register_rebuild(app, exit_code);
  register_demo(app, exit_code);
}

}  // namespace spoorboek::cli
