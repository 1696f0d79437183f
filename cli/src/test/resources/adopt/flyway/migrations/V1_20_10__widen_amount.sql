-- Runs after 1.20.2 and 1.20.3: the table must exist.
ALTER TABLE ledger.payment ALTER COLUMN amount TYPE numeric(12,2);
