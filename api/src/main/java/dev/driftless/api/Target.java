package dev.driftless.api;

import dev.driftless.generator.devdb.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * The database a command works on: a server given by URL, a {@link javax.sql.DataSource} given to the Java API, or the
 * embedded default database whose data lives under {@code .driftless/} in the project, started for the length of the
 * command.
 */
final class Target implements AutoCloseable {

    static final String EMBEDDED_DATABASE = "driftless";

    private final String url;
    private final Properties credentials;
    private final EmbeddedServer embedded;
    private final javax.sql.DataSource dataSource;

    private Target(String url, Properties credentials, EmbeddedServer embedded, javax.sql.DataSource dataSource) {
        this.url = url;
        this.credentials = credentials;
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    private Target(String url, Properties credentials, EmbeddedServer embedded) {
        this(url, credentials, embedded, null);
    }

    static Target open(Config config) {
        return open(config, message -> { });
    }

    /** @param waiting told when another command uses the embedded database and this one waits for it */
    static Target open(Config config, java.util.function.Consumer<String> waiting) {
        if (config.dataSource() != null) {
            // the caller's pool or driver settings decide how to connect; the URL only names the target
            return new Target(config.url(), new Properties(), null, config.dataSource());
        }
        if (config.url() == null) {
            return openEmbedded(config.dataDirectory(), waiting);
        }
        if (!config.url().startsWith("jdbc:postgresql:")) {
            throw new DriftlessException(ExitCode.USAGE, "the database URL must start with jdbc:postgresql:// (got "
                    + redact(config.url()) + ")");
        }
        String urlUser = urlParameter(config.url(), "user");
        if (urlUser != null && config.user() != null && !urlUser.equals(config.user())) {
            // the driver would take the URL's and pg_dump the other: one command, two roles
            throw new DriftlessException(ExitCode.USAGE, "the database URL names user " + urlUser + " and the user"
                    + " setting (DRIFTLESS_USER or user: in driftless.yaml) names " + config.user()
                    + ": name the user in one place");
        }
        Properties credentials = new Properties();
        if (config.user() != null) {
            credentials.setProperty("user", config.user());
        }
        if (config.password() != null) {
            credentials.setProperty("password", config.password());
        }
        Target target = new Target(config.url(), credentials, null);
        try (Connection ignored = target.connect()) {
            return target;
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot connect to " + redact(config.url()) + ": "
                    + e.getMessage() + hint(e), e);
        }
    }

    private static Target openEmbedded(Path dataDirectory, java.util.function.Consumer<String> waiting) {
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(dataDirectory.resolve("pgdata"), true, waiting);
        } catch (IOException | RuntimeException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
        }
        server.createDatabaseIfMissing(EMBEDDED_DATABASE);
        Properties credentials = new Properties();
        credentials.setProperty("user", server.user());
        return new Target(server.jdbcUrl(EMBEDDED_DATABASE), credentials, server);
    }

    /** A query parameter of a JDBC URL, decoded; {@code null} when absent or not decodable. */
    private static String urlParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return null; // the driver reports the URL itself
                }
            }
        }
        return null;
    }

    Connection connect() throws SQLException {
        if (dataSource != null) {
            return dataSource.getConnection();
        }
        return DriverManager.getConnection(url, credentials);
    }

    /** The embedded server, when the target is the embedded database; {@code null} otherwise. */
    EmbeddedServer embeddedServer() {
        return embedded;
    }

    /** Where the target is, fit to print: never a password. */
    String describe() {
        if (embedded != null) {
            return "the embedded database (.driftless/)";
        }
        return url != null ? redact(url) : "the DataSource's database";
    }

    static String redact(String url) {
        return Secrets.mask(url);
    }

    private static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (state.equals("28P01") || message.contains("password authentication failed")) {
            return " (check DRIFTLESS_USER and DRIFTLESS_PASSWORD)";
        }
        if (state.startsWith("08")) {
            return " (is the server running, and are host and port right?)";
        }
        if (message.contains("unable to parse url")) {
            return " (check the host, the port (1-65535) and every %-escape in the URL)";
        }
        if (state.equals("3D000")) {
            return " (create the database first, or fix the database name in the URL)";
        }
        return "";
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
