// Internal to the PostgreSQL store: the FROM and WHERE of a case listing (postgres_store.cc),
// shared by the listings and the dashboard's aggregates (postgres_store_dashboard.cc).
#pragma once

#include <string>

#include "store/pg_connection.h"
#include "store/store.h"

namespace spoorboek::store {

// "FROM case_summaries s ... WHERE ..." for `filter` (limit and offset aside), adding the values
// of its placeholders to `params` (numbered on from params.size() + 1). With join_employees (or
// when the filter needs them) employees e and employers r are joined. Every value is a
// parameter; only fixed fragments and $n placeholders are joined into the text.
std::string case_filter_sql(const CaseFilter& filter, bool join_employees,
                            detail::PgParams& params);

}  // namespace spoorboek::store
