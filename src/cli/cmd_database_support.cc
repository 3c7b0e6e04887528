#include "cli/cmd_database_support.h"

#include "cli/clock.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "security/key_file.h"
#include "store/open_store.h"

namespace spoorboek::cli {

core::Result<Database> open_database(const std::string& db, bool create) {
  if (db.empty()) {
    return core::make_error("missing_field", "--db",
                            "a database is required (an SQLite file or a postgresql:// URI)");
  }
  const std::string path = store::describe_database(db);
  auto key_file = key_file_path(db);
  if (!key_file.ok()) return key_file.error();
  auto opened = store::open_store(db, create ? store::OpenMode::create_if_missing
                                             : store::OpenMode::must_exist);
  if (!opened.ok()) return opened.error();
  if (!create) {
    auto version = (*opened)->schema_version();
    if (!version.ok()) return version.error();
    if (*version == 0) {
      return core::make_error("not_initialised", "--db",
                              "'" + path + "' is not a Spoorboek database (run spoorboek init)");
    }
  }
  Database database;
  database.store = std::move(*opened);
  const std::string& key_path = *key_file;
  if (create && !std::filesystem::exists(key_path)) {
    // A new key cannot open what the lost one sealed: refuse, so that the key is restored from
    // the backup instead of being replaced while sealed data still waits for it.
    auto sealed = database.store->holds_sealed_data();
    if (!sealed.ok()) return sealed.error();
    if (*sealed) {
      return core::make_error("key_missing", "--db",
                              "'" + path + "' holds sealed medical data or two-factor secrets, "
                              "but its key file '" + key_path +
                                  "' is missing; restore the key file from the backup (a new "
                                  "key cannot open the sealed data)");
    }
    if (auto created = security::create_key_file(key_path); !created.ok()) return created.error();
  }
  if (std::filesystem::exists(key_path)) {
    auto key = security::load_key_file(key_path);
    if (!key.ok()) return key.error();
    database.medical_key = std::make_unique<security::FieldKey>(std::move(*key));
  }
  database.app = std::make_unique<app::Application>(*database.store, database.medical_key.get());
  return database;
}

core::Result<std::string> key_file_path(const std::string& db) {
  if (const char* configured = std::getenv("SPOORBOEK_KEY_FILE");
      configured != nullptr && *configured != '\0') {
    return std::string(configured);
  }
  if (auto beside = store::key_file_beside(db)) return *beside;
  return core::make_error("missing_field", "SPOORBOEK_KEY_FILE",
                          "a PostgreSQL database keeps no key file beside it: set "
                          "SPOORBOEK_KEY_FILE to the medical key file (the same on every "
                          "server of this database)");
}

void add_one_case_options(CLI::App& command, OneCaseOptions& options, const std::string& json_help,
                          const std::string& language_help) {
  command.add_option("--db", options.path, kDbHelp)->required();
  command.add_option("case", options.case_id, "Case id")->required();
  command.add_option("--as-of", options.as_of, "Date for statuses (default today)");
  command.add_flag("--json", options.as_json, json_help);
  command.add_option("--language", options.language, language_help)
      ->check(CLI::IsMember({"nl", "en"}));
}

core::Result<DatabaseAsOf> open_database_as_of(const std::string& path, const std::string& as_of) {
  auto day = date_option(as_of, "--as-of", current_moment().today);
  if (!day.ok()) return day.error();
  auto database = open_database(path, false);
  if (!database.ok()) return database.error();
  return DatabaseAsOf{std::move(*database), *day};
}

app::Actor cli_actor() {
  std::string name;
  if (const char* user = std::getenv("USER")) name = user;
  if (name.empty()) {
    if (const passwd* account = getpwuid(getuid())) name = account->pw_name;
  }
  if (name.empty()) name = "unknown";
  app::Actor actor;
  actor.user_id = "cli:" + name;
  actor.display_name = name;
  actor.roles = app::Role::administrator;
  return actor;
}

app::Moment current_moment() { return platform::current_moment(); }

core::Result<core::Date> date_option(const std::string& text, std::string_view option,
                                     core::Date today) {
  if (text.empty()) return today;
  if (auto date = core::parse_iso_date(text)) return *date;
  return core::make_error("invalid_date", std::string(option),
                          "'" + text + "' is not a real calendar date written as YYYY-MM-DD");
}

int report_error(std::string_view command, const core::Error& error, std::string_view context) {
  std::cerr << "spoorboek " << command << ": ";
  if (!context.empty()) std::cerr << context << ": ";
  if (!error.field.empty()) std::cerr << error.field << ": ";
  std::cerr << error.message << '\n';
  return error.code == "storage" ? kExitCheckFailed : kExitBadInput;
}

}  // namespace spoorboek::cli
