package com.acme.trading.backtester;

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
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The outcome of a parameter sweep for a strategy: the grid searched, the best parameters
 * found, and the objective metric they scored.
 */
@Entity
@Table(name = "optimization_results", schema = "backtester")
public class OptimizationResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "strategy_id", nullable = false)
    private StrategyConfig strategy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parameter_grid")
    private String parameterGrid;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "best_parameters")
    private String bestParameters;

    @Column(name = "objective_metric", length = 50, nullable = false)
    private String objectiveMetric;

    @Column(name = "objective_value", precision = 19, scale = 6)
    private BigDecimal objectiveValue;

    @Column(name = "run_time")
    private Duration runTime;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OptimizationResult() {
    }

    public OptimizationResult(StrategyConfig strategy, String parameterGrid, String objectiveMetric,
            Instant createdAt) {
        this.strategy = strategy;
        this.parameterGrid = parameterGrid;
        this.objectiveMetric = objectiveMetric;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public StrategyConfig getStrategy() {
        return strategy;
    }

    public String getParameterGrid() {
        return parameterGrid;
    }

    public String getBestParameters() {
        return bestParameters;
    }

    public void setBestParameters(String bestParameters) {
        this.bestParameters = bestParameters;
    }

    public String getObjectiveMetric() {
        return objectiveMetric;
    }

    public BigDecimal getObjectiveValue() {
        return objectiveValue;
    }

    public void setObjectiveValue(BigDecimal objectiveValue) {
        this.objectiveValue = objectiveValue;
    }

    public Duration getRunTime() {
        return runTime;
    }

    public void setRunTime(Duration runTime) {
        this.runTime = runTime;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
