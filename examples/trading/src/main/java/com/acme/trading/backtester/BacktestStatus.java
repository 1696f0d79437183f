package com.acme.trading.backtester;

/** Lifecycle of a {@link BacktestRun}. */
public enum BacktestStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED
}
