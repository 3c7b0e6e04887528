// Which backend a --db value selects: a libpq connection URI (postgresql://... or postgres://...)
// selects PostgreSQL, anything else is the path of an SQLite file. The one place that decides.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace spoorboek::store {

enum class Backend { sqlite, postgres };

Backend backend_of(std::string_view db);

// What --db names, for messages: an SQLite path as given, a PostgreSQL URI without its password.
std::string describe_database(std::string_view db);

// The medical key file beside an SQLite database, "<db>.key"; nullopt for PostgreSQL, which has
// no file beside it (the key must be named: SPOORBOEK_KEY_FILE or --key-file).
std::optional<std::string> key_file_beside(std::string_view db);

enum class OpenMode { create_if_missing, must_exist };

// Opens the database `db` names. SQLite: `mode` decides whether a missing file is created.
// PostgreSQL: the database must exist either way (a DBA creates it; init migrates it).
// Errors: "not_found" (field "db") for a missing SQLite file under must_exist, "storage" when
// the database cannot be opened or reached.
Result<std::unique_ptr<Store>> open_store(const std::string& db, OpenMode mode);

}  // namespace spoorboek::store
