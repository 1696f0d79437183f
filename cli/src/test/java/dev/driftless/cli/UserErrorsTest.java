package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when something is wrong: one clear line, the right exit code, no stack trace, no secret. */
class UserErrorsTest {

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

    private static void assertOneCleanError(CliRun run, int exitCode, String expected) {
        assertEquals(exitCode, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error: "), run::toString);
        assertTrue(run.err().contains(expected), run::toString);
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose: " + run);
    }

    @Test
    void missingClassesDirectory() throws IOException {
        CliRun run = run("classes: build/nowhere\nurl: jdbc:postgresql://127.0.0.1:1/none\n", "diff");
        // the database is checked first; with a reachable one the classes are
        assertEquals(2, run.exitCode(), run::toString);
    }

    @Test
    void missingClassesDirectoryOnAReachableDatabase() throws IOException {
        dev.driftless.testing.TestDatabase db = dev.driftless.testing.TestPostgres.freshDatabase();
        CliRun run = run("classes: build/nowhere\nurl: " + db.url() + "\nuser: " + db.user() + "\ndev-url: " + db.devUrl() + "\n", "diff");
        assertOneCleanError(run, 2, "build/nowhere do not exist");
        assertTrue(run.err().contains("compile the project first"), run::toString);
    }

    @Test
    void classesWithoutEntities() throws IOException {
        Path sources = project.resolve("src/com/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Plain.java"), "package com.acme; public class Plain { int x; }");
        Path classes = ModelCompiler.compile(project.resolve("src"), project.resolve("classes"));
        dev.driftless.testing.TestDatabase db = dev.driftless.testing.TestPostgres.freshDatabase();
        CliRun run = run("classes: " + classes + "\nurl: " + db.url() + "\nuser: " + db.user() + "\ndev-url: "
                + db.devUrl() + "\n", "diff");
        assertOneCleanError(run, 2, "no @Entity classes found");
    }

    @Test
    void unreachableDatabaseNeverShowsThePassword() throws IOException {
        CliRun run = run("classes: classes\nurl: jdbc:postgresql://127.0.0.1:1/app?user=app&password=hunter2\n", "status");
        assertOneCleanError(run, 2, "cannot connect to jdbc:postgresql://127.0.0.1:1/app?user=app&password=***");
        assertTrue(run.err().contains("is the server running"), run::toString);
        assertFalse((run.out() + run.err()).contains("hunter2"), run::toString);
    }

    @Test
    void notAPostgresUrl() throws IOException {
        assertOneCleanError(run("classes: classes\nurl: jdbc:mysql://localhost/app\n", "status"), 2,
                "must start with jdbc:postgresql://");
    }

    @Test
    void unknownConfigurationKey() throws IOException {
        assertOneCleanError(run("classes: classes\nchangelog: typo\n", "status"), 2, "unknown key(s) [changelog]");
    }

    @Test
    void noClassesConfigured() throws IOException {
        assertOneCleanError(run("format: sql\n", "diff"), 2, "no entity classes given");
    }

    @Test
    void unknownFormat() throws IOException {
        assertOneCleanError(run("classes: classes\n", "diff", "--format", "xml"), 2, "unknown changelog format 'xml'");
    }

    @Test
    void unknownCommandAndOption() {
        assertEquals(2, CliRun.of("difff").exitCode());
        CliRun badOption = CliRun.of("diff", "--no-such-option");
        assertEquals(2, badOption.exitCode());
        assertTrue(badOption.err().contains("Unknown option"), badOption::toString);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        for (String word : new String[] {"diff", "apply", "status", "rollback", "Exit codes"}) {
            assertTrue(help.out().contains(word), word + " missing from\n" + help.out());
        }
        CliRun diffHelp = CliRun.of("diff", "--help");
        assertEquals(0, diffHelp.exitCode());
        assertTrue(diffHelp.out().contains("DRIFTLESS_PASSWORD"), diffHelp.out());
    }
}
