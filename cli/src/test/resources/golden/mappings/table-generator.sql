-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create table public.batch
CREATE TABLE public.batch (
    id bigint NOT NULL,
    CONSTRAINT batch_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.batch;

-- changeset driftless:20260101000000-2 labels:risk:safe
-- comment: create table public.id_generators
CREATE TABLE public.id_generators (
    next_value bigint,
    name character varying(255) NOT NULL,
    CONSTRAINT id_generators_pkey PRIMARY KEY (name)
);
-- rollback DROP TABLE public.id_generators;
