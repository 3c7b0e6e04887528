-- Spoorboek schema 7 on PostgreSQL: nothing to do. SQLite's schema 7 adds the index
-- case_summaries_by_employer_due (employer_id, next_deadline_due, case_id), which PostgreSQL has had
-- since its schema 1; the number is kept so that both backends count their schema alike.
SELECT 1;
