package dev.driftless.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.generator.devdb.DevDatabase;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Renames;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.testing.Golden;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changelog for renames in the bundled example: a column renamed and retyped, a table renamed, a table moved to
 * a new schema. Regenerate with {@code -Ddriftless.golden.update=true} and review the diff.
 */
class RenameChangelogGoldenTest {

    @Test
    void renameChangelogInFormattedSql(@TempDir Path work) {
        Schema before = normalise(ModelCompiler.exampleSources(), work.resolve("v1"));
        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), work.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Order.java", Map.of(
                "@Column(name = \"quantity\", precision = 19, scale = 8, nullable = false)",
                "@Column(name = \"order_quantity\", precision = 28, scale = 8, nullable = false)"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of("name = \"trades\"", "name = \"executions\""));
        ModelCompiler.edit(sources, "com/acme/trading/backtester/OptimizationResult.java",
                Map.of("schema = \"backtester\"", "schema = \"research\""));
        Schema after = normalise(sources, work.resolve("v2"));

        QualifiedName orders = QualifiedName.of("market_data", "orders");
        Renames.Resolution resolution = Renames.resolve(before, after, List.of(
                Renames.Request.hint(new Change.RenameColumn(orders, "quantity", "order_quantity")),
                Renames.Request.hint(new Change.RenameTable(QualifiedName.of("market_data", "trades"),
                        QualifiedName.of("market_data", "executions"))),
                Renames.Request.hint(new Change.RenameTable(QualifiedName.of("backtester", "optimization_results"),
                        QualifiedName.of("research", "optimization_results")))));
        assertEquals(List.of(), resolution.problems());
        List<Change> changes = Renames.diff(new SchemaDiffer(), after, resolution).changes();

        ChangelogRenderer renderer = new ChangelogRenderer();
        Golden.assertMatches("golden/example-renames.sql",
                renderer.render(ChangelogFormat.SQL, renderer.changeSets("20260102000000", changes)));
    }

    private static Schema normalise(Path sources, Path classes) {
        Path compiled = ModelCompiler.compile(sources, classes);
        return new DevDatabase(TestPostgres.scratchDatabases()).materialize(new EntityReader().read(new EntityReader.Settings(
                List.of(compiled), List.of(), NamingStrategy.HIBERNATE, null, TestPostgres.serverVersion())).ddl());
    }
}
