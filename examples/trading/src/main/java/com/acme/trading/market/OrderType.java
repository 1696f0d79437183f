package com.acme.trading.market;

/** How an {@link Order} is priced and triggered. */
public enum OrderType {
    MARKET,
    LIMIT,
    STOP,
    STOP_LIMIT
}
