-- liquibase formatted sql

-- changeset driftless:20260101000001-1 labels:risk:safe
-- comment: drop foreign key fkql9795wcp4udg2o915gveyfvk of public.transfer
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.transfer DROP CONSTRAINT fkql9795wcp4udg2o915gveyfvk;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.transfer ADD CONSTRAINT fkql9795wcp4udg2o915gveyfvk FOREIGN KEY (account_id) REFERENCES public.account (id);

-- changeset driftless:20260101000001-2 labels:risk:caution
-- comment: add foreign key fkql9795wcp4udg2o915gveyfvk public.transfer[account_id] -> public.account[id] (step 1 of 2: added NOT VALID, new rows are checked); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (added NOT VALID, then validated without blocking writes; fails if a row has no parent)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.transfer ADD CONSTRAINT fkql9795wcp4udg2o915gveyfvk FOREIGN KEY (account_id) REFERENCES public.account (id) ON DELETE CASCADE NOT VALID;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.transfer DROP CONSTRAINT fkql9795wcp4udg2o915gveyfvk;

-- changeset driftless:20260101000001-3 labels:risk:caution
-- comment: add foreign key fkql9795wcp4udg2o915gveyfvk public.transfer[account_id] -> public.account[id] (step 2 of 2: existing rows validated without blocking writes); risk caution: SHARE UPDATE EXCLUSIVE lock, scans the table (added NOT VALID, then validated without blocking writes; fails if a row has no parent)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE public.transfer VALIDATE CONSTRAINT fkql9795wcp4udg2o915gveyfvk;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE public.transfer DROP CONSTRAINT fkql9795wcp4udg2o915gveyfvk;
-- rollback ALTER TABLE public.transfer ADD CONSTRAINT fkql9795wcp4udg2o915gveyfvk FOREIGN KEY (account_id) REFERENCES public.account (id) ON DELETE CASCADE NOT VALID;
