package dev.driftless.generator.devdb;

import dev.driftless.generator.devdb.PostgresCommands.ProcessResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(60);
    /** Passed to {@code pg_ctl -t}; below {@link #PG_CTL_TIMEOUT} so pg_ctl gives up, and says why, first. */
    private static final int PG_CTL_WAIT_SECONDS = 30;
    private static final int START_ATTEMPTS = 3;
    /** How long a command waits for another one using the same data directory (an apply can take a while). */
    private static final Duration WAIT_FOR_OTHER_COMMAND = Duration.ofMinutes(10);

    private final Path dataDirectory;
    private final PostgresCommands commands;
    private final int port;
    private final long postmasterPid;
    private final Thread shutdownHook;
    private final DataDirectoryLock lock;
    private boolean closed;
    /** The RAM tablespace for throwaway databases: unknown until first asked ({@code null}), then found or absent. */
    private Optional<String> scratchTablespace;

    private EmbeddedServer(Path dataDirectory, PostgresCommands commands, int port, long postmasterPid,
                           DataDirectoryLock lock) {
        this.lock = lock;
        this.dataDirectory = dataDirectory;
        this.commands = commands;
        this.port = port;
        this.postmasterPid = postmasterPid;
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
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            stopLeftoverServer(commands, dataDir);
        }

        ServerLog log = new ServerLog(parent.resolve("postgres.log"));
        log.rotateIfLarge();
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            long logOffset = log.end();
            List<String> command = commands.command("pg_ctl", "-D", dataDir.toString(), "-w",
                    "-t", Integer.toString(PG_CTL_WAIT_SECONDS), "-l", log.file().toString(),
                    "-o", serverOptions(port, durable), "start");
            ProcessResult result = PostgresCommands.run(command, PG_CTL_TIMEOUT);
            if (result.succeeded()) {
                long pid = readPostmasterPid(dataDir)
                        .orElseThrow(() -> new IOException("could not start the embedded PostgreSQL in " + dataDir
                                + ": pg_ctl reported success but left no readable postmaster.pid"));
                EmbeddedServer server = new EmbeddedServer(dataDir, commands, port, pid, lock);
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
                return server;
            }
            String newLog = log.readFrom(logOffset);
            // Not ours, or a server that failed to come up in time: do not leave it running.
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                PostgresCommands.runQuietly(pgCtlStop(commands, dataDir, "fast"), PG_CTL_TIMEOUT);
            }
            boolean portTaken = newLog.contains("could not bind") || newLog.contains("Address already in use");
            if (portTaken && attempt < START_ATTEMPTS) {
                continue; // another process took the port between our probe and the server's bind
            }
            throw new IOException(startFailure(dataDir, result, newLog));
        }
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
            stopLeftoverServer(PostgresCommands.in(PostgresBinaries.prepare()), dataDir);
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
        ProcessResult result = PostgresCommands.run(pgCtlStop(commands, dataDirectory, "fast"), PG_CTL_TIMEOUT);
        if (!result.succeeded() && ownServerRunning()) {
            throw new IOException("could not stop the embedded PostgreSQL in " + dataDirectory + ": "
                    + result.output().strip());
        }
    }

    /** Whether postmaster.pid still names the postmaster this instance started, and that process is alive. */
    private boolean ownServerRunning() {
        Optional<Long> pid = readPostmasterPid(dataDirectory);
        return pid.isPresent() && pid.get() == postmasterPid
                && ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * A previous server on this data directory whose JVM was killed (stop it), or a stale postmaster.pid. A pid
     * file naming a dead process is left for PostgreSQL, which recognises it as stale (and also checks that no
     * orphaned backend still uses the old shared memory, which needs the file).
     */
    private static void stopLeftoverServer(PostgresCommands commands, Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = readPostmasterPid(dataDir);
        if (pid.isEmpty()) {
            // Empty or garbled (a crash while a server was starting): PostgreSQL would refuse to start.
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isPresent() && !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            // The PID now belongs to an unrelated process (say, after a reboot). PostgreSQL would refuse to start
            // ("lock file already exists"), since as far as it can tell that process may be a postmaster.
            Files.deleteIfExists(pidFile);
            return;
        }
        PostgresCommands.runQuietly(pgCtlStop(commands, dataDir, "fast"), PG_CTL_TIMEOUT);
        // if it would not stop, the start fails and reports why
    }

    private static List<String> pgCtlStop(PostgresCommands commands, Path dataDir, String mode) {
        return commands.command("pg_ctl", "-D", dataDir.toString(), "-m", mode, "-w",
                "-t", Integer.toString(PG_CTL_WAIT_SECONDS), "stop");
    }

    private static Optional<Long> readPostmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- initdb and start

    private static String serverOptions(int port, boolean durable) {
        // pg_ctl hands these to /bin/sh, hence the shell quoting of the empty socket directory list.
        StringBuilder options = new StringBuilder("-p ").append(port).append(" -c listen_addresses=127.0.0.1");
        if (!PostgresCommands.WINDOWS) {
            options.append(" -c unix_socket_directories=''");
        }
        if (!durable) {
            options.append(" -F -c synchronous_commit=off -c full_page_writes=off");
        }
        return options.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String startFailure(Path dataDir, ProcessResult result, String newLog) {
        String reason = newLog.lines()
                .filter(line -> line.contains("FATAL:") || line.contains("PANIC:") || line.contains("ERROR:"))
                .reduce((first, second) -> second)
                .map(line -> line.substring(Math.max(line.indexOf("FATAL:"),
                        Math.max(line.indexOf("PANIC:"), line.indexOf("ERROR:")))).strip())
                .orElseGet(() -> "pg_ctl start failed (" + result.describeExit() + ")");
        StringBuilder message = new StringBuilder("could not start the embedded PostgreSQL in ")
                .append(dataDir).append(": ").append(reason);
        String pgCtlOutput = result.output().strip();
        if (!pgCtlOutput.isEmpty()) {
            message.append("\npg_ctl said:\n").append(ServerLog.tail(pgCtlOutput));
        }
        String tail = ServerLog.tail(newLog);
        message.append(tail.isEmpty() ? "\n(the server log is empty)" : "\nserver log (last lines):\n" + tail);
        return message.toString();
    }

    // ---------------------------------------------------------------- SQL

    static String quoteIdentifier(String identifier) {
        if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a valid PostgreSQL identifier: \"" + identifier + "\"");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
