-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop index idx_candles_symbol of public.candles
DROP INDEX public.idx_candles_symbol;
-- rollback CREATE INDEX idx_candles_symbol ON public.candles (symbol);

-- changeset driftless:20260101000001-2
-- comment: create index idx_candles_symbol on public.candles [symbol, openedat DESC]
CREATE INDEX idx_candles_symbol ON public.candles (symbol, openedat DESC);
-- rollback DROP INDEX public.idx_candles_symbol;
