package com.acme.trading.market;

/** Direction of an {@link Order}. */
public enum OrderSide {
    BUY,
    SELL
}
