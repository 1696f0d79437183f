-- liquibase formatted sql

-- changeset driftless:20260103000000-1 labels:risk:caution
-- comment: change type of shop.orders.quantity from integer to bigint, dropping and re-creating the views that use it: view shop.order_totals, view shop.big_customers, materialized view shop.daily_counts; risk caution: ACCESS EXCLUSIVE lock, rewrites the table (every value is converted by PostgreSQL's cast)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
DROP MATERIALIZED VIEW shop.daily_counts;
DROP VIEW shop.big_customers;
DROP VIEW shop.order_totals;
ALTER TABLE shop.orders ALTER COLUMN quantity TYPE bigint;
CREATE VIEW shop.order_totals AS
 SELECT customer,
    sum(quantity) AS total
   FROM shop.orders
  GROUP BY customer;
ALTER VIEW shop.order_totals SET (security_barrier = 'true');
COMMENT ON VIEW shop.order_totals IS 'Totals per customer';
GRANT SELECT ON TABLE shop.order_totals TO reporting;
GRANT SELECT ON TABLE shop.order_totals TO PUBLIC;
CREATE VIEW shop.big_customers AS
 SELECT customer
   FROM shop.order_totals
  WHERE total > 100;
ALTER VIEW shop.big_customers SET (check_option = 'cascaded');
CREATE MATERIALIZED VIEW shop.daily_counts AS
 SELECT count(*) AS n
   FROM shop.big_customers;
CREATE UNIQUE INDEX daily_counts_n ON shop.daily_counts USING btree (n);
ANALYZE shop.orders (quantity);
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback DROP MATERIALIZED VIEW shop.daily_counts;
-- rollback DROP VIEW shop.big_customers;
-- rollback DROP VIEW shop.order_totals;
-- rollback ALTER TABLE shop.orders ALTER COLUMN quantity TYPE integer;
-- rollback CREATE VIEW shop.order_totals AS
-- rollback  SELECT customer,
-- rollback     sum(quantity) AS total
-- rollback    FROM shop.orders
-- rollback   GROUP BY customer;
-- rollback ALTER VIEW shop.order_totals SET (security_barrier = 'true');
-- rollback COMMENT ON VIEW shop.order_totals IS 'Totals per customer';
-- rollback GRANT SELECT ON TABLE shop.order_totals TO reporting;
-- rollback GRANT SELECT ON TABLE shop.order_totals TO PUBLIC;
-- rollback CREATE VIEW shop.big_customers AS
-- rollback  SELECT customer
-- rollback    FROM shop.order_totals
-- rollback   WHERE total > 100;
-- rollback ALTER VIEW shop.big_customers SET (check_option = 'cascaded');
-- rollback CREATE MATERIALIZED VIEW shop.daily_counts AS
-- rollback  SELECT count(*) AS n
-- rollback    FROM shop.big_customers;
-- rollback CREATE UNIQUE INDEX daily_counts_n ON shop.daily_counts USING btree (n);
-- rollback ANALYZE shop.orders (quantity);
