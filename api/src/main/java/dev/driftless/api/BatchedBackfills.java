package dev.driftless.api;

import dev.driftless.generator.render.BatchedBackfill;
import dev.driftless.generator.render.ChangelogWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code driftless new --batched}: a batched data migration template for one table, keyed by the primary key the
 * target database has for it (the configured URL, or the embedded default database). The key comes from the live
 * catalog rather than the entities because the batches run against the table as it is.
 */
public final class BatchedBackfills {

    /** The batch size when none is given: small enough that one batch holds its row locks briefly. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private BatchedBackfills() {
    }

    /**
     * Reads {@code table}'s primary key from the target and writes the template into the changelog directory.
     *
     * @param table {@code schema.table}, or a table of the {@code public} schema
     * @throws DriftlessException (usage) when the table is not there or has no single-column primary key
     */
    public static Path write(Config config, String name, String table, int batchSize, Instant now,
                             Consumer<String> progress) {
        config.writableMaster();
        if (batchSize < 1) {
            throw new DriftlessException(ExitCode.USAGE, "--batch-size must be at least 1 (got " + batchSize + ")");
        }
        String[] parts = split(table);
        BatchedBackfill backfill;
        try (Target target = Target.open(config, progress); Connection connection = target.connect()) {
            String key = singleKey(connection, parts[0], parts[1], target.describe());
            backfill = new BatchedBackfill(parts[0], parts[1], key, batchSize);
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "cannot read the primary key of " + table + ": "
                    + e.getMessage(), e);
        }
        return new ChangelogWriter(config.ddl(), config.runner().master()).writeBatched(config.changelogDirectory(), name, backfill, now);
    }

    private static String[] split(String table) {
        String[] parts = table.strip().split("\\.", -1);
        if (parts.length == 1 && !parts[0].isEmpty()) {
            return new String[] {"public", parts[0]};
        }
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new DriftlessException(ExitCode.USAGE, "--table takes schema.table or a table of the public schema,"
                    + " e.g. --table backtester.backtest_history (got '" + table + "')");
        }
        return parts;
    }

    /** The only column of the table's primary key, in the key's order. */
    private static String singleKey(Connection connection, String schema, String table, String where)
            throws SQLException {
        String sql = """
                SELECT c.oid, a.attname
                  FROM pg_catalog.pg_class c
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                  LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary
                  LEFT JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
                  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                 WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')
                 ORDER BY k.position
                """;
        List<String> key = new ArrayList<>();
        boolean found = false;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found = true;
                    if (rows.getString(2) != null) {
                        key.add(rows.getString(2));
                    }
                }
            }
        }
        String name = schema + "." + table;
        if (!found) {
            throw new DriftlessException(ExitCode.USAGE, "table " + name + " is not in " + where
                    + ": apply the changelog that creates it first, or point --url at a database that has it");
        }
        if (key.isEmpty()) {
            throw new DriftlessException(ExitCode.USAGE, "table " + name + " has no primary key, and batches need one to"
                    + " go through the rows in order and resume: add a primary key first, or write the migration with"
                    + " driftless new (without --batched)");
        }
        if (key.size() > 1) {
            throw new DriftlessException(ExitCode.USAGE, "table " + name + " has a primary key of " + key.size()
                    + " columns " + key + "; --batched handles a single-column key only: write the migration with"
                    + " driftless new (without --batched)");
        }
        return key.get(0);
    }
}
