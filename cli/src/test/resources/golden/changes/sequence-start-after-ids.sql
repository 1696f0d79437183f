-- liquibase formatted sql

-- changeset driftless:20260101000000-1 labels:risk:safe
-- comment: create sequence public.ticket_seq, which starts after the ids already in public.ticket.id
CREATE SEQUENCE public.ticket_seq AS bigint START WITH 1 INCREMENT BY 50;
SELECT setval('public.ticket_seq', GREATEST(1, (SELECT max(id) FROM public.ticket) + 50), false);
-- rollback DROP SEQUENCE public.ticket_seq;

-- changeset driftless:20260101000000-2 labels:risk:safe
-- comment: drop default of public.ticket.id
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.ticket ALTER COLUMN id DROP DEFAULT;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.ticket ALTER COLUMN id SET DEFAULT nextval('public.ticket_id_seq'::regclass);
