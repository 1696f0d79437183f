-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution
-- comment: change type of public.account.name from text to character varying(60); risk caution: ACCESS EXCLUSIVE lock, rewrites the table (every value is checked; the statement fails rather than truncate a value that does not fit)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.account ALTER COLUMN name TYPE character varying(60);
ANALYZE public.account (name);
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.account ALTER COLUMN name TYPE text;
-- rollback ANALYZE public.account (name);
