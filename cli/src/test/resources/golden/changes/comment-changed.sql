-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: remove comment on column public.strategy.removed
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
COMMENT ON COLUMN public.strategy.removed IS NULL;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback COMMENT ON COLUMN public.strategy.removed IS 'Going away';

-- changeset driftless:20260101000001-2 labels:risk:safe
-- comment: set comment on column public.strategy.added
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
COMMENT ON COLUMN public.strategy.added IS 'Now explained';
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback COMMENT ON COLUMN public.strategy.added IS NULL;

-- changeset driftless:20260101000001-3 labels:risk:safe
-- comment: set comment on column public.strategy.name
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
COMMENT ON COLUMN public.strategy.name IS 'The name, unique';
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback COMMENT ON COLUMN public.strategy.name IS 'The name';

-- changeset driftless:20260101000001-4 labels:risk:safe
-- comment: set comment on table public.strategy
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
COMMENT ON TABLE public.strategy IS 'Trading strategies, one per row';
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback COMMENT ON TABLE public.strategy IS 'Strategies';
