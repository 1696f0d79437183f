-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution runInTransaction:false
-- comment: add unique constraint member_email_key on public.member [email] (unique index built concurrently, then attached); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (unique index built concurrently, then attached as the unique constraint; fails on duplicate values)
SET lock_timeout = '6h';
SET statement_timeout = '6h';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS member_email_key ON public.member (email);
SET lock_timeout = '5s';
ALTER TABLE public.member ADD CONSTRAINT member_email_key UNIQUE USING INDEX member_email_key;
RESET lock_timeout;
RESET statement_timeout;
-- rollback SET lock_timeout = '5s';
-- rollback ALTER TABLE public.member DROP CONSTRAINT member_email_key;
-- rollback RESET lock_timeout;
-- rollback RESET statement_timeout;
