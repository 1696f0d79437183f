-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: change type of public.tick.seenat from timestamp(6) with time zone to timestamp(3) with time zone
ALTER TABLE public.tick ALTER COLUMN seenat TYPE timestamp(3) with time zone;
-- rollback ALTER TABLE public.tick ALTER COLUMN seenat TYPE timestamp(6) with time zone;
