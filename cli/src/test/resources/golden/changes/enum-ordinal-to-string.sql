-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop check constraint orders_side_check of public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_side_check;
-- rollback ALTER TABLE public.orders ADD CONSTRAINT orders_side_check CHECK (((side >= 0) AND (side <= 2)));

-- changeset driftless:20260101000001-2
-- comment: change type of public.orders.side from smallint to character varying(8) converting 0→BUY, 1→SELL, 2→SHORT
ALTER TABLE public.orders ALTER COLUMN side TYPE character varying(8) USING CASE side::text WHEN '0' THEN 'BUY' WHEN '1' THEN 'SELL' WHEN '2' THEN 'SHORT' ELSE side::text END::character varying(8);
-- rollback ALTER TABLE public.orders ALTER COLUMN side TYPE smallint USING CASE side::text WHEN 'BUY' THEN '0' WHEN 'SELL' THEN '1' WHEN 'SHORT' THEN '2' ELSE side::text END::smallint;

-- changeset driftless:20260101000001-3
-- comment: add check constraint orders_side_check on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_side_check CHECK (((side)::text = ANY (ARRAY[('BUY'::character varying)::text, ('SELL'::character varying)::text, ('SHORT'::character varying)::text])));
-- rollback ALTER TABLE public.orders DROP CONSTRAINT orders_side_check;
