package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names and comments someone put into the database must never become statements of a generated changelog:
 * Liquibase's formatted SQL parser ends a line at a carriage return, so an unescaped {@code \r} in a comment line or a
 * rollback line would turn the rest into SQL that {@code apply} runs. Proved on a real database with a real victim.
 */
class ChangelogInjectionTest {

    private static final String EVIL_INDEX = "e\rDROP TABLE s.t CASCADE;\rCOMMIT;\r--";
    private static final String EVIL_COMMENT = "note\r-- changeset evil:1\rDROP TABLE s.t CASCADE;\r-- comment: x";

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    private Path config(String format) throws Exception {
        Path sources = project.resolve("src/com/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("T.java"), """
                package com.acme;

                import jakarta.persistence.*;

                @Entity
                @Table(schema = "s", name = "t")
                public class T {
                    @Id Long id;
                    String name;
                }
                """);
        Path classes = ModelCompiler.compile(project.resolve("src"), project.resolve("classes"));
        Path config = project.resolve("driftless.yaml");
        Files.writeString(config, "classes: " + classes + "\nchangelogs: changelogs\nformat: " + format + "\nurl: "
                + database.url() + "\nuser: " + database.user() + "\ndev-url: " + database.devUrl() + "\n");
        database.execute("CREATE SCHEMA s",
                "CREATE TABLE s.t (id bigint PRIMARY KEY, name varchar(255))",
                "INSERT INTO s.t VALUES (1, 'kept'), (2, 'kept too')");
        return config;
    }

    private void assertVictimAlive() throws Exception {
        assertEquals(List.of("kept", "kept too"), database.strings("SELECT name FROM s.t ORDER BY id"));
    }

    private List<Path> changelogFiles() throws Exception {
        Path dir = project.resolve("changelogs");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("db.changelog-master")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "yaml"})
    void anIndexNameWithCarriageReturnsIsRefusedByDiffNamingIt(String format) throws Exception {
        Path config = config(format);
        database.execute("CREATE INDEX \"" + EVIL_INDEX + "\" ON s.t (name)");

        CliRun diff = CliRun.of("diff", "--drop-unmapped", "--config", config.toString());
        assertEquals(2, diff.exitCode(), diff::toString);
        assertTrue(diff.err().contains("drop index \"e\\rDROP TABLE s.t CASCADE;\\rCOMMIT;\\r--\" of s.t"), diff::toString);
        assertTrue(diff.err().contains("control character"), diff::toString);
        assertEquals(List.of(), changelogFiles(), "nothing written");

        CliRun apply = CliRun.of("apply", "--config", config.toString());
        assertEquals(0, apply.exitCode(), apply::toString);
        assertVictimAlive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "yaml"})
    void aCommentWithCarriageReturnsStaysACommentThroughDiffApplyAndRollback(String format) throws Exception {
        Path config = config(format);
        database.execute("COMMENT ON TABLE s.t IS '" + EVIL_COMMENT + "'",
                "COMMENT ON COLUMN s.t.name IS '" + EVIL_COMMENT + "'");

        CliRun diff = CliRun.of("diff", "--config", config.toString());
        assertEquals(0, diff.exitCode(), diff::toString);
        List<Path> written = changelogFiles();
        assertEquals(1, written.size(), diff::toString);
        String text = Files.readString(written.get(0));
        assertFalse(text.contains("\r"), text);
        // read as Liquibase reads it: \r and \n both end a line
        assertTrue(text.split("\r\n|\r|\n").length > 3, text);
        for (String line : text.split("\r\n|\r|\n")) {
            assertFalse(line.strip().matches("(?i)--\\s*changeset\\s+evil.*"), text);
            assertFalse(line.strip().startsWith("DROP TABLE"), text);
        }

        CliRun apply = CliRun.of("apply", "--config", config.toString());
        assertEquals(0, apply.exitCode(), apply::toString);
        assertVictimAlive();
        assertEquals(List.of(), database.strings("SELECT id FROM databasechangelog WHERE author = 'evil'"));
        CliRun rollback = CliRun.of("rollback", "--count", "2", "--config", config.toString());
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertVictimAlive();
        assertEquals(List.of(EVIL_COMMENT), database.strings("SELECT obj_description('s.t'::regclass, 'pg_class')"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "yaml"})
    void baselineRefusesTheIndexAndKeepsACommentACommentOnAnotherDatabase(String format) throws Exception {
        Path config = config(format);
        database.execute("CREATE INDEX \"" + EVIL_INDEX + "\" ON s.t (name)");
        CliRun refused = CliRun.of("baseline", "--config", config.toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("create index \"e\\rDROP TABLE s.t CASCADE;\\rCOMMIT;\\r--\" on s.t"), refused::toString);
        assertEquals(List.of(), changelogFiles(), "nothing written");

        database.execute("DROP INDEX s.\"" + EVIL_INDEX + "\"", "COMMENT ON TABLE s.t IS '" + EVIL_COMMENT + "'");
        CliRun baseline = CliRun.of("baseline", "--config", config.toString());
        assertEquals(0, baseline.exitCode(), baseline::toString);

        // the baseline replayed on a second database, which already has a victim of its own
        TestDatabase other = TestPostgres.freshDatabase();
        other.execute("CREATE SCHEMA victim", "CREATE TABLE victim.v (id int)", "INSERT INTO victim.v VALUES (7)");
        CliRun apply = CliRun.of("apply", "--url", other.url(), "--user", other.user(), "--config", config.toString());
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of(EVIL_COMMENT), other.strings("SELECT obj_description('s.t'::regclass, 'pg_class')"));
        assertEquals(List.of("7"), other.strings("SELECT id FROM victim.v"));
        assertEquals(List.of(), other.strings("SELECT id FROM databasechangelog WHERE author = 'evil'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "yaml"})
    void aCheckWhoseLiteralStartsADirectiveLineIsRefused(String format) throws Exception {
        Path config = config(format);
        database.execute("ALTER TABLE s.t ADD CONSTRAINT c CHECK (name <> E'x\\n--changeset evil:1\\nDROP TABLE s.t CASCADE;\\n')");
        CliRun refused = CliRun.of("baseline", "--config", config.toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("create table s.t: a line of its SQL would read as a Liquibase directive: "
                + "--changeset evil:1"), refused::toString);
        assertEquals(List.of(), changelogFiles(), "nothing written");
        assertVictimAlive();
    }
}
