package dev.driftless.generator.render;

import java.util.List;

/**
 * One changeset as it will be written: a change's SQL and the SQL of its reverse.
 *
 * @param destructive      applying it loses data that the rollback cannot bring back
 * @param runInTransaction whether Liquibase runs it (and its rollback) inside a transaction
 */
public record ChangeSet(String id, String author, String comment, String sql, String rollback, boolean destructive,
                        boolean runInTransaction) {

    public ChangeSet {
        if (rollback == null || rollback.isBlank()) {
            throw new IllegalArgumentException("changeset " + id + " has no rollback");
        }
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
