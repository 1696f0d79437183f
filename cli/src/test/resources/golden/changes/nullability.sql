-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: drop not null on public.account.name
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.account ALTER COLUMN name DROP NOT NULL;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.account ALTER COLUMN name SET NOT NULL;

-- changeset driftless:20260101000001-2 labels:risk:caution
-- comment: set not null on public.account.email (step 1 of 2: CHECK (email IS NOT NULL) added NOT VALID); risk caution: ACCESS EXCLUSIVE lock (validated under SHARE UPDATE EXCLUSIVE first; fails if a row holds NULL)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.account ADD CONSTRAINT email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.account DROP CONSTRAINT email_not_null_check;

-- changeset driftless:20260101000001-3 labels:risk:caution
-- comment: set not null on public.account.email (step 2 of 2: validated without blocking writes, then SET NOT NULL without a scan); risk caution: ACCESS EXCLUSIVE lock (validated under SHARE UPDATE EXCLUSIVE first; fails if a row holds NULL)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.account VALIDATE CONSTRAINT email_not_null_check;
ALTER TABLE public.account ALTER COLUMN email SET NOT NULL;
ALTER TABLE public.account DROP CONSTRAINT email_not_null_check;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.account ALTER COLUMN email DROP NOT NULL;
-- rollback ALTER TABLE public.account ADD CONSTRAINT email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
