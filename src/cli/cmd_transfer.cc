// `export`, `import` and `export-cases`: a case file out as JSON and back in, and the case list as
// CSV for payroll and HR systems. Output files are written whole or not at all
// (output_file.h); bad input writes nothing.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "cli/acting_user.h"
#include "cli/cmd_database_support.h"
#include "cli/commands.h"
#include "cli/output_file.h"

namespace spoorboek::cli {
namespace {

void register_export(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::int64_t case_id = 0;
    std::string out;
    std::string as;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "export",
      "Write one case file as JSON: the case, the employee's reference and every entry with its "
      "hash chain. As the operator (an administrator of the whole installation) the export is "
      "full: every entry as stored, medical parts as sealed text that only this database's key "
      "file opens, importable with `spoorboek import`. With --as EMAIL it holds what that user "
      "may see, without any medical part (not importable)");
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("case", options->case_id, "Case id")->required();
  command->add_option("--out", options->out, "The JSON file to write (replaced whole)")
      ->required();
  command->add_option("--as", options->as, "Export as this user (e-mail address)");
  command->callback([options, &exit_code] {
    auto database = open_database(options->path, false);
    if (!database.ok()) {
      exit_code = report_error("export", database.error());
      return;
    }
    auto actor = acting_user(*database, options->as);
    if (!actor.ok()) {
      exit_code = report_error("export", actor.error());
      return;
    }
    auto document = database->app->export_case(*actor, options->case_id, current_moment());
    if (!document.ok()) {
      exit_code = report_error("export", document.error(),
                               "case " + std::to_string(options->case_id));
      return;
    }
    if (auto written = write_file_atomically(options->out, *document, "--out"); !written.ok()) {
      exit_code = report_error("export", written.error());
      return;
    }
    std::cout << "exported case " << options->case_id << " to " << options->out << '\n';
  });
}

void register_import(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::string file;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "import",
      "Read a full export of `spoorboek export` back, in one transaction: a corrupt file, a broken "
      "hash chain, a changed entry or medical parts sealed with another key refuse the whole "
      "file. Importing a file the database holds already changes nothing (and says so)");
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("file", options->file, "The JSON file of `spoorboek export`")->required();
  command->callback([options, &exit_code] {
    std::ifstream input(options->file, std::ios::binary);
    if (!input) {
      exit_code = report_error(
          "import", core::make_error("cannot_read", options->file, "cannot be read"));
      return;
    }
    const std::string text((std::istreambuf_iterator<char>(input)),
                           std::istreambuf_iterator<char>());
    auto database = open_database(options->path, false);
    if (!database.ok()) {
      exit_code = report_error("import", database.error());
      return;
    }
    auto report = database->app->import_case(cli_actor(), text, current_moment());
    if (!report.ok()) {
      exit_code = report_error("import", report.error(), options->file);
      return;
    }
    if (report->entries_added == 0) {
      std::cout << "unchanged: the database holds case " << report->case_id << " with all "
                << report->entries_in_file << " entries of the file already\n";
      return;
    }
    std::cout << "imported case " << report->case_id << ": " << report->entries_added << " of "
              << report->entries_in_file << " entries added"
              << (report->case_created ? " (new case)" : " (the case continued)")
              << (report->employee_created ? ", employee added" : "")
              << (report->employer_created ? ", employer added" : "") << '\n';
  });
}

void register_export_cases(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::string out;
    std::string as;
    std::string as_of;
    std::optional<int> due_within;
    std::optional<std::int64_t> employer;
    std::optional<std::string> status;
    bool all = false;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "export-cases",
      "Write the case list as CSV (RFC 4180) for payroll and HR systems: one row per case with "
      "the personnel number, status, sick week and next deadline; the filters of `cases` and of "
      "GET /api/v1/cases. Nothing medical");
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("--out", options->out, "The CSV file to write (replaced whole)")->required();
  command->add_option("--as", options->as, "List the cases this user reaches (e-mail address)");
  command->add_option("--as-of", options->as_of, "Date for statuses (default today)");
  command->add_option("--due-within", options->due_within,
                      "Only cases whose next deadline is due within this many days");
  command->add_option("--employer", options->employer, "Only the cases of this employer id");
  command->add_option("--status", options->status, "Only cases with this status (e.g. sick)");
  command->add_flag("--all", options->all, "Also the cases that ended (recovered)");
  command->callback([options, &exit_code] {
    auto opened = open_database_as_of(options->path, options->as_of);
    if (!opened.ok()) {
      exit_code = report_error("export-cases", opened.error());
      return;
    }
    auto actor = acting_user(opened->database, options->as);
    if (!actor.ok()) {
      exit_code = report_error("export-cases", actor.error());
      return;
    }
    app::CaseQuery query(opened->as_of, options->due_within, options->all);
    query.employer_id = options->employer;
    query.status = options->status;
    auto csv = opened->database.app->case_list_csv(*actor, query);
    if (!csv.ok()) {
      exit_code = report_error("export-cases", csv.error());
      return;
    }
    if (auto written = write_file_atomically(options->out, *csv, "--out"); !written.ok()) {
      exit_code = report_error("export-cases", written.error());
      return;
    }
    std::cout << "wrote the case list to " << options->out << '\n';
  });
}

}  // namespace

void register_transfer_commands(CLI::App& app, int& exit_code) {
  register_export(app, exit_code);
  register_import(app, exit_code);
  register_export_cases(app, exit_code);
}

}  // namespace spoorboek::cli
