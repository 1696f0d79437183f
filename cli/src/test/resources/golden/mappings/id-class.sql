-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create table public.fill
CREATE TABLE public.fill (
    orderid bigint NOT NULL,
    seq integer NOT NULL,
    price double precision NOT NULL,
    CONSTRAINT fill_pkey PRIMARY KEY (orderid, seq)
);
-- rollback DROP TABLE public.fill;
