package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftless lint} through the real entry point, on hand-written changelogs read offline. */
class LintCommandTest {

    @TempDir
    Path project;

    private Path db;

    private CliRun driftless(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = project.resolve("driftless.yaml").toString();
        return CliRun.of(all);
    }

    @BeforeEach
    void changelog() throws Exception {
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: db\n");
        db = Files.createDirectories(project.resolve("db"));
        Files.writeString(db.resolve("001.sql"), """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY, nickname text);
                -- rollback DROP TABLE accounts;

                -- changeset dev:2
                CREATE INDEX accounts_nickname ON accounts (nickname);
                -- rollback DROP INDEX accounts_nickname;
                """);
        Files.writeString(db.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: 001.sql\n      relativeToChangelogFile: true\n");
    }

    @Test
    void observesTheLocksAndRewritesOfAReplay() throws Exception {
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: db\ndev-url: "
                + dev.driftless.testing.TestPostgres.freshDatabase().devUrl() + "\n");
        Files.writeString(db.resolve("002.sql"), """
                -- liquibase formatted sql

                -- changeset dev:3
                ALTER TABLE accounts ALTER COLUMN nickname TYPE varchar(80);
                -- rollback ALTER TABLE accounts ALTER COLUMN nickname TYPE text;

                -- changeset dev:4
                ALTER TABLE accounts ALTER COLUMN id TYPE integer;
                -- rollback ALTER TABLE accounts ALTER COLUMN id TYPE bigint;
                """);
        Files.writeString(db.resolve("db.changelog-master.yaml"), "  - include:\n      file: 002.sql\n"
                + "      relativeToChangelogFile: true\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun run = driftless("lint", "--all", "--observe");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("observed: SHARE on public.accounts — CREATE INDEX accounts_nickname"), run::toString);
        assertTrue(run.out().contains("observed: ACCESS EXCLUSIVE on public.accounts; rewrote public.accounts — ALTER TABLE"
                + " accounts ALTER COLUMN nickname TYPE varchar(80)"), run::toString);
        assertTrue(run.out().contains("observed: ACCESS EXCLUSIVE on public.accounts; rewrote public.accounts — ALTER TABLE"
                + " accounts ALTER COLUMN id TYPE integer"), run::toString);
    }

    @Test
    void changesOnANewTableAreSafe() {
        CliRun run = driftless("lint", "--all");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Linted 2 changeset(s)") && run.out().contains("highest risk safe"), run::toString);
    }

    @Test
    void aDroppedColumnIsDangerAndFailsUnlessAcknowledged() throws Exception {
        Path drop = db.resolve("002.sql");
        Files.writeString(drop, """
                -- liquibase formatted sql

                -- changeset dev:3
                ALTER TABLE accounts DROP COLUMN nickname;
                -- rollback ALTER TABLE accounts ADD COLUMN nickname text;
                """);

        CliRun run = driftless("lint", drop.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("DANGER 002.sql:3 3"), run::toString);
        assertTrue(run.out().contains("drop-column (danger; ACCESS EXCLUSIVE lock)"), run::toString);

        Files.writeString(drop, Files.readString(drop).replace("-- changeset dev:3\n",
                "-- changeset dev:3\n-- driftless:allow drop-column\n"));
        CliRun acknowledged = driftless("lint", drop.toString());
        assertEquals(0, acknowledged.exitCode(), acknowledged::toString);
        assertTrue(acknowledged.out().contains("acknowledged"), acknowledged::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonParsesAndStrictFailsOnCaution() throws Exception {
        Path index = db.resolve("002.sql");
        Files.writeString(index, """
                -- liquibase formatted sql

                -- changeset dev:3
                CREATE INDEX accounts_id_nickname ON accounts (id, nickname);
                -- rollback DROP INDEX accounts_id_nickname;
                """);

        CliRun lenient = driftless("lint", index.toString(), "--format", "json");
        assertEquals(0, lenient.exitCode(), lenient::toString);
        Map<String, Object> report = ValidateTest.parse(lenient.out());
        assertEquals("lint", report.get("command"));
        assertEquals("caution", report.get("risk"));
        List<Map<String, Object>> changesets = (List<Map<String, Object>>) report.get("changesets");
        List<Map<String, Object>> findings = (List<Map<String, Object>>) changesets.get(0).get("findings");
        assertEquals("create-index", findings.get(0).get("rule"));
        assertEquals("SHARE", findings.get(0).get("lock"));

        CliRun strict = driftless("lint", index.toString(), "--strict");
        assertEquals(1, strict.exitCode(), strict::toString);
    }

    @Test
    void aBadFormatIsAUsageError() {
        CliRun run = driftless("lint", "--all", "--format", "xml");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error: unknown output format 'xml' (use text or json)"), run::toString);
    }
}
