-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop default of public.setting.removed
ALTER TABLE public.setting ALTER COLUMN removed DROP DEFAULT;
-- rollback ALTER TABLE public.setting ALTER COLUMN removed SET DEFAULT CURRENT_TIMESTAMP;

-- changeset driftless:20260101000001-2
-- comment: set default of public.setting.added to 42
ALTER TABLE public.setting ALTER COLUMN added SET DEFAULT 42;
-- rollback ALTER TABLE public.setting ALTER COLUMN added DROP DEFAULT;

-- changeset driftless:20260101000001-3
-- comment: set default of public.setting.changed to 'dark'::character varying
ALTER TABLE public.setting ALTER COLUMN changed SET DEFAULT 'dark'::character varying;
-- rollback ALTER TABLE public.setting ALTER COLUMN changed SET DEFAULT 'light'::character varying;
