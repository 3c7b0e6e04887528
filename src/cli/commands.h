// The subcommands of build/spoorboek, registered on one CLI11 app by main.cc.
//
// Every command: `--help`, exit 0 on success, 2 on bad input (a message on stderr naming the field
// and the reason; nothing written), 1 when a check fails (verify). Commands parse their options,
// call one use case of the application layer and render its result.
#pragma once

namespace CLI {
class App;
}

namespace spoorboek::cli {

// Exit codes shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;
inline constexpr int kExitBadInput = 2;

// `timeline [FILE|-]` and `timeline --batch [FILE|-]` (stateless, no database).
void register_timeline_command(CLI::App& app, int& exit_code);

// `init`, `demo`, `cases`, `show`, `check`, `verify`, `append` (the SQLite case files). `check`
// exits 1 when the file has a BLOCK finding, and 2 (never 1) on any error.
void register_database_commands(CLI::App& app, int& exit_code);

// `serve --db PATH [--port] [--bind] [--threads] ...` (the JSON API over HTTP).
void register_serve_command(CLI::App& app, int& exit_code);

// `export`, `import` (one case file as JSON) and `export-cases` (the case list as CSV).
void register_transfer_commands(CLI::App& app, int& exit_code);

// `user add` (accounts from the shell: the first administrator of a new installation).
void register_user_command(CLI::App& app, int& exit_code);

// `import-employees`, `import-reports` and `held-reports` (the staff list and the sick and
// recovery reports from HR and payroll, as CSV: docs/import.md).
void register_hr_import_commands(CLI::App& app, int& exit_code);

// `report --db PATH CASE --out FILE.pdf [--document KIND] [--lang nl|en] [--as EMAIL]` (a
// document of a case file as PDF).
void register_report_command(CLI::App& app, int& exit_code);

// `backup --db PATH --out FILE [--with-key] [--force]` and `restore --from FILE --db PATH
// [--force]` (a SQLite database and its read log as one consistent pair; cmd_backup.cc).
void register_backup_commands(CLI::App& app, int& exit_code);

}  // namespace spoorboek::cli
