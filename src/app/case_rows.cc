#include "app/case_rows.h"

namespace spoorboek::app::detail {

long sick_week_from_summary(const store::CaseSummary& summary, core::Date day) {
  if (!summary.first_sick_day || day < *summary.first_sick_day) return 0;
  core::Date last = day;
  if (summary.last_sick_day && *summary.last_sick_day < last) last = *summary.last_sick_day;
  const long counted =
      core::days_between(*summary.first_sick_day, last) + 1 - summary.interruption_days;
  return counted <= 0 ? 0 : (counted + 6) / 7;
}

CaseRow case_row(const store::CaseListing& listing, core::Date as_of) {
  const auto& summary = listing.summary;
  CaseRow row;
  row.case_id = summary.case_id;
  row.employer_id = listing.employer_id;
  row.employee_id = listing.employee_id;
  row.employer_name = listing.employer_name;
  row.employee_name = listing.employee_name;
  row.personnel_number = listing.personnel_number;
  row.status = summary.status;
  row.first_sick_day = summary.first_sick_day;
  row.sick_week = sick_week_from_summary(summary, as_of);
  row.next_deadline_key = summary.next_deadline_key;
  row.next_deadline_due = summary.next_deadline_due;
  if (summary.next_deadline_due) {
    row.days_left = core::days_between(as_of, *summary.next_deadline_due);
  }
  row.waiting_period_end = summary.waiting_period_end;
  return row;
}

}  // namespace spoorboek::app::detail
