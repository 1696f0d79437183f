-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe runInTransaction:false
-- comment: add value EUPHORIC to enum type public.mood
ALTER TYPE public.mood ADD VALUE 'EUPHORIC' BEFORE 'NERVOUS';
-- rollback DROP CAST (character varying AS public.mood);
-- rollback DROP CAST (public.mood AS character varying);
-- rollback ALTER TYPE public.mood RENAME TO mood__driftless_old;
-- rollback CREATE TYPE public.mood AS ENUM ('CALM', 'NERVOUS');
-- rollback ALTER TABLE public.market ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;
-- rollback DROP TYPE public.mood__driftless_old;
-- rollback CREATE CAST (character varying AS public.mood) WITH INOUT AS IMPLICIT;
-- rollback CREATE CAST (public.mood AS character varying) WITH INOUT AS IMPLICIT;
