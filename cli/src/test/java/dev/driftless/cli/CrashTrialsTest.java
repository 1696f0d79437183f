package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into real {@code driftless apply} processes on the real server (issue 11, "the proof, kept"): SIGKILL
 * at seeded random moments, the server ending the applying session, and ten applies at once. After each fault the
 * database must hold a whole number of changesets with their history rows, no lock may be left, {@code status} must
 * agree with the catalog, and the next run must finish the work.
 *
 * <p>Run alone with {@code ./mvnw verify -Dgroups=reliability}; {@code ./mvnw verify} runs it with the rest.
 */
@Tag("reliability")
class CrashTrialsTest {

    /** Changesets in the long changelog; each creates a table, fills it and sleeps, so a kill lands inside one. */
    private static final int CHANGESETS = 12;
    private static final int ROWS = 2000;

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void sigkillAtSeededRandomMomentsLeavesWholeChangesetsAndTheNextRunFinishes() throws Exception {
        writeProject("SELECT pg_sleep(0.4);");
        Random moments = new Random(20261207L);
        List<Integer> appliedAfterEachKill = new ArrayList<>();
        for (int trial = 0; trial < 5; trial++) {
            CliProcess apply = CliProcess.start(project, "apply", "--backup", "never");
            Thread.sleep(1500 + moments.nextInt(3000));
            apply.kill();
            apply.await();

            int applied = assertWholeChangesetsAndNoLock();
            appliedAfterEachKill.add(applied);
            CliRun status = CliProcess.run(project, "status");
            assertEquals(0, status.exitCode(), status::toString);
            assertTrue(status.out().contains(applied + " applied, " + (CHANGESETS - applied) + " pending"),
                    "status agrees with the catalog after a kill at " + applied + ": " + status);
        }

        CliRun rerun = CliProcess.run(project, "apply", "--backup", "never");
        assertEquals(0, rerun.exitCode(), () -> "kills left " + appliedAfterEachKill + "; re-run: " + rerun);
        assertEquals(CHANGESETS, assertWholeChangesetsAndNoLock());
        assertNoLockRow(rerun);
        assertTrue(appliedAfterEachKill.stream().anyMatch(applied -> applied < CHANGESETS),
                "at least one kill landed before the end: " + appliedAfterEachKill);
    }

    @Test
    void theServerEndingTheApplyingSessionFailsTheChangesetWholeAndTheNextRunFinishes() throws Exception {
        writeProject("SELECT pg_sleep(0.4);");
        CliProcess apply = CliProcess.start(project, "apply", "--backup", "never");
        awaitAChangesetSleeping();
        database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'active' AND query LIKE '%pg_sleep(0.4)%' AND query NOT LIKE '%pg_stat_activity%'");
        CliRun terminated = apply.await();

        assertNotEquals(0, terminated.exitCode(), terminated::toString);
        assertTrue(terminated.err().contains("error: "), terminated::toString);
        int applied = assertWholeChangesetsAndNoLock();
        assertTrue(applied < CHANGESETS, "the session ended before the end: " + applied);

        CliRun rerun = CliProcess.run(project, "apply", "--backup", "never");
        assertEquals(0, rerun.exitCode(), rerun::toString);
        assertEquals(CHANGESETS, assertWholeChangesetsAndNoLock());
        assertNoLockRow(rerun);
    }

    @Test
    void ctrlCStopsAfterTheRunningChangesetReleasesEveryLockAndSaysWhatWasApplied() throws Exception {
        writeProject("SELECT pg_sleep(0.4);");
        CliProcess apply = CliProcess.start(project, "apply", "--backup", "never");
        awaitAChangesetSleeping();
        apply.signal("INT");
        CliRun stopped = apply.await();

        assertEquals(130, stopped.exitCode(), stopped::toString);
        int applied = assertWholeChangesetsAndNoLock();
        assertTrue(applied >= 1 && applied < CHANGESETS, "the running changeset finished, the rest wait: " + stopped);
        assertTrue(stopped.err().contains("Stopped by Ctrl-C after " + applied + " changeset(s) applied; every lock is"
                + " released."), stopped::toString);
        assertTrue(stopped.err().contains("applied 001-steps.sql :: step-" + applied + " ("), stopped::toString);
        assertNoLockRow(stopped);

        CliRun rerun = CliProcess.run(project, "apply", "--backup", "never");
        assertEquals(0, rerun.exitCode(), rerun::toString);
        assertTrue(rerun.out().contains("Applied " + (CHANGESETS - applied) + " changeset(s)."), rerun::toString);
        assertEquals(CHANGESETS, assertWholeChangesetsAndNoLock());
    }

    @Test
    void ctrlCDuringReleaseStopsItsApplyTheSameWay() throws Exception {
        writeProject("SELECT pg_sleep(0.4);");
        CliProcess release = CliProcess.start(project, "release", "--no-backup");
        awaitAChangesetSleeping();
        release.signal("INT");
        CliRun stopped = release.await();

        assertEquals(130, stopped.exitCode(), stopped::toString);
        int applied = assertWholeChangesetsAndNoLock();
        assertTrue(stopped.err().contains("Stopped by Ctrl-C after " + applied + " changeset(s) applied"), stopped::toString);
        assertNoLockRow(stopped);
    }

