-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop foreign key fkql9795wcp4udg2o915gveyfvk of public.transfer
ALTER TABLE public.transfer DROP CONSTRAINT fkql9795wcp4udg2o915gveyfvk;
-- rollback ALTER TABLE public.transfer ADD CONSTRAINT fkql9795wcp4udg2o915gveyfvk FOREIGN KEY (account_id) REFERENCES public.account (id);
