package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftless check} through the CLI: the bundled example's committed changelogs replayed from empty, every
 * rollback proven, compared with the entities; and each way it must fail.
 */
class CheckTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();
    Path changelogs;
    Path classes;

    @BeforeEach
    void copyTheExampleProject() {
        ExampleProject example = ExampleProject.copyInto(project);
        changelogs = example.changelogs();
        classes = example.classes();
    }

    @Test
    void passesOnTheExampleProjectAndReusesTheVerifiedReplayWhileTheChangelogsDoNotChange() throws IOException {
        writeConfig(classes, false, false);
        CliRun first = driftless("check");
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().matches("(?s).*OK: the changelogs \\(\\d+ changeset\\(s\\), every rollback verified\\) and the"
                + " entities agree \\(\\d+\\.\\d s\\)\\.\\s*"), first::toString);

        CliRun second = driftless("check");
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.out().contains("replay cached"), second::toString);

        Files.writeString(latestChangelog(), "\n", StandardOpenOption.APPEND);
        CliRun third = driftless("check");
        assertEquals(0, third.exitCode(), third::toString);
        assertTrue(third.out().contains("every rollback verified"), "a changed changelog is replayed again: " + third);
    }

    @Test
    void failsForAModelChangeWithoutAChangelogAndPointsAtTheField() throws IOException {
        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of("    private Instant executedAt;",
                "    private Instant executedAt;\n\n    @Column(name = \"venue\", length = 32)\n    private String venue;"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("classes-v2")), true, false, sources);

        CliRun run = driftless("check");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("The entities have 1 change(s) with no changelog; run `driftless diff` to generate one"),
                run::toString);
        int line = Files.readAllLines(sources.resolve("com/acme/trading/market/Trade.java")).indexOf("    private String venue;") + 1;
        assertTrue(run.out().contains("com/acme/trading/market/Trade.java:" + line
                + " field venue → column market_data.trades.venue: missing in the database"), run::toString);
    }

    @Test
    void failsForAnIrreversibleChangeset() throws IOException {
        writeConfig(classes, true, false);
        Files.writeString(latestChangelog(), """

                -- changeset driftless:manual-1
                CREATE INDEX orders_symbol ON market_data.orders (symbol);
                """, StandardOpenOption.APPEND);
        CliRun run = driftless("check");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("manual-1") && run.out().contains("has no rollback"), run::toString);
    }

    @Test
    void failsForAChangesetThatLosesDataUntilItIsAcknowledged() throws IOException {
        writeConfig(classes, true, false);
        Path file = latestChangelog();
        String original = Files.readString(file);
        Files.writeString(file, """

                -- changeset dev:manual-drop
                ALTER TABLE market_data.orders ADD COLUMN legacy_note text;
                ALTER TABLE market_data.orders DROP COLUMN legacy_note;
                -- rollback SELECT 1;
                """, StandardOpenOption.APPEND);
        CliRun run = driftless("check");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("manual-drop (dev) loses data (drop-column) without an acknowledgement"), run::toString);

        Files.writeString(file, original + """

                -- changeset dev:manual-drop
                ALTER TABLE market_data.orders ADD COLUMN legacy_note text;
                -- driftless:allow drop-column (the note column was added by mistake a line above)
                ALTER TABLE market_data.orders DROP COLUMN legacy_note;
                -- rollback SELECT 1;
                """);
        CliRun acknowledged = driftless("check");
        assertEquals(0, acknowledged.exitCode(), acknowledged::toString);
    }

    @Test
    void failsWhenARollbackDoesNotRestoreTheSchemaExactly() throws IOException {
        writeConfig(classes, true, false);
        Files.writeString(latestChangelog(), """

                -- changeset driftless:manual-1
                CREATE INDEX orders_symbol ON market_data.orders (symbol);
                -- rollback SELECT 1;
                """, StandardOpenOption.APPEND);
        CliRun run = driftless("check");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("does not restore the schema before it"), run::toString);
        assertTrue(run.out().contains("orders_symbol"), run::toString);
    }

    @Test
    void failsForAChangesetEditedAfterItWasApplied() throws IOException {
        writeConfig(classes, true, true);
        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(0, driftless("check").exitCode());

        Path file = latestChangelog();
        Files.writeString(file, Files.readString(file).replace("CREATE SCHEMA backtester;", "CREATE SCHEMA IF NOT EXISTS backtester;"));
        CliRun run = driftless("check");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("was edited after it was applied"), run::toString);
    }

    @Test
    void failsForMalformedChangelogsAndDuplicateIds() throws IOException {
        writeConfig(classes, true, false);
        Path file = latestChangelog();
        Files.copy(file, changelogs.resolve("copy.sql"));
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"),
                "  - include:\n      file: copy.sql\n      relativeToChangelogFile: true\n", StandardOpenOption.APPEND);
        CliRun duplicates = driftless("check");
        assertEquals(1, duplicates.exitCode(), duplicates::toString);
        assertTrue(duplicates.out().contains("is used 2 times"), duplicates::toString);

        Map<String, Object> json = ValidateTest.parse(driftless("check", "--format", "json").out());
        assertEquals(false, json.get("ok"), json::toString);
        assertTrue(json.get("problems").toString().contains("is used 2 times"), json::toString);

        Files.writeString(changelogs.resolve("db.changelog-master.yaml"), "databaseChangeLog:\n  - include: [this is not\n");
        CliRun malformed = driftless("check");
        assertEquals(1, malformed.exitCode(), malformed::toString);
        assertTrue(malformed.out().contains("the changelogs do not parse"), malformed::toString);
    }

    private void writeConfig(Path classDirectory, boolean devUrl, boolean url) throws IOException {
        writeConfig(classDirectory, devUrl, url, ModelCompiler.exampleSources());
    }

    private void writeConfig(Path classDirectory, boolean devUrl, boolean url, Path sources) throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), "classes: " + classDirectory + "\n"
                + "changelogs: changelogs\n"
                + (url ? "url: " + database.url() + "\nuser: " + database.user() + "\n" : "")
                + (devUrl ? "dev-url: " + database.devUrl() + "\n" : "")
                + "sources: " + sources + "\n");
    }

    private Path latestChangelog() throws IOException {
        try (Stream<Path> files = Files.list(changelogs)) {
            List<Path> sql = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
            return sql.get(sql.size() - 1);
        }
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
