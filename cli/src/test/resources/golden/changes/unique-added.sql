-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: add unique constraint member_email_key on public.member [email]
ALTER TABLE public.member ADD CONSTRAINT member_email_key UNIQUE (email);
-- rollback ALTER TABLE public.member DROP CONSTRAINT member_email_key;
