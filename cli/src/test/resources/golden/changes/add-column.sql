-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: add column public.account.currency character varying(3)
ALTER TABLE public.account ADD COLUMN currency character varying(3) DEFAULT 'EUR'::character varying NOT NULL;
-- rollback ALTER TABLE public.account DROP COLUMN currency;

-- changeset driftless:20260101000001-2
-- comment: add column public.account.rank integer
ALTER TABLE public.account ADD COLUMN rank integer;
-- rollback ALTER TABLE public.account DROP COLUMN rank;
