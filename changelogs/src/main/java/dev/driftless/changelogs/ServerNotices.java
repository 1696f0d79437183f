package dev.driftless.changelogs;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Passes on the server's notices ({@code RAISE NOTICE} in a {@code DO} block, say) while a statement still runs: the
 * progress of a batched data migration, which is one long statement to Liquibase. PostgreSQL sends a notice as soon
 * as it is raised, and the JDBC driver adds it to the running statement's warnings as it reads it, so polling the
 * statement's warnings from another thread sees each notice within {@link #POLL_MILLIS}. Liquibase creates and closes
 * its statements itself, so the connection handed to it is wrapped to learn which statement runs, and to read its
 * last notices before it is closed.
 */
final class ServerNotices implements AutoCloseable {

    static final long POLL_MILLIS = 200;

    private final Consumer<String> sink;
    private final ScheduledExecutorService poller;
    private Statement current;
    private SQLWarning reported;

    ServerNotices(Consumer<String> sink) {
        this.sink = sink;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "driftless-server-notices");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::report, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** {@code connection}, except that the statements it creates are watched for notices. */
    Connection watching(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (method.getName().equals("createStatement") && result instanceof Statement statement) {
                        return watch(statement);
                    }
                    return result;
                });
    }

    private synchronized Statement watch(Statement statement) {
        current = statement;
        reported = null;
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close")) {
                closing(statement);
            }
            return invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                handler);
    }

    private synchronized void closing(Statement statement) {
        if (current == statement) {
            report();
            current = null;
        }
    }

    /** Passes on the notices of the running statement not passed on yet. */
    private synchronized void report() {
        if (current == null) {
            return;
        }
        try {
            SQLWarning next = reported == null ? current.getWarnings() : reported.getNextWarning();
            while (next != null) {
                reported = next;
                sink.accept(next.getMessage());
                next = next.getNextWarning();
            }
        } catch (SQLException | RuntimeException e) {
            current = null; // closed under us: nothing more to read from it
        }
    }

    /** Reports what is left and stops polling. */
    @Override
    public synchronized void close() {
        report();
        current = null;
        poller.shutdownNow();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
