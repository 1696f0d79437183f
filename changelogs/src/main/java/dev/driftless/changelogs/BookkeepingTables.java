package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tables beside Liquibase's own that the runner reads and writes with plain JDBC, in the schema Liquibase uses
 * (the connection's current schema):
 * <ul>
 *   <li>{@code DATABASECHANGELOGLOCK}: a row left locked by a killed run is released, since only a run holding the
 *       {@link MigrationLock} may touch it;</li>
 *   <li>{@value #TIMING_TABLE}: how long each applied changeset took, which Liquibase does not record. Written in
 *       the changeset's own transaction, so it is there exactly when the changeset is.</li>
 * </ul>
 */
final class BookkeepingTables {

    /** Also skipped by the catalog introspector: it belongs to the runner, not to the application. */
    static final String TIMING_TABLE = "databasechangelog_driftless";

    private final Connection connection;
    private boolean timingTableReady;

    BookkeepingTables(Connection connection) {
        this.connection = connection;
    }

    /**
     * Releases Liquibase's lock row when it is set. Call only while holding the {@link MigrationLock}: every driftless
     * run takes that first, so a set row was left by a run that died.
     *
     * @return what was released, fit to print, or empty
     */
    Optional<String> releaseStaleLiquibaseLock() throws SQLException {
        if (!exists("databasechangeloglock")) {
            return Optional.empty();
        }
        String lockedBy;
        Timestamp granted;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT lockedby, lockgranted FROM databasechangeloglock WHERE id = 1 AND locked")) {
            if (!rows.next()) {
                return Optional.empty();
            }
            lockedBy = rows.getString(1);
            granted = rows.getTimestamp(2);
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE databasechangeloglock SET locked = FALSE, lockgranted = NULL, lockedby = NULL WHERE id = 1");
        }
        commitIfNeeded();
        return Optional.of("released a stale Liquibase lock (DATABASECHANGELOGLOCK) taken by " + lockedBy
                + (granted == null ? "" : " at " + granted) + ": the run that took it is gone");
    }

    /** Records how long a changeset took; part of the caller's open transaction. */
    void recordTiming(ChangesetRef changeset, Duration took) throws SQLException {
        // Once per run, not per changeset: thousands of CREATE TABLE IF NOT EXISTS cost a round trip and a notice each.
        if (!timingTableReady) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TIMING_TABLE + " (filename varchar(255) NOT NULL,"
                        + " id varchar(255) NOT NULL, author varchar(255) NOT NULL, execution_ms bigint NOT NULL,"
                        + " executed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (filename, id, author))");
            }
            timingTableReady = true;
        }
        try {
            insertTiming(changeset, took);
        } catch (SQLException e) {
            timingTableReady = false; // created in a transaction that was rolled back since: create it again next time
            throw e;
        }
    }

    private void insertTiming(ChangesetRef changeset, Duration took) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + TIMING_TABLE
                + " (filename, id, author, execution_ms) VALUES (?, ?, ?, ?) ON CONFLICT (filename, id, author)"
                + " DO UPDATE SET execution_ms = EXCLUDED.execution_ms, executed_at = now()")) {
            statement.setString(1, changeset.file());
            statement.setString(2, changeset.id());
            statement.setString(3, changeset.author());
            statement.setLong(4, took.toMillis());
            statement.executeUpdate();
        }
    }

    /** Every recorded execution time, keyed by {@link ChangesetRef}; empty without the table. */
    Map<ChangesetRef, Duration> timings() throws SQLException {
        Map<ChangesetRef, Duration> timings = new HashMap<>();
        if (!exists(TIMING_TABLE)) {
            return timings;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT filename, id, author, execution_ms FROM " + TIMING_TABLE)) {
            while (rows.next()) {
                timings.put(new ChangesetRef(rows.getString(1), rows.getString(2), rows.getString(3)),
                        Duration.ofMillis(rows.getLong(4)));
            }
        }
        return timings;
    }

    /** Points an applied changeset's checksum at its current text; true when a row was updated. */
    boolean replaceChecksum(ChangesetRef changeset, String checksum) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE databasechangelog SET md5sum = ? WHERE filename = ? AND id = ? AND author = ?")) {
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
