package dev.driftless.junit;

import static dev.driftless.junit.DriftlessAssertions.assertSchemaMatchesModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Driftless;
import dev.driftless.api.Reports;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link DriftlessAssertions} on a real PostgreSQL whose schema driftless itself created from the test entities
 * (its own diff and apply): it passes as created, and fails with validate's report once a column is dropped by hand.
 */
class DriftlessAssertionsTest {

    private static final Path SOURCES = Path.of("src/test/java").toAbsolutePath();
    private static final String BOOK = "dev/driftless/junit/library/Book.java";
    private static final String PACKAGE = "dev.driftless.junit.library";

    @TempDir
    Path project;

    final TestDatabase database = TestPostgres.freshDatabase();
    PGSimpleDataSource dataSource;

    @BeforeEach
    void createTheSchemaFromTheEntities() {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        if (!database.password().isEmpty()) {
            dataSource.setPassword(database.password());
        }
        Driftless driftless = configured();
        driftless.diff();
        driftless.apply();
    }

    /** The facade on the test database, its changelogs in a temporary project, its dev databases on the test server. */
    private Driftless configured() {
        return Driftless.configure().projectDirectory(project).dataSource(dataSource).entityPackages(PACKAGE)
                .sources(SOURCES).devUrl(database.devUrl()).load();
    }

    @Test
    void passesInOneLineWhenTheSchemaMatches() throws Exception {
        assertEquals(List.of("authors", "books"), database.strings("SELECT tablename FROM pg_tables"
                + " WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%' ORDER BY 1"));
        assertSchemaMatchesModel(dataSource, PACKAGE);
        assertSchemaMatchesModel(configured());
    }

    @Test
    void failsWithTheFindingsValidatePrintsWhenAColumnIsDroppedByHand() throws Exception {
        database.execute("ALTER TABLE books DROP COLUMN title");

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> assertSchemaMatchesModel(dataSource, PACKAGE));
        String finding = BOOK + ":" + lineOf(BOOK, "private String title;")
                + " field title → column public.books.title: missing in the database";
        String message = failure.getMessage();
        assertTrue(message.startsWith("Drift: 1 difference(s) in 1 table(s) or object(s) between the entities and "
                + "jdbc:postgresql://"), message);
        assertTrue(message.contains("\npublic.books\n  ✗ " + finding + "\n"), message);
        assertTrue(message.endsWith("(no changelogs found, so where each difference came from is not known)"), message);
        String validatePrints = Reports.text(Driftless.configure().dataSource(dataSource).entityPackages(PACKAGE).load()
                .validateWithResult());
        assertEquals(validatePrints.replaceAll("\\(\\d+ ms\\)", ""), message.replaceAll("\\(\\d+ ms\\)", ""));
    }

    @Test
    void theConfiguredOverloadFailsTooAndNamesWhereTheDifferenceCameFrom() throws Exception {
        database.execute("ALTER TABLE books DROP COLUMN title");

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> assertSchemaMatchesModel(configured()));
        assertTrue(failure.getMessage().contains("  ✗ " + BOOK + ":" + lineOf(BOOK, "private String title;")
                + " field title → column public.books.title: missing in the database\n"), failure.getMessage());
        assertTrue(failure.getMessage().contains("      changed in the database by hand (drift)"), failure.getMessage());
    }

    private static int lineOf(String file, String declaration) throws IOException {
        List<String> lines = Files.readAllLines(SOURCES.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(declaration)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(declaration + " is not in " + file);
    }
}
