package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftless new}: a hand-written changeset that check treats like any other, and refuses until it is written. */
class NewCommandTest {

    @TempDir
    Path project;

    @Test
    void aNewChangesetIsIncludedAndCheckRefusesItUntilBothPlaceholdersAreReplaced() throws Exception {
        ExampleProject example = ExampleProject.copyInto(project);
        Files.writeString(project.resolve("driftless.yaml"), "classes: classes\nchangelogs: changelogs\n");

        CliRun made = driftless("new", "backfill sharpe ratio");
        assertEquals(0, made.exitCode(), made::toString);
        Path file = single(example.changelogs());
        assertTrue(file.getFileName().toString().matches("\\d{14}-backfill-sharpe-ratio\\.sql"), file::toString);
        assertTrue(Files.readString(example.changelogs().resolve("db.changelog-master.yaml"))
                .contains("file: " + file.getFileName()), "included in the master");

        CliRun unwritten = driftless("check");
        assertEquals(1, unwritten.exitCode(), unwritten::toString);
        assertTrue(unwritten.out().contains("write the SQL of this changeset"), unwritten::toString);

        replace(file, "SELECT CAST('driftless new: write the SQL of this changeset' AS integer);",
                "UPDATE backtester.strategy_configs SET name = trim(name) WHERE name <> trim(name);");
        CliRun noRollback = driftless("check");
        assertEquals(1, noRollback.exitCode(), noRollback::toString);
        assertTrue(noRollback.out().contains("Rollback of changeset"), noRollback::toString);
        assertTrue(noRollback.out().contains("write the rollback of this changeset"), noRollback::toString);

        replace(file, "-- rollback SELECT CAST('driftless new: write the rollback of this changeset' AS integer);",
                "-- rollback SELECT 1;");
        CliRun written = driftless("check");
        assertEquals(0, written.exitCode(), written::toString);
    }

    private CliRun driftless(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--config", project.resolve("driftless.yaml").toString()))
                .toArray(String[]::new);
        return CliRun.of(all);
    }

    private static Path single(Path changelogs) throws Exception {
        try (Stream<Path> files = Files.list(changelogs)) {
            List<Path> made = files.filter(f -> f.getFileName().toString().contains("backfill")).toList();
            assertEquals(1, made.size(), made::toString);
            return made.get(0);
        }
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), text);
        Files.writeString(file, text.replace(from, to));
    }
}
