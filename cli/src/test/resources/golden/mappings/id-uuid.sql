-- liquibase formatted sql

-- changeset driftless:20260101000000-1
-- comment: create table public.document
CREATE TABLE public.document (
    id uuid NOT NULL,
    correlation uuid,
    CONSTRAINT document_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.document;
