package dev.driftless.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.bench.Benchmark.Measurement;
import dev.driftless.bench.Benchmark.Results;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.entity.EntityModel;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark, small: N = 100, one repetition, every tool. Asserts what must hold whatever the machine (the tools
 * ran, driftless finds nothing to do on an up-to-date database, introspection needs the same queries whatever the
 * table count); never a time.
 */
class BenchSmokeTest {

    @TempDir
    Path work;

    @Test
    void everyToolRunsAtN100AndDriftlessDiffFindsNothingToDoOnTheUpToDateDatabase() throws Exception {
        TestDatabase admin = TestPostgres.freshDatabase();
        Server server = new Server(admin.url(), admin.user(), admin.password());
        Layout layout = Layout.of(Layout.findRoot(Path.of("")));
        Path report = work.resolve("performance.md");
        Benchmark.Options options = new Benchmark.Options(List.of(100), List.of(2), 1, 0, report,
                "smoke test", work, true, false, Set.of());

        Results results = Benchmark.run(options, layout, server, "the test server", System.out);

        for (Measurement m : results.measurements()) {
            if (m.skipped() == null) {
                assertEquals(1, m.runs().size(), m.label());
                assertTrue(m.allSucceeded(), () -> m.label() + " failed:\n" + m.runs().get(0).tail());
            }
        }
        Measurement upToDate = results.measurement("dl-diff-uptodate", 100, 2);
        assertEquals(0, upToDate.changesetsEmitted(), "driftless diff against the up-to-date database");
        assertEquals(0, results.measurement("dl-diff-uptodate-cold", 100, 2).changesetsEmitted(),
                "the same with the cache deleted first");
        assertEquals(0, results.measurement("dl-diff-uptodate-devurl", 100, 2).changesetsEmitted());

        Integer generated = results.measurement("dl-diff-empty", 100, 2).changesetsEmitted();
        assertNotNull(generated);
        assertTrue(generated >= 100, "at least a table per entity: " + generated);
        assertEquals(generated, results.measurement("dl-apply", 100, 2).changesetsEmitted(),
                "apply applies what diff generates");
        assertEquals(generated, results.measurement("lb-update", 100, 2).changesetsEmitted(),
                "plain Liquibase applies the same changelog");
        assertTrue(results.measurement("lh-diff-uptodate", 100, 2).changesetsEmitted() != null,
                "liquibase-hibernate's changesets are counted");

        Benchmark.Breakdown breakdown = results.breakdowns().get(0);
        assertNull(breakdown.failure(), breakdown::failure);
        assertTrue(breakdown.steps().stream().anyMatch(s -> s[0].equals("diff") && s[2].equals("0 changes")),
                () -> "the step-by-step diff finds nothing either: " + breakdown.steps().stream().map(List::of).toList());

        assertEquals(1, results.introspection().size());
        assertEquals(100, results.introspection().get(0).tables());

        String markdown = Files.readString(report);
        assertTrue(markdown.contains("| driftless diff · up-to-date database, cache warm |"), markdown);
        assertTrue(markdown.contains("#### Ratios, driftless / anchor"), markdown);
    }

    @Test
    void catalogIntrospectionSendsTheSameNumberOfQueriesWhateverTheNumberOfTables() throws Exception {
        int small = introspectionQueries(10);
        int large = introspectionQueries(100);
        assertEquals(small, large, "queries for 10 tables and for 100 tables");
    }

    private int introspectionQueries(int entities) throws Exception {
        ModelGenerator.Model model = ModelGenerator.generate(entities, 1, work.resolve("model-" + entities));
        EntityModel entityModel = new EntityReader().read(new EntityReader.Settings(List.of(model.classes()), List.of(),
                NamingStrategy.parse(null), null, TestPostgres.serverVersion()));
        TestDatabase database = TestPostgres.freshDatabase();
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(String.join(";\n", entityModel.ddl()));
            }
            CatalogIntrospector.Introspection introspection = new CatalogIntrospector().introspect(connection);
            assertEquals(entities, introspection.schema().tables().size());
            return introspection.queryCount();
        }
    }
}
