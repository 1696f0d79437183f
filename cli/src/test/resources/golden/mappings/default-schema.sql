-- liquibase formatted sql

-- changeset driftless:20260101000000-1
-- comment: create sequence public.holding_seq
CREATE SEQUENCE public.holding_seq AS bigint START WITH 1 INCREMENT BY 50;
-- rollback DROP SEQUENCE public.holding_seq;

-- changeset driftless:20260101000000-2
-- comment: create table public.holding
CREATE TABLE public.holding (
    id bigint NOT NULL,
    symbol character varying(255),
    CONSTRAINT holding_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.holding;
