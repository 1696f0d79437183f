package dev.driftless.generator.render;

import java.util.List;

/**
 * One changeset as it will be written: a change's SQL and the SQL of its reverse.
 *
 * @param destructive      applying it loses data that the rollback cannot bring back
 * @param runInTransaction whether Liquibase runs it (and its rollback) inside a transaction
 * @param labels           its Liquibase labels, e.g. {@code risk:caution} (the runner and the lint read the risk there),
 *                         or empty
 */
public record ChangeSet(String id, String author, String comment, String sql, String rollback, boolean destructive,
                        boolean runInTransaction, String labels) {

    public ChangeSet {
        if (rollback == null || rollback.isBlank()) {
            throw new IllegalArgumentException("changeset " + id + " has no rollback");
        }
        labels = labels == null ? "" : labels;
    }

    public ChangeSet(String id, String author, String comment, String sql, String rollback, boolean destructive,
                     boolean runInTransaction) {
        this(id, author, comment, sql, rollback, destructive, runInTransaction, "");
    }

    public ChangeSet(String id, String author, String comment, String sql, String rollback, boolean destructive) {
        this(id, author, comment, sql, rollback, destructive, true);
    }

    public List<String> sqlLines() {
        return sql.lines().toList();
    }

    public List<String> rollbackLines() {
        return rollback.lines().toList();
    }
}
