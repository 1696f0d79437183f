-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create table public.position
CREATE TABLE public.position (
    quantity numeric(19,8),
    symbol character varying(12) NOT NULL,
    account character varying(20) NOT NULL,
    CONSTRAINT position_pkey PRIMARY KEY (symbol, account)
);
-- rollback DROP TABLE public.position;
