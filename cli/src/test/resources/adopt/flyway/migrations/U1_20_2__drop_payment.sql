DROP TABLE ledger.payment;
