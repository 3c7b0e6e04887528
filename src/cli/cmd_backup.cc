// `backup` and `restore`: a SQLite database and its read log copied out as one consistent pair
// while a server may keep running, and put back after checks (store/sqlite_backup.h).
//
// The medical key file (`<db>.key`, or $SPOORBOEK_KEY_FILE) is not in the database. By default a backup does not hold
// it, so that a stolen backup medium does not open the medical data; the command says that the
// key must be kept safe separately. `--with-key` copies it to FILE.key (mode 0600) for operators
// who keep backups as safe as the key. A restore puts FILE.key in place when the backup has one.
//
// A PostgreSQL database is backed up with pg_dump (README: "Backup and restore").
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

#include "app/application.h"
#include "cli/cmd_database_support.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "security/key_file.h"
#include "store/open_store.h"
#include "store/sqlite_backup.h"
#include "store/sqlite_store.h"

namespace spoorboek::cli {
namespace {

namespace fs = std::filesystem;

bool is_postgresql(const std::string& db) {
  return store::backend_of(db) == store::Backend::postgres;
}

// The store names its fields after the options without dashes ("db", "out", "from").
core::Error with_option_name(core::Error error) {
  if (error.field == "db" || error.field == "out" || error.field == "from") {
    error.field = "--" + error.field;
  }
  return error;
}

// The key file's text: 64 hex characters (security/key_file.h), checked by loading it first.
core::Result<std::string> read_key_file(const std::string& path, const std::string& option) {
  if (auto loaded = security::load_key_file(path); !loaded.ok()) {
    core::Error error = loaded.error();
    error.field = option;
    error.message = "'" + path + "': " + error.message;
    return error;
  }
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    return core::make_error("storage", option, "cannot read '" + path + "'");
  }
  return text;
}

std::string without_trailing_newline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

void register_backup(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::string out;
    bool with_key = false;
    bool force = false;
    int pages_per_step = 256;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "backup",
      "Copy a SQLite database and its read log to FILE and FILE.reads, consistently, while a "
      "server may keep serving and writing (SQLite's online backup). The key file is not "
      "copied unless --with-key: keep it safe separately. For PostgreSQL use pg_dump (README)");
  command->add_option("--db", options->path, "SQLite database file")->required();
  command->add_option("--out", options->out,
                      "The backup file to write (its read log goes to FILE.reads)")
      ->required();
  command->add_flag("--with-key", options->with_key,
                    "Also copy the key file <db>.key to FILE.key (mode 0600): the backup then "
                    "opens the medical data, so keep it as safe as the key");
  command->add_flag("--force", options->force, "Replace an existing backup at FILE");
  command
      ->add_option("--pages-per-step", options->pages_per_step,
                   "Pages copied per step of the online backup (the copy is one snapshot "
                   "whatever the step; smaller steps make each call shorter)")
      ->check(CLI::Range(1, 1 << 20));
  command->callback([options, &exit_code] {
    if (is_postgresql(options->path)) {
      exit_code = report_error(
          "backup", core::make_error("unsupported", "--db",
                                     "a PostgreSQL database is backed up with pg_dump; see "
                                     "\"Backup and restore\" in the README"));
      return;
    }
    auto configured_key = key_file_path(options->path);
    if (!configured_key.ok()) {
      exit_code = report_error("backup", configured_key.error());
      return;
    }
    const std::string key_path = *configured_key;
    const std::string backup_key_path = options->out + ".key";
    std::optional<std::string> key;
    if (options->with_key) {
      // Checked before anything is written, so that a refusal leaves no backup without its key.
      auto text = read_key_file(key_path, "--with-key");
      if (!text.ok()) {
        exit_code = report_error("backup", text.error());
        return;
      }
      key = std::move(*text);
      if (!options->force && fs::exists(backup_key_path)) {
        exit_code = report_error(
            "backup", core::make_error("exists", "--out",
                                       "'" + backup_key_path +
                                           "' exists; choose another name or replace it with "
                                           "--force"));
        return;
      }
    }
    store::SqliteCopyOptions copy;
    copy.pages_per_step = options->pages_per_step;
    auto made =
        store::backup_sqlite_database(options->path, options->out, options->force, copy);
    if (!made.ok()) {
      exit_code = report_error("backup", with_option_name(made.error()));
      return;
    }
    if (key) {
      if (auto written = write_file_atomically(backup_key_path, *key, "--with-key");
          !written.ok()) {
        // Without the key the operator asked for, the backup is not what was asked: removed.
        std::error_code ignored;
        fs::remove(options->out, ignored);
        fs::remove(options->out + ".reads", ignored);
        exit_code = report_error("backup", written.error(), "the backup was removed");
        return;
      }
    }
    std::cout << "backed up " << options->path << " to " << options->out << " and "
              << options->out << ".reads (schema version " << made->schema_version << ", "
              << made->main_pages << " + " << made->read_log_pages << " pages)\n";
    if (key) {
      std::cout << "copied the key file " << key_path << " to " << backup_key_path
                << " (mode 0600): this backup opens the medical data, keep it as safe as the "
                   "key\n";
    } else {
      if (fs::exists(backup_key_path)) {
        // Never deleted here: it may be the only copy of a key.
        std::cout << "note: " << backup_key_path
                  << " beside the backup is from an earlier backup and was left as it is\n";
      }
      std::cout << "the key file " << key_path
                << " is NOT in this backup: keep a copy of it safe, apart from the backup "
                   "(without it the medical data and two-factor secrets in the backup cannot "
                   "be read), or back it up with --with-key\n";
    }
  });
}

