package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChangelogRunner} against a real PostgreSQL; every assertion about the schema reads the catalog. */
class ChangelogRunnerTest {

    static final String INITIAL = "20261121214755-initial.sql";
    static final String RUNS = "20261122090000-backtest-runs.sql";

    @TempDir
    Path changelogs;

    Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        TestDatabase database = TestPostgres.freshDatabase();
        connection = database.connect();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void appliesRollsBackAndReappliesATwoFileChangelog() throws Exception {
        writeTwoFileChangelog();
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        assertEquals(List.of(
                new ChangesetRef(INITIAL, "20261121214755-1", "driftless"),
                new ChangesetRef(INITIAL, "20261121214755-2", "driftless"),
                new ChangesetRef(RUNS, "20261122090000-1", "driftless")), runner.pending());

        Instant before = Instant.now().minusSeconds(5);
        ApplyResult applied = runner.apply();

        assertEquals(List.of("20261121214755-1", "20261121214755-2", "20261122090000-1"),
                applied.applied().stream().map(e -> e.changeset().id()).toList());
        assertEquals(List.of(INITIAL, INITIAL, RUNS), applied.applied().stream().map(e -> e.changeset().file()).toList());
        assertTrue(applied.applied().stream().allMatch(e -> e.changeset().author().equals("driftless")));
        assertTrue(applied.applied().stream().noneMatch(e -> e.executionTime().isNegative()));
        assertTrue(tableExists("backtester", "strategy_configs"));
        assertTrue(tableExists("backtester", "backtest_runs"));
        // Liquibase records the path relative to the changelog directory, not the machine's absolute path.
        assertEquals(List.of(INITIAL, INITIAL, RUNS), strings("SELECT filename FROM databasechangelog ORDER BY orderexecuted"));

        List<ChangesetStatus> status = runner.status();
        assertEquals(3, status.size());
        for (ChangesetStatus s : status) {
            assertTrue(s.applied(), s.toString());
            assertNotNull(s.appliedAt(), s.toString());
            assertTrue(s.appliedAt().isAfter(before), s.toString());
            assertNull(s.tag());
        }
        assertEquals(List.of(), runner.pending());

        RollbackResult rolledBack = runner.rollback(1);
        assertEquals(List.of(new ChangesetRef(RUNS, "20261122090000-1", "driftless")),
                rolledBack.rolledBack().stream().map(ExecutedChangeset::changeset).toList());
        assertFalse(tableExists("backtester", "backtest_runs"));
        assertTrue(tableExists("backtester", "strategy_configs"));
        status = runner.status();
        assertEquals(List.of(true, true, false), status.stream().map(ChangesetStatus::applied).toList());
        assertNull(status.get(2).appliedAt());
        assertEquals(List.of(new ChangesetRef(RUNS, "20261122090000-1", "driftless")), runner.pending());

        ApplyResult again = runner.apply();
        assertEquals(List.of(new ChangesetRef(RUNS, "20261122090000-1", "driftless")),
                again.applied().stream().map(ExecutedChangeset::changeset).toList());
        assertTrue(tableExists("backtester", "backtest_runs"));
        assertTrue(runner.status().stream().allMatch(ChangesetStatus::applied));

        assertTrue(runner.apply().upToDate());
    }

