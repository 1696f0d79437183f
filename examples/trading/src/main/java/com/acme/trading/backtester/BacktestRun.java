package com.acme.trading.backtester;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One backtest of a strategy on a symbol and timeframe over a date range, with its
 * performance figures once it has finished.
 */
@Entity
@Table(
        name = "backtest_history",
        schema = "backtester",
        indexes = @Index(name = "idx_backtest_history_strategy_symbol", columnList = "strategy_id, symbol"))
public class BacktestRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backtest_history_seq")
    @SequenceGenerator(name = "backtest_history_seq", sequenceName = "backtest_history_seq", schema = "backtester", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "strategy_id", nullable = false)
    private StrategyConfig strategy;

    @Column(name = "symbol", length = 20, nullable = false)
    private String symbol;

    @Column(name = "timeframe", length = 10, nullable = false)
    private String timeframe;

    @Column(name = "period_start")
    private LocalDate periodStart;

    @Column(name = "period_end")
    private LocalDate periodEnd;

    @Column(name = "initial_capital", precision = 19, scale = 4)
    private BigDecimal initialCapital;

    @Column(name = "final_equity", precision = 19, scale = 4)
    private BigDecimal finalEquity;

    @Column(name = "total_return", precision = 12, scale = 6)
    private BigDecimal totalReturn;

    @Column(name = "sharpe_ratio")
    private Double sharpeRatio;

    @Column(name = "max_drawdown", precision = 12, scale = 6)
    private BigDecimal maxDrawdown;

    @Column(name = "trade_count")
    private int tradeCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private BacktestStatus status;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected BacktestRun() {
    }

    public BacktestRun(StrategyConfig strategy, String symbol, String timeframe,
            LocalDate periodStart, LocalDate periodEnd, BigDecimal initialCapital) {
        this.strategy = strategy;
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.initialCapital = initialCapital;
        this.status = BacktestStatus.QUEUED;
    }

    public Long getId() {
        return id;
    }

    public StrategyConfig getStrategy() {
        return strategy;
    }

    public String getSymbol() {
        return symbol;
    }

    public String getTimeframe() {
        return timeframe;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public BigDecimal getInitialCapital() {
        return initialCapital;
    }

    public BigDecimal getFinalEquity() {
        return finalEquity;
    }

    public void setFinalEquity(BigDecimal finalEquity) {
        this.finalEquity = finalEquity;
    }

    public BigDecimal getTotalReturn() {
        return totalReturn;
    }

    public void setTotalReturn(BigDecimal totalReturn) {
        this.totalReturn = totalReturn;
    }

    public Double getSharpeRatio() {
        return sharpeRatio;
    }

    public void setSharpeRatio(Double sharpeRatio) {
        this.sharpeRatio = sharpeRatio;
    }

    public BigDecimal getMaxDrawdown() {
        return maxDrawdown;
    }

    public void setMaxDrawdown(BigDecimal maxDrawdown) {
        this.maxDrawdown = maxDrawdown;
    }

    public int getTradeCount() {
        return tradeCount;
    }

    public void setTradeCount(int tradeCount) {
        this.tradeCount = tradeCount;
    }

    public BacktestStatus getStatus() {
        return status;
    }

    public void setStatus(BacktestStatus status) {
        this.status = status;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(OffsetDateTime startedAt) {
        this.startedAt = startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(OffsetDateTime finishedAt) {
        this.finishedAt = finishedAt;
    }
}
