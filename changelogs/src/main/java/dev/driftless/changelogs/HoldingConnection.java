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
 */
final class HoldingConnection extends JdbcConnection {

    private boolean holding;

    HoldingConnection(Connection connection) {
        super(connection);
    }

    void hold(boolean value) {
        holding = value;
    }

    @Override
    public void commit() throws DatabaseException {
        if (!holding) {
            super.commit();
        }
    }
}
