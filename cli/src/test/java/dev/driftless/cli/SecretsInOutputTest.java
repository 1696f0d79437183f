package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A password never reaches the screen, whatever the URL's fault, with or without --verbose; never from a flag. */
class SecretsInOutputTest {

    @TempDir
    Path project;

    private CliRun run(String url, boolean verbose, String... args) throws Exception {
        Path config = project.resolve("driftless.yaml");
        Files.writeString(config, "classes: classes\nurl: \"" + url + "\"\n");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        if (verbose) {
            all.add("--verbose");
        }
        return CliRun.of(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:99999/app?user=app&password=s3cret",
            "jdbc:postgresql://127.0.0.1:5432/app?user=app&password=s3cret%zz",
            "jdbc:postgresql://127.0.0.1:5432/app?password=s3cret&ssl=%zz",
            "jdbc:postgresql://app:s3cret@127.0.0.1:99999/app"})
    void aUrlThatDoesNotParseNeverShowsItsPassword(String url) throws Exception {
        for (boolean verbose : List.of(false, true)) {
            for (String command : List.of("status", "diff")) {
                CliRun run = run(url, verbose, command);
                assertEquals(2, run.exitCode(), run::toString);
                assertFalse((run.out() + run.err()).contains("s3cret"), run::toString);
                assertTrue(run.err().contains("***"), run::toString);
                if (verbose) {
                    assertTrue(run.err().contains("\tat "), "the trace is there, masked: " + run);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:5432/app?user=app&password=s3cret",
            "jdbc:postgresql://app:s3cret@127.0.0.1:5432/app"})
    void aPasswordInTheUrlFlagIsRefusedWithTheFix(String url) throws Exception {
        for (boolean verbose : List.of(false, true)) {
            CliRun run = run("jdbc:postgresql://127.0.0.1:1/elsewhere", verbose, "status", "--url", url);
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("--url carries a password"), run::toString);
            assertTrue(run.err().contains("DRIFTLESS_PASSWORD"), run::toString);
            assertFalse((run.out() + run.err()).contains("s3cret"), run::toString);
        }
    }
}
