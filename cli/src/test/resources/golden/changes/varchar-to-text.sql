-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: change type of public.account.name from character varying(60) to text
ALTER TABLE public.account ALTER COLUMN name TYPE text;
-- rollback ALTER TABLE public.account ALTER COLUMN name TYPE character varying(60);
