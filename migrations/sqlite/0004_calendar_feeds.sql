-- Spoorboek schema 4: the per-user iCalendar feed of deadlines. The feed's URL holds a secret that
-- is the only credential a calendar client (Outlook, Google) can present, so like a session or an
-- API token it is stored as its SHA-256 digest only and shown once. One feed per user: creating a
-- new one replaces (rotates) the old, revoking deletes the row, and a calendar that still asks
-- with the old URL gets 404.
CREATE TABLE calendar_feeds (
  user_id       INTEGER PRIMARY KEY REFERENCES users(id),
  token_digest  TEXT NOT NULL UNIQUE,
  language      TEXT NOT NULL CHECK (language IN ('nl', 'en')),
  created_at    TEXT NOT NULL
);
