package dev.driftless.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The migration history a database had before driftless adopted it: rows of Liquibase's {@code databasechangelog}
 * and of Flyway's {@code flyway_schema_history}. Read once, before the baseline adds its own rows, so a report can
 * say what was kept.
 */
public record ForeignHistory(int liquibaseRows, int flywayRows) {

    public static final ForeignHistory NONE = new ForeignHistory(0, 0);

    /** Reads only; a table that does not exist counts no rows. */
    public static ForeignHistory of(Connection connection) throws SQLException {
        return of(connection, (String) null);
    }

    /** As {@link #of(Connection)}, with Liquibase's history in {@code liquibaseSchema} ({@code liquibase-schema}) if given. */
    public static ForeignHistory of(Connection connection, String liquibaseSchema) throws SQLException {
        return of(connection, new dev.driftless.changelogs.Bookkeeping(liquibaseSchema, null, null));
    }

    /** As {@link #of(Connection)}, with Liquibase's history where, and under the name, {@code bookkeeping} says. */
    public static ForeignHistory of(Connection connection, dev.driftless.changelogs.Bookkeeping bookkeeping)
            throws SQLException {
        String table = quoted(bookkeeping.changelogTable());
        String liquibase = bookkeeping.named() == null ? table : quoted(bookkeeping.named()) + "." + table;
        return new ForeignHistory(rows(connection, liquibase), rows(connection, "flyway_schema_history"));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    public boolean isEmpty() {
        return liquibaseRows == 0 && flywayRows == 0;
    }

    /** "12 Liquibase changeset(s) and 4 Flyway migration(s)", or empty. */
    public String describe() {
        String liquibase = liquibaseRows > 0 ? liquibaseRows + " Liquibase changeset(s)" : "";
        String flyway = flywayRows > 0 ? flywayRows + " Flyway migration(s)" : "";
        return liquibase.isEmpty() || flyway.isEmpty() ? liquibase + flyway : liquibase + " and " + flyway;
    }

    private static int rows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + table.replace("'", "''")
                    + "') IS NOT NULL")) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return 0;
                }
            }
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                return count.next() ? count.getInt(1) : 0;
            }
        }
    }
}
