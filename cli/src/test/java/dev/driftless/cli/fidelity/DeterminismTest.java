package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.driftless.api.Driftless;
import dev.driftless.testing.ModelCompiler;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generating twice gives byte-identical output: two independent runs (own databases, own dev databases, own
 * compilation) on the same model write the same changelog, byte for byte, for an initial schema and for a change.
 */
class DeterminismTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example", "mappings/table-constraints", "mappings/enum-native", "mappings/multi-schema",
            "changes/enum-ordinal-to-string", "changes/comment-changed"})
    void generatingTwiceGivesByteIdenticalOutput(String model, @TempDir Path work) {
        assertEquals(generate(model, work.resolve("first")), generate(model, work.resolve("second")));
    }

    private static List<String> generate(String model, Path work) {
        try (Fixture.Project project = new Fixture.Project(work)) {
            if (model.equals("example")) {
                return List.of(diff(project.model(ModelCompiler.exampleSources(), "v1")));
            }
            Path fixture = Fixture.ROOT.resolve(model);
            if (!model.startsWith("changes/")) {
                return List.of(diff(project.model(fixture, "v1")));
            }
            String before = diff(project.model(fixture.resolve("before"), "before"));
            project.apply();
            return List.of(before, diff(project.model(fixture.resolve("after"), "after")));
        }
    }

    private static String diff(Fixture.Project project) {
        Driftless.DiffResult result = project.diff("run");
        assertNotNull(result.written());
        return MappingRoundTripTest.read(result.written().file());
    }
}
