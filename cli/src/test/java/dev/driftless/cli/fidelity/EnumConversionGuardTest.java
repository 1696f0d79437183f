package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enum column going from ORDINAL to STRING converts each stored ordinal to its constant's name; an ordinal no
 * constant has (7, left by a constant since removed) would be carried over as the text '7', which the application
 * cannot read. The generated changeset's post-condition fails it instead: the changeset is rolled back, the ordinals
 * stay, and the check is named.
 */
class EnumConversionGuardTest {

    @Test
    void anOrdinalWithoutAConstantFailsTheConversionAndEveryValueStays(@TempDir Path work) {
        Path fixture = Fixture.ROOT.resolve("changes").resolve("enum-ordinal-to-string");
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.model(fixture.resolve("before"), "before");
            project.diff("before");
            project.apply();
            project.execute("ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_side_check;"
                    + " INSERT INTO orders (side) VALUES (0), (7)");

            project.model(fixture.resolve("after"), "after");
            project.diff("after");
            RuntimeException failed = assertThrows(RuntimeException.class, project::apply);
            assertTrue(failed.getMessage().contains("post-condition failed: SELECT NOT EXISTS (SELECT FROM public.orders"
                    + " WHERE side::text NOT IN ('BUY', 'SELL', 'SHORT'))"), failed::getMessage);
            assertEquals(List.of(List.of("smallint")), project.rows("SELECT data_type FROM information_schema.columns"
                    + " WHERE table_name = 'orders' AND column_name = 'side'"), "the conversion was rolled back");
            assertEquals(List.of(List.of("0"), List.of("7")), project.rows("SELECT side FROM orders ORDER BY id"));
        }
    }
}
