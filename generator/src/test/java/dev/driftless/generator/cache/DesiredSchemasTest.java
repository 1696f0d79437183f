package dev.driftless.generator.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.driftless.generator.cache.DesiredSchemas.Desired;
import dev.driftless.generator.cache.DesiredSchemas.Source;
import dev.driftless.generator.devdb.ScratchDatabases;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.model.QualifiedName;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached model must be the model: what each change to the inputs invalidates, and that a hit needs no server. */
class DesiredSchemasTest {

    private static final String CONFIG = "com/acme/trading/backtester/StrategyConfig.java";

    @TempDir
    Path work;

    private final List<String> progress = new ArrayList<>();

    private Desired read(Path classes, Supplier<ScratchDatabases> dev) {
        EntityReader.Settings settings = new EntityReader.Settings(List.of(classes), List.of(), NamingStrategy.parse(null),
                null, TestPostgres.serverVersion());
        return new DesiredSchemas(DerivedCache.of(work.resolve(".driftless")), progress::add).read(settings, "embedded", dev);
    }

    private static Supplier<ScratchDatabases> noServer() {
        return () -> {
            throw new AssertionError("a cache hit must not need the dev database");
        };
    }

    private Path compiled(String name, Map<String, String> edits) {
        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), work.resolve(name + "-src"));
        if (!edits.isEmpty()) {
            ModelCompiler.edit(sources, CONFIG, edits);
        }
        return ModelCompiler.compile(sources, work.resolve(name + "-classes"));
    }

    @Test
    void anUnchangedModelComesFromTheCacheWithoutHibernateOrAServer() {
        Path classes = compiled("a", Map.of());
        Desired built = read(classes, TestPostgres::scratchDatabases);
        Desired again = read(classes, noServer());
        assertEquals(Source.BUILT, built.source());
        assertEquals(Source.MODEL_CACHE, again.source());
        assertEquals(built.schema(), again.schema());
        assertEquals(built.model(), again.model());
    }

    @Test
    void aCleanRebuildOfTheSameSourcesStillHits() {
        Desired built = read(compiled("a", Map.of()), TestPostgres::scratchDatabases);
        Desired rebuilt = read(compiled("b", Map.of()), noServer());
        assertEquals(Source.MODEL_CACHE, rebuilt.source());
        assertEquals(built.schema(), rebuilt.schema());
    }

    @Test
    void aChangedMappingIsReadAgainAndGivesTheNewSchema() {
        Desired before = read(compiled("a", Map.of()), TestPostgres::scratchDatabases);
        Desired after = read(compiled("b", Map.of("length = 100", "length = 120")), TestPostgres::scratchDatabases);
        assertEquals(Source.BUILT, after.source());
        assertNotEquals(before.schema(), after.schema());
        assertEquals("character varying(120)", after.schema().table(QualifiedName.of("backtester", "strategy_configs"))
                .orElseThrow().column("name").orElseThrow().type());
    }

    @Test
    void aChangeThatLeavesTheDdlAloneSkipsOnlyTheDevDatabase() {
        Desired before = read(compiled("a", Map.of()), TestPostgres::scratchDatabases);
        Desired after = read(compiled("b", Map.of("private String parameters;",
                "private String parameters;\n    public String describe() { return name + parameters; }")), noServer());
        assertEquals(Source.DDL_CACHE, after.source());
        assertEquals(before.schema(), after.schema());
    }

    @Test
    void anotherDevServerPrintsTheModelAgain() {
        Path classes = compiled("a", Map.of());
        read(classes, TestPostgres::scratchDatabases);
        EntityReader.Settings settings = new EntityReader.Settings(List.of(classes), List.of(), NamingStrategy.parse(null),
                null, TestPostgres.serverVersion());
        Desired elsewhere = new DesiredSchemas(DerivedCache.of(work.resolve(".driftless")), progress::add)
                .read(settings, "jdbc:postgresql://dev.example:5432/postgres", TestPostgres::scratchDatabases);
        assertEquals(Source.BUILT, elsewhere.source());
    }

    @Test
    void anotherServerVersionIsAnotherModel() {
        Path classes = compiled("a", Map.of());
        EntityReader.Settings older = new EntityReader.Settings(List.of(classes), List.of(), NamingStrategy.parse(null),
                null, "13.0");
        assertNotEquals(DesiredSchemas.modelKey(older), DesiredSchemas.modelKey(new EntityReader.Settings(List.of(classes),
                List.of(), NamingStrategy.parse(null), null, TestPostgres.serverVersion())));
    }

    /** The Hibernate 6 schema is another model: the cache must never hand Hibernate 7's to it, nor the other way. */
    @Test
    void theHibernate6SchemaIsAnotherModel() {
        Path classes = compiled("a", Map.of());
        EntityReader.Settings seven = new EntityReader.Settings(List.of(classes), List.of(), NamingStrategy.parse(null),
                null, TestPostgres.serverVersion(), new java.util.TreeMap<>(), List.of(), List.of(), false);
        EntityReader.Settings six = new EntityReader.Settings(List.of(classes), List.of(), NamingStrategy.parse(null),
                null, TestPostgres.serverVersion(), new java.util.TreeMap<>(), List.of(), List.of(), true);
        assertEquals(DesiredSchemas.modelKey(seven), DesiredSchemas.modelKey(new EntityReader.Settings(List.of(classes),
                List.of(), NamingStrategy.parse(null), null, TestPostgres.serverVersion())), "Hibernate 7's is the default");
        assertNotEquals(DesiredSchemas.modelKey(seven), DesiredSchemas.modelKey(six));
        // the example's @Version Long is what tells the two apart
        Desired read7 = new DesiredSchemas(DerivedCache.of(work.resolve(".driftless")), progress::add)
                .read(seven, "embedded", TestPostgres::scratchDatabases);
        Desired read6 = new DesiredSchemas(DerivedCache.of(work.resolve(".driftless")), progress::add)
                .read(six, "embedded", TestPostgres::scratchDatabases);
        assertNotEquals(read7.model().ddl(), read6.model().ddl());
    }
}
