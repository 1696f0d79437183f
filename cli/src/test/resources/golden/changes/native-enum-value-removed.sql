-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution
-- comment: re-create enum type public.mood as [CALM, NERVOUS] (without EUPHORIC); risk caution: ACCESS EXCLUSIVE lock, rewrites the table (rewrites every column of the type; fails if a row holds a label that goes away)
DROP CAST (character varying AS public.mood);
DROP CAST (public.mood AS character varying);
ALTER TYPE public.mood RENAME TO mood__driftless_old;
CREATE TYPE public.mood AS ENUM ('CALM', 'NERVOUS');
ALTER TABLE public.market ALTER COLUMN fallback DROP DEFAULT;
ALTER TABLE public.market ALTER COLUMN fallback TYPE public.mood USING fallback::text::public.mood;
ALTER TABLE public.market ALTER COLUMN fallback SET DEFAULT 'CALM'::public.mood;
ALTER TABLE public.market ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;
DROP TYPE public.mood__driftless_old;
CREATE CAST (character varying AS public.mood) WITH INOUT AS IMPLICIT;
CREATE CAST (public.mood AS character varying) WITH INOUT AS IMPLICIT;
-- rollback ALTER TYPE public.mood ADD VALUE 'EUPHORIC' BEFORE 'NERVOUS';
