-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create schema billing
CREATE SCHEMA billing;
-- rollback DROP SCHEMA billing;

-- changeset driftless:20260101000000-2 labels:risk:safe
-- comment: create schema numbering
CREATE SCHEMA numbering;
-- rollback DROP SCHEMA numbering;

-- changeset driftless:20260101000000-3 labels:risk:safe
-- comment: create sequence numbering.invoice_numbers
CREATE SEQUENCE numbering.invoice_numbers AS bigint START WITH 1 INCREMENT BY 1;
-- rollback DROP SEQUENCE numbering.invoice_numbers;

-- changeset driftless:20260101000000-4 labels:risk:safe
-- comment: create table billing.invoices
CREATE TABLE billing.invoices (
    id bigint NOT NULL,
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE billing.invoices;
