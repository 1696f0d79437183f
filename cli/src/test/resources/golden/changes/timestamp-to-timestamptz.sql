-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution
-- comment: change type of public.tick.seenat from timestamp(6) without time zone to timestamp(6) with time zone, the local times read in Europe/Paris; risk caution: ACCESS EXCLUSIVE lock, rewrites the table (every value is converted by PostgreSQL's cast)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.tick ALTER COLUMN seenat TYPE timestamp(6) with time zone USING seenat AT TIME ZONE 'Europe/Paris';
ANALYZE public.tick (seenat);
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.tick ALTER COLUMN seenat TYPE timestamp(6) without time zone USING seenat AT TIME ZONE 'Europe/Paris';
-- rollback ANALYZE public.tick (seenat);
