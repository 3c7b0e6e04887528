// The case listing as CSV for payroll and HR systems.
#include "app/application.h"
#include "report/csv.h"

namespace spoorboek::app {
namespace {

using report::CsvCell;

CsvCell date_cell(const std::optional<core::Date>& date) {
  return CsvCell::text(date ? core::format_iso_date(*date) : std::string());
}

}  // namespace

Result<std::string> Application::case_list_csv(const Actor& actor, const CaseQuery& query) {
  auto page = list_case_page(actor, query);
  if (!page.ok()) return page.error();
  // Machine-readable headers (the API's names); the deadline also by its Dutch legal term.
  std::string csv = report::csv_row(
      {CsvCell::text("case_id"), CsvCell::text("employer"), CsvCell::text("personnel_number"),
       CsvCell::text("employee"), CsvCell::text("status"), CsvCell::text("first_sick_day"),
       CsvCell::text("sick_week"), CsvCell::text("next_deadline"),
       CsvCell::text("next_deadline_name"), CsvCell::text("next_deadline_due"),
       CsvCell::text("days_left"), CsvCell::text("waiting_period_end")});
  for (const auto& row : page->rows) {
    const auto key = row.next_deadline_key
                         ? core::milestone_key_from_name(*row.next_deadline_key)
                         : std::nullopt;
    csv += report::csv_row(
        {CsvCell::number(row.case_id), CsvCell::text(row.employer_name),
         CsvCell::text(row.personnel_number), CsvCell::text(row.employee_name),
         CsvCell::text(row.status), date_cell(row.first_sick_day), CsvCell::number(row.sick_week),
         CsvCell::text(row.next_deadline_key.value_or("")),
         CsvCell::text(key ? std::string(core::milestone_dutch_name(*key)) : std::string()),
         date_cell(row.next_deadline_due),
         row.days_left ? CsvCell::number(*row.days_left) : CsvCell::text(""),
         date_cell(row.waiting_period_end)});
  }
  return csv;
}

}  // namespace spoorboek::app
