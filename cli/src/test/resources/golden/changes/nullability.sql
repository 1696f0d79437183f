-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop not null on public.account.name
ALTER TABLE public.account ALTER COLUMN name DROP NOT NULL;
-- rollback ALTER TABLE public.account ALTER COLUMN name SET NOT NULL;

-- changeset driftless:20260101000001-2
-- comment: set not null on public.account.email
ALTER TABLE public.account ALTER COLUMN email SET NOT NULL;
-- rollback ALTER TABLE public.account ALTER COLUMN email DROP NOT NULL;
