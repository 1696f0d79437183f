-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: remove comment on column public.strategy.removed
COMMENT ON COLUMN public.strategy.removed IS NULL;
-- rollback COMMENT ON COLUMN public.strategy.removed IS 'Going away';

-- changeset driftless:20260101000001-2
-- comment: set comment on column public.strategy.added
COMMENT ON COLUMN public.strategy.added IS 'Now explained';
-- rollback COMMENT ON COLUMN public.strategy.added IS NULL;

-- changeset driftless:20260101000001-3
-- comment: set comment on column public.strategy.name
COMMENT ON COLUMN public.strategy.name IS 'The name, unique';
-- rollback COMMENT ON COLUMN public.strategy.name IS 'The name';

-- changeset driftless:20260101000001-4
-- comment: set comment on table public.strategy
COMMENT ON TABLE public.strategy IS 'Trading strategies, one per row';
-- rollback COMMENT ON TABLE public.strategy IS 'Strategies';
