-- Spoorboek schema 1: tenancy (employers, employees, cases), the append-only log of entries and
-- the per-case projection. Dates are ISO text (YYYY-MM-DD), timestamps UTC ISO text.

CREATE TABLE employers (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE employees (
  id                INTEGER PRIMARY KEY,
  employer_id       INTEGER NOT NULL REFERENCES employers(id),
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  personnel_number  TEXT NOT NULL CHECK (length(personnel_number) BETWEEN 1 AND 64),
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (employer_id, personnel_number)
);

CREATE TABLE cases (
  id           INTEGER PRIMARY KEY,
  employee_id  INTEGER NOT NULL REFERENCES employees(id),
  created_at   TEXT NOT NULL
);
CREATE INDEX cases_by_employee ON cases(employee_id);

-- The case file. payload holds the entry's content without its medical part, which sits in its
-- own column so that a later schema can encrypt it at rest.
CREATE TABLE entries (
  case_id      INTEGER NOT NULL REFERENCES cases(id),
  seq          INTEGER NOT NULL CHECK (seq >= 1),
  type         TEXT NOT NULL,
  occurred_on  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  actor        TEXT NOT NULL,
  visibility   TEXT NOT NULL,
  payload      TEXT NOT NULL,
  medical      TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

-- Append-only, also for anybody who opens the file with another SQLite client. The hash chain
-- still shows what someone does after dropping these triggers.
CREATE TRIGGER entries_are_never_updated BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'entries are append-only: record a correction instead'); END;
CREATE TRIGGER entries_are_never_deleted BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'entries are append-only: record a correction instead'); END;

-- One row per case for dashboards; rebuilt from entries at will.
CREATE TABLE case_summaries (
  case_id             INTEGER PRIMARY KEY REFERENCES cases(id),
  employer_id         INTEGER NOT NULL REFERENCES employers(id),
  employee_id         INTEGER NOT NULL REFERENCES employees(id),
  status              TEXT NOT NULL,
  first_sick_day      TEXT,
  next_deadline_key   TEXT,
  next_deadline_due   TEXT,
  waiting_period_end  TEXT,
  -- With these the sick week as of any later day follows without a fold: the counted sick days
  -- are the days from first_sick_day to min(day, last_sick_day) less interruption_days.
  last_sick_day       TEXT,
  interruption_days   INTEGER NOT NULL DEFAULT 0,
  last_seq            INTEGER NOT NULL,
  last_hash           TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX case_summaries_by_due ON case_summaries(next_deadline_due);
CREATE INDEX case_summaries_by_employee ON case_summaries(employee_id);
