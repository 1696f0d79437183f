-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create table public.position
CREATE TABLE public.position (
    account character varying(20) NOT NULL,
    symbol character varying(12) NOT NULL,
    quantity numeric(19,8),
    CONSTRAINT position_pkey PRIMARY KEY (account, symbol)
);
-- rollback DROP TABLE public.position;
