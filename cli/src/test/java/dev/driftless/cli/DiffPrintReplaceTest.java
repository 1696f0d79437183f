package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-doing a diff without editing the master by hand (issue 13): {@code --print} shows the changelog and writes
 * nothing; {@code --replace} sets the newest, unapplied changelog aside and writes the new one in its place.
 */
class DiffPrintReplaceTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void printWritesNothingAndReplaceRegeneratesTheNewestUnappliedChangelog() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes")));
        CliRun print = driftless("diff", "--print");
        assertEquals(0, print.exitCode(), print::toString);
        assertTrue(print.out().contains("nothing was written"), print::toString);
        assertTrue(print.out().contains("CREATE TABLE market_data.trades ("), print::toString);
        assertEquals(List.of(), changelogFiles(), "--print writes no file");
        assertFalse(Files.exists(project.resolve("changelogs/db.changelog-master.yaml")), "nor a master");

        assertEquals(0, driftless("diff", "--name", "initial").exitCode());
        assertEquals(0, driftless("apply").exitCode());

        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of(
                "    @Column(name = \"executed_at\", nullable = false)",
                "    @Column(name = \"venue\", length = 32)\n    private String venue;\n\n"
                        + "    @Column(name = \"executed_at\", nullable = false)"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("classes-v2")));
        assertEquals(0, driftless("diff", "--name", "venue").exitCode());
        Path first = newest();
        assertTrue(Files.readString(first).contains("venue character varying(32)"), Files.readString(first));

        CliRun blocked = driftless("diff");
        assertEquals(1, blocked.exitCode(), "an unapplied changelog blocks a plain diff: " + blocked);

        Path sourcesV3 = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v3"));
        ModelCompiler.edit(sourcesV3, "com/acme/trading/market/Trade.java", Map.of(
                "    @Column(name = \"executed_at\", nullable = false)",
                "    @Column(name = \"venue\", length = 64)\n    private String venue;\n\n"
                        + "    @Column(name = \"executed_at\", nullable = false)"));
        writeConfig(ModelCompiler.compile(sourcesV3, project.resolve("classes-v3")));
        CliRun replace = driftless("diff", "--replace", "--name", "venue");
        assertEquals(0, replace.exitCode(), replace::toString);
        assertTrue(replace.out().contains("Set aside " + first.getFileName()), replace::toString);
        Path second = newest();
        assertTrue(Files.readString(second).contains("venue character varying(64)"), Files.readString(second));
        assertFalse(Files.exists(first), "the replaced file left the changelog directory");
        assertTrue(Files.exists(project.resolve(".driftless/replaced").resolve(first.getFileName())),
                "and was kept, not deleted");
        String master = Files.readString(project.resolve("changelogs/db.changelog-master.yaml"));
        assertFalse(master.contains(first.getFileName().toString()), master);
        assertTrue(master.contains(second.getFileName().toString()), master);
        assertEquals(2, changelogFiles().size(), "the initial changelog and the replacement: " + changelogFiles());

        assertEquals(0, driftless("apply").exitCode());
        assertEquals(List.of("character varying(64)"), database.strings("SELECT format_type(atttypid, atttypmod)"
                + " FROM pg_attribute WHERE attrelid = 'market_data.trades'::regclass AND attname = 'venue'"));

        CliRun applied = driftless("diff", "--replace");
        assertEquals(1, applied.exitCode(), applied::toString);
        assertTrue(applied.err().contains("is applied to this database"), applied::toString);
        assertTrue(Files.exists(second), "a refused replace changes nothing");
    }

    private void writeConfig(Path classes) throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", "changelogs: changelogs",
                "url: " + database.url(), "user: " + database.user(), "dev-url: " + database.devUrl(),
                "classes: " + classes) + "\n");
    }

    private List<Path> changelogFiles() throws IOException {
        Path directory = project.resolve("changelogs");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{14}-.*\\.sql")).sorted().toList();
        }
    }

    private Path newest() throws IOException {
        List<Path> files = changelogFiles();
        return files.get(files.size() - 1);
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
