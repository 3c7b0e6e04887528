// Shared by the database commands: the composition root (store + application), the clock, the
// acting user, and the mapping of errors to messages and exit codes.
//
// This is the only place of the CLI that reads the clock or the environment; everything below
// receives today's date and the timestamp as values.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/application.h"
#include "security/field_cipher.h"
#include "core/result.h"
#include "store/store.h"

namespace CLI {
class App;
}

namespace spoorboek::cli {

// The help of every --db option: both backends are selected by its value.
inline constexpr const char* kDbHelp =
    "Database: an SQLite file, or a PostgreSQL connection URI (postgresql://user@host/db)";

// A store and the application over it, kept together for the lifetime of one command.
struct Database {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<security::FieldKey> medical_key;  // null when the key file is absent
  std::unique_ptr<app::Application> app;
};

// The medical key file of a database: $SPOORBOEK_KEY_FILE when set, else "<db>.key" beside an
// SQLite file. A PostgreSQL database has no "beside": without the variable that is an error
// (field "SPOORBOEK_KEY_FILE"); every server of one database must use the same key.
core::Result<std::string> key_file_path(const std::string& db);

// Opens the database `db` names (an SQLite path or a postgresql:// URI, store/open_store.h) and
// its key file. With `create` a missing SQLite file is created (init, demo) and so is a missing
// key file (mode 0600); otherwise the database must hold a Spoorboek schema, and a missing key
// file leaves medical data unreadable and unwritable.
core::Result<Database> open_database(const std::string& db, bool create);

// A database opened for a query "as of" a day: the --as-of text (empty: today) is checked first,
// so bad input never touches the file.
struct DatabaseAsOf {
  Database database;
  core::Date as_of{};
};
core::Result<DatabaseAsOf> open_database_as_of(const std::string& path, const std::string& as_of);

// The CLI acts as an administrator of the whole installation, recorded as "cli:<login name>".
// It never reads medical data: that is for the company doctor and the employee.
app::Actor cli_actor();

// Today's local date and the current UTC timestamp.
app::Moment current_moment();

// Parses an --as-of style option: empty means today.
core::Result<core::Date> date_option(const std::string& text, std::string_view option,
                                     core::Date today);

// The options of a command that shows one case file (show, check): --db, CASE, --as-of, --json
// and --language (nl or en). Kept by the command's callback (shared_ptr) for its lifetime.
struct OneCaseOptions {
  std::string path;
  std::int64_t case_id = 0;
  std::string as_of;
  bool as_json = false;
  std::string language = "nl";
  core::Language chosen_language() const {
    return language == "en" ? core::Language::en : core::Language::nl;
  }
};
void add_one_case_options(CLI::App& command, OneCaseOptions& options, const std::string& json_help,
                          const std::string& language_help);

// Writes "spoorboek <command>: <field>: <message>" to stderr and returns the exit code: 1 for a
// failing store, 2 for everything the input can fix.
int report_error(std::string_view command, const core::Error& error,
                 std::string_view context = "");

}  // namespace spoorboek::cli
