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
}
