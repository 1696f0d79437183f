package com.acme.trading.market;

/** Whether a {@link TradingSession} trades simulated (paper) or real money. */
public enum TradingMode {
    PAPER,
    LIVE
}
