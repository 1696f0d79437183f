-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create table public.document
CREATE TABLE public.document (
    correlation uuid,
    id uuid NOT NULL,
    CONSTRAINT document_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.document;
