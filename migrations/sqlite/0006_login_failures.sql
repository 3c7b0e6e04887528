-- Spoorboek schema 6: failed logins, kept in the database so that every server process behind a
-- load balancer counts the same ones (one process's memory would give an attacker N times the
-- attempts with N servers). A failure is one row per key it counts against: "account:<lower-case
-- e-mail>" and "address:<remote address>" (app/login_throttle.h decides the keys, the limits and
-- the window). Rows older than the window are deleted as new failures arrive, so the table holds
-- no more than the failures of one window: the e-mail addresses and remote addresses in it are
-- personal data that is not kept longer than the throttle needs it.
CREATE TABLE login_failures (
  id            INTEGER PRIMARY KEY,
  throttle_key  TEXT NOT NULL CHECK (throttle_key <> ''),
  at            INTEGER NOT NULL  -- unix seconds
);
-- The newest failures of one key (the throttle's question) and the whole key (a success clears it).
CREATE INDEX login_failures_by_key ON login_failures (throttle_key, at);
-- The cleanup of everything older than the window.
CREATE INDEX login_failures_by_time ON login_failures (at);
