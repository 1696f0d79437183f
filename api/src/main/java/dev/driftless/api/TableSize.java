package dev.driftless.api;

import dev.driftless.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How big a table of the target is, from PostgreSQL's own estimates ({@code pg_class.reltuples}, kept by ANALYZE and
 * autovacuum) and {@code pg_total_relation_size}: a reviewer weighs "rewrites public.orders" by it. Cheap: no scan.
 *
 * @param rows  the estimated row count, or -1 when the table was never analyzed
 * @param bytes the table's size with its indexes and TOAST
 */
public record TableSize(long rows, long bytes) {

    /** {@code ≈2.3 M rows, 1.1 GB}; {@code an unknown number of rows (never analyzed), 16 kB}. */
    public String describe() {
        return (rows < 0 ? "an unknown number of rows (never analyzed)" : "≈" + count(rows) + (rows == 1 ? " row" : " rows")) + ", " + bytes(bytes);
    }

    /** The sizes of those of {@code tables} that exist on the target, in one query. */
    static Map<QualifiedName, TableSize> of(Connection connection, Collection<QualifiedName> tables) throws SQLException {
        Map<QualifiedName, TableSize> sizes = new LinkedHashMap<>();
        if (tables.isEmpty()) {
            return sizes;
        }
        String sql = """
                SELECT n.nspname, c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND (n.nspname || '.' || c.relname) = ANY (?)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text",
                    tables.stream().map(t -> t.schema() + "." + t.name()).distinct().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sizes.put(QualifiedName.of(rows.getString(1), rows.getString(2)), new TableSize(rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        return sizes;
    }

    private static String count(long rows) {
        if (rows >= 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f G", rows / 1e9);
        }
        if (rows >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", rows / 1e6);
        }
        if (rows >= 10_000) {
            return String.format(Locale.ROOT, "%.0f k", rows / 1e3);
        }
        return Long.toString(rows);
    }

    private static String bytes(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
