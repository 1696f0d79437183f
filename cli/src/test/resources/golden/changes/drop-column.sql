-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:danger
-- comment: DESTRUCTIVE: drop column public.account.rank (the rollback restores the structure, not the data)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.account DROP COLUMN rank;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.account ADD COLUMN rank integer;
