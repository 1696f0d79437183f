-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: change type of public.account.name from text to character varying(60)
ALTER TABLE public.account ALTER COLUMN name TYPE character varying(60);
-- rollback ALTER TABLE public.account ALTER COLUMN name TYPE text;
