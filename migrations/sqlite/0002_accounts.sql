-- Spoorboek schema 2: who may reach which case file. Service providers (arbo services with their
-- company doctors and occupational experts, reintegration offices with their coaches) serve
-- several employers; users belong to one employer or one provider (or neither: platform
-- administrators) and hold one or more roles; sessions and API tokens are stored as SHA-256
-- digests only; every read of a case file and every administrative change is recorded.

CREATE TABLE providers (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind        TEXT NOT NULL CHECK (kind IN ('arbo_service', 'reintegration_office')),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The contracts: which employers a provider serves.
CREATE TABLE provider_employers (
  provider_id  INTEGER NOT NULL REFERENCES providers(id),
  employer_id  INTEGER NOT NULL REFERENCES employers(id),
  PRIMARY KEY (provider_id, employer_id)
) WITHOUT ROWID;
CREATE INDEX provider_employers_by_employer ON provider_employers(employer_id);

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
  display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash   TEXT NOT NULL,
  employer_id     INTEGER REFERENCES employers(id),
  provider_id     INTEGER REFERENCES providers(id),
  employee_id     INTEGER UNIQUE REFERENCES employees(id),
  totp_secret     TEXT,               -- sealed with the field key, like medical data
  totp_pending    TEXT,               -- a new secret until a code confirms it (sealed)
  totp_enabled    INTEGER NOT NULL DEFAULT 0,
  totp_last_step  INTEGER NOT NULL DEFAULT 0,  -- a TOTP code's time step is used once
  is_demo         INTEGER NOT NULL DEFAULT 0,
  disabled        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  CHECK (employer_id IS NULL OR provider_id IS NULL)
);

CREATE TABLE user_roles (
  user_id  INTEGER NOT NULL REFERENCES users(id),
  role     TEXT NOT NULL CHECK (role IN ('case_manager', 'line_manager', 'company_doctor',
                                         'occupational_expert', 'reintegration_coach',
                                         'employee', 'administrator')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- A line manager's team.
ALTER TABLE employees ADD COLUMN manager_user_id INTEGER REFERENCES users(id);
CREATE INDEX employees_by_manager ON employees(manager_user_id);

-- The reintegration office (track 2) working on a case: its coaches reach the case.
CREATE TABLE case_providers (
  case_id      INTEGER NOT NULL REFERENCES cases(id),
  provider_id  INTEGER NOT NULL REFERENCES providers(id),
  assigned_at  TEXT NOT NULL,
  PRIMARY KEY (case_id, provider_id)
) WITHOUT ROWID;
CREATE INDEX case_providers_by_provider ON case_providers(provider_id);

-- The people named on a case (its case manager, its coach): the dashboard's assignee filter.
CREATE TABLE case_assignees (
  case_id      INTEGER NOT NULL REFERENCES cases(id),
  user_id      INTEGER NOT NULL REFERENCES users(id),
  assigned_at  TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id)
) WITHOUT ROWID;
CREATE INDEX case_assignees_by_user ON case_assignees(user_id);

CREATE TABLE sessions (
  token_digest   TEXT PRIMARY KEY,   -- SHA-256 of the token; the token itself is never stored
  user_id        INTEGER NOT NULL REFERENCES users(id),
  csrf_token     TEXT NOT NULL,
  enrolment_only INTEGER NOT NULL DEFAULT 0,  -- may only set up two-factor login
  created_at     INTEGER NOT NULL,   -- unix seconds
  expires_at     INTEGER NOT NULL,
  last_seen_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  token_digest  TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES users(id),  -- NULL: the command line
  revoked_at    TEXT
);

-- Who read which case file, when. Append-only, like the entries.
CREATE TABLE case_reads (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL,
  user_id     INTEGER NOT NULL,
  read_at     TEXT NOT NULL,
  what        TEXT NOT NULL,
  request_id  TEXT NOT NULL
);
CREATE INDEX case_reads_by_case ON case_reads(case_id);
CREATE TRIGGER case_reads_are_never_updated BEFORE UPDATE ON case_reads
BEGIN SELECT RAISE(ABORT, 'the read log is append-only'); END;
CREATE TRIGGER case_reads_are_never_deleted BEFORE DELETE ON case_reads
BEGIN SELECT RAISE(ABORT, 'the read log is append-only'); END;

-- Administrative changes (users, organisations, assignments, tokens) and security events.
CREATE TABLE audit_events (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user_id     INTEGER,               -- who did it; NULL for the command line or an anonymous login
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_events_are_never_updated BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_events_are_never_deleted BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
