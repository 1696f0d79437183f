package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.driftless.api.Driftless;
import dev.driftless.generator.render.ChangeSet;
import dev.driftless.model.Change;
import dev.driftless.model.Schema;
import dev.driftless.testing.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fidelity corpus: one small entity model per mapping. For each, on a real PostgreSQL: create from empty →
 * changelog → apply through Liquibase into a fresh database → read back → diffing again finds nothing, not even an
 * unmapped object; and rolling the changesets back one at a time restores, each time, exactly the schema the
 * forward run had before that changeset, down to an empty database. The initial changelog of each is kept as a
 * golden file under {@code golden/mappings/} (regenerate with {@code -Ddriftless.golden.update=true}, review the diff).
 */
class MappingRoundTripTest {

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> mappings() {
        return Fixture.names("mappings");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappings")
    void createApplyDiffAgainIsEmptyAndEveryChangesetRollsBack(String mapping, @TempDir Path work) {
        try (Fixture.Project project = new Fixture.Project(work)) {
            roundTrip(mapping, project.model(Fixture.ROOT.resolve("mappings").resolve(mapping), "v1"));
        }
    }

    private static void roundTrip(String mapping, Fixture.Project project) {        Schema empty = project.read();

        Driftless.DiffResult first = project.diff("initial");
        assertNotNull(first.written(), "the model must create something");
        List<ChangeSet> sets = first.written().changeSets();
        Golden.assertMatches("golden/mappings/" + mapping + ".sql", read(first.written().file()));
        List<Schema> states = Fixture.statesAfterEachChangeset(sets);

        project.apply();
        Fixture.assertSameSchema(states.get(states.size() - 1), project.read(), "Liquibase applied what JDBC applied");

        Driftless.DiffResult again = project.diff("again");
        assertEquals(List.of(), again.changes().stream().map(Change::describe).toList(),
                mapping + ": diff after apply must be empty");
        assertNull(again.written());
        assertEquals(List.of(), again.diff().unmappedTables(), "unmapped tables");
        assertEquals(List.of(), again.diff().unmappedSequences(), "unmapped sequences");

        for (int i = sets.size(); i >= 1; i--) {
            project.rollback(1);
            Fixture.assertSameSchema(states.get(i - 1), project.read(),
                    "after rolling back changeset " + sets.get(i - 1).id() + " (" + sets.get(i - 1).comment() + ")");
        }
        Fixture.assertSameSchema(empty, project.read(), "everything rolled back");
        assertFalse(project.read().tables().stream().anyMatch(t -> true), "no table left");
    }
}
