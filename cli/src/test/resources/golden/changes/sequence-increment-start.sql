-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: alter sequence public.ticket_seq
ALTER SEQUENCE public.ticket_seq INCREMENT BY 50 START WITH 100;
-- rollback ALTER SEQUENCE public.ticket_seq INCREMENT BY 1 START WITH 1;
