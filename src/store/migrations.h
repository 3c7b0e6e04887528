// The schema migrations of both backends, numbered and embedded into the binary at build time
// from migrations/<backend>/NNNN_name.sql (see embed_migrations.cmake). The numbers mean the same
// schema version on both backends.
#pragma once

#include <span>
#include <string_view>

namespace spoorboek::store::detail {

struct Migration {
  int version;            // NNNN of the file name; applied in increasing order
  std::string_view name;  // the file name without .sql
  std::string_view sql;   // one or more statements
};

// Ordered by version.
std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

}  // namespace spoorboek::store::detail
