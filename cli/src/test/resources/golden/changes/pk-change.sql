-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution
-- comment: drop primary key holding_pkey of public.holding; risk caution: ACCESS EXCLUSIVE lock (the table stops enforcing its key until a new one is in place)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.holding DROP CONSTRAINT holding_pkey;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.holding ADD CONSTRAINT holding_pkey PRIMARY KEY (account);

-- changeset driftless:20260101000001-2 labels:risk:caution runInTransaction:false
-- comment: add primary key holding_pkey on public.holding [account, symbol] (unique index built concurrently, then attached); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (unique index built concurrently, then attached as the primary key; fails on duplicate values)
SET lock_timeout = '6h';
SET statement_timeout = '6h';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS holding_pkey ON public.holding (account, symbol);
SET lock_timeout = '5s';
ALTER TABLE public.holding ADD CONSTRAINT holding_pkey PRIMARY KEY USING INDEX holding_pkey;
RESET lock_timeout;
RESET statement_timeout;
-- rollback SET lock_timeout = '5s';
-- rollback ALTER TABLE public.holding DROP CONSTRAINT holding_pkey;
-- rollback RESET lock_timeout;
-- rollback RESET statement_timeout;
