package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.model.Schema;
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

/** The release runner on a real PostgreSQL: dry-run, tags, rollback ranges, failures, checksums, history. */
class ReleaseRunnerTest {

    static final String V1 = "001-v1.sql";
    static final String V2 = "002-v2.sql";
    static final String V3 = "003-v3.sql";

    @TempDir
    Path changelogs;

    TestDatabase database;
    Connection connection;
    ChangelogRunner runner;

    @BeforeEach
    void connect() throws SQLException {
        database = TestPostgres.freshDatabase();
        connection = database.connect();
        runner = new ChangelogRunner(connection, changelogs);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void dryRunChangesNothingAndPrintsTheSqlThatApplyThenRuns() throws Exception {
        writeThreeReleases();
        Schema before = catalog();

        ApplyResult dry = runner.apply(ApplyOptions.defaults().withDryRun(true), RunnerEvents.NONE);

        assertTrue(dry.dryRun());
        assertEquals(4, dry.planned().size());
        assertEquals(List.of(), dry.applied());
        assertEquals(before, catalog(), "a dry run changes no table, column, index or sequence");
        assertEquals(List.of(), strings("SELECT relname FROM pg_class WHERE relname LIKE 'databasechangelog%'"),
                "a dry run creates not even Liquibase's tables");
        assertEquals(List.of("CREATE TABLE accounts (id bigint PRIMARY KEY, owner varchar(40) NOT NULL)"),
                dry.planned().get(0).sql());

        ApplyResult real = runner.apply();
        assertEquals(4, real.applied().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(dry.planned().get(i).changeset(), real.applied().get(i).changeset());
            // Liquibase reports what it ran with the statement delimiter appended.
            assertEquals(dry.planned().get(i).sql().stream().map(q -> q + ";").toList(),
                    List.of(real.applied().get(i).sql().get(0).split("\n")), "the dry run showed exactly what Liquibase then ran");
        }
        assertTrue(columnExists("accounts", "balance"));
    }

    @Test
    void tagsThenRollsBackByTagCountAndDateAndReapplies() throws Exception {
        writeMaster(V1);
        writeReleaseOne();
        assertEquals(2, runner.apply(ApplyOptions.defaults().withTag("v1"), RunnerEvents.NONE).applied().size());
        Instant afterV1 = Instant.now();
        Thread.sleep(1100); // DATEEXECUTED has a resolution the date test must clear
        writeMaster(V1, V2, V3);
        writeReleaseTwoAndThree();
        runner.apply();
        assertEquals(new ChangesetRef(V3, "3-1", "dev"), runner.tag("v3"));
        assertTrue(columnExists("accounts", "balance"));
        assertTrue(tableExists("transfers"));

        assertEquals(List.of("v1", "v3"), runner.status().stream().map(ChangesetStatus::tag).filter(t -> t != null).toList());

        RollbackResult dry = runner.rollback(new RollbackTarget.ToTag("v1"), true);
        assertEquals(List.of("3-1", "2-1"), dry.planned().stream().map(p -> p.changeset().id()).toList());
        assertEquals(List.of("DROP TABLE transfers"), dry.planned().get(0).sql());
        assertTrue(tableExists("transfers"), "a dry rollback changes nothing");

        RollbackResult toV1 = runner.rollback(new RollbackTarget.ToTag("v1"), false);
        assertEquals(2, toV1.rolledBack().size());
        assertFalse(tableExists("transfers"));
        assertFalse(columnExists("accounts", "balance"));
        assertTrue(tableExists("accounts"));

        runner.apply();
        assertTrue(tableExists("transfers"));
        runner.rollback(new RollbackTarget.Count(1), false);
        assertFalse(tableExists("transfers"));
        assertTrue(columnExists("accounts", "balance"));

        runner.apply();
        RollbackResult toDate = runner.rollback(new RollbackTarget.ToDate(afterV1), false);
        assertEquals(List.of("3-1", "2-1"), toDate.rolledBack().stream().map(e -> e.changeset().id()).toList());
        assertFalse(columnExists("accounts", "balance"));
        assertTrue(tableExists("accounts"));

        assertEquals(2, runner.apply().applied().size());
        assertTrue(tableExists("transfers"));

        ChangelogException unknown = assertThrows(ChangelogException.class,
                () -> runner.rollback(new RollbackTarget.ToTag("v9"), false));
        assertTrue(unknown.getMessage().contains("tags: v1"), unknown.getMessage());
        ChangelogException taken = assertThrows(ChangelogException.class, () -> runner.tag("v1"));
        assertTrue(taken.getMessage().contains("already marks changeset 1-2"), taken.getMessage());
    }

    @Test
    void rollbackRefusesUpFrontNamingTheChangesetWithoutRollback() throws Exception {
        writeMaster(V1, V2);
        writeReleaseOne();
        Files.writeString(changelogs.resolve(V2), """
                -- liquibase formatted sql

                -- changeset dev:2-1
                ALTER TABLE accounts ADD COLUMN balance numeric(19,4);
                -- rollback ALTER TABLE accounts DROP COLUMN balance;

                -- changeset dev:2-2
                UPDATE accounts SET balance = 0;
                """);
        runner.apply(ApplyOptions.defaults().withTag("v1"), RunnerEvents.NONE);
        runner.tag("v2");
        ChangelogException refused = assertThrows(ChangelogException.class,
                () -> runner.rollback(new RollbackTarget.Count(3), false));
        assertTrue(refused.getMessage().contains("changeset 2-2 in " + V2 + " has no rollback"), refused.getMessage());
        assertEquals(4, runner.history().size(), "nothing rolled back");
        assertTrue(columnExists("accounts", "balance"));
    }

    @Test
    void aChangesetFailingHalfWayLeavesNothingAndAppliesOnceFixed() throws Exception {
        writeMaster(V1, V2);
        writeReleaseOne();
        String broken = """
                -- liquibase formatted sql

                -- changeset dev:2-1
                -- comment: add balance and an index
                ALTER TABLE accounts ADD COLUMN balance numeric(19,4);
                CREATE INDEX accounts_balance_idx ON accounts (balanse);
                -- rollback DROP INDEX accounts_balance_idx;
                -- rollback ALTER TABLE accounts DROP COLUMN balance;
                """;
        Files.writeString(changelogs.resolve(V2), broken);

        ChangelogException failure = assertThrows(ChangelogException.class, runner::apply);
        String message = failure.getMessage();
        assertTrue(message.contains("2-1 in " + V2), message);
        assertTrue(message.contains("column \"balanse\" does not exist"), message);
        assertTrue(message.contains("SQL: CREATE INDEX accounts_balance_idx ON accounts (balanse)"), message);
        assertTrue(tableExists("accounts"), "the changesets before it stay applied");
        assertFalse(columnExists("accounts", "balance"), "its first statement was rolled back with it");
        assertEquals(List.of(true, true, false), runner.status().stream().map(ChangesetStatus::applied).toList());
        assertEquals(List.of("false"), strings("SELECT locked::text FROM databasechangeloglock"), "no Liquibase lock left");

        Files.writeString(changelogs.resolve(V2), broken.replace("(balanse)", "(balance)"));
        assertEquals(1, runner.apply().applied().size());
        assertTrue(columnExists("accounts", "balance"));
    }

    @Test
    void progressCountsTheChangesetsAndToStopsAtOne() throws Exception {
        writeThreeReleases();
        List<String> events = new ArrayList<>();
        RunnerEvents recording = new RunnerEvents() {
            @Override
            public void starting(int number, int total, PlannedChangeset changeset) {
                events.add("start " + number + "/" + total + " " + changeset.changeset().id() + " " + changeset.comment());
            }

            @Override
            public void finished(int number, int total, ExecutedChangeset changeset) {
                events.add("done " + number + "/" + total + " " + changeset.changeset().id());
            }
        };
        ApplyResult upTo = runner.apply(ApplyOptions.defaults().withTo(V1 + "::1-2"), recording);
        assertEquals(List.of("start 1/2 1-1 create accounts", "done 1/2 1-1", "start 2/2 1-2 ", "done 2/2 1-2"), events);
        assertEquals(2, upTo.applied().size());
        assertFalse(columnExists("accounts", "balance"));
        assertTrue(runner.apply(ApplyOptions.defaults().withTo("1-1"), RunnerEvents.NONE).upToDate(), "already applied");
        ChangelogException unknown = assertThrows(ChangelogException.class,
                () -> runner.apply(ApplyOptions.defaults().withTo("9-9"), RunnerEvents.NONE));
        assertTrue(unknown.getMessage().contains("no changeset 9-9"), unknown.getMessage());
        assertEquals(2, runner.apply().applied().size());
    }

    @Test
    void contextsAndLabelsSelectChangesets() throws Exception {
        writeMaster(V1);
        Files.writeString(changelogs.resolve(V1), """
                -- liquibase formatted sql

                -- changeset dev:1-1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;

                -- changeset dev:1-2 context:test
                INSERT INTO accounts VALUES (1);
                -- rollback DELETE FROM accounts WHERE id = 1;

                -- changeset dev:1-3 labels:reporting
                CREATE TABLE reports (id bigint);
                -- rollback DROP TABLE reports;
                """);
        ApplyResult production = runner.apply(ApplyOptions.defaults().withFilters("production", "!reporting"), RunnerEvents.NONE);
        assertEquals(List.of("1-1"), production.applied().stream().map(e -> e.changeset().id()).toList());
        assertEquals(List.of("0"), strings("SELECT count(*) FROM accounts"));
        assertFalse(tableExists("reports"));
        assertEquals(List.of("1-2", "1-3"), runner.apply().applied().stream().map(e -> e.changeset().id()).toList());
    }

    @Test
    void anEditedAppliedChangesetIsRefusedUntilItsChecksumIsAccepted() throws Exception {
        writeMaster(V1, V2);
        writeReleaseOne();
        Files.writeString(changelogs.resolve(V2), "-- liquibase formatted sql\n");
        runner.apply();
        Files.writeString(changelogs.resolve(V1), Files.readString(changelogs.resolve(V1))
                .replace("owner varchar(40)", "owner varchar(80)"));
        writeReleaseTwoAndThree();
        Files.delete(changelogs.resolve(V3));
        writeMaster(V1, V2);

        ValidationResult validation = runner.validate();
        assertFalse(validation.ok());
        assertEquals(ValidationResult.Kind.CHECKSUM, validation.problems().get(0).kind());
        assertEquals(new ChangesetRef(V1, "1-1", "dev"), validation.problems().get(0).changeset());
        assertTrue(validation.problems().get(0).message().contains("accept-checksum " + V1 + "::1-1"),
                validation.problems().get(0).message());

        ChangelogException refused = assertThrows(ChangelogException.class, runner::apply);
        assertTrue(refused.getMessage().startsWith("Nothing was applied: changeset 1-1 in " + V1 + " was edited"),
                refused.getMessage());
        assertFalse(columnExists("accounts", "balance"), "refused before anything was applied");

        assertEquals(new ChangesetRef(V1, "1-1", "dev"), runner.acceptChecksum(V1 + "::1-1"));
        assertTrue(runner.validate().ok());
        assertEquals(1, runner.apply().applied().size());
        assertTrue(columnExists("accounts", "balance"));
    }

    @Test
    void duplicateIdsAndBrokenStructureAreFindings() throws Exception {
        writeMaster(V1);
        Files.writeString(changelogs.resolve(V1), """
                -- liquibase formatted sql

                -- changeset dev:1-1
                CREATE TABLE a (id int);
                -- rollback DROP TABLE a;

                -- changeset dev:1-1
                CREATE TABLE b (id int);
                -- rollback DROP TABLE b;
                """);
        ValidationResult duplicate = runner.validate();
        assertFalse(duplicate.ok(), duplicate::toString);
        assertTrue(duplicate.problems().get(0).message().contains("1-1"), duplicate::toString);

        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), "databaseChangeLog:\n  - include: [oops\n");
        ValidationResult broken = runner.validate();
        assertEquals(ValidationResult.Kind.STRUCTURE, broken.problems().get(0).kind(), broken::toString);
    }

    @Test
    void historyListsAppliedChangesetsWithTimesAndTags() throws Exception {
        writeThreeReleases();
        runner.apply(ApplyOptions.defaults().withTag("release-1"), RunnerEvents.NONE);
        List<HistoryEntry> history = runner.history();
        assertEquals(List.of("1-1", "1-2", "2-1", "3-1"), history.stream().map(h -> h.changeset().id()).toList());
        assertEquals(List.of(V1, V1, V2, V3), history.stream().map(h -> h.changeset().file()).toList());
        assertTrue(history.stream().allMatch(h -> h.appliedAt() != null && h.executionTime() != null), history::toString);
        assertEquals("release-1", history.get(3).tag());
        assertNull(history.get(0).tag());
        assertEquals("EXECUTED", history.get(0).execType());
        assertEquals("create accounts", history.get(0).comment());
        runner.rollback(1);
        assertEquals(3, runner.history().size());
    }

    @Test
    void aSecondRunWaitsForTheLockThenGivesUpNamingTheHolder() throws Exception {
        writeThreeReleases();
        try (Connection holder = database.connect(); Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'release-pipeline-42'");
            s.execute("SELECT pg_advisory_lock(" + MigrationLock.KEY + ")");
            List<String> notes = new ArrayList<>();
            long started = System.nanoTime();
            ChangelogException timeout = assertThrows(ChangelogException.class, () -> runner.apply(
                    ApplyOptions.defaults().withLockTimeout(Duration.ofSeconds(1)), new RunnerEvents() {
                        @Override
                        public void note(String message) {
                            notes.add(message);
                        }
                    }));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 1000);
            assertTrue(timeout.getMessage().contains("'release-pipeline-42'"), timeout.getMessage());
            assertTrue(timeout.getMessage().contains("--lock-timeout"), timeout.getMessage());
            assertTrue(notes.get(0).startsWith("waiting up to 1 s for the migration lock held by 'release-pipeline-42'"), notes::toString);
            assertFalse(tableExists("accounts"));
        }
        assertEquals(4, runner.apply().applied().size(), "the lock went away with its session");
    }

    @Test
    void aStaleLiquibaseLockRowIsReleased() throws Exception {
        writeThreeReleases();
        runner.apply(ApplyOptions.defaults().withTo("1-1"), RunnerEvents.NONE);
        try (Statement s = connection.createStatement()) {
            s.execute("UPDATE databasechangeloglock SET locked = TRUE, lockgranted = now(), lockedby = 'ci-runner-7 (10.0.0.7)'");
        }
        ApplyResult result = runner.apply();
        assertEquals(3, result.applied().size());
        assertTrue(result.notes().get(0).contains("stale Liquibase lock") && result.notes().get(0).contains("ci-runner-7"),
                result.notes()::toString);
        assertEquals(List.of("false"), strings("SELECT locked::text FROM databasechangeloglock"));
    }

    @Test
    void createIndexConcurrentlyRunsOutsideATransactionAndAFailedOneIsCleanedUp() throws Exception {
        writeMaster(V1, V2);
        writeReleaseOne();
        String concurrently = """
                -- liquibase formatted sql

                -- changeset dev:2-1 runInTransaction:false
                CREATE UNIQUE INDEX CONCURRENTLY accounts_owner_key ON accounts (owner);
                -- rollback DROP INDEX CONCURRENTLY accounts_owner_key;
                """;
        Files.writeString(changelogs.resolve(V2), concurrently);
        runner.apply(ApplyOptions.defaults().withTo("1-2"), RunnerEvents.NONE);
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO accounts VALUES (1, 'ann'), (2, 'ann')");
        }
        assertTrue(runner.apply(ApplyOptions.defaults().withDryRun(true), RunnerEvents.NONE).planned().get(0).runInTransaction() == false);

        ChangelogException failure = assertThrows(ChangelogException.class, runner::apply);
        assertTrue(failure.getMessage().contains("could not create unique index"), failure.getMessage());
        assertEquals(List.of("false"), strings("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_owner_key'::regclass"),
                "PostgreSQL leaves an INVALID index behind");

        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM accounts WHERE id = 2");
        }
        ApplyResult retried = runner.apply();
        assertEquals(1, retried.applied().size());
        assertTrue(retried.notes().get(0).startsWith("dropped the invalid index public.accounts_owner_key"), retried.notes()::toString);
        assertEquals(List.of("true"), strings("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_owner_key'::regclass"));
    }

    /**
     * An unnamed concurrent build is named by PostgreSQL ({@code accounts_owner_idx}); a retry would be named
     * {@code accounts_owner_idx1} and leave the invalid one behind. It is found by table and definition (issue 11).
     */
    @Test
    void anUnnamedFailedConcurrentBuildIsFoundByItsDefinitionAndCleanedUp() throws Exception {
        writeMaster(V1, V2);
        writeReleaseOne();
        Files.writeString(changelogs.resolve(V2), """
                -- liquibase formatted sql

                -- changeset dev:2-1 runInTransaction:false
                CREATE UNIQUE INDEX CONCURRENTLY ON accounts (owner);
                -- rollback DROP INDEX CONCURRENTLY accounts_owner_idx;
                """);
        runner.apply(ApplyOptions.defaults().withTo("1-2"), RunnerEvents.NONE);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE INDEX accounts_owner_plain ON accounts (owner)"); // valid and not unique: never touched
            s.execute("INSERT INTO accounts VALUES (1, 'ann'), (2, 'ann')");
        }
        assertThrows(ChangelogException.class, runner::apply);
        String uniqueIndexes = "SELECT c.relname || ':' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " WHERE i.indrelid = 'accounts'::regclass AND i.indisunique AND NOT i.indisprimary";
        List<String> left = strings(uniqueIndexes);
        assertEquals(1, left.size(), left::toString);
        assertTrue(left.get(0).endsWith(":false"), "PostgreSQL leaves an INVALID index behind: " + left);
        String invalid = left.get(0).substring(0, left.get(0).indexOf(':'));

        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM accounts WHERE id = 2");
        }
        ApplyResult retried = runner.apply();
        assertTrue(retried.notes().get(0).startsWith("dropped the invalid index public." + invalid), retried.notes()::toString);
        List<String> after = strings(uniqueIndexes);
        assertEquals(1, after.size(), "the invalid index is gone, not kept beside the new one: " + after);
        assertTrue(after.get(0).endsWith(":true"), after::toString);
        assertEquals(List.of("accounts_owner_plain"), strings("SELECT indexname FROM pg_indexes WHERE indexname = 'accounts_owner_plain'"));
    }

    // --- changelogs ----------------------------------------------------------------------------------------------

    void writeThreeReleases() throws IOException {
        writeMaster(V1, V2, V3);
        writeReleaseOne();
        writeReleaseTwoAndThree();
    }

    void writeReleaseOne() throws IOException {
        Files.writeString(changelogs.resolve(V1), """
                -- liquibase formatted sql

                -- changeset dev:1-1
                -- comment: create accounts
                CREATE TABLE accounts (id bigint PRIMARY KEY, owner varchar(40) NOT NULL);
                -- rollback DROP TABLE accounts;

                -- changeset dev:1-2
                CREATE INDEX accounts_owner_idx ON accounts (owner);
                -- rollback DROP INDEX accounts_owner_idx;
                """);
    }

    void writeReleaseTwoAndThree() throws IOException {
        Files.writeString(changelogs.resolve(V2), """
                -- liquibase formatted sql

                -- changeset dev:2-1
                ALTER TABLE accounts ADD COLUMN balance numeric(19,4);
                -- rollback ALTER TABLE accounts DROP COLUMN balance;
                """);
        Files.writeString(changelogs.resolve(V3), """
                -- liquibase formatted sql

                -- changeset dev:3-1
                CREATE TABLE transfers (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));
                -- rollback DROP TABLE transfers;
                """);
    }

    void writeMaster(String... files) throws IOException {
        StringBuilder master = new StringBuilder("databaseChangeLog:\n");
        for (String file : files) {
            master.append("  - include:\n      file: ").append(file).append("\n      relativeToChangelogFile: true\n");
        }
        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), master);
    }

    // --- catalog -------------------------------------------------------------------------------------------------

    Schema catalog() throws SQLException {
        return new CatalogIntrospector(List.of(), List.of()).read(connection);
    }

    boolean tableExists(String table) throws SQLException {
        return !strings("SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '" + table + "'").isEmpty();
    }

    boolean columnExists(String table, String column) throws SQLException {
        return !strings("SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '"
                + table + "' AND column_name = '" + column + "'").isEmpty();
    }

    List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static void assertPresent(Object value) {
        assertNotNull(value);
    }
}
