package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README demo's path: no URL anywhere, so driftless runs its own PostgreSQL with its data under .driftless/,
 * and the state survives from one command to the next.
 */
class EmbeddedDefaultDatabaseTest {

    @TempDir
    Path project;

    @Test
    void diffApplyStatusDiffOnTheEmbeddedDatabase() throws Exception {
        Path classes = ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes"));
        Path config = project.resolve("driftless.yaml");
        Files.writeString(config, "classes: classes\nchangelogs: db\n");
        String[] cfg = {"--config", config.toString()};

        CliRun diff = CliRun.of(concat("diff", cfg));
        assertEquals(0, diff.exitCode(), diff::toString);
        assertTrue(Files.isDirectory(project.resolve(".driftless/pgdata")), "data under .driftless/");

        CliRun apply = CliRun.of(concat("apply", cfg));
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Applied 19 changeset(s)."), apply::toString);

        CliRun status = CliRun.of(concat("status", cfg));
        assertTrue(status.out().contains("19 applied, 0 pending."), status::toString);

        CliRun again = CliRun.of(concat("diff", cfg));
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("No changes"), again::toString);
        assertTrue(Files.exists(classes));
    }

    private static String[] concat(String command, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = command;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
