package com.acme.trading.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A period during which a subscriber trades on one exchange, in paper or live mode; open
 * until closedAt is set.
 */
@Entity
@Table(name = "trading_sessions", schema = "market_data")
public class TradingSession {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    private UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false)
    private BotSubscriber subscriber;

    @Column(name = "exchange", length = 32, nullable = false)
    private String exchange;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", length = 8, nullable = false)
    private TradingMode mode;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected TradingSession() {
    }

    public TradingSession(BotSubscriber subscriber, String exchange, TradingMode mode, Instant openedAt) {
        this.subscriber = subscriber;
        this.exchange = exchange;
        this.mode = mode;
        this.openedAt = openedAt;
    }

    public UUID getId() {
        return id;
    }

    public BotSubscriber getSubscriber() {
        return subscriber;
    }

    public String getExchange() {
        return exchange;
    }

    public TradingMode getMode() {
        return mode;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }
}
