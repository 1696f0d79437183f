package dev.driftless.generator.devdb;

import dev.driftless.generator.devdb.PostgresCommands.ProcessResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A real PostgreSQL server, run from the binaries zonky publishes on Maven Central, in a data directory of our
 * choosing. Used as driftless's default database and as the test database.
 *
 * <p>We run {@code initdb} and {@code pg_ctl} ourselves instead of zonky's {@code EmbeddedPostgres}, because
 * PostgreSQL refuses to run as root and CI usually runs as root. When this JVM runs as root, every binary is
 * started under {@code unshare --user}: inside a fresh user namespace the process, and every root-owned file,
 * appear as the overflow user (65534), so PostgreSQL's checks ("not root", "owns its data directory") pass while
 * the kernel still treats the process as root for file access and signals.
 *
 * <p>The server is a daemon process (started with {@code pg_ctl start}); it outlives this object only if the JVM
 * is killed. The next {@link #start} on the same data directory then stops the leftover server first. A shutdown
 * hook stops the server if {@link #close()} is never called.
 */
public final class EmbeddedServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    /** How long a command waits for another one using the same data directory (an apply can take a while). */
    private static final Duration WAIT_FOR_OTHER_COMMAND = Duration.ofMinutes(10);

    private final Path dataDirectory;
    private final PgCtl pgCtl;
    private final int port;
    private final long postmasterPid;
    private final Thread shutdownHook;
    private final DataDirectoryLock lock;
    private boolean closed;
    /** The RAM tablespace for throwaway databases: unknown until first asked ({@code null}), then found or absent. */
    private Optional<String> scratchTablespace;

    private EmbeddedServer(Path dataDirectory, PgCtl pgCtl, PgCtl.Running running, DataDirectoryLock lock) {
        this.lock = lock;
        this.dataDirectory = dataDirectory;
        this.pgCtl = pgCtl;
        this.port = running.port();
        this.postmasterPid = running.postmasterPid();
        this.shutdownHook = new Thread(this::stopFromShutdownHook, "driftless-postgres-stop-" + port);
    }

    /** Starts a durable server (fsync on) in {@code dataDirectory}, creating the cluster if needed. */
    public static EmbeddedServer start(Path dataDirectory) throws IOException {
        return start(dataDirectory, true);
    }

    /**
     * Starts a server in {@code dataDirectory}, running {@code initdb} first if the directory holds no cluster yet
     * (it may be absent or empty). The server log is {@code postgres.log} next to the data directory.
     *
     * @param durable {@code false} turns off fsync, synchronous commit and full-page writes: much faster, but an
     *                operating-system crash (not a process crash) can corrupt the cluster. For tests only.
     * @throws IOException if the binaries cannot be prepared or the server does not start; the message begins
     *                     with "could not start the embedded PostgreSQL in &lt;dir&gt;: " and ends with the tail
     *                     of the server log
     */
    public static EmbeddedServer start(Path dataDirectory, boolean durable) throws IOException {
        return start(dataDirectory, durable, message -> { });
    }

    /**
     * The same, first waiting (up to 10 minutes) for another process or thread that has a server running in
     * {@code dataDirectory}: one user at a time, so one command never stops the server another one works on.
     *
     * @param waiting told once, when it has to wait, for whom
     */
    public static EmbeddedServer start(Path dataDirectory, boolean durable, java.util.function.Consumer<String> waiting)
            throws IOException {
        return startIn(dataDirectory, durable, waiting, PostgresBinaries::prepare);
    }

    /**
     * The same, from PostgreSQL binaries already installed on this machine instead of the bundled ones: a server of
     * the version the installed client tools ({@code pg_dump}) can read, e.g. {@code /usr/lib/postgresql/15/bin}.
     *
     * @param binDirectory a directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}
     */
    public static EmbeddedServer startInstalled(Path dataDirectory, Path binDirectory, boolean durable)
            throws IOException {
        for (String binary : List.of("initdb", "pg_ctl", "postgres")) {
            if (!Files.isExecutable(Path.of(PostgresCommands.binary(binDirectory, binary)))) {
                throw new IOException("could not start PostgreSQL from " + binDirectory + ": it holds no " + binary);
            }
        }
        return startIn(dataDirectory, durable, message -> { }, () -> binDirectory.toAbsolutePath());
    }

    /** Where the binaries come from; asked only once the data directory is ours. */
    private interface BinDirectory {
        Path prepare() throws IOException;
    }

    private static EmbeddedServer startIn(Path dataDirectory, boolean durable,
                                          java.util.function.Consumer<String> waiting, BinDirectory binaries)
            throws IOException {
        Path dataDir = dataDirectory.toAbsolutePath().normalize();
        if (dataDir.getParent() == null) {
            throw new IllegalArgumentException("the data directory cannot be a file-system root: " + dataDir);
        }
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir, WAIT_FOR_OTHER_COMMAND, waiting);
        try {
            return startLocked(dataDir, durable, binaries.prepare(), lock);
        } catch (IOException | RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedServer startLocked(Path dataDir, boolean durable, Path binDir, DataDirectoryLock lock)
            throws IOException {
        Path parent = dataDir.getParent();
        Files.createDirectories(parent);
        PostgresCommands commands = PostgresCommands.in(binDir);

        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            Initdb.create(commands, dataDir, durable);
        }
        PgCtl pgCtl = new PgCtl(commands, dataDir);
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            pgCtl.stopLeftover();
        }

        ServerLog log = new ServerLog(parent.resolve("postgres.log"));
        log.rotateIfLarge();
        EmbeddedServer server = new EmbeddedServer(dataDir, pgCtl, pgCtl.start(log, durable), lock);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>} (the name URL-encoded, as the driver expects). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public int port() {
        return port;
    }

    /** The superuser, {@code postgres}; it needs no password ({@code trust} authentication, 127.0.0.1 only). */
    public String user() {
        return SUPERUSER;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A new connection to {@code database} as the superuser. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /**
     * Creates database {@code name} (from {@code template1}) unless it exists.
     *
     * @throws IllegalStateException if PostgreSQL refuses
     */
    public void createDatabaseIfMissing(String name) {
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quoteIdentifier(name));
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else just created it
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates database {@code name} as a copy of {@code template}. PostgreSQL refuses if anyone is connected to
     * the template.
     *
     * @throws IllegalStateException if PostgreSQL refuses (the database exists, the template is in use, ...)
     */
    public void createDatabase(String name, String template) {
        execute("CREATE DATABASE " + quoteIdentifier(name) + " TEMPLATE " + quoteIdentifier(template),
                "could not create database " + name + " from " + template);
    }

    /**
     * Creates a throwaway database from {@code template0}, in RAM when the machine has room for it (see
     * {@link RamTablespace}), else like any other.
     *
     * @throws IllegalStateException if PostgreSQL refuses
     */
    public void createScratchDatabase(String name) {
        String tablespace = scratchTablespace();
        execute("CREATE DATABASE " + quoteIdentifier(name) + " TEMPLATE template0"
                        + (tablespace == null ? "" : " TABLESPACE " + quoteIdentifier(tablespace)),
                "could not create database " + name);
    }

    private synchronized String scratchTablespace() {
        if (scratchTablespace == null) {
            scratchTablespace = RamTablespace.prepare(this);
        }
        return scratchTablespace.orElse(null);
    }

    /**
     * Drops database {@code name} if it exists, disconnecting its sessions first.
     *
     * @throws IllegalStateException if PostgreSQL refuses
     */
    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + quoteIdentifier(name) + " WITH (FORCE)",
                "could not drop database " + name);
    }

    private void execute(String sql, String failure) {
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}) unless it has already been replaced by another instance's
     * server on the same data directory, or stopped. Idempotent, and safe to call from several threads (a second
     * caller waits for the first to finish).
     *
     * @throws UncheckedIOException if the server could not be stopped
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; stopping twice is harmless
            }
        }
        try {
            stop(); // even if closed before: an earlier attempt (say, the shutdown hook's) may have failed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.close(); // stopped or not: a server left running is a leftover the next start stops
        }
    }

    /**
     * Stops the server a killed process left running in {@code dataDirectory}, if any, as {@link #start} does
     * before starting. For tidying up without starting a server.
     */
    public static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path dataDir = dataDirectory.toAbsolutePath().normalize();
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        // a server another command is using is no leftover: refuse rather than stop it under that command
        try (DataDirectoryLock ignored = DataDirectoryLock.acquire(dataDir, Duration.ZERO, message -> { })) {
            new PgCtl(PostgresCommands.in(PostgresBinaries.prepare()), dataDir).stopLeftover();
        }
    }

    /**
     * Where the RAM tablespace for throwaway databases of the server on {@code dataDirectory} lives, whether it
     * exists or not: the one place a link in its {@code pg_tblspc} points to. A backup of the data directory keeps
     * the link, not what it points to.
     */
    public static Path scratchTablespaceLocation(Path dataDirectory) {
        return RamTablespace.location(dataDirectory.toAbsolutePath().normalize());
    }

    /** For tests that play a killed process in this JVM: its lock goes, as the operating system drops a dead one's. */
    void dropLockAsAKilledProcessWould() {
        lock.close();
    }

    @Override
    public String toString() {
        return "EmbeddedServer[" + dataDirectory + ", port " + port + ", pid " + postmasterPid + "]";
    }

    // ---------------------------------------------------------------- stopping

    private synchronized void stopFromShutdownHook() {
        closed = true;
        try {
            stop();
        } catch (Throwable e) {
            // nothing sensible to do while the JVM exits; the next start() stops a leftover server
        } finally {
            lock.close();
        }
    }

    private void stop() throws IOException {
        if (!ownServerRunning()) {
            return;
        }
        ProcessResult result = pgCtl.stop();
        if (!result.succeeded() && ownServerRunning()) {
            throw new IOException("could not stop the embedded PostgreSQL in " + dataDirectory + ": "
                    + result.output().strip());
        }
    }

    /** Whether postmaster.pid still names the postmaster this instance started, and that process is alive. */
    private boolean ownServerRunning() {
        Optional<Long> pid = pgCtl.postmasterPid();
        return pid.isPresent() && pid.get() == postmasterPid
                && ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    // ---------------------------------------------------------------- SQL

    static String quoteIdentifier(String identifier) {
        if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a valid PostgreSQL identifier: \"" + identifier + "\"");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
