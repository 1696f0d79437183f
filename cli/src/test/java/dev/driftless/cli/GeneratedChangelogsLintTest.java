package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code diff} writes must pass the lint {@code apply} runs before it starts: a changelog without a dropped
 * object (no {@code risk:danger} label) may not be refused, or every generated type conversion or key would need
 * {@code --allow-destructive}. Each golden changelog is linted through the real entry point.
 */
class GeneratedChangelogsLintTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Path> generated() throws IOException {
        try (Stream<Path> changes = Files.list(GOLDEN.resolve("changes")); Stream<Path> mappings = Files.list(GOLDEN.resolve("mappings"))) {
            return Stream.concat(changes.toList().stream(), mappings.toList().stream())
                    .filter(f -> f.toString().endsWith(".sql")).sorted();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void passesTheLintUnlessItLosesData(Path changelog) throws IOException {
        boolean losesData = Files.readString(changelog).contains("labels:risk:danger");
        CliRun run = CliRun.of("lint", changelog.toString());
        assertEquals(losesData ? 1 : 0, run.exitCode(), run::toString);
    }
}
