-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: change type of public.price.amount from numeric(10,2) to numeric(19,6)
ALTER TABLE public.price ALTER COLUMN amount TYPE numeric(19,6) USING amount::numeric(19,6);
-- rollback ALTER TABLE public.price ALTER COLUMN amount TYPE numeric(10,2);
