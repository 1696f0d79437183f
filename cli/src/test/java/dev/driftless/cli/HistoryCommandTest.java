package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history --failures / --rollbacks / --format json and status's re-applied mark, through the CLI on a real PostgreSQL. */
class HistoryCommandTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void historyShowsFailedAttemptsAndRollbacksWithWhoAndWhy() throws Exception {
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: changelogs\nurl: " + database.url()
                + "\nuser: " + database.user() + "\n");
        Path changelogs = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: 001.sql\n      relativeToChangelogFile: true\n");
        String good = """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;

                -- changeset dev:2
                ALTER TABLE accounts ADD COLUMN owner text;
                -- rollback ALTER TABLE accounts DROP COLUMN owner;
                """;
        Files.writeString(changelogs.resolve("001.sql"), good.replace("ADD COLUMN owner text", "ADD COLUMN owner nosuchtype"));

        CliRun failed = driftless("apply", "--reason", "TICKET-7 first try");
        assertEquals(1, failed.exitCode(), failed::toString);
        Files.writeString(changelogs.resolve("001.sql"), good);
        assertEquals(0, driftless("apply", "--reason", "TICKET-7 fixed").exitCode());
        CliRun back = driftless("rollback", "--count", "1", "--reason", "owner breaks the export");
        assertEquals(0, back.exitCode(), back::toString);
        assertEquals(0, driftless("apply", "--reason", "TICKET-8").exitCode());

        String user = System.getProperty("user.name");
        CliRun failures = driftless("history", "--failures");
        assertEquals(0, failures.exitCode(), failures::toString);
        assertTrue(failures.out().contains("FAILED  001.sql :: 2 (dev)"), failures::toString);
        assertTrue(failures.out().contains("by " + user + "  reason: TICKET-7 first try"), failures::toString);
        assertTrue(failures.out().contains("type \"nosuchtype\" does not exist"), failures::toString);
        assertTrue(failures.out().contains("1 failed attempt(s) recorded."), failures::toString);
        assertFalse(failures.out().contains("rolled back"), failures::toString);

        CliRun rollbacks = driftless("history", "--rollbacks");
        assertTrue(rollbacks.out().contains("rolled back  001.sql :: 2 (dev)"), rollbacks::toString);
        assertTrue(rollbacks.out().contains("by " + user + "  reason: owner breaks the export"), rollbacks::toString);
        assertTrue(rollbacks.out().contains("1 rollback(s) recorded."), rollbacks::toString);

        CliRun plain = driftless("history");
        assertTrue(plain.out().contains("2 changeset(s) applied."), plain::toString);
        assertTrue(plain.out().contains("reason: TICKET-8"), plain::toString);
        assertTrue(plain.out().contains("Also recorded: 1 failed attempt(s), 1 rollback(s)"), plain::toString);

        CliRun status = driftless("status");
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("applied  001.sql :: 2")
                && l.endsWith("(rolled back before, applied again)")), status::toString);
        assertFalse(status.out().lines().anyMatch(l -> l.startsWith("applied  001.sql :: 1")
                && l.contains("rolled back")), status::toString);

        CliRun json = driftless("history", "--format", "json");
        Map<String, Object> report = ValidateTest.parse(json.out());
        assertEquals("driftless-validate/1", report.get("format"), json::toString);
        assertEquals("history", report.get("command"));
        assertEquals(true, report.get("ok"));
        assertEquals(2, list(report, "applied").size());
        Map<String, Object> failure = list(report, "failures").get(0);
        assertEquals("2", failure.get("id"));
        assertEquals("failed", failure.get("outcome"));
        assertEquals(user, failure.get("user"));
        assertEquals("TICKET-7 first try", failure.get("reason"));
        assertTrue(String.valueOf(failure.get("error")).contains("nosuchtype"), json::toString);
        Map<String, Object> rollback = list(report, "rollbacks").get(0);
        assertEquals("success", rollback.get("outcome"));
        assertEquals("owner breaks the export", rollback.get("reason"));

        Map<String, Object> onlyRollbacks = ValidateTest.parse(driftless("history", "--rollbacks", "--format", "json").out());
        assertFalse(onlyRollbacks.containsKey("applied"));
        assertFalse(onlyRollbacks.containsKey("failures"));
        assertEquals(1, list(onlyRollbacks, "rollbacks").size());
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
