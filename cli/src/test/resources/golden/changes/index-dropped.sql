-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop index idx_candles_symbol of public.candles
DROP INDEX public.idx_candles_symbol;
-- rollback CREATE INDEX idx_candles_symbol ON public.candles (symbol);
