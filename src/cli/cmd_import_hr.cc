// `import-employees`, `import-reports` and `held-reports`: the bulk imports from HR and payroll
// systems (app/hr_import.h; the columns in docs/import.md). The whole file is checked first; any
// line error writes nothing and every error is printed as "line N, column X: why" (exit 2).
// --dry-run prints what would change and writes nothing. A progress bar goes to stderr: one line
// redrawn with \r on a terminal, a line per 10% otherwise (a log file stays readable).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "app/hr_import.h"
#include "cli/acting_user.h"
#include "cli/cmd_database_support.h"
#include "cli/commands.h"

namespace spoorboek::cli {
namespace {

struct ImportOptions {
  std::string path;
  std::int64_t employer_id = 0;
  std::string file;
  std::string as;
  bool dry_run = false;
};

// Draws the import's progress on stderr.
class ProgressBar {
 public:
  explicit ProgressBar(std::string command)
      : command_(std::move(command)), terminal_(isatty(STDERR_FILENO) == 1) {}
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::string_view phase, std::size_t done, std::size_t total) {
    if (total == 0) return;
    const int percent = static_cast<int>(done * 100 / total);
    if (phase != phase_) {
      finish();
      phase_ = std::string(phase);
      shown_ = -1;
    }
    if (terminal_) {
      if (percent == shown_) return;
      constexpr int kWidth = 30;
      const int filled = percent * kWidth / 100;
      std::fprintf(stderr, "\r%s: %-8s [%s%s] %3d%% (%zu/%zu)", command_.c_str(), phase_.c_str(),
                   std::string(static_cast<std::size_t>(filled), '#').c_str(),
                   std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(), percent,
                   done, total);
      open_line_ = true;
    } else {
      const int step = percent / 10 * 10;
      if (step == 0 || step <= shown_) return;
      std::fprintf(stderr, "%s: %s %d%% (%zu/%zu)\n", command_.c_str(), phase_.c_str(), step,
                   done, total);
      shown_ = step;
      return;
    }
    shown_ = percent;
    std::fflush(stderr);
  }

  // Ends the redrawn line, so that what follows starts on a line of its own.
  void finish() {
    if (!open_line_) return;
    std::fputc('\n', stderr);
    open_line_ = false;
  }

