-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create sequence public.ticket_seq
CREATE SEQUENCE public.ticket_seq AS bigint START WITH 1 INCREMENT BY 1;
-- rollback DROP SEQUENCE public.ticket_seq;

-- changeset driftless:20260101000000-2 labels:risk:safe
-- comment: create table public.ticket
CREATE TABLE public.ticket (
    id bigint NOT NULL,
    CONSTRAINT ticket_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.ticket;
