#include "store/open_store.h"

#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace spoorboek::store {

Backend backend_of(std::string_view db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://") ? Backend::postgres
                                                                          : Backend::sqlite;
}

std::string describe_database(std::string_view db) {
  if (backend_of(db) == Backend::sqlite) return std::string(db);
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db, and ?password=... too.
  std::string shown(db);
  const auto scheme_end = shown.find("://") + 3;
  const auto at = shown.find('@', scheme_end);
  const auto colon = shown.find(':', scheme_end);
  if (at != std::string::npos && colon != std::string::npos && colon < at) {
    shown = shown.substr(0, colon + 1) + "***" + shown.substr(at);
  }
  for (auto key = shown.find("password="); key != std::string::npos;
       key = shown.find("password=", key + 1)) {
    const auto value = key + 9;
    const auto end = shown.find('&', value);
    shown = shown.substr(0, value) + "***" + (end == std::string::npos ? "" : shown.substr(end));
  }
  return shown;
}

std::optional<std::string> key_file_beside(std::string_view db) {
  if (backend_of(db) == Backend::postgres) return std::nullopt;
  return std::string(db) + ".key";
}

Result<std::unique_ptr<Store>> open_store(const std::string& db, OpenMode mode) {
  if (backend_of(db) == Backend::postgres) {
    auto opened = PostgresStore::open(db);
    if (!opened.ok()) return opened.error();
    return std::unique_ptr<Store>(std::move(*opened));
  }
  auto opened = SqliteStore::open(db, mode == OpenMode::create_if_missing
                                          ? SqliteStore::OpenMode::create_if_missing
                                          : SqliteStore::OpenMode::must_exist);
  if (!opened.ok()) return opened.error();
  return std::unique_ptr<Store>(std::move(*opened));
}

}  // namespace spoorboek::store
