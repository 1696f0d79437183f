package dev.driftless.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database of its own for one test, from {@link TestPostgres#freshDatabase()}.
 *
 * @param url      JDBC URL of the database
 * @param user     user to connect as
 * @param password password, empty when none is needed
 * @param name     the database name (also the last path element of {@code url})
 */
public record TestDatabase(String url, String user, String password, String name) {

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** The URL with the user (and password) in it, as driftless's {@code dev-url} takes it. */
    public String devUrl() {
        String credentials = "user=" + user + (password.isEmpty() ? "" : "&password=" + password);
        if (url.contains("user=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + credentials;
    }

    /** The first column of every row {@code sql} returns, as text. */
    public java.util.List<String> strings(String sql) throws SQLException {
        java.util.List<String> values = new java.util.ArrayList<>();
        try (Connection c = connect(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Runs each statement in turn, on one connection. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
