package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and check exit 2 for usage, configuration and connection errors, never 1 (which means drift). */
class GateUsageErrorsTest {

    @TempDir
    Path project;

    private CliRun run(String yaml, String... args) throws IOException {
        Path config = project.resolve("driftless.yaml");
        Files.writeString(config, yaml);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return CliRun.of(all);
    }

    @Test
    void unreachableDatabaseIsExit2() throws IOException {
        CliRun run = run("classes: classes\nurl: jdbc:postgresql://127.0.0.1:1/none\n", "validate");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot connect"), run::toString);
    }

    @Test
    void unknownOutputFormatIsExit2() throws IOException {
        CliRun run = run("classes: classes\nurl: jdbc:postgresql://127.0.0.1:1/none\n", "validate", "--format", "xml");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error: unknown output format 'xml' (use text or json)"), run::toString);
    }

    @Test
    void unknownIgnoreKindIsExit2AndListsTheKinds() throws IOException {
        CliRun run = run("classes: classes\nignore:\n  kinds: [indexes]\n", "check");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown kind 'indexes' in ignore.kinds"), run::toString);
        assertTrue(run.err().contains("foreign_key"), run::toString);
    }
}
