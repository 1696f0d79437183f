-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop foreign key fkql9795wcp4udg2o915gveyfvk of public.transfer
ALTER TABLE public.transfer DROP CONSTRAINT fkql9795wcp4udg2o915gveyfvk;
-- rollback ALTER TABLE public.transfer ADD CONSTRAINT fkql9795wcp4udg2o915gveyfvk FOREIGN KEY (account_id) REFERENCES public.account (id);

-- changeset driftless:20260101000001-2
-- comment: add foreign key fkql9795wcp4udg2o915gveyfvk public.transfer[account_id] -> public.account[id]
ALTER TABLE public.transfer ADD CONSTRAINT fkql9795wcp4udg2o915gveyfvk FOREIGN KEY (account_id) REFERENCES public.account (id) ON DELETE CASCADE;
-- rollback ALTER TABLE public.transfer DROP CONSTRAINT fkql9795wcp4udg2o915gveyfvk;
