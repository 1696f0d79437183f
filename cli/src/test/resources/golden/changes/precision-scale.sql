-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:caution
-- comment: change type of public.price.amount from numeric(10,2) to numeric(19,6); risk caution: ACCESS EXCLUSIVE lock, rewrites the table (every value is converted by PostgreSQL's cast)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.price ALTER COLUMN amount TYPE numeric(19,6);
ANALYZE public.price (amount);
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.price ALTER COLUMN amount TYPE numeric(10,2) USING CASE WHEN amount = round(amount, 2) THEN amount ELSE ('driftless: ' || amount::text || ' would be rounded by numeric(10,2); round it in a data changeset first')::numeric END;
-- rollback ANALYZE public.price (amount);
