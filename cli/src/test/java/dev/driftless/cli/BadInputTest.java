package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows of docs/errors.md that need no database: each bad input gets its one-line message and exit code 2, before
 * anything is read from or written to a database. The case names are the ones the table cites.
 */
class BadInputTest {

    @TempDir
    static Path folder;

    /** One bad input: the command line (given the test's folder, which holds the files below), what it must say. */
    record Case(String name, Args args, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Args {
        String[] in(Path folder) throws IOException;
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("config-file-missing",
                        dir -> new String[] {"status", "--config", dir.resolve("nope.yaml").toString()},
                        "the configuration file %s/nope.yaml does not exist"),
                new Case("config-not-yaml",
                        dir -> new String[] {"status", "--config", write(dir, "bad.yaml", "url: [unclosed\n")},
                        "%s/bad.yaml is not valid YAML: "),
                new Case("lock-timeout-unreadable",
                        dir -> new String[] {"apply", "--lock-timeout", "5x", "--config", okConfig(dir)},
                        "cannot read the lock timeout '5x': use e.g. 90s, 5m or 1h"),
                new Case("backup-policy-unknown",
                        dir -> new String[] {"apply", "--backup", "sometimes", "--config", okConfig(dir)},
                        "unknown backup policy 'sometimes' (use always, destructive or never)"),
                new Case("rollback-count-zero",
                        dir -> new String[] {"rollback", "--count", "0", "--config", okConfig(dir)},
                        "--count must be at least 1"),
                new Case("rollback-date-unreadable",
                        dir -> new String[] {"rollback", "--to-date", "yesterday", "--config", okConfig(dir)},
                        "cannot read the date 'yesterday': use 2026-11-21, 2026-11-21T14:30 or 2026-11-21T14:30:00Z"),
                new Case("import-sql-placeholder-malformed",
                        dir -> new String[] {"import-sql", dir.toString(), "--placeholder", "owner", "--config", okConfig(dir)},
                        "--placeholder owner: expected NAME=VALUE, e.g. owner=app"),
                new Case("rename-hint-malformed",
                        dir -> new String[] {"diff", "--rename", "x", "--config", okConfig(dir)},
                        "--rename x: expected schema.table.old_column=new_column"),
                new Case("restore-without-terminal",
                        dir -> new String[] {"restore", write(dir, "some.backup", "x"), "--config", okConfig(dir)},
                        "restore replaces the database's data and there is no terminal to ask on: pass --yes to confirm"),
                new Case("rollback-without-changelog",
                        dir -> new String[] {"rollback", "--count", "1", "--config", okConfig(dir)},
                        "Cannot roll back: there is no changelog at %s/changelogs/db.changelog-master.yaml (run driftless"
                                + " diff to write the first, or point 'changelogs' in driftless.yaml at the project's)"),
                new Case("accept-checksum-without-changelog",
                        dir -> new String[] {"accept-checksum", "001.sql::1::dev", "--config", okConfig(dir)},
                        "Cannot accept a checksum: there is no changelog at %s/changelogs/db.changelog-master.yaml"),
                new Case("mark-applied-without-changelog",
                        dir -> new String[] {"mark-applied", "001.sql::1::dev", "--config", okConfig(dir)},
                        "Cannot mark a changeset applied: there is no changelog at %s/changelogs/db.changelog-master.yaml"),
                new Case("url-and-user-disagree",
                        dir -> new String[] {"status", "--config", write(dir, "two-users.yaml", "classes: classes\n"
                                + "url: jdbc:postgresql://127.0.0.1:1/app?user=alice\nuser: bob\n")},
                        "the database URL names user alice and the user setting (DRIFTLESS_USER or user: in"
                                + " driftless.yaml) names bob: name the user in one place"),
                new Case("classpath-entry-missing",
                        dir -> new String[] {"diff", "--config",
                                write(dir, "missing-entry.yaml", "classes: classes\nclasspath: [/nope/x.jar]\n")},
                        "classpath entry /nope/x.jar does not exist"),
                new Case("classpath-entry-not-a-jar",
                        dir -> new String[] {"validate", "--config", write(dir, "not-a-jar.yaml",
                                "classes: classes\nclasspath: [" + write(dir, "notes.txt", "hello") + "]\n")},
                        "classpath entry %s/notes.txt is not a jar or a directory"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadInputIsOneLineWithExitCodeTwo(Case bad) throws IOException {
        CliRun run = CliRun.of(bad.args().in(folder));

        assertEquals(2, run.exitCode(), run::toString);
        String expected = "error: " + bad.message().replace("%s", folder.toString());
        assertTrue(run.err().contains(expected), () -> "expected " + expected + "\n" + run);
        assertFalse(run.err().contains("\tat "), () -> "no stack trace: " + run);
        assertTrue(run.err().strip().lines().count() <= 2, () -> "one line (and where the help is): " + run);
    }

    private static String okConfig(Path dir) throws IOException {
        return write(dir, "driftless.yaml", "classes: classes\nchangelogs: changelogs\n");
    }

    private static String write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }
}
