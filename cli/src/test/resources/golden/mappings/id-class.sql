-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create table public.fill
CREATE TABLE public.fill (
    price double precision NOT NULL,
    seq integer NOT NULL,
    orderid bigint NOT NULL,
    CONSTRAINT fill_pkey PRIMARY KEY (seq, orderid)
);
-- rollback DROP TABLE public.fill;
