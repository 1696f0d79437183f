-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: drop default of public.setting.removed
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.setting ALTER COLUMN removed DROP DEFAULT;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.setting ALTER COLUMN removed SET DEFAULT CURRENT_TIMESTAMP;

-- changeset driftless:20260101000001-2 labels:risk:safe
-- comment: set default of public.setting.added to 42
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.setting ALTER COLUMN added SET DEFAULT 42;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.setting ALTER COLUMN added DROP DEFAULT;

-- changeset driftless:20260101000001-3 labels:risk:safe
-- comment: set default of public.setting.changed to 'dark'::character varying
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.setting ALTER COLUMN changed SET DEFAULT 'dark'::character varying;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.setting ALTER COLUMN changed SET DEFAULT 'light'::character varying;
