package dev.driftless.changelogs;

import java.sql.Connection;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/**
 * Liquibase's view of the caller's connection, able to hold back a commit.
 *
 * <p>Liquibase commits a changeset's SQL, then inserts its {@code DATABASECHANGELOG} row and commits again: a run
 * killed between the two leaves a change applied but not recorded, which the next run applies a second time. While
 * {@link #hold(boolean) holding}, the first commit is skipped, so the change, its record and its timing row commit
 * together. Changesets that run outside a transaction are not held (there is nothing to hold).
 *
 * <p>While a changeset runs outside a transaction (a batched data migration), the server's notices are passed on as
 * they come, see {@link ServerNotices}.
 */
final class HoldingConnection extends JdbcConnection {

    private boolean holding;
    private ServerNotices notices;
    private Connection watched;

    HoldingConnection(Connection connection) {
        super(connection);
    }

    void hold(boolean value) {
        holding = value;
    }

    /** Until {@link #stopWatching()}, passes on each notice of the statements Liquibase runs to {@code sink}. */
    void watchNotices(java.util.function.Consumer<String> sink) {
        stopWatching();
        notices = new ServerNotices(sink);
        watched = notices.watching(super.getUnderlyingConnection());
    }

    /** Passes on the notices not passed on yet, and stops watching. */
    void stopWatching() {
        if (notices != null) {
            notices.close();
            notices = null;
            watched = null;
        }
    }

    @Override
    public Connection getUnderlyingConnection() {
        return watched != null ? watched : super.getUnderlyingConnection();
    }

    @Override
    public void commit() throws DatabaseException {
        if (!holding) {
            super.commit();
        }
    }
}
