-- Spoorboek schema 7: an employer's cases by next deadline, for the dashboards of issue 6 ("an
-- employer's cases due within 14 days", "an arbo service's overdue cases across 100 employers").
-- With only case_summaries_by_due, such a listing walked every case of the database due before
-- the day and filtered by employer: at 100,000 cases p99 243 ms (bench/README.md, "Scale"). With
-- this index it reads one range per employer of the reach (`s.employer_id IN (...)`, SqliteStore).
-- PostgreSQL has had the same index since its schema 1.
CREATE INDEX case_summaries_by_employer_due ON case_summaries(employer_id, next_deadline_due, case_id);
