-- Spoorboek schema 8 on PostgreSQL: logins waiting for their two-factor code (as
-- migrations/sqlite/0008), so that the code may reach another server than the password did. The
-- row holds the SHA-256 digest of the browser's random token (never the token itself) and whose
-- login it is, nothing of the password; it lives 5 minutes at most, ends with the session its
-- right code makes or after 5 wrong codes, and expired rows are deleted as new ones are written.
CREATE TABLE pending_logins (
  token_digest  text PRIMARY KEY CHECK (token_digest <> ''),  -- SHA-256 of the token
  user_id       bigint NOT NULL REFERENCES users(id),
  expires_at    bigint NOT NULL,  -- unix seconds
  failed_codes  integer NOT NULL DEFAULT 0 CHECK (failed_codes >= 0)
);
-- A user's pending logins end when the password changes or the account is disabled.
CREATE INDEX pending_logins_by_user ON pending_logins (user_id);
-- The cleanup of the expired ones.
CREATE INDEX pending_logins_by_expiry ON pending_logins (expires_at);
