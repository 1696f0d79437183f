-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: change type of public.account.name from character varying(40) to character varying(120)
ALTER TABLE public.account ALTER COLUMN name TYPE character varying(120);
-- rollback ALTER TABLE public.account ALTER COLUMN name TYPE character varying(40);
