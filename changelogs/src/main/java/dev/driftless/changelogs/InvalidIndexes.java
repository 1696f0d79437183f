package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans up after a {@code CREATE INDEX CONCURRENTLY} that failed half-way. Such a statement cannot run in a
 * transaction, so a failure leaves an {@code INVALID} index behind: retrying then fails with "already exists", or,
 * with {@code IF NOT EXISTS}, silently keeps the useless index. Before a pending changeset creates an index
 * concurrently, an invalid index of that name on that table is dropped (concurrently too, so nothing is blocked).
 */
final class InvalidIndexes {

    /** Group 1: UNIQUE; 2: the index's name, absent when PostgreSQL names it; 3: the table; 4: the rest of the definition. */
    private static final Pattern CREATE_CONCURRENTLY = Pattern.compile(
            "CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:(\"[^\"]+\"|[\\w$]+)\\s+)?ON\\s+(?:ONLY\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)(\\s*(?:USING\\s+\\w+\\s*)?\\(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private InvalidIndexes() {
    }

    /**
     * Drops the invalid indexes that {@code sql} is about to create again.
     *
     * @return one line per index dropped
     */
    static List<String> dropBefore(Connection connection, List<String> sql) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (String statement : sql) {
            Matcher m = CREATE_CONCURRENTLY.matcher(statement);
            while (m.find()) {
                String invalid = m.group(2) != null ? invalidIndex(connection, unquote(m.group(2)), m.group(3))
                        : invalidIndexLike(connection, m.group(3), m.group(1) != null, m.group(4));
                if (invalid != null) {
                    drop(connection, invalid);
                    dropped.add("dropped the invalid index " + invalid
                            + " left by an earlier failed CREATE INDEX CONCURRENTLY; creating it again");
                }
            }
        }
        return dropped;
    }

    /** The qualified name of an invalid index called {@code name} on {@code table}, or null. */
    private static String invalidIndex(Connection connection, String name, String table) throws SQLException {
        String sql = """
                SELECT format('%I.%I', n.nspname, c.relname)
                  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE NOT i.indisvalid AND c.relname = ? AND i.indrelid = to_regclass(?)""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /**
     * An unnamed concurrent build gets its name from PostgreSQL, and a retry a new one ({@code t_c_idx1}): the invalid
     * index it left is found by table and definition instead, comparing {@code pg_get_indexdef} after the table with
     * the statement's own (method, keys, predicate), spaces, quotes and case aside.
     */
    private static String invalidIndexLike(Connection connection, String table, boolean unique, String definition)
            throws SQLException {
        String sql = """
                SELECT format('%I.%I', n.nspname, c.relname), i.indisunique, pg_get_indexdef(i.indexrelid)
                  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE NOT i.indisvalid AND i.indrelid = to_regclass(?)""";
        String wanted = normalised(definition.matches("(?is)\\s*USING\\s.*") ? definition : "USING btree " + definition);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String printed = rows.getString(3);
                    int using = printed.indexOf(" USING ");
                    if (rows.getBoolean(2) == unique && using >= 0 && normalised(printed.substring(using)).equals(wanted)) {
                        return rows.getString(1);
                    }
                }
            }
        }
        return null;
    }

    private static String normalised(String definition) {
        return definition.replaceAll("[\\s\";]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static void drop(Connection connection, String qualifiedName) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            connection.commit();
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualifiedName);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier.toLowerCase(java.util.Locale.ROOT);
    }
}
