-- Spoorboek schema 4 on PostgreSQL: the per-user iCalendar feed of deadlines (as
-- migrations/sqlite/0004): the URL's secret stored as its SHA-256 digest only, one feed per user.
CREATE TABLE calendar_feeds (
  user_id       bigint PRIMARY KEY REFERENCES users(id),
  token_digest  text NOT NULL UNIQUE,
  language      text NOT NULL CHECK (language IN ('nl', 'en')),
  created_at    text NOT NULL
);
