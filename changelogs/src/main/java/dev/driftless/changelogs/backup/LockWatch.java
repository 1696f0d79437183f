package dev.driftless.changelogs.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Watches a tool's session (found by its {@code application_name}) while it runs: when it waits for a lock another
 * session holds, says whose, and when the wait passes {@code timeout}, cancels the tool's statement. pg_restore needs
 * this because its archive's header sets {@code lock_timeout = 0}, so no session setting can bound its wait.
 */
final class LockWatch implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final String WAITING = """
            SELECT a.pid,
                   (SELECT string_agg(format('pid %s (user %s, %s, %s)', b.pid, b.usename,
                                             coalesce(nullif(b.application_name, ''), 'no application name'),
                                             coalesce(b.state, 'unknown state')), ', ')
                      FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(a.pid)))
              FROM pg_stat_activity a
             WHERE a.application_name = ? AND a.wait_event_type = 'Lock'""";

    private final String jdbcUrl;
    private final Properties credentials;
    private final String applicationName;
    private final Duration timeout;
    private final Consumer<String> notes;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile String cancelledFor;

    private LockWatch(String jdbcUrl, String user, String password, String applicationName, Duration timeout,
                      Consumer<String> notes) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.applicationName = applicationName;
        this.timeout = timeout;
        this.notes = notes;
        this.thread = new Thread(this::watch, "driftless-lock-watch");
        thread.setDaemon(true);
    }

    /** Starts watching the sessions named {@code applicationName}. */
    static LockWatch start(String jdbcUrl, String user, String password, String applicationName, Duration timeout,
                           Consumer<String> notes) {
        LockWatch watch = new LockWatch(jdbcUrl, user, password, applicationName, timeout, notes);
        watch.thread.start();
        return watch;
    }

    /** The sessions whose lock outlasted the timeout, when the watch cancelled the tool's statement; else null. */
    String cancelledFor() {
        return cancelledFor;
    }

    private void watch() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
             PreparedStatement waiting = connection.prepareStatement(WAITING)) {
            waiting.setString(1, applicationName);
            long waitingSince = 0;
            String told = null;
            while (!stopped) {
                try (ResultSet rows = waiting.executeQuery()) {
                    if (!rows.next()) {
                        waitingSince = 0;
                    } else {
                        int pid = rows.getInt(1);
                        String holders = rows.getString(2) == null ? "another session" : rows.getString(2);
                        if (waitingSince == 0) {
                            waitingSince = System.nanoTime();
                        }
                        if (!holders.equals(told)) {
                            notes.accept("waiting for a lock held by " + holders + " (giving up after "
                                    + timeout.toSeconds() + " s, --lock-timeout)");
                            told = holders;
                        }
                        if (System.nanoTime() - waitingSince > timeout.toNanos()) {
                            cancelledFor = holders;
                            cancel(connection, pid);
                            return;
                        }
                    }
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException e) {
            notes.accept("cannot watch for lock waits: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void cancel(Connection connection, int pid) throws SQLException {
        try (PreparedStatement cancel = connection.prepareStatement("SELECT pg_cancel_backend(?)")) {
            cancel.setInt(1, pid);
            cancel.execute();
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
