-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution runInTransaction:false
-- comment: add unique constraint member_tenant_email_key on public.member [tenant, email] (unique index built concurrently, then attached); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (unique index built concurrently, then attached as the unique constraint; fails on duplicate values)
SET lock_timeout = '6h';
SET statement_timeout = '6h';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS member_tenant_email_key ON public.member (tenant, email);
SET lock_timeout = '5s';
ALTER TABLE public.member ADD CONSTRAINT member_tenant_email_key UNIQUE USING INDEX member_tenant_email_key;
RESET lock_timeout;
RESET statement_timeout;
-- rollback SET lock_timeout = '5s';
-- rollback ALTER TABLE public.member DROP CONSTRAINT member_tenant_email_key;
-- rollback RESET lock_timeout;
-- rollback RESET statement_timeout;

-- changeset driftless:20260101000001-2 labels:risk:caution
-- comment: drop unique constraint member_email_key of public.member; risk caution: ACCESS EXCLUSIVE lock (the table stops enforcing this uniqueness)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.member DROP CONSTRAINT member_email_key;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.member ADD CONSTRAINT member_email_key UNIQUE (email);
