-- Spoorboek schema 5: reports from HR and payroll files that wait for their sick report. Payroll
-- systems send a recovery (hersteldmelding) or a partial recovery whose sick report has not
-- arrived yet, or arrives in a later file: such a report is held here, not lost, and an import
-- that brings the sick period applies it as the entry a case manager would record (and deletes
-- the row). The payload is the canonical JSON of that entry; at most one held report per
-- employee, entry type and date, so importing the same file twice holds nothing twice.
CREATE TABLE held_reports (
  id           INTEGER PRIMARY KEY,
  employee_id  INTEGER NOT NULL REFERENCES employees(id),
  type         TEXT NOT NULL,
  occurred_on  TEXT NOT NULL,
  payload      TEXT NOT NULL,
  source       TEXT NOT NULL,
  held_at      TEXT NOT NULL,
  held_by      TEXT NOT NULL,
  UNIQUE (employee_id, type, occurred_on)
);
