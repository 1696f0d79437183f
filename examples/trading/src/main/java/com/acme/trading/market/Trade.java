package com.acme.trading.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;

/**
 * One execution (fill) of an order: the quantity filled, the price, and the fee charged.
 */
@Entity
@Table(name = "trades", schema = "market_data")
public class Trade {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id", nullable = false)
    private Order order;

    @Column(name = "executed_quantity", precision = 19, scale = 8, nullable = false)
    private BigDecimal executedQuantity;

    @Column(name = "executed_price", precision = 19, scale = 8, nullable = false)
    private BigDecimal executedPrice;

    @ColumnDefault("0")
    @Column(name = "fee", precision = 19, scale = 8, nullable = false)
    private BigDecimal fee;

    @Column(name = "executed_at", nullable = false)
    private Instant executedAt;

    protected Trade() {
    }

    public Trade(Order order, BigDecimal executedQuantity, BigDecimal executedPrice, BigDecimal fee,
            Instant executedAt) {
        this.order = order;
        this.executedQuantity = executedQuantity;
        this.executedPrice = executedPrice;
        this.fee = fee;
        this.executedAt = executedAt;
    }

    public Long getId() {
        return id;
    }

    public Order getOrder() {
        return order;
    }

    public BigDecimal getExecutedQuantity() {
        return executedQuantity;
    }

    public BigDecimal getExecutedPrice() {
        return executedPrice;
    }

    public BigDecimal getFee() {
        return fee;
    }

    public Instant getExecutedAt() {
        return executedAt;
    }
}
