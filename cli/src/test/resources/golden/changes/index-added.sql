-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: create index idx_candles_symbol on public.candles [symbol]
CREATE INDEX idx_candles_symbol ON public.candles (symbol);
-- rollback DROP INDEX public.idx_candles_symbol;
