-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe runInTransaction:false
-- comment: drop index idx_candles_symbol of public.candles
SET lock_timeout = '6h';
SET statement_timeout = '6h';
DROP INDEX CONCURRENTLY IF EXISTS public.idx_candles_symbol;
RESET lock_timeout;
RESET statement_timeout;
-- rollback SET lock_timeout = '6h';
-- rollback SET statement_timeout = '6h';
-- rollback CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_candles_symbol ON public.candles (symbol);
-- rollback RESET lock_timeout;
-- rollback RESET statement_timeout;

-- changeset driftless:20260101000001-2 labels:risk:safe runInTransaction:false
-- comment: create index idx_candles_symbol on public.candles [symbol, openedat DESC]
SET lock_timeout = '6h';
SET statement_timeout = '6h';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_candles_symbol ON public.candles (symbol, openedat DESC);
RESET lock_timeout;
RESET statement_timeout;
-- rollback SET lock_timeout = '6h';
-- rollback SET statement_timeout = '6h';
-- rollback DROP INDEX CONCURRENTLY IF EXISTS public.idx_candles_symbol;
-- rollback RESET lock_timeout;
-- rollback RESET statement_timeout;
