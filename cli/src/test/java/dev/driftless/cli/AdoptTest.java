package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.model.DiffOptions;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting a database that already has a schema and another tool's history, through the CLI entry point: baseline,
 * then validate and check green, then one entity change through diff, apply, validate and check.
 */
class AdoptTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void baselineNextToAnExistingLiquibaseHistoryReplaysAndTheGatePassesThroughAnEntityChange() throws Exception {
        Path classes = ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes"));
        // The database as another project left it: its tables, built by its own Liquibase changelog (not this
        // project's), that changelog's rows in DATABASECHANGELOG, and a schema.sql run at start-up into public.
        writeConfig(classes);
        assertEquals(0, driftless("diff", "--changelogs", project.resolve("theirs").toString()).exitCode());
        assertEquals(0, driftless("apply", "--changelogs", project.resolve("theirs").toString()).exitCode());
        database.execute(Files.readString(Path.of("src/test/resources/adopt/schema-sql/schema.sql")));
        database.execute("INSERT INTO market_data.bot_subscribers (user_id, chat_id, subscribed_at) VALUES (7, 70, now())");
        int theirRows = Integer.parseInt(database.strings("SELECT count(*) FROM databasechangelog").get(0));

        CliRun baseline = driftless("baseline");
        assertEquals(0, baseline.exitCode(), baseline::toString);
        assertTrue(baseline.out().contains("The database's own history (" + theirRows + " Liquibase changeset(s)) stays"),
                baseline::toString);
        String written = Files.readString(only(project.resolve("changelogs"), "-baseline.sql"));
        assertFalse(written.contains("CREATE SCHEMA public"), written);
        assertTrue(written.contains("CREATE TABLE public.legacy_notes"), written);
        assertTrue(Files.readString(project.resolve("changelogs/db.changelog-master.yaml")).contains("id: driftless-adoption-point"));

        // Replayed from empty, the baseline builds exactly the adopted schema.
        TestDatabase fresh = TestPostgres.freshDatabase();
        CliRun replay = CliRun.of("apply", "--config", project.resolve("driftless.yaml").toString(), "--url", fresh.url());
        assertEquals(0, replay.exitCode(), replay::toString);
        assertSameSchema(read(database), read(fresh));

        CliRun status = driftless("status");
        assertTrue(status.out().contains("0 pending."), status::toString);
        CliRun valid = driftless("validate-changelog");
        assertEquals(0, valid.exitCode(), "their rows before the adoption point are adopted history, not missing: " + valid);
        assertEquals(0, driftless("validate").exitCode());
        CliRun check = driftless("check");
        assertEquals(0, check.exitCode(), check::toString);
        assertTrue(check.out().contains("rollbacks verified for 0 after the adoption point"), check::toString);

        // One entity change: diff, apply, validate, check.
        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of(
                "    @Column(name = \"executed_at\", nullable = false)",
                "    @Column(name = \"venue\", length = 32)\n    private String venue;\n\n"
                        + "    @Column(name = \"executed_at\", nullable = false)"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("classes-v2")));
        CliRun diff = driftless("diff", "--name", "venue");
        assertTrue(diff.out().contains("with 1 changeset(s)"), diff::toString);
        CliRun apply = driftless("apply");
        assertTrue(apply.out().contains("Applied 1 changeset(s)."), apply::toString);
        assertEquals(0, driftless("validate").exitCode());
        CliRun after = driftless("check");
        assertEquals(0, after.exitCode(), after::toString);
        assertTrue(after.out().matches("(?s).*replayed \\d+, rollbacks verified for 1 after the adoption point.*"), after::toString);
        assertEquals(List.of("7"), database.strings("SELECT user_id FROM market_data.bot_subscribers"), "the data stays");

        // A changeset after the adoption point without a rollback fails check, which then claims no verification.
        Files.writeString(project.resolve("changelogs/20990101000000-no-rollback.sql"),
                "-- liquibase formatted sql\n\n-- changeset someone:no-rollback\nCREATE TABLE public.legacy_more (id int);\n");
        Files.writeString(project.resolve("changelogs/db.changelog-master.yaml"),
                "  - include:\n      file: 20990101000000-no-rollback.sql\n      relativeToChangelogFile: true\n",
                java.nio.file.StandardOpenOption.APPEND);
        CliRun failing = driftless("check");
        assertEquals(1, failing.exitCode(), failing::toString);
        assertTrue(failing.out().contains("no-rollback"), failing::toString);
        assertTrue(failing.out().contains("rollbacks not verified"), failing::toString);
        assertFalse(failing.out().contains("every rollback verified"), failing::toString);
    }

    private void writeConfig(Path classes) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "changelogs: changelogs",
                "url: " + database.url(),
                "user: " + database.user(),
                "dev-url: " + database.devUrl(),
                "classes: " + classes,
                "ignore:",
                "  tables: [\"public.legacy_*\"]"));
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", lines) + "\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    private static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), found::toString);
            return found.get(0);
        }
    }

    private static Schema read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new CatalogIntrospector().read(c);
        }
    }

    private static void assertSameSchema(Schema expected, Schema actual) {
        assertEquals(expected.namespaces(), actual.namespaces());
        SchemaDiffer strict = new SchemaDiffer(new DiffOptions(true));
        assertEquals(List.of(), strict.diff(actual, expected).changes());
        assertEquals(List.of(), strict.diff(expected, actual).changes());
    }
}
