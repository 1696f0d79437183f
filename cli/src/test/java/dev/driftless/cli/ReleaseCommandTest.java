package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.changelogs.backup.BackupException;
import dev.driftless.changelogs.backup.PgDump;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** driftless release through the CLI on a real PostgreSQL: it stops at the first failed step, before any change. */
class ReleaseCommandTest {

    static final String ACCOUNTS = """
            -- liquibase formatted sql

            -- changeset dev:1
            CREATE TABLE accounts (id bigint PRIMARY KEY, owner text);
            -- rollback DROP TABLE accounts;
            """;

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @BeforeEach
    void config() throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: changelogs\nurl: " + database.url()
                + "\nuser: " + database.user() + "\n");
    }

    @Test
    void stopsAtAFailingValidationBeforeAnyChange() throws Exception {
        writeChangelog(ACCOUNTS);
        assertEquals(0, driftless("apply").exitCode());
        writeChangelog(ACCOUNTS.replace("owner text", "owner varchar(40)") + """

                -- changeset dev:2
                CREATE TABLE ledger (id bigint PRIMARY KEY);
                -- rollback DROP TABLE ledger;
                """);

        CliRun release = driftless("release", "--no-backup");

        assertEquals(1, release.exitCode(), release::toString);
        assertTrue(release.out().contains("[1] validate-changelog: FAILED"), release::toString);
        assertTrue(release.out().contains("was edited after it was applied"), release::toString);
        assertFalse(release.out().contains("lint:"), release::toString);
        assertTrue(release.out().contains("Release stopped: nothing was applied."), release::toString);
        assertEquals(List.of(), database.strings("SELECT relname FROM pg_class WHERE relname = 'ledger'"));
    }

    @Test
    void stopsAtAFailingLintBeforeAnyChange() throws Exception {
        writeChangelog(ACCOUNTS);
        assertEquals(0, driftless("apply").exitCode());
        writeChangelog(ACCOUNTS + """

                -- changeset dev:2
                ALTER TABLE accounts DROP COLUMN owner;
                -- rollback ALTER TABLE accounts ADD COLUMN owner text;
                """);

        CliRun release = driftless("release", "--no-backup");

        assertEquals(1, release.exitCode(), release::toString);
        assertTrue(release.out().contains("[1] validate-changelog: ok"), release::toString);
        assertTrue(release.out().contains("[2] lint: FAILED"), release::toString);
        assertTrue(release.out().contains("DANGER"), release::toString);
        assertFalse(release.out().contains("dry run"), release::toString);
        assertEquals(List.of("owner"), database.strings("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'accounts' AND column_name = 'owner'"), "the column is still there");
    }

    @Test
    void runsEveryStepAndApplies() throws Exception {
        writeChangelog(ACCOUNTS);
        List<String> args = new ArrayList<>(List.of("release", "--reason", "release 4.2", "--tag", "v4.2"));
        boolean backup = pgDumpUsable();
        if (!backup) {
            args.add("--no-backup"); // this machine's pg_dump is older than the test server: backup is tested elsewhere
        }

        CliRun release = driftless(args.toArray(String[]::new));

        assertEquals(0, release.exitCode(), release::toString);
        int n = 1;
        if (backup) {
            assertTrue(release.out().contains("[1] backup: ok"), release::toString);
            assertTrue(Files.list(project.resolve("backups")).anyMatch(f -> f.toString().endsWith(".dump")), release::toString);
            n = 2;
        }
        assertTrue(release.out().contains("[" + n + "] validate-changelog: ok"), release::toString);
        assertTrue(release.out().contains("[" + (n + 1) + "] lint: ok"), release::toString);
        assertTrue(release.out().contains("[" + (n + 2) + "] dry run: ok"), release::toString);
        assertTrue(release.out().contains("CREATE TABLE accounts (id bigint PRIMARY KEY, owner text);"), release::toString);
        assertTrue(release.out().contains("[" + (n + 3) + "] apply: ok"), release::toString);
        assertTrue(release.out().contains("applied 1 changeset(s), tagged v4.2"), release::toString);
        assertEquals(List.of("release 4.2"), database.strings("SELECT reason FROM databasechangelog_driftless"));
        assertEquals(List.of("v4.2"), database.strings("SELECT tag FROM databasechangelog"));
    }

    @Test
    void aFailingPostConditionFailsTheApplyStepNamingTheCheck() throws Exception {
        writeChangelog(ACCOUNTS + """
                INSERT INTO accounts VALUES (1, NULL);
                -- validate: SELECT count(*) = 0 FROM accounts WHERE owner IS NULL
                """);

        CliRun release = driftless("release", "--no-backup");

        assertEquals(1, release.exitCode(), release::toString);
        assertTrue(release.err().contains("post-condition failed: SELECT count(*) = 0 FROM accounts WHERE owner IS NULL"
                + " returned false"), release::toString);
        assertEquals(List.of(), database.strings("SELECT relname FROM pg_class WHERE relname = 'accounts'"),
                "the changeset was rolled back");
        CliRun failures = driftless("history", "--failures");
        assertTrue(failures.out().contains("FAILED  001.sql :: 1 (dev)"), failures::toString);
    }

    private boolean pgDumpUsable() {
        try {
            PgDump.locate(null, Integer.parseInt(TestPostgres.serverVersion().split("\\.")[0]), System.getenv("PATH"));
            return true;
        } catch (BackupException e) {
            return false;
        }
    }

    private void writeChangelog(String content) throws IOException {
        Path dir = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(dir.resolve("001.sql"), content);
        Files.writeString(dir.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: 001.sql\n      relativeToChangelogFile: true\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
