package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import liquibase.database.Database;

/**
 * Where the bookkeeping tables ({@code DATABASECHANGELOG}, its lock, driftless's history) are and what the first two
 * are called. The schema is the one the project names ({@code liquibase-schema}, as Spring Boot's
 * {@code spring.liquibase.liquibase-schema}), else the session's {@code current_schema()}, the first schema of its
 * {@code search_path} that exists, which is where Liquibase creates and reads them. One rule for Liquibase and for
 * driftless's own statements, which name that schema instead of leaving the name to the search path: that would find
 * another schema's table of the same name when this one has none yet (another project's lock row, or a table the role
 * may not read). The table names are Liquibase's unless the project renamed them
 * ({@code spring.liquibase.database-change-log-table}): a history kept under another name is still this project's.
 *
 * @param named          the schema the project names; {@code null} for the session's current schema
 * @param changelogTable the history table's name, {@value #CHANGELOG_TABLE} unless renamed
 * @param lockTable      the lock table's name, {@value #LOCK_TABLE} unless renamed
 */
public record Bookkeeping(String named, String changelogTable, String lockTable) {

    public static final String CHANGELOG_TABLE = "databasechangelog";
    public static final String LOCK_TABLE = "databasechangeloglock";
    static final Bookkeeping CURRENT = new Bookkeeping(null, null, null);

    public Bookkeeping {
        named = named == null || named.isBlank() ? null : named;
        // Liquibase lets PostgreSQL fold an unquoted name to lower case, and so does every name written here
        changelogTable = changelogTable == null || changelogTable.isBlank() ? CHANGELOG_TABLE
                : changelogTable.toLowerCase(java.util.Locale.ROOT);
        lockTable = lockTable == null || lockTable.isBlank() ? LOCK_TABLE : lockTable.toLowerCase(java.util.Locale.ROOT);
    }

    static Bookkeeping of(String named) {
        return new Bookkeeping(named, null, null);
    }

    /** Whether the tables have other names than Liquibase's own. */
    public boolean renamed() {
        return !CHANGELOG_TABLE.equals(changelogTable) || !LOCK_TABLE.equals(lockTable);
    }

    /** Tells Liquibase, which otherwise keeps its tables in the session's current schema, under its own names. */
    void applyTo(Database database) {
        if (named != null) {
            database.setLiquibaseSchemaName(named);
        }
        database.setDatabaseChangeLogTableName(changelogTable);
        database.setDatabaseChangeLogLockTableName(lockTable);
    }

    /** {@code table} qualified with the bookkeeping schema, quoted as PostgreSQL prints identifiers. */
    String qualified(Connection connection, String table) throws SQLException {
        String sql = named == null
                ? "SELECT quote_ident(current_schema()) || '.' || quote_ident(?), true"
                : "SELECT quote_ident(?) || '.' || quote_ident(?), EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (named == null) {
                statement.setString(1, table);
            } else {
                statement.setString(1, named);
                statement.setString(2, table);
                statement.setString(3, named);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                String qualified = rows.getString(1);
                if (qualified == null) {
                    throw new SQLException("the session has no current schema: none of the schemas on its search_path"
                            + " exists; set the role's search_path (ALTER ROLE … SET search_path) to the schema the"
                            + " changelog history belongs in, or name it with liquibase-schema in driftless.yaml");
                }
                if (!rows.getBoolean(2)) {
                    throw new SQLException("the schema " + named + " (liquibase-schema) does not exist: create it"
                            + " (CREATE SCHEMA " + named + ") or name another; Liquibase does not create it either");
                }
                return qualified;
            }
        }
    }
}
