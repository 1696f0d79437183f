-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: drop foreign key fkql9795wcp4udg2o915gveyfvk of public.transfer
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.transfer DROP CONSTRAINT fkql9795wcp4udg2o915gveyfvk;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.transfer ADD CONSTRAINT fkql9795wcp4udg2o915gveyfvk FOREIGN KEY (account_id) REFERENCES public.account (id);
