package dev.driftless.bench;

import dev.driftless.generator.devdb.ScratchDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL server the benchmark's target databases live on, reached through any database on it by a user
 * who may create databases. Every tool gets the same server.
 */
public final class Server {

    private final String adminUrl;
    private final String user;
    private final String password;

    /**
     * @param adminUrl {@code jdbc:postgresql://host:port/db}: any existing database on the server
     * @param password empty when none is needed
     */
    public Server(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password == null ? "" : password;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The URL of database {@code name} on this server. */
    public String url(String name) {
        return ScratchDatabases.withDatabase(adminUrl, name);
    }

    /** A URL carrying the user, for {@code --dev-url} (which takes the user in the URL). */
    public String urlWithUser(String name) {
        String url = url(name);
        return url + (url.contains("?") ? "&" : "?") + "user=" + user;
    }

    /** Creates an empty database {@code name}, dropping any leftover of that name first. */
    public String create(String name) {
        drop(name);
        execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
        return url(name);
    }

    public void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    }

    public Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(url(name), credentials());
    }

    /** {@code SHOW server_version}, e.g. {@code 18.1}. */
    public String version() {
        try (Connection connection = DriverManager.getConnection(adminUrl, credentials());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the server version: " + e.getMessage(), e);
        }
    }

    /** How many rows {@code sql} (a count query) returns on database {@code name}; -1 when it fails. */
    public long count(String name, String sql) {
        try (Connection connection = connect(name); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, credentials());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
