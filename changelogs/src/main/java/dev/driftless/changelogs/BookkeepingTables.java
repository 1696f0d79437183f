package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The tables beside Liquibase's own that the runner reads and writes with plain JDBC, in the schema Liquibase uses
 * (the connection's current schema):
 * <ul>
 *   <li>{@code DATABASECHANGELOGLOCK}: a row left locked by a killed run is released, since only a run holding the
 *       {@link MigrationLock} may touch it;</li>
 *   <li>{@value #TIMING_TABLE}: driftless's history of every apply attempt and rollback, see {@link AuditLog}.</li>
 * </ul>
 */
final class BookkeepingTables {

    /** Also skipped by the catalog introspector: it belongs to the runner, not to the application. */
    static final String TIMING_TABLE = "databasechangelog_driftless";

    private final Connection connection;

    private final Bookkeeping schema;

    BookkeepingTables(Connection connection, Bookkeeping schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * Releases Liquibase's lock row when it is set. Call only while holding the {@link MigrationLock}: every driftless
     * run takes that first, so a set row was left by a run that died.
     *
     * @return what was released, fit to print, or empty
     */
    Optional<String> releaseStaleLiquibaseLock() throws SQLException {
        String lockTable = schema.qualified(connection, schema.lockTable());
        if (!exists(lockTable)) {
            return Optional.empty();
        }
        String lockedBy;
        Timestamp granted;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT lockedby, lockgranted FROM " + lockTable
                     + " WHERE id = 1 AND locked")) {
            if (!rows.next()) {
                return Optional.empty();
            }
            lockedBy = rows.getString(1);
            granted = rows.getTimestamp(2);
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + lockTable + " SET locked = FALSE, lockgranted = NULL, lockedby = NULL"
                    + " WHERE id = 1");
        }
        commitIfNeeded();
        return Optional.of("released a stale Liquibase lock (DATABASECHANGELOGLOCK) taken by " + lockedBy
                + (granted == null ? "" : " at " + granted) + ": the run that took it is gone");
    }

    /** Points an applied changeset's checksum at its current text; true when a row was updated. */
    boolean replaceChecksum(ChangesetRef changeset, String checksum) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + schema.qualified(connection, schema.changelogTable())
                        + " SET md5sum = ? WHERE filename = ? AND id = ? AND author = ?")) {
            statement.setString(1, checksum);
            statement.setString(2, changeset.file());
            statement.setString(3, changeset.id());
            statement.setString(4, changeset.author());
            boolean updated = statement.executeUpdate() == 1;
            commitIfNeeded();
            return updated;
        }
    }

    private boolean exists(String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private void commitIfNeeded() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
