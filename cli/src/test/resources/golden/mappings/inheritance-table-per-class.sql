-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create sequence public.instrument_seq
CREATE SEQUENCE public.instrument_seq AS bigint START WITH 1 INCREMENT BY 50;
-- rollback DROP SEQUENCE public.instrument_seq;

-- changeset driftless:20260101000000-2 labels:risk:safe
-- comment: create table public.bond
CREATE TABLE public.bond (
    maturity date,
    id bigint NOT NULL,
    symbol character varying(12) NOT NULL,
    CONSTRAINT bond_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.bond;

-- changeset driftless:20260101000000-3 labels:risk:safe
-- comment: create table public.stock
CREATE TABLE public.stock (
    id bigint NOT NULL,
    symbol character varying(12) NOT NULL,
    exchange character varying(255),
    CONSTRAINT stock_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.stock;
