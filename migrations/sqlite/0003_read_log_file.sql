-- The read log (who read which case file) moves to a file of its own beside the database,
-- <db>.reads: a read commits there without touching this file, so that the connections that
-- serve requests keep their caches and a write lock here never waits for a read's record.
-- This table names the read log that belongs to this database; SqliteReadLog refuses a missing
-- or foreign one (sqlite_read_log.h), and moves the rows of the old case_reads table there.
CREATE TABLE read_log_link (
  id TEXT PRIMARY KEY  -- also in <db>.reads: read_log_identity
);
