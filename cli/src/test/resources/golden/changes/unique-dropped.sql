-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution
-- comment: drop unique constraint member_email_key of public.member; risk caution: ACCESS EXCLUSIVE lock (the table stops enforcing this uniqueness)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.member DROP CONSTRAINT member_email_key;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.member ADD CONSTRAINT member_email_key UNIQUE (email);
