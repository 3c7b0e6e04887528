// build/spoorboek: the command-line adapter. Parses, dispatches to one command, returns its code.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Spoorboek: the reintegration file and its statutory deadlines "
               "(Wet verbetering poortwachter)",
               "spoorboek"};
  app.require_subcommand(1);
  int exit_code = spoorboek::cli::kExitOk;
  spoorboek::cli::register_timeline_command(app, exit_code);
  spoorboek::cli::register_database_commands(app, exit_code);
  spoorboek::cli::register_serve_command(app, exit_code);
  spoorboek::cli::register_user_command(app, exit_code);
  spoorboek::cli::register_transfer_commands(app, exit_code);
  spoorboek::cli::register_hr_import_commands(app, exit_code);
  spoorboek::cli::register_report_command(app, exit_code);
  spoorboek::cli::register_backup_commands(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // CLI11 returns 0 for --help; any real parse error is bad input.
    return code == 0 ? spoorboek::cli::kExitOk : spoorboek::cli::kExitBadInput;
  }
  return exit_code;
}
