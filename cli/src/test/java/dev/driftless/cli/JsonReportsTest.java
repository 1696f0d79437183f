package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format json} on the runner's commands: standard output is one JSON document in the shared envelope
 * (format, command, ok) that a program can parse, and it describes what really happened to the database.
 */
class JsonReportsTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @BeforeEach
    void threeChangesets() throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: changelogs\nurl: " + database.url()
                + "\nuser: " + database.user() + "\ndev-url: " + database.devUrl() + "\n");
        Path changelogs = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: 001.sql\n      relativeToChangelogFile: true\n");
        Files.writeString(changelogs.resolve("001.sql"), """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY, owner text);
                -- rollback DROP TABLE accounts;

                -- changeset dev:2
                ALTER TABLE accounts ADD COLUMN note text;
                -- rollback ALTER TABLE accounts DROP COLUMN note;

                -- changeset dev:3
                CREATE INDEX accounts_owner ON accounts (owner);
                -- rollback DROP INDEX accounts_owner;
                """);
    }

    @Test
    void statusApplyRollbackAndValidateChangelogReportAsJson() throws Exception {
        Map<String, Object> before = json("status", 0);
        assertEquals("status", before.get("command"));
        assertEquals(0, before.get("applied"));
        assertEquals(3, before.get("pending"));

        Map<String, Object> dry = json("apply", 0, "--dry-run");
        assertEquals(true, dry.get("dryRun"));
        assertEquals(3, list(dry, "planned").size());
        assertEquals(List.of("ALTER TABLE accounts ADD COLUMN note text"), list(dry, "planned").get(1).get("sql"));
        assertEquals(List.of(), database.strings("SELECT tablename FROM pg_tables WHERE tablename = 'accounts'"));

        Map<String, Object> apply = json("apply", 0, "--tag", "v1");
        assertEquals(List.of("1", "2", "3"), list(apply, "applied").stream().map(c -> c.get("id")).toList());
        assertTrue(list(apply, "applied").stream().allMatch(c -> c.get("executionTimeMillis") instanceof Integer));
        assertEquals("v1", apply.get("tag"));
        assertEquals(List.of("accounts_owner"),
                database.strings("SELECT indexname FROM pg_indexes WHERE indexname = 'accounts_owner'"));

        Map<String, Object> tagged = json("status", 0);
        assertEquals("v1", list(tagged, "changesets").get(2).get("tag"), tagged::toString);

        Map<String, Object> valid = json("validate-changelog", 0);
        assertEquals(true, valid.get("ok"));
        assertEquals(3, valid.get("applied"));

        Map<String, Object> rollback = json("rollback", 0, "--count", "1");
        assertEquals(List.of("3"), list(rollback, "rolledBack").stream().map(c -> c.get("id")).toList());
        assertEquals(List.of(), database.strings("SELECT indexname FROM pg_indexes WHERE indexname = 'accounts_owner'"));

        Map<String, Object> after = json("status", 0);
        assertEquals(2, after.get("applied"));
        assertEquals(List.of("applied", "applied", "pending"),
                list(after, "changesets").stream().map(c -> c.get("state")).toList());
    }

    @Test
    void anEditedChangesetIsAProblemInTheJsonAndExitsOne() throws Exception {
        json("apply", 0);
        Path file = project.resolve("changelogs/001.sql");
        Files.writeString(file, Files.readString(file).replace("ADD COLUMN note text", "ADD COLUMN note varchar(10)"));
        Map<String, Object> report = json("validate-changelog", 1);
        assertEquals(false, report.get("ok"));
        List<Map<String, Object>> problems = list(report, "problems");
        assertEquals(1, problems.size(), report::toString);
        assertEquals("checksum", problems.get(0).get("kind"));
    }

    @Test
    void backupsReportsAnEmptyListAsJson() throws Exception {
        Map<String, Object> report = json("backups", 0);
        assertEquals("backups", report.get("command"));
        assertEquals(List.of(), report.get("backups"));
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        CliRun run = driftless("status", "--format", "xml");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown output format 'xml'"), run::toString);
    }

    private Map<String, Object> json(String command, int exitCode, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--format", "json"));
        all.addAll(List.of(args));
        CliRun run = driftless(all.toArray(String[]::new));
        assertEquals(exitCode, run.exitCode(), run::toString);
        Map<String, Object> report = ValidateTest.parse(run.out());
        assertEquals("driftless-validate/1", report.get("format"), run::toString);
        assertEquals(command, report.get("command"), run::toString);
        return report;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
        return (List<Map<String, Object>>) report.get(key);
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
