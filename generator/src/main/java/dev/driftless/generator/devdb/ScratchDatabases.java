package dev.driftless.generator.devdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server on which driftless may create and drop throwaway databases: the embedded one, or any given by URL. */
public interface ScratchDatabases {

    void create(String name);

    Connection connect(String name) throws SQLException;

    void drop(String name);

    static ScratchDatabases on(EmbeddedServer server) {
        return new ScratchDatabases() {
            public void create(String name) {
                server.createScratchDatabase(name);
            }

            public Connection connect(String name) throws SQLException {
                return server.connect(name);
            }

            public void drop(String name) {
                server.dropDatabase(name);
            }
        };
    }

    /** Any PostgreSQL server, reached through {@code url} (any database on it) with a user allowed to create databases. */
    static ScratchDatabases onServer(String url, Properties credentials) {
        return new ScratchDatabases() {
            public void create(String name) {
                execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
            }

            public Connection connect(String name) throws SQLException {
                return DriverManager.getConnection(withDatabase(url, name), credentials);
            }

            public void drop(String name) {
                execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            }

            private void execute(String sql) {
                try (Connection connection = DriverManager.getConnection(url, credentials);
                     Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
                }
            }
        };
    }

    /** The same JDBC URL pointing at another database: {@code jdbc:postgresql://h:5432/a?x=y} → {@code …/b?x=y}. */
    static String withDatabase(String url, String database) {
        Matcher m = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + url.replaceAll("(?i)password=[^&]*", "password=***"));
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
