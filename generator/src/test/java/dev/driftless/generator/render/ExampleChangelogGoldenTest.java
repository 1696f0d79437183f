package dev.driftless.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.devdb.DevDatabase;
import dev.driftless.generator.entity.EntityModel;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.testing.Golden;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changelog generated for the bundled example from an empty database, compared with a reviewed golden file.
 * Regenerate with {@code -Ddriftless.golden.update=true} and review the diff.
 */
class ExampleChangelogGoldenTest {

    static Schema desired;

    @BeforeAll
    static void normaliseTheExample(@TempDir Path work) {
        Path classes = ModelCompiler.compile(ModelCompiler.exampleSources(), work.resolve("classes"));
        EntityModel model = new EntityReader().read(new EntityReader.Settings(List.of(classes), List.of(),
                NamingStrategy.HIBERNATE, null, TestPostgres.serverVersion()));
        desired = new DevDatabase(TestPostgres.scratchDatabases()).materialize(model.ddl());
    }

    @Test
    void initialChangelogInFormattedSql() {
        ChangelogRenderer renderer = new ChangelogRenderer();
        List<ChangeSet> sets = renderer.changeSets("20260101000000", new SchemaDiffer().diff(Schema.empty(), desired).changes());
        Golden.assertMatches("golden/example-initial.sql", renderer.render(ChangelogFormat.SQL, sets));
    }

    @Test
    void initialChangelogInYaml() {
        ChangelogRenderer renderer = new ChangelogRenderer();
        List<ChangeSet> sets = renderer.changeSets("20260101000000", new SchemaDiffer().diff(Schema.empty(), desired).changes());
        Golden.assertMatches("golden/example-initial.yaml", renderer.render(ChangelogFormat.YAML, sets));
    }

    @Test
    void renderingTwiceGivesByteIdenticalOutput() {
        ChangelogRenderer renderer = new ChangelogRenderer();
        String first = renderer.render(ChangelogFormat.SQL,
                renderer.changeSets("1", new SchemaDiffer().diff(Schema.empty(), desired).changes()));
        String second = renderer.render(ChangelogFormat.SQL,
                renderer.changeSets("1", new SchemaDiffer().diff(Schema.empty(), desired).changes()));
        assertEquals(first, second);
    }

    @Test
    void theExampleUsesBothSchemasAndEveryChangesetHasARollback() {
        assertEquals(List.of("backtester", "market_data"), desired.namespaces());
        assertEquals(8, desired.tables().size());
        ChangelogRenderer renderer = new ChangelogRenderer();
        renderer.changeSets("1", new SchemaDiffer().diff(Schema.empty(), desired).changes())
                .forEach(set -> assertTrue(!set.rollback().isBlank(), set.id()));
    }
}
