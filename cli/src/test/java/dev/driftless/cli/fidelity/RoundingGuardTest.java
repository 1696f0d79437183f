package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.DriftlessException;
import dev.driftless.changelogs.ChangelogException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A type change PostgreSQL would round values for (fewer decimals, fewer fractional-second digits) never rounds a
 * stored value: the changeset fails on the first value the new type does not hold exactly, names it, and leaves the
 * column and its rows as they were; once the data holds only values that fit, the same changeset applies. Without
 * the guard PostgreSQL's cast rounds 12.345678 to 12.35 and .123456 to .123 without a word. {@code diff} counts the
 * rows that would fail first.
 *
 * @param kind the fixture whose models go from {@code from} to {@code to}
 */
class RoundingGuardTest {

    /**
     * One narrowing: the fixture, which of its models is wider, a row the narrower type would round, what fixes it,
     * how to read the value back, and the value before and after.
     */
    record Narrowing(String kind, String wider, String narrower, String insert, String fix, String query,
                     String kept, String narrowed) {
        @Override
        public String toString() {
            return kind + " " + wider + "→" + narrower;
        }
    }

    static Stream<Narrowing> narrowings() {
        return Stream.of(
                new Narrowing("precision-scale", "after", "before", "INSERT INTO price (amount) VALUES (12.345678), (7.5)",
                        "UPDATE price SET amount = round(amount, 2)", "SELECT amount::text FROM price ORDER BY price.amount",
                        "7.500000|12.345678", "7.50|12.35"),
                new Narrowing("timestamp-precision", "before", "after",
                        "INSERT INTO tick (seenAt) VALUES ('2026-01-02 03:04:05.123456+00')",
                        "UPDATE tick SET seenAt = date_trunc('milliseconds', seenAt)",
                        "SELECT to_char(seenAt AT TIME ZONE 'UTC', 'HH24:MI:SS.US') FROM tick",
                        "03:04:05.123456", "03:04:05.123000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("narrowings")
    void aValueTheNarrowerTypeWouldRoundFailsTheChangesetAndIsKept(Narrowing n, @TempDir Path work) {
        Path fixture = Fixture.ROOT.resolve("changes").resolve(n.kind());
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.model(fixture.resolve(n.wider()), "wider");
            project.diff("wider");
            project.apply();
            project.execute(n.insert());

            project.model(fixture.resolve(n.narrower()), "narrower");
            List<String> problems = project.diff("narrower").dataProblems();
            assertEquals(1, problems.size(), problems::toString);
            assertTrue(problems.get(0).startsWith("1 row(s) of ") && problems.get(0).contains(" would round, so the change"
                    + " will fail (it never rounds values)"), problems::toString);
            RuntimeException failed = assertThrows(RuntimeException.class, project::apply);
            assertTrue(failed instanceof ChangelogException || failed instanceof DriftlessException, failed::toString);
            assertTrue(failed.getMessage().contains("would be rounded by"), failed::getMessage);
            assertEquals(n.kept(), rows(project, n.query()), "the value is kept, not rounded");

            project.execute(n.fix());
            project.apply();
            assertEquals(n.narrowed(), rows(project, n.query()));
            assertEquals(List.of(), project.diff("again").changes(), "the narrower type is in place");
        }
    }

    private static String rows(Fixture.Project project, String sql) {
        return String.join("|", project.rows(sql).stream().map(r -> String.join(",", r)).toList());
    }
}
