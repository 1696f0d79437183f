-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: drop check constraint orders_side_check of public.orders
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.orders DROP CONSTRAINT orders_side_check;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.orders ADD CONSTRAINT orders_side_check CHECK (((side >= 0) AND (side <= 2)));

-- changeset driftless:20260101000001-2 labels:risk:caution
-- comment: change type of public.orders.side from smallint to character varying(8) converting 0→BUY, 1→SELL, 2→SHORT; risk caution: ACCESS EXCLUSIVE lock, rewrites the table (every value is converted by PostgreSQL's cast)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.orders ALTER COLUMN side TYPE character varying(8) USING CASE side::text WHEN '0' THEN 'BUY' WHEN '1' THEN 'SELL' WHEN '2' THEN 'SHORT' ELSE side::text END;
-- validate: SELECT NOT EXISTS (SELECT FROM public.orders WHERE side::text NOT IN ('BUY', 'SELL', 'SHORT'))
ANALYZE public.orders (side);
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.orders ALTER COLUMN side TYPE smallint USING CASE side::text WHEN 'BUY' THEN '0' WHEN 'SELL' THEN '1' WHEN 'SHORT' THEN '2' ELSE side::text END::smallint;
-- rollback ANALYZE public.orders (side);

-- changeset driftless:20260101000001-3 labels:risk:caution
-- comment: add check constraint orders_side_check on public.orders (step 1 of 2: added NOT VALID, new rows are checked); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (added NOT VALID, then validated without blocking writes; fails if a row violates it)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.orders ADD CONSTRAINT orders_side_check CHECK (((side)::text = ANY (ARRAY[('BUY'::character varying)::text, ('SELL'::character varying)::text, ('SHORT'::character varying)::text]))) NOT VALID;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.orders DROP CONSTRAINT orders_side_check;

-- changeset driftless:20260101000001-4 labels:risk:caution
-- comment: add check constraint orders_side_check on public.orders (step 2 of 2: existing rows validated without blocking writes); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (added NOT VALID, then validated without blocking writes; fails if a row violates it)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_side_check;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.orders DROP CONSTRAINT orders_side_check;
-- rollback ALTER TABLE public.orders ADD CONSTRAINT orders_side_check CHECK (((side)::text = ANY (ARRAY[('BUY'::character varying)::text, ('SELL'::character varying)::text, ('SHORT'::character varying)::text]))) NOT VALID;
