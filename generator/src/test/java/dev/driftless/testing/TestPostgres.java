package dev.driftless.testing;

import dev.driftless.generator.devdb.EmbeddedServer;
import dev.driftless.generator.devdb.ScratchDatabases;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The PostgreSQL server for tests: one per test JVM, started on first use, and a fresh database per test.
 *
 * <p>By default this is an {@link EmbeddedServer} (not durable) in a temporary directory, stopped and deleted
 * when the JVM exits. If the environment variable {@code DRIFTLESS_TEST_URL} is set (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), no server is started: the databases are
 * created on that server instead, as the user and password in the URL's query, or else in
 * {@code DRIFTLESS_TEST_USER} / {@code DRIFTLESS_TEST_PASSWORD} (default user {@code postgres}), and dropped
 * when the JVM exits.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String DIRECTORY_PREFIX = "driftless-test-postgres-";
    private static final String OWNER_FILE = "owner";

    private TestPostgres() {
    }

    /** Creates a new, empty database with a unique name ({@code t_<counter>_<random>}). */
    public static synchronized TestDatabase freshDatabase() {
        String name = "t_" + COUNTER.incrementAndGet() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        try {
            if (external()) {
                return External.SERVER.create(name);
            }
            EmbeddedServer server = Embedded.server();
            server.createDatabase(name, "template1");
            return new TestDatabase(server.jdbcUrl(name), server.user(), "", name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The test server's PostgreSQL version as {@code major.minor} (what {@code EntityReader.Settings} wants). */
    public static String serverVersion() {
        return Version.VALUE;
    }

    /** The test server as a place for throwaway databases (what {@code DevDatabase} wants). */
    public static ScratchDatabases scratchDatabases() {
        return external() ? External.SERVER.scratchDatabases() : ScratchDatabases.on(Embedded.server());
    }

    private static boolean external() {
        String url = System.getenv("DRIFTLESS_TEST_URL");
        return url != null && !url.isBlank();
    }

    /** Holder: asks the server once. */
    private static final class Version {
        static final String VALUE = read();

        private static String read() {
            try (Connection connection = external() ? External.SERVER.admin() : Embedded.server().connect("postgres")) {
                DatabaseMetaData meta = connection.getMetaData();
                return meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion();
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the test PostgreSQL's version: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A new database on a second server, started (once per JVM) from the PostgreSQL installed on this machine, for
     * tests of tools that must be as new as the server they read: the installed {@code pg_dump} cannot dump the newer
     * embedded server. Empty when no server binaries are installed (only client tools, or none).
     */
    public static java.util.Optional<TestDatabase> freshDatabaseOnInstalledServer() {
        if (Installed.BIN_DIRECTORY.isEmpty()) {
            return java.util.Optional.empty();
        }
        EmbeddedServer server = Installed.server();
        String name = "i_" + COUNTER.incrementAndGet() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        server.createDatabase(name, "template1");
        return java.util.Optional.of(new TestDatabase(server.jdbcUrl(name), server.user(), "", name));
    }

    /** Holder: the embedded server starts when this class is first used. */
    private static final class Embedded {
        private static final Object SERVER_OR_FAILURE = startOwned(data -> EmbeddedServer.start(data, false));

        static EmbeddedServer server() {
            return serverOrThrow(SERVER_OR_FAILURE);
        }
    }

    /** Holder: the server from installed binaries starts when it is first asked for. */
    private static final class Installed {
        static final java.util.Optional<Path> BIN_DIRECTORY = InstalledPostgres.newestBinDirectory();
        private static final Object SERVER_OR_FAILURE =
                startOwned(data -> EmbeddedServer.startInstalled(data, BIN_DIRECTORY.orElseThrow(), false));

        static EmbeddedServer server() {
            return serverOrThrow(SERVER_OR_FAILURE);
        }
    }

    private interface Starter {
        EmbeddedServer start(Path dataDirectory) throws IOException;
    }

    private static EmbeddedServer serverOrThrow(Object serverOrFailure) {
        if (serverOrFailure instanceof EmbeddedServer server) {
            return server;
        }
        RuntimeException failure = (RuntimeException) serverOrFailure;
        throw new IllegalStateException(failure.getMessage(), failure);
    }

    /**
     * Starts a server in a new temporary directory this JVM owns (stopped and deleted when the JVM exits, or by the
     * next test JVM if this one is killed): the server, or the failure to throw when a test asks for it.
     */
    private static Object startOwned(Starter starter) {
        try {
            Leftovers.reap();
            Path directory = Files.createTempDirectory(DIRECTORY_PREFIX);
            Files.writeString(directory.resolve(OWNER_FILE), Leftovers.ownerId(ProcessHandle.current()));
            EmbeddedServer server;
            try {
                server = starter.start(directory.resolve("data"));
            } catch (IOException | RuntimeException e) {
                deleteTree(directory);
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close(); // waits if the server's own shutdown hook is stopping it right now
                } catch (RuntimeException e) {
                    return; // keep the directory: the server may still use it (the next test JVM reaps it)
                }
                deleteTree(directory);
            }, "driftless-test-postgres-cleanup"));
            return server;
        } catch (IOException | RuntimeException e) {
            return new IllegalStateException("could not start the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The directories of test JVMs that are gone. */
    private static final class Leftovers {

        /**
         * Stops the servers, and deletes the directories, of test JVMs that were killed before they could
         * (a build timeout, kill -9, a fork whose Maven died).
         */
        static synchronized void reap() {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            try (Stream<Path> directories = Files.list(tmp)) {
                directories.filter(path -> path.getFileName().toString().startsWith(DIRECTORY_PREFIX))
                        .filter(Leftovers::ownerIsGone)
                        .forEach(directory -> {
                            try {
                                EmbeddedServer.stopLeftoverServer(directory.resolve("data"));
                                deleteTree(directory);
                            } catch (IOException | RuntimeException e) {
                                // leave it; not this JVM's business to fail over
                            }
                        });
            } catch (IOException | RuntimeException e) {
                // best effort
            }
        }

        private static boolean ownerIsGone(Path directory) {
            try {
                String owner = Files.readString(directory.resolve(OWNER_FILE)).strip();
                long pid = Long.parseLong(owner.substring(0, owner.indexOf(' ')));
                return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(Leftovers::ownerId)
                        .map(id -> !id.equals(owner)).orElse(true);
            } catch (IOException | RuntimeException e) {
                return false; // no owner file yet (a JVM creating it right now), or not ours to judge
            }
        }

        /** PID and start time: a PID alone may have been reused by an unrelated process. */
        static String ownerId(ProcessHandle process) {
            return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
        }
    }

    /** Holder: a server named by {@code DRIFTLESS_TEST_URL}. */
    private static final class External {
        static final External SERVER = new External(System.getenv("DRIFTLESS_TEST_URL"));

        private final String adminUrl;
        /** The URL up to where the database name goes, e.g. {@code jdbc:postgresql://host:5432/}. */
        private final String prefix;
        /** {@code ?...} or empty. */
        private final String query;
        private final String user;
        private final String password;
        private final List<String> created = new CopyOnWriteArrayList<>();

        private External(String url) {
            final String scheme = "jdbc:postgresql:";
            if (!url.startsWith(scheme)) {
                throw new IllegalStateException("DRIFTLESS_TEST_URL must be a jdbc:postgresql: URL, not " + url);
            }
            this.adminUrl = url;
            int questionMark = url.indexOf('?');
            String withoutQuery = questionMark < 0 ? url : url.substring(0, questionMark);
            String fullQuery = questionMark < 0 ? "" : url.substring(questionMark);
            // the user and password travel in TestDatabase's own fields: a user= in the URL would override the
            // role a test connects as (tests that log in as roles of their own)
            this.query = withoutCredentials(fullQuery);
            String rest = withoutQuery.substring(scheme.length());
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                this.prefix = scheme + (slash < 0 ? rest : rest.substring(0, slash)) + "/";
            } else {
                this.prefix = scheme; // jdbc:postgresql:database (localhost:5432)
            }
            Map<String, String> parameters = parameters(fullQuery);
            this.user = firstNonBlank(parameters.get("user"), System.getenv("DRIFTLESS_TEST_USER"), "postgres");
            this.password = firstNonBlank(parameters.get("password"), System.getenv("DRIFTLESS_TEST_PASSWORD"), "");
            Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll, "driftless-test-postgres-drop"));
        }

        TestDatabase create(String name) throws SQLException {
            try (Connection connection = admin(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quote(name));
            }
            created.add(name);
            return new TestDatabase(prefix + name + query, user, password, name);
        }

        ScratchDatabases scratchDatabases() {
            return ScratchDatabases.onServer(adminUrl, credentials());
        }

        private Connection admin() throws SQLException {
            return DriverManager.getConnection(adminUrl, credentials());
        }

        private Properties credentials() {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            if (!password.isEmpty()) {
                properties.setProperty("password", password);
            }
            return properties;
        }

        private void dropAll() {
            if (created.isEmpty()) {
                return;
            }
            try (Connection connection = admin(); Statement statement = connection.createStatement()) {
                for (String name : created) {
                    try {
                        statement.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
                    } catch (SQLException e) {
                        // best effort: left for inspection or a later cleanup
                    }
                }
            } catch (SQLException e) {
                // best effort
            }
        }

        private static String withoutCredentials(String query) {
            if (query.length() <= 1) {
                return "";
            }
            List<String> kept = java.util.Arrays.stream(query.substring(1).split("&"))
                    .filter(pair -> !pair.startsWith("user=") && !pair.startsWith("password=")).toList();
            return kept.isEmpty() ? "" : "?" + String.join("&", kept);
        }

        private static Map<String, String> parameters(String query) {
            Map<String, String> parameters = new HashMap<>();
            if (query.length() <= 1) {
                return parameters;
            }
            for (String pair : query.substring(1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return parameters;
        }

        private static String firstNonBlank(String... values) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
            return "";
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
