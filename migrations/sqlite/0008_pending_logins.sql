-- Spoorboek schema 8: logins waiting for their two-factor code. The password step of a login
-- (app::Accounts::begin_login) stores one row here when the account asks for a code, and the code
-- step (finish_login) reads it, possibly at another server behind the load balancer: a pending
-- login held in one process's memory would be unknown to the others. The row holds the SHA-256
-- digest of the random token the browser keeps in a cookie (never the token itself) and whose
-- login it is; nothing of the password is stored. A row lives 5 minutes at most, is deleted with
-- the session its right code makes (in one transaction) or after 5 wrong codes, and expired rows
-- are deleted as new ones are written.
CREATE TABLE pending_logins (
  token_digest  TEXT PRIMARY KEY CHECK (token_digest <> ''),  -- SHA-256 of the token
  user_id       INTEGER NOT NULL REFERENCES users(id),
  expires_at    INTEGER NOT NULL,  -- unix seconds
  failed_codes  INTEGER NOT NULL DEFAULT 0 CHECK (failed_codes >= 0)
) WITHOUT ROWID;
-- A user's pending logins end when the password changes or the account is disabled.
CREATE INDEX pending_logins_by_user ON pending_logins (user_id);
-- The cleanup of the expired ones.
CREATE INDEX pending_logins_by_expiry ON pending_logins (expires_at);
