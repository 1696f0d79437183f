package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** driftless's history table on a real PostgreSQL: failed attempts and rollbacks stay recorded; nothing half-applied. */
class AuditHistoryTest {

    @TempDir
    Path changelogs;

    TestDatabase database;
    Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        database = TestPostgres.freshDatabase();
        connection = database.connect();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aFailedChangesetLeavesAFailureRowWithTheMaskedErrorAndNoHalfState() throws Exception {
        write("""
                -- changeset ana:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;

                -- changeset ana:2
                CREATE TABLE ledger (id bigint PRIMARY KEY);
                SELECT 'postgresql://app:hunter2@db.internal/prod'::int;
                -- rollback DROP TABLE ledger;
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        ChangelogException failure = assertThrows(ChangelogException.class,
                () -> runner.apply(ApplyOptions.defaults().withReason("release 4.2"), RunnerEvents.NONE));

        assertTrue(failure.getMessage().contains("Changeset 2"), failure.getMessage());
        assertTrue(exists("accounts"));
        assertFalse(exists("ledger"), "the failed changeset's first statement was rolled back with it");
        assertEquals(List.of("1"), strings("SELECT id FROM databasechangelog ORDER BY orderexecuted"));

        List<AuditEntry> attempts = runner.attempts();
        assertEquals(2, attempts.size(), attempts.toString());
        AuditEntry ok = attempts.get(0);
        assertEquals(AuditEntry.Kind.APPLY, ok.kind());
        assertEquals("1", ok.changeset().id());
        assertEquals(AuditEntry.Outcome.SUCCESS, ok.outcome());
        assertNull(ok.error());
        assertEquals("release 4.2", ok.reason());
        assertEquals(System.getProperty("user.name"), ok.osUser());
        assertNotNull(ok.version());
        assertFalse(ok.version().contains("${"), "the version comes from the filtered resource: " + ok.version());

        AuditEntry failed = attempts.get(1);
        assertEquals("2", failed.changeset().id());
        assertEquals(AuditEntry.Outcome.FAILED, failed.outcome());
        assertNotNull(failed.startedAt());
        assertTrue(failed.error().contains("invalid input syntax for type integer"), failed.error());
        assertFalse(failed.error().contains("hunter2"), "the password is masked: " + failed.error());
        assertEquals("release 4.2", failed.reason());
        // The row is committed on its own: another session sees it.
        try (Connection other = database.connect()) {
            assertEquals(1, count(other, "SELECT count(*) FROM databasechangelog_driftless WHERE outcome = 'failed'"));
        }

        // History's applied list carries who applied it and why.
        HistoryEntry applied = runner.history().get(0);
        assertEquals(System.getProperty("user.name"), applied.appliedBy());
        assertEquals("release 4.2", applied.reason());
    }

    @Test
    void aRollbackLeavesARowWithItsReasonAndUserAndStatusMarksTheReapply() throws Exception {
        write("""
                -- changeset ana:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        runner.apply();
        assertFalse(runner.status().get(0).reapplied());

        runner.rollback(new RollbackTarget.Count(1), false, ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE,
                "bad index on prod");

        assertFalse(exists("accounts"));
        List<AuditEntry> attempts = runner.attempts();
        assertEquals(List.of(AuditEntry.Kind.APPLY, AuditEntry.Kind.ROLLBACK), attempts.stream().map(AuditEntry::kind).toList());
        AuditEntry rollback = attempts.get(1);
        assertEquals("1", rollback.changeset().id());
        assertEquals(AuditEntry.Outcome.SUCCESS, rollback.outcome());
        assertEquals("bad index on prod", rollback.reason());
        assertEquals(System.getProperty("user.name"), rollback.osUser());
        assertTrue(runner.status().get(0).pending());

        runner.apply();
        ChangesetStatus again = runner.status().get(0);
        assertTrue(again.applied());
        assertTrue(again.reapplied(), again.toString());
        assertEquals(3, runner.attempts().size());
    }

    @Test
    void theOldOneRowPerChangesetTableIsMigratedInPlaceKeepingItsRows() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE databasechangelog_driftless (filename varchar(255) NOT NULL, id varchar(255) NOT NULL,"
                    + " author varchar(255) NOT NULL, execution_ms bigint NOT NULL, executed_at timestamptz NOT NULL DEFAULT now(),"
                    + " PRIMARY KEY (filename, id, author))");
            s.execute("INSERT INTO databasechangelog_driftless (filename, id, author, execution_ms) VALUES ('old.sql', '0', 'bo', 42)");
        }
        write("""
                -- changeset ana:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        // Read before any migrating run: the old shape is read as it is.
        assertEquals(List.of("0"), runner.attempts().stream().map(a -> a.changeset().id()).toList());

        runner.apply();

        List<AuditEntry> attempts = runner.attempts();
        assertEquals(List.of("0", "1"), attempts.stream().map(a -> a.changeset().id()).toList());
        assertEquals(42, attempts.get(0).took().toMillis());
        assertEquals(AuditEntry.Outcome.SUCCESS, attempts.get(0).outcome());
        assertNull(attempts.get(0).osUser());
        assertEquals(2, count(connection, "SELECT count(*) FROM databasechangelog_driftless"));
    }

    void write(String changesets) throws Exception {
        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), """
                databaseChangeLog:
                  - include:
                      file: changes.sql
                      relativeToChangelogFile: true
                """);
        Files.writeString(changelogs.resolve("changes.sql"), "-- liquibase formatted sql\n\n" + changesets);
    }

    boolean exists(String table) throws SQLException {
        return count(connection, "SELECT count(*) FROM pg_class WHERE relname = '" + table + "' AND relkind = 'r'") == 1;
    }

    List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static long count(Connection on, String sql) throws SQLException {
        try (Statement s = on.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
