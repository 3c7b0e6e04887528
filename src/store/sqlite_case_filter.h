// Internal to the SQLite store: the FROM and WHERE of a case listing (sqlite_store.cc), shared by
// the listings and the dashboard's aggregates (sqlite_store_dashboard.cc).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "store/sqlite_statement.h"
#include "store/store.h"

namespace spoorboek::store {

// The values of a query's "?" placeholders, in order.
using FilterValues = std::vector<std::variant<std::int64_t, std::string>>;

// "FROM case_summaries s ... WHERE ..." for `filter` (limit and offset aside), appending the
// values its placeholders take to `values`. With join_employees (or when the filter needs them)
// employees e and employers r are joined. Every value is bound; only fixed fragments and "?"
// placeholders are joined into the text.
std::string case_filter_sql(const CaseFilter& filter, bool join_employees, FilterValues& values);

// Binds values[i] to placeholder i + 1.
void bind_values(detail::Statement& query, const FilterValues& values);

}  // namespace spoorboek::store
