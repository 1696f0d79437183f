package dev.driftless.api;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What a {@link DataSource} given to the Java API connects to, read once from a connection's metadata. */
final class DataSourceTarget {

    /** The JDBC URL (without its query of connection properties) and user the DataSource's connections report. */
    record Named(String url, String user) {
    }

    private DataSourceTarget() {
    }

    static Named name(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL();
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new DriftlessException(ExitCode.USAGE, "driftless works on PostgreSQL, but the DataSource connects to "
                        + (url == null ? "a database that gives no JDBC URL" : Secrets.mask(url))
                        + " (" + meta.getDatabaseProductName() + ")");
            }
            // a driver may list every connection property in the query (pgjdbc's DataSources do, a password too)
            int query = url.indexOf('?');
            return new Named(query < 0 ? url : url.substring(0, query), meta.getUserName());
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot connect through the DataSource: " + e.getMessage()
                    + " (is the database running, and are the DataSource's settings right?)", e);
        }
    }
}