 private:
  std::string command_;
  bool terminal_;
  std::string phase_;
  int shown_ = -1;
  bool open_line_ = false;
};

core::Result<std::string> read_input(const std::string& file) {
  if (file == "-") {
    return std::string((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  }
  std::ifstream input(file, std::ios::binary);
  if (!input) return core::make_error("cannot_read", file, "cannot be read");
  std::string text((std::istreambuf_iterator<char>(input)), std::istreambuf_iterator<char>());
  if (input.bad()) return core::make_error("cannot_read", file, "cannot be read");
  return text;
}

std::string file_name_of(const std::string& file) {
  if (file == "-") return "stdin";
  const auto slash = file.find_last_of('/');
  return slash == std::string::npos ? file : file.substr(slash + 1);
}

// Prints the plan or the outcome, line by line, and returns the exit code.
int print_report(std::string_view command, const std::string& file,
                 const app::HrImportReport& report, bool reports) {
  if (report.error_count > 0) {
    for (const auto& error : report.errors) {
      std::cerr << "spoorboek " << command << ": " << file << ": " << app::describe(error)
                << '\n';
    }
    std::cerr << "spoorboek " << command << ": " << report.error_count
              << (report.error_count == 1 ? " error" : " errors");
    if (report.errors.size() < report.error_count) {
      std::cerr << " (the first " << report.errors.size() << " shown)";
    }
    std::cerr << "; nothing " << (report.dry_run ? "would be " : "") << "written\n";
    return kExitBadInput;
  }
  for (const auto& line : report.lines) {
    std::cout << (line.line == 0 ? std::string("held before") : "line " + std::to_string(line.line))
              << ": " << app::import_outcome_name(line.outcome) << ": ";
    if (!line.personnel_number.empty()) std::cout << line.personnel_number << ' ';
    std::cout << line.detail;
    if (line.case_id && line.detail.find("case " + std::to_string(*line.case_id)) ==
                            std::string::npos) {
      std::cout << " (case " << *line.case_id << ')';
    }
    std::cout << '\n';
  }
  if (!report.ignored_columns.empty()) {
    std::cout << "ignored columns:";
    for (const auto& column : report.ignored_columns) std::cout << ' ' << column;
    std::cout << '\n';
  }
  std::cout << report.data_rows << (report.data_rows == 1 ? " line: " : " lines: ");
  bool first = true;
  for (std::size_t i = 0; i < app::kImportOutcomeCount; ++i) {
    if (report.counts[i] == 0) continue;
    std::cout << (first ? "" : ", ") << app::import_outcome_name(static_cast<app::ImportOutcome>(i))
              << ' ' << report.counts[i];
    first = false;
  }
  if (first) std::cout << "nothing to import";
  if (reports) std::cout << "; held for the employer: " << report.still_held;
  if (report.dry_run) {
    std::cout << "\ndry run: nothing written\n";
  } else {
    std::cout << (report.written ? "\nwritten\n" : "\nnothing to change\n");
  }
  return kExitOk;
}

using ImportCall = core::Result<app::HrImportReport> (app::HrImport::*)(
    const app::Actor&, std::int64_t, std::string_view, const app::HrImportOptions&,
    const app::Moment&);

void register_import(CLI::App& app, int& exit_code, const std::string& name,
                     const std::string& description, ImportCall call, bool reports) {
  auto options = std::make_shared<ImportOptions>();
  auto* command = app.add_subcommand(name, description);
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("--employer", options->employer_id, "The employer's id")->required();
  command->add_option("file", options->file, "The CSV file (- for standard input)")->required();
  command->add_flag("--dry-run", options->dry_run, "Print what would change; write nothing");
  command->add_option("--as", options->as,
                      "Import as this user (e-mail address: an administrator or the employer's "
                      "case manager); recorded in the audit log");
  command->callback([options, &exit_code, name, call, reports] {
    auto text = read_input(options->file);
    if (!text.ok()) {
      exit_code = report_error(name, text.error());
      return;
    }
    auto database = open_database(options->path, false);
    if (!database.ok()) {
      exit_code = report_error(name, database.error());
      return;
    }
    auto actor = acting_user(*database, options->as);
    if (!actor.ok()) {
      exit_code = report_error(name, actor.error());
      return;
    }
    ProgressBar bar(name);
    app::HrImportOptions import_options;
    import_options.file_name = file_name_of(options->file);
    import_options.dry_run = options->dry_run;
    import_options.progress = [&bar](std::string_view phase, std::size_t done,
                                     std::size_t total) { bar.update(phase, done, total); };
    app::HrImport import(*database->store, *database->app);
    auto report = (import.*call)(*actor, options->employer_id, *text, import_options,
                                 current_moment());
    bar.finish();
    if (!report.ok()) {
      exit_code = report_error(name, report.error(), options->file);
      return;
    }
    exit_code = print_report(name, options->file, *report, reports);
  });
}

void register_held_reports(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::int64_t employer_id = 0;
    std::optional<std::int64_t> drop;
    std::string as;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "held-reports",
      "List the recoveries of `import-reports` that wait for their sick report (each import of "
      "the employer applies them once it is recorded); --drop ID deletes one that never will");
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("--employer", options->employer_id, "The employer's id")->required();
  command->add_option("--drop", options->drop, "Delete this held report (its id)");
  command->add_option("--as", options->as, "As this user (e-mail address)");
  command->callback([options, &exit_code] {
    auto database = open_database(options->path, false);
    if (!database.ok()) {
      exit_code = report_error("held-reports", database.error());
      return;
    }
    auto actor = acting_user(*database, options->as);
    if (!actor.ok()) {
      exit_code = report_error("held-reports", actor.error());
      return;
    }
    app::HrImport import(*database->store, *database->app);
    if (options->drop) {
      const auto dropped =
          import.drop_held_report(*actor, options->employer_id, *options->drop, current_moment());
      if (!dropped.ok()) {
        exit_code = report_error("held-reports", dropped.error());
        return;
      }
      std::cout << "dropped held report " << *options->drop << '\n';
      return;
    }
    auto held = import.held_reports(*actor, options->employer_id);
    if (!held.ok()) {
      exit_code = report_error("held-reports", held.error());
      return;
    }
    for (const auto& report : *held) {
      std::cout << report.id << '\t' << report.personnel_number << '\t' << report.employee_name
                << '\t' << core::entry_type_name(report.type) << '\t'
                << core::format_iso_date(report.occurred_on) << '\t' << report.payload << '\t'
                << report.source << '\t' << report.held_at << '\n';
    }
    std::cout << held->size() << " held\n";
  });
}

}  // namespace

void register_hr_import_commands(CLI::App& app, int& exit_code) {
  register_import(app, exit_code, "import-employees",
                  "Import an employer's staff list from HR (CSV, docs/import.md): new personnel "
                  "numbers become employees, known ones get the file's name and line manager. "
                  "All or nothing; importing the same file twice changes nothing",
                  &app::HrImport::import_employees, false);
  register_import(app, exit_code, "import-reports",
                  "Import sick and recovery reports from payroll (CSV: ziek, hersteld, "
                  "gedeeltelijk hersteld; docs/import.md) as the entries a case manager records. "
                  "Per employee in date order; a recovery before its sick report is held until "
                  "an import brings it. All or nothing; the same file twice changes nothing",
                  &app::HrImport::import_reports, true);
  register_held_reports(app, exit_code);
}

}  // namespace spoorboek::cli