    @Test
    void appliesAChangelogFileAddedAfterTheDatabaseWasUpToDate() throws Exception {
        writeTwoFileChangelog();
        String twoFiles = Files.readString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE));
        writeMaster(INITIAL);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        assertEquals(2, runner.apply().applied().size());
        assertTrue(runner.apply().upToDate());

        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), twoFiles);

        assertEquals(List.of("20261122090000-1"), runner.apply().applied().stream().map(e -> e.changeset().id()).toList());
        assertTrue(tableExists("backtester", "backtest_runs"));
    }

    @Test
    void rollbackOfSeveralUndoesNewestFirstAcrossFiles() throws Exception {
        writeTwoFileChangelog();
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        runner.apply();

        RollbackResult result = runner.rollback(3);

        assertEquals(List.of("20261122090000-1", "20261121214755-2", "20261121214755-1"),
                result.rolledBack().stream().map(e -> e.changeset().id()).toList());
        assertFalse(schemaExists("backtester"));
        assertEquals(List.of(), strings("SELECT id FROM databasechangelog"));
        assertEquals(3, runner.pending().size());
    }

    @Test
    void failingChangesetIsReportedBrieflyAndLeavesNothingBehind() throws Exception {
        writeMaster(INITIAL);
        Files.writeString(changelogs.resolve(INITIAL), """
                -- liquibase formatted sql

                -- changeset driftless:20261121214755-1
                CREATE TABLE public.strategy_configs (id bigint NOT NULL, CONSTRAINT strategy_configs_pkey PRIMARY KEY (id));
                -- rollback DROP TABLE public.strategy_configs;

                -- changeset driftless:20261121214755-2
                CREATE TABLE public.backtest_runs (id bigint NOT NULL);
                CREATE INDEX backtest_runs_strategy_idx ON public.backtest_runs (strategy_id);
                -- rollback DROP TABLE public.backtest_runs;

                -- changeset driftless:20261121214755-3
                CREATE TABLE public.never_reached (id bigint NOT NULL);
                -- rollback DROP TABLE public.never_reached;
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        ChangelogException failure = assertThrows(ChangelogException.class, runner::apply);

        String message = failure.getMessage();
        assertTrue(message.contains(INITIAL), message);
        assertTrue(message.contains("20261121214755-2"), message);
        assertTrue(message.contains("column \"strategy_id\" does not exist"), message);
        assertTrue(message.lines().count() <= 2, message);
        assertEquals(new ChangesetRef(INITIAL, "20261121214755-2", "driftless"), failure.changeset().orElseThrow());
        assertNotNull(failure.getCause());
        // The changeset's first statement succeeded, but its transaction was rolled back as a whole.
        assertTrue(tableExists("public", "strategy_configs"));
        assertFalse(tableExists("public", "backtest_runs"));
        assertFalse(tableExists("public", "never_reached"));
        assertEquals(List.of(true, false, false), runner.status().stream().map(ChangesetStatus::applied).toList());
        assertEquals(List.of("20261121214755-2", "20261121214755-3"),
                runner.pending().stream().map(ChangesetRef::id).toList());
        // Liquibase released its lock: fixing the changeset and applying again works.
        Files.writeString(changelogs.resolve(INITIAL),
                Files.readString(changelogs.resolve(INITIAL)).replace("(strategy_id)", "(id)"));
        assertEquals(2, runner.apply().applied().size());
        assertTrue(tableExists("public", "backtest_runs"));
    }

    @Test
    void rollbackRefusesBeforeTouchingAnythingWhenAChangesetHasNoRollback() throws Exception {
        writeMaster(INITIAL);
        Files.writeString(changelogs.resolve(INITIAL), """
                -- liquibase formatted sql

                -- changeset driftless:20261121214755-1
                CREATE TABLE public.a (id bigint NOT NULL);
                -- rollback DROP TABLE public.a;

                -- changeset driftless:20261121214755-2
                CREATE TABLE public.b (id bigint NOT NULL);

                -- changeset driftless:20261121214755-3
                CREATE TABLE public.c (id bigint NOT NULL);
                -- rollback DROP TABLE public.c;
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        runner.apply();

        ChangelogException refusal = assertThrows(ChangelogException.class, () -> runner.rollback(2));

        String message = refusal.getMessage();
        assertTrue(message.contains("20261121214755-2"), message);
        assertTrue(message.contains(INITIAL), message);
        assertTrue(message.contains("no rollback"), message);
        assertEquals(new ChangesetRef(INITIAL, "20261121214755-2", "driftless"), refusal.changeset().orElseThrow());
        // c, newer and with a rollback, was not rolled back either.
        assertTrue(tableExists("public", "a"));
        assertTrue(tableExists("public", "b"));
        assertTrue(tableExists("public", "c"));
        assertTrue(runner.status().stream().allMatch(ChangesetStatus::applied));

        assertEquals(List.of("20261121214755-3"),
                runner.rollback(1).rolledBack().stream().map(e -> e.changeset().id()).toList());
        assertFalse(tableExists("public", "c"));
    }

    @Test
    void rollbackRefusesMoreThanIsApplied() throws Exception {
        writeTwoFileChangelog();
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        runner.apply();

        ChangelogException refusal = assertThrows(ChangelogException.class, () -> runner.rollback(4));

        assertTrue(refusal.getMessage().contains("only 3 are applied"), refusal.getMessage());
        assertTrue(tableExists("backtester", "backtest_runs"));
        assertThrows(IllegalArgumentException.class, () -> runner.rollback(0));
    }

    @Test
    void rollbackRefusesWhenTheNewestAppliedChangesetLeftTheChangelog() throws Exception {
        writeTwoFileChangelog();
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        runner.apply();
        writeMaster(INITIAL);

        ChangelogException refusal = assertThrows(ChangelogException.class, () -> runner.rollback(1));

        assertTrue(refusal.getMessage().contains("20261122090000-1"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(RUNS), refusal.getMessage());
        assertTrue(tableExists("backtester", "backtest_runs"));
        assertTrue(tableExists("backtester", "strategy_configs"));
    }

    @Test
    void yamlChangelogWithSqlAndRollbackBlocks() throws Exception {
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - include:
                      file: 20261121214755-initial.yaml
                      relativeToChangelogFile: true
                """);
        Files.writeString(changelogs.resolve("20261121214755-initial.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 20261121214755-1
                      author: driftless
                      comment: create table strategy_configs
                      changes:
                        - sql:
                            sql: CREATE TABLE public.strategy_configs (id bigint NOT NULL, name varchar(100) NOT NULL)
                      rollback:
                        - sql:
                            sql: DROP TABLE public.strategy_configs
                  - changeSet:
                      id: 20261121214755-2
                      author: driftless
                      changes:
                        - sql:
                            sql: CREATE INDEX strategy_configs_name_idx ON public.strategy_configs (name)
                      rollback:
                        - sql:
                            sql: DROP INDEX public.strategy_configs_name_idx
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        assertEquals(2, runner.apply().applied().size());
        assertTrue(tableExists("public", "strategy_configs"));
        assertTrue(indexExists("strategy_configs_name_idx"));

        runner.rollback(1);
        assertFalse(indexExists("strategy_configs_name_idx"));
        assertTrue(tableExists("public", "strategy_configs"));
        assertEquals(List.of(new ChangesetRef("20261121214755-initial.yaml", "20261121214755-2", "driftless")),
                runner.pending());
    }

    @Test
    void withoutAMasterChangelogThereIsNothingToDo() throws Exception {
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        ChangelogRunner missingDirectory = new ChangelogRunner(connection, changelogs.resolve("not-there"));

        assertEquals(List.of(), runner.pending());
        assertEquals(List.of(), runner.status());
        assertTrue(runner.apply().upToDate());
        assertEquals(List.of(), missingDirectory.pending());
        assertTrue(missingDirectory.apply().upToDate());
        assertThrows(ChangelogException.class, () -> runner.rollback(1));
        assertFalse(tableExists("public", "databasechangelog"));
        assertFalse(tableExists("public", "databasechangeloglock"));
    }

    @Test
    void statusOfANeverMigratedDatabaseCreatesNoLiquibaseTables() throws Exception {
        writeTwoFileChangelog();
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        List<ChangesetStatus> status = runner.status();

        assertEquals(3, status.size());
        assertTrue(status.stream().allMatch(ChangesetStatus::pending));
        assertFalse(tableExists("public", "databasechangelog"));
        assertFalse(tableExists("public", "databasechangeloglock"));
    }

    @Test
    void aChangesetEditedAfterItWasAppliedIsRefused() throws Exception {
        writeTwoFileChangelog();
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
        runner.apply();
        Files.writeString(changelogs.resolve(INITIAL), Files.readString(changelogs.resolve(INITIAL))
                .replace("name varchar(100) NOT NULL", "name varchar(200) NOT NULL"));

        ChangelogException failure = assertThrows(ChangelogException.class, runner::apply);

        assertTrue(failure.getMessage().contains("edited after it was applied"), failure.getMessage());
        assertTrue(failure.getMessage().contains("20261121214755-2"), failure.getMessage());
        assertTrue(failure.getMessage().lines().count() <= 2, failure.getMessage());
    }

    @Test
    void leavesTheCallersConnectionOpenWithItsAutoCommitMode() throws Exception {
        writeTwoFileChangelog();
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        assertTrue(connection.getAutoCommit());
        runner.status();
        assertTrue(connection.getAutoCommit());
        runner.apply();
        assertTrue(connection.getAutoCommit());
        runner.rollback(1);
        assertTrue(connection.getAutoCommit());
        assertFalse(connection.isClosed());

        connection.setAutoCommit(false);
        runner.apply();
        assertFalse(connection.getAutoCommit());
        connection.rollback(); // nothing to undo: Liquibase committed the changeset
        assertTrue(tableExists("backtester", "backtest_runs"));
    }

    @Test
    void aDifferentMasterFileName() throws Exception {
        Files.createDirectories(changelogs.resolve("sub"));
        Files.writeString(changelogs.resolve("main.yaml"), """
                databaseChangeLog:
                  - include:
                      file: sub/20261121214755-initial.sql
                      relativeToChangelogFile: true
                """);
        Files.writeString(changelogs.resolve("sub").resolve(INITIAL), """
                -- liquibase formatted sql

                -- changeset driftless:20261121214755-1
                CREATE TABLE public.a (id bigint NOT NULL);
                -- rollback DROP TABLE public.a;
                """);

        ApplyResult result = new ChangelogRunner(connection, changelogs, "main.yaml").apply();

        assertEquals(List.of(new ChangesetRef("sub/" + INITIAL, "20261121214755-1", "driftless")),
                result.applied().stream().map(ExecutedChangeset::changeset).toList());
        assertTrue(tableExists("public", "a"));
        assertEquals(List.of("sub/" + INITIAL), strings("SELECT filename FROM databasechangelog"));
    }

    @Test
    void resultsAreImmutable() {
        List<ExecutedChangeset> list = new ArrayList<>();
        list.add(new ExecutedChangeset(new ChangesetRef("f.sql", "1", "a"), Duration.ZERO));
        ApplyResult result = new ApplyResult(List.of(), list, false, null, List.of());
        list.clear();
        assertEquals(1, result.applied().size());
        assertThrows(UnsupportedOperationException.class, () -> result.applied().clear());
        assertSame(result.applied(), result.applied());
    }

    // --- changelog files -------------------------------------------------------------------------------------

    void writeTwoFileChangelog() throws IOException {
        writeMaster(INITIAL, RUNS);
        Files.writeString(changelogs.resolve(INITIAL), """
                -- liquibase formatted sql

                -- changeset driftless:20261121214755-1
                -- comment: create schema backtester
                CREATE SCHEMA backtester;
                -- rollback DROP SCHEMA backtester;

                -- changeset driftless:20261121214755-2
                CREATE TABLE backtester.strategy_configs (id bigint NOT NULL, name varchar(100) NOT NULL, CONSTRAINT strategy_configs_pkey PRIMARY KEY (id));
                -- rollback DROP TABLE backtester.strategy_configs;
                """);
        Files.writeString(changelogs.resolve(RUNS), """
                -- liquibase formatted sql

                -- changeset driftless:20261122090000-1
                CREATE TABLE backtester.backtest_runs (id bigint NOT NULL, strategy_id bigint NOT NULL, CONSTRAINT backtest_runs_pkey PRIMARY KEY (id));
                ALTER TABLE backtester.backtest_runs ADD CONSTRAINT backtest_runs_strategy_fk FOREIGN KEY (strategy_id) REFERENCES backtester.strategy_configs (id);
                -- rollback DROP TABLE backtester.backtest_runs;
                """);
    }

    void writeMaster(String... files) throws IOException {
        StringBuilder master = new StringBuilder("databaseChangeLog:\n");
        for (String file : files) {
            master.append("  - include:\n")
                    .append("      file: ").append(file).append('\n')
                    .append("      relativeToChangelogFile: true\n");
        }
        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), master);
    }

    // --- catalog queries -------------------------------------------------------------------------------------

    boolean tableExists(String schema, String table) throws SQLException {
        return exists("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", schema, table);
    }

    boolean schemaExists(String schema) throws SQLException {
        return exists("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?", schema);
    }

    boolean indexExists(String index) throws SQLException {
        return exists("SELECT 1 FROM pg_catalog.pg_class WHERE relkind = 'i' AND relname = ?", index);
    }

    boolean exists(String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
