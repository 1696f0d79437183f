-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: DESTRUCTIVE: drop column public.account.rank (the rollback restores the structure, not the data)
ALTER TABLE public.account DROP COLUMN rank;
-- rollback ALTER TABLE public.account ADD COLUMN rank integer;
