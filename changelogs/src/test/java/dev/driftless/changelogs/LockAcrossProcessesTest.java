package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration lock between real processes: two applies at once, and an apply killed with SIGKILL. */
@Tag("reliability")
class LockAcrossProcessesTest {

    static final String FILE = "001-slow.sql";

    @TempDir
    Path changelogs;

    @TempDir
    Path logs;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void twoConcurrentAppliesExactlyOneAppliesTheOtherWaitsAndFindsNothing() throws Exception {
        writeChangelog("SELECT pg_sleep(3);");
        Process first = child("first", 60);
        Process second = child("second", 60);
        assertTrue(first.waitFor(90, TimeUnit.SECONDS) && second.waitFor(90, TimeUnit.SECONDS));
        String one = output("first");
        String two = output("second");
        assertEquals(0, first.exitValue(), one);
        assertEquals(0, second.exitValue(), two);
        List<String> results = List.of(lastLine(one), lastLine(two));
        assertTrue(results.contains("applied 2") && results.contains("applied 0"), one + "\n---\n" + two);
        String waiter = lastLine(one).equals("applied 0") ? one : two;
        assertTrue(waiter.contains("note waiting up to 60 s for the migration lock held by 'driftless apply (pid "), waiter);
        assertEquals(List.of("2"), strings("SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void aSecondApplyGivesUpAfterTheLockTimeout() throws Exception {
        writeChangelog("SELECT pg_sleep(20);");
        Process slow = child("slow", 60);
        try {
            awaitLockHeld();
            Process impatient = child("impatient", 1);
            assertTrue(impatient.waitFor(60, TimeUnit.SECONDS));
            String out = output("impatient");
            assertEquals(1, impatient.exitValue(), out);
            assertTrue(out.contains("error Another run holds the migration lock on this database: 'driftless apply (pid "
                    + slow.pid()), out);
        } finally {
            slow.destroyForcibly().waitFor();
        }
    }

    @Test
    void anApplyKilledWithSigkillLeavesNoLockAndTheNextRunProceedsAtOnce() throws Exception {
        writeChangelog("SELECT pg_sleep(600);");
        Process doomed = child("doomed", 60);
        awaitLockHeld();
        awaitQuery("SELECT pg_sleep(600)");
        doomed.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
        assertTrue(doomed.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of("true"), strings("SELECT locked::text FROM databasechangeloglock"),
                "the killed run left Liquibase's lock row set");

        writeChangelog("SELECT 1;");
        long started = System.nanoTime();
        try (Connection connection = database.connect()) {
            ApplyResult result = new ChangelogRunner(connection, changelogs)
                    .apply(ApplyOptions.defaults().withLockTimeout(Duration.ofSeconds(30)), RunnerEvents.NONE);
            assertEquals(2, result.applied().size());
            assertTrue(result.notes().stream().anyMatch(n -> n.contains("stale Liquibase lock")), result.notes()::toString);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertTrue(seconds < 15, "proceeded in " + seconds + " s, not after the killed statement's 600 s");
        assertEquals(List.of("false"), strings("SELECT locked::text FROM databasechangeloglock"));
        assertEquals(List.of("1"), strings("SELECT count(*) FROM information_schema.tables WHERE table_name = 'accounts'"));
    }

    void writeChangelog(String slowStatement) throws IOException {
        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE),
                "databaseChangeLog:\n  - include:\n      file: " + FILE + "\n      relativeToChangelogFile: true\n");
        Files.writeString(changelogs.resolve(FILE), """
                -- liquibase formatted sql

                -- changeset dev:1-1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                %s
                -- rollback DROP TABLE accounts;

                -- changeset dev:1-2
                CREATE INDEX accounts_id_idx ON accounts (id);
                -- rollback DROP INDEX accounts_id_idx;
                """.formatted(slowStatement));
    }

    Process child(String name, int lockTimeoutSeconds) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", classpath, ChildApply.class.getName(), database.url(), database.user(),
                database.password(), changelogs.toString(), String.valueOf(lockTimeoutSeconds))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile())
                .start();
    }

    String output(String name) throws IOException {
        return Files.readString(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
    }

    static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    void awaitLockHeld() throws Exception {
        await("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = " + (MigrationLock.KEY & 0xffffffffL));
    }

    void awaitQuery(String query) throws Exception {
        await("SELECT 1 FROM pg_stat_activity WHERE query LIKE '%" + query.replace("'", "''") + "%' AND pid <> pg_backend_pid()"
                + " AND state = 'active'");
    }

    void await(String sql) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (strings(sql).isEmpty()) {
            assertFalse(System.nanoTime() > deadline, "timed out waiting for: " + sql);
            Thread.sleep(100);
        }
    }

    List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
