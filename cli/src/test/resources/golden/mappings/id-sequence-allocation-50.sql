-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create sequence public.bar_seq
CREATE SEQUENCE public.bar_seq AS bigint START WITH 1 INCREMENT BY 50;
-- rollback DROP SEQUENCE public.bar_seq;

-- changeset driftless:20260101000000-2 labels:risk:safe
-- comment: create sequence public.quote_seq
CREATE SEQUENCE public.quote_seq AS bigint START WITH 1000 INCREMENT BY 50;
-- rollback DROP SEQUENCE public.quote_seq;

-- changeset driftless:20260101000000-3 labels:risk:safe
-- comment: create table public.bar
CREATE TABLE public.bar (
    id bigint NOT NULL,
    CONSTRAINT bar_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.bar;

-- changeset driftless:20260101000000-4 labels:risk:safe
-- comment: create table public.quote
CREATE TABLE public.quote (
    id bigint NOT NULL,
    CONSTRAINT quote_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.quote;
