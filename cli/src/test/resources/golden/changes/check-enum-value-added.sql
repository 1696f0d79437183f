-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop check constraint orders_side_check of public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_side_check;
-- rollback ALTER TABLE public.orders ADD CONSTRAINT orders_side_check CHECK (((side)::text = ANY (ARRAY[('BUY'::character varying)::text, ('SELL'::character varying)::text])));

-- changeset driftless:20260101000001-2
-- comment: add check constraint orders_side_check on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_side_check CHECK (((side)::text = ANY (ARRAY[('BUY'::character varying)::text, ('SELL'::character varying)::text, ('SHORT'::character varying)::text])));
-- rollback ALTER TABLE public.orders DROP CONSTRAINT orders_side_check;
