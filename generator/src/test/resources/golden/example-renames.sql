-- liquibase formatted sql

-- changeset driftless:20260102000000-1
-- comment: create schema research
CREATE SCHEMA research;
-- rollback DROP SCHEMA research;

-- changeset driftless:20260102000000-2
-- comment: rename table market_data.trades to market_data.executions
ALTER TABLE market_data.trades RENAME TO executions;
-- rollback ALTER TABLE market_data.executions RENAME TO trades;

-- changeset driftless:20260102000000-3
-- comment: move table backtester.optimization_results to research.optimization_results
ALTER TABLE backtester.optimization_results SET SCHEMA research;
-- rollback ALTER TABLE research.optimization_results SET SCHEMA backtester;

-- changeset driftless:20260102000000-4
-- comment: rename column market_data.orders.quantity to order_quantity
ALTER TABLE market_data.orders RENAME COLUMN quantity TO order_quantity;
-- rollback ALTER TABLE market_data.orders RENAME COLUMN order_quantity TO quantity;

-- changeset driftless:20260102000000-5
-- comment: change type of market_data.orders.order_quantity from numeric(19,8) to numeric(28,8)
ALTER TABLE market_data.orders ALTER COLUMN order_quantity TYPE numeric(28,8);
-- rollback ALTER TABLE market_data.orders ALTER COLUMN order_quantity TYPE numeric(19,8);
