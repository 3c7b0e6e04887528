-- Schema 3 moved SQLite's read log into a file of its own (migrations/sqlite/0003). On PostgreSQL
-- the read log stays in the database: readers never wait for writers there, so the reason for
-- the move does not apply. The number is kept so that both backends count schema versions alike.
SELECT 1;
