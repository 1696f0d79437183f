-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create sequence public.account_seq
CREATE SEQUENCE public.account_seq AS bigint START WITH 1 INCREMENT BY 50;
-- rollback DROP SEQUENCE public.account_seq;

-- changeset driftless:20260101000000-2 labels:risk:safe
-- comment: create table public.account
CREATE TABLE public.account (
    id bigint NOT NULL,
    owner character varying(255),
    CONSTRAINT account_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.account;

-- changeset driftless:20260101000000-3 labels:risk:safe
-- comment: create table public.marginaccount
CREATE TABLE public.marginaccount (
    leverage integer NOT NULL,
    id bigint NOT NULL,
    CONSTRAINT marginaccount_pkey PRIMARY KEY (id)
);
-- rollback DROP TABLE public.marginaccount;

-- changeset driftless:20260101000000-4 labels:risk:safe
-- comment: create table public.savingsaccount
CREATE TABLE public.savingsaccount (
    rate numeric(5,2),
    account_id bigint NOT NULL,
    CONSTRAINT savingsaccount_pkey PRIMARY KEY (account_id)
);
-- rollback DROP TABLE public.savingsaccount;

-- changeset driftless:20260101000000-5 labels:risk:safe
-- comment: add foreign key fk1m3wv63v1ec057wywvqj8f5af public.marginaccount[id] -> public.account[id]
ALTER TABLE public.marginaccount ADD CONSTRAINT fk1m3wv63v1ec057wywvqj8f5af FOREIGN KEY (id) REFERENCES public.account (id);
-- rollback ALTER TABLE public.marginaccount DROP CONSTRAINT fk1m3wv63v1ec057wywvqj8f5af;

-- changeset driftless:20260101000000-6 labels:risk:safe
-- comment: add foreign key fk4qpq3vtl4dvh7u37m6lg207gf public.savingsaccount[account_id] -> public.account[id]
ALTER TABLE public.savingsaccount ADD CONSTRAINT fk4qpq3vtl4dvh7u37m6lg207gf FOREIGN KEY (account_id) REFERENCES public.account (id);
-- rollback ALTER TABLE public.savingsaccount DROP CONSTRAINT fk4qpq3vtl4dvh7u37m6lg207gf;
