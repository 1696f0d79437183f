package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the bookkeeping tables ({@code DATABASECHANGELOG}, its lock, driftless's history) are: in the session's
 * {@code current_schema()}, the first schema of its {@code search_path} that exists, which is where Liquibase creates
 * and reads them. driftless's own statements name that schema instead of leaving the name to the search path, which
 * would find another schema's table of the same name when this one has none yet (another project's lock row, or a
 * table the role may not read).
 */
final class BookkeepingSchema {

    private BookkeepingSchema() {
    }

    /** {@code table} qualified with the session's current schema, quoted as PostgreSQL prints identifiers. */
    static String qualified(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT quote_ident(current_schema()) || '.' || quote_ident('"
                     + table.replace("'", "''") + "')")) {
            rows.next();
            String qualified = rows.getString(1);
            if (qualified == null) {
                throw new SQLException("the session has no current schema: none of the schemas on its search_path"
                        + " exists; set the role's search_path (ALTER ROLE … SET search_path) to the schema the"
                        + " changelog history belongs in");
            }
            return qualified;
        }
    }
}
