-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution runInTransaction:false
-- comment: add unique constraint member_handle_key on public.member [tenant, email] (replaces member_handle_key (email) in one statement, its index built concurrently first); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (unique index built concurrently, then attached as the unique constraint; fails on duplicate values)
SET lock_timeout = '6h';
SET statement_timeout = '6h';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS member_handle_key_replacement ON public.member (tenant, email);
SET lock_timeout = '5s';
ALTER TABLE public.member DROP CONSTRAINT member_handle_key, ADD CONSTRAINT member_handle_key UNIQUE USING INDEX member_handle_key_replacement;
RESET lock_timeout;
RESET statement_timeout;
-- rollback SET lock_timeout = '6h';
-- rollback SET statement_timeout = '6h';
-- rollback CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS member_handle_key_replacement ON public.member (email);
-- rollback SET lock_timeout = '5s';
-- rollback ALTER TABLE public.member DROP CONSTRAINT member_handle_key, ADD CONSTRAINT member_handle_key UNIQUE USING INDEX member_handle_key_replacement;
-- rollback RESET lock_timeout;
-- rollback RESET statement_timeout;
