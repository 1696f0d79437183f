package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applied changesets that are no longer in the changelog ("missing", as Flyway says) on a real database: status and
 * validate-changelog list them, apply refuses until --ignore-missing; another changelog's rows in the same
 * DATABASECHANGELOG are one note, not a list of problems.
 */
class MissingChangesetsTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    private static final String TWO = """
            -- liquibase formatted sql

            -- changeset dev:accounts
            CREATE TABLE accounts (id bigint PRIMARY KEY);
            -- rollback DROP TABLE accounts;

            -- changeset dev:notes
            CREATE TABLE notes (id bigint PRIMARY KEY);
            -- rollback DROP TABLE notes;
            """;

    @Test
    void aRemovedChangesetIsMissingInStatusAndValidateAndApplyStopsUntilIgnoreMissing() throws Exception {
        writeConfig("changelogs");
        Path changelogs = changelog(project.resolve("changelogs"), "001-tables.sql", TWO);
        assertEquals(0, driftless("apply").exitCode());

        // The notes changeset is deleted from the file, and a new changeset added.
        Files.writeString(changelogs.resolve("001-tables.sql"), TWO.substring(0, TWO.indexOf("-- changeset dev:notes"))
                + "-- changeset dev:audit\nCREATE TABLE audit (id bigint PRIMARY KEY);\n-- rollback DROP TABLE audit;\n");

        CliRun status = driftless("status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("missing  001-tables.sql :: notes  (applied, no longer in the changelog)"), status::toString);
        assertTrue(status.out().contains("1 applied, 1 pending, 1 missing"), status::toString);

        CliRun validate = driftless("validate-changelog");
        assertEquals(1, validate.exitCode(), validate::toString);
        assertTrue(validate.out().contains("missing: changeset notes in 001-tables.sql is applied but no longer in the changelog"),
                validate::toString);

        for (String[] args : List.of(new String[] {"apply"}, new String[] {"apply", "--dry-run"})) {
            CliRun refused = driftless(args);
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("Nothing was applied: changeset notes in 001-tables.sql is applied but no longer"
                    + " in the changelog (it cannot be rolled back); restore it, or pass --ignore-missing"), refused::toString);
        }
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM pg_tables WHERE tablename = 'audit'"));

        CliRun ignoring = driftless("apply", "--ignore-missing");
        assertEquals(0, ignoring.exitCode(), ignoring::toString);
        assertTrue(ignoring.out().contains("Applied 1 changeset(s)."), ignoring::toString);
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM pg_tables WHERE tablename = 'audit'"));
    }

    @Test
    void anotherChangelogsRowsInTheSameHistoryTableAreOneNoteAndBlockNothing() throws Exception {
        writeConfig("theirs");
        changelog(project.resolve("theirs"), "010-their-a.sql", "-- liquibase formatted sql\n\n-- changeset them:a\n"
                + "CREATE TABLE their_a (id int);\n\n-- changeset them:b\nCREATE TABLE their_b (id int);\n");
        assertEquals(0, driftless("apply").exitCode());
        writeConfig("changelogs");
        changelog(project.resolve("changelogs"), "001-tables.sql", TWO);
        assertEquals(0, driftless("apply").exitCode(), "their rows in the same table do not stop ours");

        CliRun validate = driftless("validate-changelog");
        assertEquals(0, validate.exitCode(), validate::toString);
        List<String> notes = validate.out().lines().filter(l -> l.startsWith("note: ")).toList();
        assertEquals(1, notes.size(), validate::toString);
        assertTrue(notes.get(0).contains("2 applied row(s) of DATABASECHANGELOG name files that are not in "), validate::toString);
        assertTrue(notes.get(0).contains("(010-their-a.sql): another changelog's history"), validate::toString);
        assertFalse(validate.out().contains("missing:"), validate::toString);
        CliRun status = driftless("status");
        assertTrue(status.out().contains("2 applied, 0 pending."), status::toString);
        assertTrue(status.out().contains("2 applied row(s) of DATABASECHANGELOG name files"), status::toString);
    }

    private void writeConfig(String changelogs) throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", "changelogs: " + changelogs,
                "url: " + database.url(), "user: " + database.user(), "backup: never") + "\n");
    }

    private static Path changelog(Path dir, String file, String content) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), content);
        Files.writeString(dir.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: " + file + "\n      relativeToChangelogFile: true\n");
        return dir;
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