    @Test
    void aSecondCtrlCAbortsTheRunningChangesetWhole() throws Exception {
        writeProject("SELECT pg_sleep(3);");
        CliProcess apply = CliProcess.start(project, "apply", "--backup", "never");
        awaitAChangesetSleeping("pg_sleep(3)");
        apply.signal("INT");
        Thread.sleep(300);
        apply.signal("INT");
        CliRun aborted = apply.await();

        assertEquals(130, aborted.exitCode(), aborted::toString);
        assertTrue(aborted.err().contains("Ctrl-C again: aborting the running changeset."), aborted::toString);
        assertEquals(0, assertWholeChangesetsAndNoLock(), "the first changeset was running, and is not half there");

        CliRun rerun = CliProcess.run(project, "apply", "--backup", "never");
        assertEquals(0, rerun.exitCode(), rerun::toString);
        assertEquals(CHANGESETS, assertWholeChangesetsAndNoLock());
        assertNoLockRow(rerun);
    }

    @Test
    void tenAppliesAtOnceRunEachChangesetExactlyOnce() throws Exception {
        writeProject("SELECT pg_sleep(0.1);");
        List<CliProcess> applies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            applies.add(CliProcess.start(project, "apply", "--backup", "never", "--lock-timeout", "10m"));
        }
        List<CliRun> runs = new ArrayList<>();
        for (CliProcess apply : applies) {
            runs.add(apply.await());
        }

        for (CliRun run : runs) {
            assertEquals(0, run.exitCode(), run::toString);
        }
        long appliedSomething = runs.stream().filter(run -> run.out().contains("Applied " + CHANGESETS)).count();
        assertEquals(1, appliedSomething, () -> "exactly one run applies, the others find nothing: " + runs);
        assertEquals(List.of(String.valueOf(CHANGESETS)), database.strings(
                "SELECT count(DISTINCT id) FROM databasechangelog"));
        assertEquals(List.of(String.valueOf(CHANGESETS)), database.strings("SELECT count(*) FROM databasechangelog"));
        assertEquals(CHANGESETS, assertWholeChangesetsAndNoLock());
        assertNoLockRow(runs.get(0));
    }

    /**
     * Asserts that each changeset's table exists, full, exactly when its history row does, for a prefix of the
     * changelog, and that the migration lock is gone: returns how many changesets are applied. Liquibase's lock row may
     * still say "locked" after a kill (nothing in a killed process can clear it); the next run must clear it, which
     * {@link #assertNoLockRow} checks after each run that finished.
     */
    private int assertWholeChangesetsAndNoLock() throws Exception {
        awaitNoMigrationLock();
        // A run killed before Liquibase made its tables leaves none: nothing is recorded then.
        boolean history = !database.strings("SELECT to_regclass('public.databasechangelog')").contains(null);
        List<String> recorded = history
                ? database.strings("SELECT id FROM databasechangelog ORDER BY orderexecuted") : List.of();
        List<String> expectedPrefix = IntStream.rangeClosed(1, recorded.size()).mapToObj(i -> "step-" + i).toList();
        assertEquals(expectedPrefix, recorded, "the changelog's order, without gaps");
        for (int i = 1; i <= CHANGESETS; i++) {
            boolean exists = !database.strings("SELECT to_regclass('public.t" + i + "')").contains(null);
            List<String> rows = exists ? database.strings("SELECT count(*) FROM public.t" + i) : List.of("-1");
            String expected = i <= recorded.size() ? String.valueOf(ROWS) : "-1";
            assertEquals(List.of(expected), rows, "table t" + i + " with " + recorded.size() + " changeset(s) recorded");
        }
        return recorded.size();
    }

    private void assertNoLockRow(CliRun after) throws SQLException {
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM databasechangeloglock WHERE locked"),
                () -> "Liquibase's lock row is clear after " + after);
    }

    private void awaitAChangesetSleeping() throws Exception {
        awaitAChangesetSleeping("pg_sleep(0.4)");
    }

    private void awaitAChangesetSleeping(String sleep) throws Exception {
        for (int i = 0; i < 600; i++) {
            // Only the changeset's own statement: a poll like this one lingers in pg_stat_activity for a moment.
            if (!database.strings("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state ="
                    + " 'active' AND query LIKE '%" + sleep + "%' AND query NOT LIKE '%pg_stat_activity%'").isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no changeset started within 30 s");
    }

    /**
     * A killed client's session, and with it the migration lock, lives until the server notices the client is gone
     * (driftless sets client_connection_check_interval for that): the lock must go within seconds, by itself.
     */
    private void awaitNoMigrationLock() throws Exception {
        for (int i = 0; i < 600; i++) {
            if (database.strings("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database"
                    + " = (SELECT oid FROM pg_database WHERE datname = current_database())").equals(List.of("0"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the migration lock of a stopped run is still held after 30 s");
    }

    private void writeProject(String pause) throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: changelogs\nurl: " + database.url() + "\nuser: "
                + database.user() + "\n");
        StringBuilder changelog = new StringBuilder("-- liquibase formatted sql\n");
        for (int i = 1; i <= CHANGESETS; i++) {
            changelog.append("\n-- changeset trial:step-").append(i).append('\n')
                    .append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY);\n")
                    .append("INSERT INTO t").append(i).append(" SELECT generate_series(1, ").append(ROWS).append(");\n")
                    .append(pause).append('\n')
                    .append("-- rollback DROP TABLE t").append(i).append(";\n");
        }
        Path changelogs = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(changelogs.resolve("001-steps.sql"), changelog.toString());
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: 001-steps.sql\n      relativeToChangelogFile: true\n");
    }
}
