package dev.driftless.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.changelogs.RollbackResult;
import dev.driftless.generator.findings.Finding;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The fluent facade ({@code Driftless.configure()…load()}) end to end on a real PostgreSQL: diff from empty, apply,
 * status, validate, a hand change found by validate with the entity's file and line, rollback, check.
 */
class DriftlessFacadeTest {

    private static final Path SOURCES = Path.of("src/test/java").toAbsolutePath();
    private static final String CUSTOMER = "dev/driftless/api/facade/shop/Customer.java";

    @TempDir
    Path project;

    final TestDatabase database = TestPostgres.freshDatabase();

    private DriftlessConfiguration configure() {
        return Driftless.configure()
                .projectDirectory(project)
                .dataSource(dataSource(database))
                .entityPackages("dev.driftless.api.facade.shop")
                .sources(SOURCES)
                .devUrl(database.devUrl());
    }

    @Test
    void diffApplyStatusValidateThenAHandChangeIsFoundWithTheEntitysFileAndLine() throws Exception {
        Driftless driftless = configure().load();

        Driftless.DiffResult diff = driftless.diff();
        assertNotNull(diff.written(), "an empty database needs the whole model");
        Path changelog = diff.written().file();
        assertEquals(project.resolve("changelogs"), changelog.getParent());
        String sql = Files.readString(changelog);
        assertTrue(sql.contains("customers") && sql.contains("purchase_orders"), sql);
        assertFalse(sql.toLowerCase(java.util.Locale.ROOT).contains("unrelated"), "only the named package is the model");
        assertEquals(List.of(), database.strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"),
                "diff writes, it does not apply");

        ApplyResult applied = driftless.apply();
        assertFalse(applied.applied().isEmpty());
        assertEquals(List.of("customers", "purchase_orders"), database.strings(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%'"
                        + " ORDER BY 1"));

        StatusResult status = driftless.status();
        assertEquals(applied.applied().size(), status.applied().size());
        assertTrue(status.upToDate(), status::toString);
        assertTrue(status.changesets().stream().allMatch(ChangesetStatus::applied), status::toString);
        assertTrue(status.target().contains("127.0.0.1") || status.target().contains("localhost"), status::toString);
        assertTrue(status.lines(driftless.changelogDirectory(), "").get(status.changesets().size())
                .startsWith(status.changesets().size() + " applied, 0 pending"), status::toString);

        assertTrue(driftless.validate().agrees());
        assertNull(driftless.diff().written(), "nothing left to generate");
        assertTrue(driftless.check().passes(), "the changelog replays to the model and every rollback is proven");

        database.execute("ALTER TABLE customers DROP COLUMN email");
        Gate.ValidateResult drift = driftless.validateWithResult();
        assertFalse(drift.agrees());
        String expected = CUSTOMER + ":" + lineOf(CUSTOMER, "private String email;")
                + " field email → column public.customers.email: missing in the database";
        assertEquals(List.of(expected), drift.findings().stream().map(Finding::line).toList());

        SchemaDriftException thrown = assertThrows(SchemaDriftException.class, driftless::validate);
        assertEquals(ExitCode.FAILURE, thrown.exitCode());
        assertTrue(thrown.getMessage().startsWith("Drift: 1 difference(s)"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("  ✗ " + expected + "\n"), thrown.getMessage());
        assertEquals(drift.findings(), thrown.result().findings());
    }

    @Test
    void rollbackUndoesWhatApplyDid() throws Exception {
        Driftless driftless = configure().load();
        driftless.diff();
        int applied = driftless.apply().applied().size();

        RollbackResult rolledBack = driftless.rollback(applied);
        assertEquals(applied, rolledBack.rolledBack().size());
        assertEquals(List.of(), database.strings(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%'"));
        assertTrue(driftless.status().applied().isEmpty());
    }

    @Test
    void aUrlAndUserWorkLikeTheCommandLinesAndTheDataSourceGivesItsOwnUrl() throws Exception {
        Driftless byUrl = Driftless.configure().projectDirectory(project).url(database.url()).user(database.user())
                .entityPackages("dev.driftless.api.facade.shop").sources(SOURCES).devUrl(database.devUrl()).load();
        assertNotNull(byUrl.diff().written());
        assertTrue(byUrl.status().applied().isEmpty(), "written, pending");

        Config fromDataSource = configure().toConfig();
        assertEquals(database.url(), fromDataSource.url());
        assertEquals(database.user(), fromDataSource.user());
        assertEquals(List.of(Path.of("target/test-classes").toAbsolutePath()), fromDataSource.classes());
    }

    @Test
    void namingDefaultSchemaAndHibernateSettingsShapeTheModelAsTheApplicationsDo() throws Exception {
        assertTrue(diffText(configure()).contains("placedat "), "Hibernate's default naming keeps placedAt as one word");
        assertTrue(diffText(configure().naming("spring")).contains("placed_at "), "Spring Boot's naming");
        String viaSettings = diffText(configure().hibernate(java.util.Map.of("hibernate.physical_naming_strategy",
                "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"))
                .hibernateProperty("hibernate.default_schema", "shop"));
        assertTrue(viaSettings.contains("placed_at ") && viaSettings.contains("shop.purchase_orders"), viaSettings);
        assertTrue(diffText(configure().defaultSchema("sales")).contains("sales.customers"));
    }

    /** The changelog a diff from empty would write, written nowhere. */
    private String diffText(DriftlessConfiguration configuration) {
        Driftless.DiffResult diff = configuration.load().diff(null, probable -> false, Driftless.DiffMode.PRINT);
        assertFalse(diff.written().written(), "PRINT writes nothing");
        return diff.written().text();
    }

    @Test
    void contradictionsAndUnknownPackagesAreUsageErrors() {
        DriftlessException both = assertThrows(DriftlessException.class,
                () -> configure().url(database.url()).load());
        assertEquals(ExitCode.USAGE, both.exitCode());
        assertEquals("give the target as a dataSource or as a url, not both", both.getMessage());

        DriftlessException missing = assertThrows(DriftlessException.class,
                () -> configure().entityPackages("com.acme.nowhere").load());
        assertEquals(ExitCode.USAGE, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("the entity package com.acme.nowhere is not on the class path"),
                missing.getMessage());
    }

    static PGSimpleDataSource dataSource(TestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        if (!database.password().isEmpty()) {
            dataSource.setPassword(database.password());
        }
        return dataSource;
    }

    /** The 1-based line of {@code declaration} in a test entity's source. */
    static int lineOf(String file, String declaration) throws IOException {
        List<String> lines = Files.readAllLines(SOURCES.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(declaration)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(declaration + " is not in " + file);
    }
}