// What a restore does with the key file, decided before anything is replaced.
struct KeyPlan {
  std::string path;                  // where the installation reads its key (<db>.key)
  std::optional<std::string> write;  // the backup's key, to put at `path`
  std::string note;                  // what the operator is told
};

core::Result<KeyPlan> plan_key(const std::string& from, const std::string& db, bool force) {
  const std::string backup_key_path = from + ".key";
  auto configured_key = key_file_path(db);
  if (!configured_key.ok()) return configured_key.error();
  const std::string key_path = *configured_key;
  KeyPlan plan;
  plan.path = key_path;
  if (!fs::exists(backup_key_path)) {
    plan.note = fs::exists(key_path)
                    ? "kept the existing key file " + key_path +
                          ": it must be the key of the database the backup was made of"
                    : "the backup holds no key file: put the key file kept with it at " +
                          key_path + " (mode 0600) before serving, or the medical data and "
                                     "two-factor secrets cannot be read";
    return plan;
  }
  auto key = read_key_file(backup_key_path, "--from");
  if (!key.ok()) return key.error();
  if (fs::exists(key_path)) {
    auto existing = read_key_file(key_path, "--db");
    if (existing.ok() && without_trailing_newline(*existing) == without_trailing_newline(*key)) {
      plan.note = "the key file " + key_path + " is already the backup's key";
      return plan;
    }
    if (!force) {
      return core::make_error("exists", "--db",
                              "'" + key_path + "' differs from the backup's key '" +
                                  backup_key_path + "'; replace it with --force");
    }
  }
  plan.write = std::move(*key);
  plan.note = "copied the key file " + backup_key_path + " to " + key_path + " (mode 0600)";
  return plan;
}

// The hash chains of the staged copy, read as `spoorboek verify` reads them.
core::Result<app::VerifyReport> verify_staged(const std::string& staged_path) {
  auto opened = store::SqliteStore::open(staged_path, store::SqliteStore::OpenMode::must_exist);
  if (!opened.ok()) return opened.error();
  app::Application application(**opened);
  return application.verify_all(cli_actor());
}

void register_restore(CLI::App& app, int& exit_code) {
  struct Options {
    std::string from;
    std::string path;
    bool force = false;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "restore",
      "Put a backup made by `spoorboek backup` in place at --db: checks both files (integrity, "
      "schema version, the read log belongs to the main file) and every hash chain first, then "
      "renames them into place. Refuses to replace an existing database unless --force, and "
      "never while a process (a server) has it open. For PostgreSQL use pg_restore (README)");
  command->add_option("--from", options->from, "The backup file (with FILE.reads beside it)")
      ->required();
  command->add_option("--db", options->path, "SQLite database file to restore to")->required();
  command->add_flag("--force", options->force,
                    "Replace an existing database (and a different key file) at --db");
  command->callback([options, &exit_code] {
    if (is_postgresql(options->path)) {
      exit_code = report_error(
          "restore", core::make_error("unsupported", "--db",
                                      "a PostgreSQL database is restored with pg_restore; see "
                                      "\"Backup and restore\" in the README"));
      return;
    }
    auto key_plan = plan_key(options->from, options->path, options->force);
    if (!key_plan.ok()) {
      exit_code = report_error("restore", key_plan.error());
      return;
    }
    auto staged = store::SqliteRestore::stage(options->from, options->path, options->force);
    if (!staged.ok()) {
      exit_code = report_error("restore", with_option_name(staged.error()));
      return;
    }
    const int schema = (*staged)->info().schema_version;
    const int newest = store::newest_sqlite_schema_version();
    std::optional<app::VerifyReport> verified;
    if (schema == newest) {
      auto report = verify_staged((*staged)->staged_path());
      if (!report.ok()) {
        exit_code = report_error("restore", report.error(), "verifying the backup");
        return;
      }
      if (!report->broken.empty()) {
        for (const auto& broken : report->broken) {
          std::cerr << "broken: case " << broken.case_id << " entry " << broken.seq << ": "
                    << broken.reason << '\n';
        }
        std::cerr << "spoorboek restore: --from: " << report->broken.size() << " of "
                  << report->cases << " cases in the backup have a broken hash chain; nothing "
                  << "was restored\n";
        exit_code = kExitCheckFailed;
        return;
      }
      verified = *report;
    }
    if (auto committed = (*staged)->commit(); !committed.ok()) {
      exit_code = report_error("restore", with_option_name(committed.error()));
      return;
    }
    std::cout << "restored " << options->from << " to " << options->path << " (schema version "
              << schema << ")";
    if (verified) {
      std::cout << ": " << verified->cases << " cases, " << verified->entries
                << " entries, every hash chain intact\n";
    } else {
      std::cout << "\nthe backup's schema is older than this program's (" << newest
                << "): `spoorboek init --db " << options->path
                << "` (or starting the server) brings it up to date; then check it with "
                   "`spoorboek verify --db "
                << options->path << "`\n";
    }
    if (key_plan->write) {
      if (auto written =
              write_file_atomically(key_plan->path, *key_plan->write, "--db");
          !written.ok()) {
        exit_code = report_error("restore", written.error(),
                                 "the database is restored, but its key file is not");
        return;
      }
    }
    std::cout << key_plan->note << '\n';
  });
}

}  // namespace

void register_backup_commands(CLI::App& app, int& exit_code) {
  register_backup(app, exit_code);
  register_restore(app, exit_code);
}

}  // namespace spoorboek::cli
