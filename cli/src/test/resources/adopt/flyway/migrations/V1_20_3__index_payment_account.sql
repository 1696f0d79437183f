-- written on Windows
CREATE INDEX payment_account_idx
    ON ledger.payment (account_id);
