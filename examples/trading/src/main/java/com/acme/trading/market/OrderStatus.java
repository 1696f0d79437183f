package com.acme.trading.market;

/** Lifecycle of an {@link Order} at the exchange. */
public enum OrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED
}
