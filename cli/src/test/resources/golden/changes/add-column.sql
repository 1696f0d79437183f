-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: add column public.account.currency character varying(3)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.account ADD COLUMN currency character varying(3) DEFAULT 'EUR'::character varying NOT NULL;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.account DROP COLUMN currency;

-- changeset driftless:20260101000001-2 labels:risk:safe
-- comment: add column public.account.rank integer
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.account ADD COLUMN rank integer;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.account DROP COLUMN rank;
