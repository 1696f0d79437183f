package dev.driftless.changelogs;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lock that keeps two driftless runs from migrating one database at once: a session-level PostgreSQL advisory
 * lock held by the connection that applies.
 *
 * <p>The server releases it when that session ends for any reason, so a run killed with SIGKILL or a lost network
 * leaves nothing behind (unlike a row in {@code DATABASECHANGELOGLOCK}). While the lock is held the session also
 * checks its client every few seconds ({@code client_connection_check_interval}, PostgreSQL 14+), so a client
 * killed during a long statement does not keep the lock until the statement ends.
 */
final class MigrationLock implements AutoCloseable {

    /** One key per database (advisory locks are per database): the bytes of "driftlss" as a bigint. */
    static final long KEY = 0x64726966746c7373L;

    private static final Duration POLL = Duration.ofMillis(200);

    private final Connection connection;
    private final Bookkeeping bookkeeping;

    private MigrationLock(Connection connection, Bookkeeping bookkeeping) {
        this.connection = connection;
        this.bookkeeping = bookkeeping;
    }

    /**
     * Takes the lock, waiting up to {@code timeout} for another run to release it.
     *
     * @param purpose what this run is doing ("apply", "rollback"), shown to a run that has to wait for it
     * @throws ChangelogException naming who holds the lock when {@code timeout} passes
     */
    static MigrationLock acquire(Connection connection, Bookkeeping bookkeeping, String purpose, Duration timeout,
                                 RunnerEvents events)
            throws SQLException {
        identify(connection, purpose);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (!tryLock(connection)) {
            Optional<String> holder = holder(connection);
            if (System.nanoTime() >= deadline) {
                throw new ChangelogException("Another run holds the migration lock on this database"
                        + holder.map(h -> ": " + h).orElse("") + ". Gave up after " + human(timeout)
                        + " (--lock-timeout). Let it finish and run again; the lock goes away by itself when that"
                        + " session ends, even if its process was killed.");
            }
            if (!told) {
                events.note("waiting up to " + human(timeout) + " for the migration lock held by "
                        + holder.orElse("another session"));
                told = true;
            }
            sleep();
        }
        checkClientWhileBusy(connection);
        if (!connection.getAutoCommit()) {
            // Settings made by set_config in a transaction that later rolls back would be undone with it.
            connection.commit();
        }
        return new MigrationLock(connection, bookkeeping);
    }

    /** Who holds the lock, fit to print; empty when nobody does (or it is not visible to this user). */
    static Optional<String> holder(Connection connection) throws SQLException {
        String sql = """
                SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.backend_start, a.state
                  FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND l.classid = ? AND l.objid = ?""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY >>> 32);
            statement.setLong(2, KEY & 0xffffffffL);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<String> parts = new ArrayList<>();
                String application = rows.getString(2);
                parts.add(application == null || application.isBlank() ? "a session" : "'" + application + "'");
                parts.add("server pid " + rows.getInt(1));
                if (rows.getString(3) != null) {
                    parts.add("user " + rows.getString(3));
                }
                if (rows.getString(4) != null) {
                    parts.add("from " + rows.getString(4));
                }
                if (rows.getTimestamp(5) != null) {
                    parts.add("connected since " + rows.getTimestamp(5).toInstant());
                }
                return Optional.of(String.join(", ", parts));
            }
        }
    }

    /** Names the session after this run, so a run that has to wait can say who it waits for. */
    private static void identify(Connection connection, String purpose) throws SQLException {
        String name = "driftless " + purpose + " (pid " + ProcessHandle.current().pid() + " on " + hostName() + ")";
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            statement.setString(1, name.length() > 63 ? name.substring(0, 63) : name);
            statement.execute();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /**
     * Without this a backend whose client died notices only when it next talks to the client: a killed run's long
     * statement would keep the lock until it finished. The setting exists from PostgreSQL 14 and works on Linux.
     */
    private static void checkClientWhileBusy(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('client_connection_check_interval', '2s', false)");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (!connection.getAutoCommit()) {
            // An aborted transaction would refuse the unlock; whatever it held is not ours to keep.
            connection.rollback();
        }
        clearLiquibaseLockRow();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /**
     * Liquibase clears its lock row when an update ends, but not when a changeset listener stops the run (Ctrl-C) and
     * not when its connection fails; plain Liquibase (a Spring Boot app starting, say) would then wait on it for good.
     * While this lock is held no other driftless run can hold Liquibase's, so a set row is this run's own.
     */
    private void clearLiquibaseLockRow() {
        try {
            new BookkeepingTables(connection, bookkeeping).releaseStaleLiquibaseLock();
        } catch (SQLException e) {
            // The next run releases it under this lock and says so; never hide why this run ended behind this.
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown host";
        }
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds == 0 ? duration.toMillis() + " ms" : seconds + " s";
        }
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChangelogException("Interrupted while waiting for the migration lock", e);
        }
    }
}
