package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Driftless;
import dev.driftless.api.DriftlessException;
import dev.driftless.model.QualifiedName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data on a populated table survives what the model asks for (issue 10): a narrowed column is never cut, a change no
 * cast can make is refused before anything is written, and the rows that would make a change fail are counted first.
 */
class DataSafetyTest {

    private static final Path SAFETY = Fixture.ROOT.resolve("safety");
    private static final String FIFTY = "x".repeat(50);

    @Test
    void aNarrowedColumnFailsRatherThanCutsAndTheRowsThatDoNotFitAreCountedFirst(@TempDir Path work) throws Exception {
        try (Fixture.Project project = new Fixture.Project(work).model(SAFETY.resolve("narrowed/before"), "before")) {
            project.diff("before");
            project.apply();
            project.execute("INSERT INTO category (title) VALUES ('" + FIFTY + "'), ('short')");

            Driftless.DiffResult diff = project.model(SAFETY.resolve("narrowed/after"), "after").diff("narrow");

            assertNotNull(diff.written());
            String sql = Files.readString(diff.written().file());
            assertTrue(sql.contains("ALTER COLUMN title TYPE character varying(40);"), sql);
            assertFalse(sql.contains("USING title::character varying(40)"), sql);
            assertEquals(List.of("1 row(s) of public.category.title are longer than 40, so the change to character"
                    + " varying(40) will fail (it never cuts values): shorten them first, or keep the wider type in"
                    + " the model"), diff.dataProblems());

            assertThrows(RuntimeException.class, project::apply);
            assertEquals("50|5", String.join("|", project.rows("SELECT length(title) FROM category ORDER BY id")
                    .stream().map(row -> row.get(0)).toList()));
        }
    }

    @Test
    void aNarrowedColumnWhoseValuesFitIsChangedWithEveryValueKept(@TempDir Path work) {
        try (Fixture.Project project = new Fixture.Project(work).model(SAFETY.resolve("narrowed/before"), "before")) {
            project.diff("before");
            project.apply();
            project.execute("INSERT INTO category (title) VALUES ('" + "y".repeat(40) + "')");

            Driftless.DiffResult diff = project.model(SAFETY.resolve("narrowed/after"), "after").diff("narrow");
            assertEquals(List.of(), diff.dataProblems());
            project.apply();

            assertEquals("character varying(40)", project.read().table(QualifiedName.of("public", "category"))
                    .orElseThrow().column("title").orElseThrow().type());
            assertEquals("y".repeat(40), project.rows("SELECT title FROM category").get(0).get(0));
        }
    }

    @Test
    void textThatWouldBecomeALargeObjectReferenceIsRefusedAndNothingIsWritten(@TempDir Path work) throws Exception {
        try (Fixture.Project project = new Fixture.Project(work).model(SAFETY.resolve("lob/before"), "before")) {
            project.diff("before");
            project.apply();
            project.execute("INSERT INTO note (body) VALUES ('42')");
            long before = changelogFiles(work);

            DriftlessException refused = assertThrows(DriftlessException.class,
                    () -> project.model(SAFETY.resolve("lob/after"), "after").diff("lob"));

            assertTrue(refused.getMessage().contains("public.note.body would change from text to oid"), refused.getMessage());
            assertEquals(1, refused.exitCode().code());
            assertEquals(before, changelogFiles(work));
            assertEquals("42", project.rows("SELECT body FROM note").get(0).get(0));
        }
    }

    @Test
    void nullsInAColumnBecomingNotNullAreCountedBeforeTheChangelogRuns(@TempDir Path work) {
        try (Fixture.Project project = new Fixture.Project(work).model(SAFETY.resolve("not-null/before"), "before")) {
            project.diff("before");
            project.apply();
            project.execute("INSERT INTO member (email) VALUES (NULL), (NULL), ('a@x')");

            Driftless.DiffResult diff = project.model(SAFETY.resolve("not-null/after"), "after").diff("not-null");

            assertEquals(1, diff.dataProblems().size(), diff.dataProblems()::toString);
            assertTrue(diff.dataProblems().get(0).startsWith("2 row(s) of public.member.email are NULL"),
                    diff.dataProblems().get(0));
        }
    }

