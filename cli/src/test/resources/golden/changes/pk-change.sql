-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution runInTransaction:false
-- comment: add primary key holding_pkey on public.holding [symbol, account] (replaces holding_pkey (account) in one statement, its index built concurrently first); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (unique index built concurrently, then attached as the primary key; fails on duplicate values)
SET lock_timeout = '6h';
SET statement_timeout = '6h';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS holding_pkey_replacement ON public.holding (symbol, account);
SET lock_timeout = '5s';
ALTER TABLE public.holding DROP CONSTRAINT holding_pkey, ADD CONSTRAINT holding_pkey PRIMARY KEY USING INDEX holding_pkey_replacement;
RESET lock_timeout;
RESET statement_timeout;
-- rollback SET lock_timeout = '6h';
-- rollback SET statement_timeout = '6h';
-- rollback CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS holding_pkey_replacement ON public.holding (account);
-- rollback SET lock_timeout = '5s';
-- rollback ALTER TABLE public.holding DROP CONSTRAINT holding_pkey, ADD CONSTRAINT holding_pkey PRIMARY KEY USING INDEX holding_pkey_replacement;
-- rollback RESET lock_timeout;
-- rollback RESET statement_timeout;
