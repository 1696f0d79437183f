ALTER TABLE ledger.account ADD COLUMN email varchar(200);
