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

    private static long changelogFiles(Path work) throws Exception {
        try (var files = Files.walk(work)) {
            return files.filter(f -> f.toString().endsWith(".sql")).count();
        }
    }
}
