CREATE OR REPLACE VIEW ledger.account_summary AS
SELECT a.id, a.name, count(p.id) AS payments
FROM ledger.account a LEFT JOIN ledger.payment p ON p.account_id = a.id
GROUP BY a.id, a.name;
