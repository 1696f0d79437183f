-- liquibase formatted sql

-- changeset driftless:20260102000000-1 labels:risk:safe
-- comment: create schema research
CREATE SCHEMA research;
-- rollback DROP SCHEMA research;

-- changeset driftless:20260102000000-2 labels:risk:caution
-- comment: rename table market_data.trades to market_data.executions; risk caution: ACCESS EXCLUSIVE lock (brief lock; running application code that uses the old name fails)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE market_data.trades RENAME TO executions;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE market_data.executions RENAME TO trades;

-- changeset driftless:20260102000000-3 labels:risk:caution
-- comment: move table backtester.optimization_results to research.optimization_results; risk caution: ACCESS EXCLUSIVE lock (brief lock; running application code that uses the old name fails)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE backtester.optimization_results SET SCHEMA research;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE research.optimization_results SET SCHEMA backtester;

-- changeset driftless:20260102000000-4 labels:risk:caution
-- comment: rename column market_data.orders.quantity to order_quantity; risk caution: ACCESS EXCLUSIVE lock (brief lock; running application code that uses the old name fails)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE market_data.orders RENAME COLUMN quantity TO order_quantity;
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE market_data.orders RENAME COLUMN order_quantity TO quantity;

-- changeset driftless:20260102000000-5 labels:risk:safe
-- comment: change type of market_data.orders.order_quantity from numeric(19,8) to numeric(28,8)
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30min';
ALTER TABLE market_data.orders ALTER COLUMN order_quantity TYPE numeric(28,8);
ANALYZE market_data.orders (order_quantity);
-- rollback SET LOCAL lock_timeout = '5s';
-- rollback SET LOCAL statement_timeout = '30min';
-- rollback ALTER TABLE market_data.orders ALTER COLUMN order_quantity TYPE numeric(19,8);
-- rollback ANALYZE market_data.orders (order_quantity);
