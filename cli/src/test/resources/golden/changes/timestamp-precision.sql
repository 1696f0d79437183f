-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution
-- comment: change type of public.tick.seenat from timestamp(6) with time zone to timestamp(3) with time zone; risk caution: ACCESS EXCLUSIVE lock, rewrites the table (every value is checked; the statement fails rather than round a value that does not fit)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.tick ALTER COLUMN seenat TYPE timestamp(3) with time zone USING CASE WHEN seenat = seenat::timestamp(3) with time zone THEN seenat ELSE ('driftless: ' || seenat::text || ' would be rounded by timestamp(3) with time zone; round it in a data changeset first')::timestamp with time zone END;
ANALYZE public.tick (seenat);
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.tick ALTER COLUMN seenat TYPE timestamp(6) with time zone;
-- rollback ANALYZE public.tick (seenat);
