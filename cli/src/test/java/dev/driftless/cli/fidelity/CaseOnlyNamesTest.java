package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Driftless;
import dev.driftless.model.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by a tool that quotes mixed-case names ({@code "OrderLine"."unitPrice"}) and entities whose
 * unquoted names PostgreSQL folds to lower case ({@code orderline.unitprice}): the diff renames the table and its
 * columns, keeping the rows, instead of creating an empty {@code orderline} beside the table that holds them.
 */
class CaseOnlyNamesTest {

    @Test
    void namesThatDifferOnlyInCaseAreRenamedAndTheRowsStay(@TempDir Path work) throws Exception {
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.execute("CREATE TABLE \"OrderLine\" (id bigint PRIMARY KEY, \"productCode\" varchar(40),"
                    + " \"unitPrice\" numeric(12,2)); INSERT INTO \"OrderLine\" VALUES (1, 'BOND-10Y', 99.50)");
            project.model(Fixture.ROOT.resolve("legacy/case-only"), "model");

            Driftless.DiffResult diff = project.diff("case");
            assertEquals(List.of("rename table public.OrderLine to public.orderline",
                            "rename column public.orderline.productCode to productcode",
                            "rename column public.orderline.unitPrice to unitprice"),
                    diff.changes().stream().map(Change::describe).toList());
            assertTrue(Files.readString(diff.written().file()).contains("ALTER TABLE public.\"OrderLine\" RENAME TO orderline"));
            project.apply();

            assertEquals(List.of(List.of("1", "BOND-10Y", "99.50")), project.rows("SELECT id, productcode, unitprice FROM orderline"));
            assertEquals(List.of(), project.diff("again").changes(), "the database now has the model's names");
            project.rollback(diff.written().changeSets().size());
            assertEquals(List.of(List.of("BOND-10Y")), project.rows("SELECT \"productCode\" FROM \"OrderLine\""));
        }
    }
}
