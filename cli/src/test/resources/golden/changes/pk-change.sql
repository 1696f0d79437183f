-- liquibase formatted sql

-- changeset driftless:20260101000001-1
-- comment: drop primary key holding_pkey of public.holding
ALTER TABLE public.holding DROP CONSTRAINT holding_pkey;
-- rollback ALTER TABLE public.holding ADD CONSTRAINT holding_pkey PRIMARY KEY (account);

-- changeset driftless:20260101000001-2
-- comment: add primary key holding_pkey on public.holding [account, symbol]
ALTER TABLE public.holding ADD CONSTRAINT holding_pkey PRIMARY KEY (account, symbol);
-- rollback ALTER TABLE public.holding DROP CONSTRAINT holding_pkey;
