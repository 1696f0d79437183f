-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: change type of public.account.name from character varying(60) to text
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.account ALTER COLUMN name TYPE text;
ANALYZE public.account (name);
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.account ALTER COLUMN name TYPE character varying(60);
-- rollback ANALYZE public.account (name);
