-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create schema portfolio
CREATE SCHEMA portfolio;
-- rollback DROP SCHEMA portfolio;

-- changeset driftless:20260101000000-2 labels:risk:safe
-- comment: create sequence portfolio.holding_seq
CREATE SEQUENCE portfolio.holding_seq AS bigint START WITH 1 INCREMENT BY 50;
-- rollback DROP SEQUENCE portfolio.holding_seq;

-- changeset driftless:20260101000000-3 labels:risk:safe
-- comment: create table portfolio.holding
CREATE TABLE portfolio.holding (
    id bigint NOT NULL,
    symbol character varying(255),
    CONSTRAINT holding_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE portfolio.holding;
