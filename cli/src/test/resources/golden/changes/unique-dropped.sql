-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop unique constraint member_email_key of public.member
ALTER TABLE public.member DROP CONSTRAINT member_email_key;
-- rollback ALTER TABLE public.member ADD CONSTRAINT member_email_key UNIQUE (email);
