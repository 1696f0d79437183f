package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import liquibase.database.Database;

/**
 * Where the bookkeeping tables ({@code DATABASECHANGELOG}, its lock, driftless's history) are: the schema the project
 * names ({@code liquibase-schema}, as Spring Boot's {@code spring.liquibase.liquibase-schema}), else the session's
 * {@code current_schema()}, the first schema of its {@code search_path} that exists, which is where Liquibase creates
 * and reads them. One rule for Liquibase and for driftless's own statements, which name that schema instead of
 * leaving the name to the search path: that would find another schema's table of the same name when this one has none
 * yet (another project's lock row, or a table the role may not read).
 *
 * @param named the schema the project names; {@code null} for the session's current schema
 */
record BookkeepingSchema(String named) {

    static final BookkeepingSchema CURRENT = new BookkeepingSchema(null);

    static BookkeepingSchema of(String named) {
        return named == null || named.isBlank() ? CURRENT : new BookkeepingSchema(named);
    }

    /** Tells Liquibase, which otherwise keeps its tables in the session's current schema. */
    void applyTo(Database database) {
        if (named != null) {
            database.setLiquibaseSchemaName(named);
        }
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