    /**
     * The "done when": a populated table built by hand-written SQL, with a unique index where the model has a
     * unique constraint, an index and a check the model does not own, a wider column, NULLs in a column the model makes
     * NOT NULL and a column the model no longer maps. With default settings diff reports every risk and every row that
     * would fail before anything runs, apply refuses the drop, and after the data is fixed as diff says, every value,
     * every object the model does not own and the uniqueness are still there.
     */
    @Test
    void aHandBuiltPopulatedDatabaseLosesNothingUnderDefaultSettings(@TempDir Path work) {
        try (Fixture.Project project = new Fixture.Project(work).model(SAFETY.resolve("hand-built"), "model")) {
            project.execute("""
                    CREATE TABLE account (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        email varchar(120) NOT NULL, name varchar(80), currency varchar(3), legacy_code text);
                    CREATE UNIQUE INDEX account_email_uidx ON account (email);
                    CREATE INDEX account_name_lower ON account (lower(name));
                    ALTER TABLE account ADD CONSTRAINT account_currency_upper CHECK (currency = upper(currency));
                    INSERT INTO account (email, name, currency, legacy_code) VALUES
                        ('a@x', 'Alice', 'EUR', 'L1'), ('b@x', 'Bartholomew Longname-Featherstonehaugh the Third', NULL, 'L2');
                    ANALYZE account;""");
            List<List<String>> before = project.rows("SELECT id, email, name, currency FROM account ORDER BY id");

            Driftless.DiffResult diff = project.diff("adopt");

            assertEquals(List.of("drop column public.account.legacy_code",
                            "change type of public.account.name from character varying(80) to character varying(40)",
                            "set not null on public.account.currency"),
                    diff.changes().stream().map(c -> c.describe()).toList(), "the unique index stands for the constraint");
            assertEquals(2, diff.dataProblems().size(), diff.dataProblems()::toString);
            assertTrue(diff.dataProblems().get(0).startsWith("1 row(s) of public.account.name are longer than 40"), diff.dataProblems()::toString);
            assertTrue(diff.dataProblems().get(1).startsWith("1 row(s) of public.account.currency are NULL"), diff.dataProblems()::toString);
            assertEquals(2, diff.tableSizes().get(QualifiedName.of("public", "account")).rows());
            assertEquals(List.of("check constraint account_currency_upper of public.account",
                            "index account_name_lower of public.account"),
                    diff.diff().kept().stream().map(k -> k.describe()).sorted().toList());

            DriftlessException refused = assertThrows(DriftlessException.class, () -> project.driftless()
                    .apply(dev.driftless.changelogs.ApplyOptions.defaults(), dev.driftless.changelogs.RunnerEvents.NONE, false));
            assertTrue(refused.getMessage().startsWith("Nothing was applied"), refused.getMessage());
            assertEquals("L1|L2", String.join("|", project.rows("SELECT legacy_code FROM account ORDER BY id")
                    .stream().map(row -> row.get(0)).toList()));

            project.execute("UPDATE account SET name = left(name, 40), currency = coalesce(currency, 'EUR')");
            List<List<String>> fixed = project.rows("SELECT id, email, name, currency FROM account ORDER BY id");
            project.apply();

            assertEquals(fixed, project.rows("SELECT id, email, name, currency FROM account ORDER BY id"));
            assertEquals(before.get(0), fixed.get(0));
            assertEquals(List.of(), project.diff("again").changes(), "the database now matches the model");
            assertEquals(List.of(List.of("account_currency_upper"), List.of("account_email_uidx"), List.of("account_name_lower")),
                    project.rows("SELECT conname FROM pg_constraint WHERE conname LIKE 'account_%' AND contype = 'c'"
                            + " UNION SELECT indexname FROM pg_indexes WHERE tablename = 'account' AND indexname <> 'account_pkey'"
                            + " ORDER BY 1"));
            IllegalStateException duplicate = assertThrows(IllegalStateException.class,
                    () -> project.execute("INSERT INTO account (email, currency) VALUES ('a@x', 'USD')"));
            assertTrue(duplicate.getMessage().contains("account_email_uidx"), duplicate.getMessage());
        }
    }

    @Test
    void rowsThatViolateANewCheckAreCountedAndTheCheckIsAddedWithoutBlockingWrites(@TempDir Path work) throws Exception {
        try (Fixture.Project project = new Fixture.Project(work).model(SAFETY.resolve("check/before"), "before")) {
            project.diff("before");
            project.apply();
            project.execute("INSERT INTO price (amount) VALUES (-1), (-2), (3), (NULL)");

            Driftless.DiffResult diff = project.model(SAFETY.resolve("check/after"), "after").diff("check");

            assertEquals(1, diff.dataProblems().size(), diff.dataProblems()::toString);
            assertTrue(diff.dataProblems().get(0).startsWith("2 row(s) of public.price violate the new CHECK"),
                    diff.dataProblems().get(0));
            String sql = Files.readString(diff.written().file());
            assertTrue(sql.contains("NOT VALID;") && sql.contains("VALIDATE CONSTRAINT price_amount_check;"), sql);
        }
    }

    private static long changelogFiles(Path work) throws Exception {
        try (var files = Files.walk(work)) {
            return files.filter(f -> f.toString().endsWith(".sql")).count();
        }
    }
}
