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
import java.nio.charset.StandardCharsets;
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
 * A Flyway project comes over: its folder (a B baseline, multi-part versions, a repeatable, files that are not
 * migrations) imported in Flyway's order onto a database Flyway built and recorded, then status, validate and check
 * green. The history rows are written as Flyway writes them, with the checksums Flyway computes (CRC32 over the
 * lines; taken here from an independent computation, not from driftless).
 */
class FlywayAdoptTest {

    private static final Path FIXTURE = Path.of("src/test/resources/adopt/flyway");

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void aFlywayFolderIsImportedInFlywaysOrderMarkedAppliedAsItsHistorySaysAndTheGatePasses() throws Exception {
        Path migrations = copy(FIXTURE.resolve("migrations"), project.resolve("db/migration"));
        builtByFlyway(migrations);
        writeConfig();

        CliRun imported = driftless("import-sql", migrations.toString(), "--mark-applied");
        assertEquals(0, imported.exitCode(), imported::toString);
        assertEquals(List.of("imported B1_20_0__ledger_baseline.sql", "imported V1_20_2__create_payment.sql",
                        "imported V1_20_3__index_payment_account.sql", "imported V1_20_10__widen_amount.sql",
                        "imported R__account_summary_view.sql"),
                imported.out().lines().filter(l -> l.startsWith("imported ")).toList(), imported::toString);
        List<String> skipped = imported.out().lines().filter(l -> l.startsWith("skipped ")).toList();
        assertEquals(5, skipped.size(), imported::toString);
        assertTrue(skipped.contains("skipped notes.txt: not a .sql file"), imported::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("skipped V2-hotfix.sql: not named like a Flyway migration")), imported::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("skipped U1_20_2__drop_payment.sql: an undo migration")), imported::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("skipped archive/V1__create_account.sql: version 1 is covered by the baseline B1_20_0__ledger_baseline.sql")), imported::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("skipped V1_20_0__add_email.sql: version 1.20.0 is covered")), imported::toString);
        assertTrue(imported.out().contains("recorded 6 of the 6 changeset(s) as applied."), imported::toString);
        assertTrue(Files.readString(project.resolve("changelogs/R__account_summary_view.sql")).contains("runOnChange:true"));

        CliRun status = driftless("status");
        assertTrue(status.out().contains("0 pending."), status::toString);
        assertEquals(0, driftless("validate-changelog").exitCode());
        CliRun validate = driftless("validate");
        assertEquals(0, validate.exitCode(), validate::toString);
        CliRun check = driftless("check");
        assertEquals(0, check.exitCode(), check::toString);
        assertTrue(check.out().contains("rollbacks verified for 0 after the adoption point"), check::toString);
        assertEquals(List.of("house; account"), database.strings("SELECT name FROM ledger.account"), "nothing ran again");

        // Then one entity change goes through the gate, as after any adoption.
        Path sources = ModelCompiler.copySources(FIXTURE.resolve("model"), project.resolve("src"));
        ModelCompiler.edit(sources, "com/acme/ledger/Payment.java", Map.of("    private BigDecimal amount;",
                "    private BigDecimal amount;\n\n    @Column(name = \"memo\", length = 200)\n    private String memo;"));
        ModelCompiler.compile(sources, project.resolve("classes"));
        CliRun diff = driftless("diff", "--name", "payment-memo");
        assertEquals(0, diff.exitCode(), diff::toString);
        CliRun applied = driftless("apply");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertEquals(List.of("memo"), database.strings("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'ledger' AND table_name = 'payment' AND column_name = 'memo'"));
        assertEquals(0, driftless("validate").exitCode());
        CliRun checked = driftless("check");
        assertEquals(0, checked.exitCode(), checked::toString);
        assertTrue(checked.out().contains("rollbacks verified for 1 after the adoption point"), checked::toString);

        // A new database gets the baseline path, and ends where Flyway's databases are.
        TestDatabase fresh = TestPostgres.freshDatabase();
        CliRun replay = CliRun.of("apply", "--config", project.resolve("driftless.yaml").toString(), "--url", fresh.url());
        assertEquals(0, replay.exitCode(), replay::toString);
        assertTrue(replay.out().contains("Applied 7 changeset(s)."), "the 6 imported and the entity change: " + replay);
        assertSameLedger(read(database), read(fresh));
    }

    @Test
    void whatTheHistoryDoesNotRecordStaysPendingAndIsSaid() throws Exception {
        Path migrations = copy(FIXTURE.resolve("migrations"), project.resolve("db/migration"));
        builtByFlyway(migrations);
        database.execute("DELETE FROM flyway_schema_history WHERE version = '1.20.3'",
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
                        + " execution_time, success) VALUES (7, '1.20.11', 'hotfix', 'SQL', 'V1_20_11__hotfix.sql', 12345, 'app', 1, true)");
        Files.writeString(migrations.resolve("R__account_summary_view.sql"), "\n-- reformatted\n", java.nio.file.StandardOpenOption.APPEND);
        writeConfig();

        CliRun imported = driftless("import-sql", migrations.toString(), "--mark-applied");
        assertEquals(0, imported.exitCode(), imported::toString);
        List<String> notes = imported.out().lines().filter(l -> l.startsWith("note: ")).toList();
        assertEquals(List.of(
                "note: V1_20_3__index_payment_account.sql is below the database's version 1.20.11 but flyway_schema_history has"
                        + " no record of it (Flyway calls it ignored): driftless apply will run it",
                "note: R__account_summary_view.sql changed since Flyway last ran it: driftless apply runs it again, as Flyway would",
                "note: flyway_schema_history records version 1.20.11 (V1_20_11__hotfix.sql) as applied, but the folder has no file"
                        + " for it (Flyway calls it missing)"), notes, imported::toString);
        assertTrue(imported.out().contains("recorded 3 of the 6 changeset(s) as applied; driftless apply runs the other 3."),
                imported::toString);
        CliRun status = driftless("status");
        assertTrue(status.out().contains("pending  V1_20_3__index_payment_account.sql"), status::toString);
        assertTrue(status.out().contains("pending  R__account_summary_view.sql"), status::toString);
        assertTrue(status.out().contains("pending  db.changelog-master.yaml :: driftless-adoption-point"), status::toString);
    }

    @Test
    void anEditedMigrationIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path migrations = copy(FIXTURE.resolve("migrations"), project.resolve("db/migration"));
        builtByFlyway(migrations);
        writeConfig();
        Files.writeString(migrations.resolve("V1_20_10__widen_amount.sql"), "\n-- reviewed\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun imported = driftless("import-sql", migrations.toString(), "--mark-applied");
        assertEquals(1, imported.exitCode(), imported::toString);
        assertTrue(imported.err().contains("V1_20_10__widen_amount.sql is not the script that ran: flyway_schema_history"
                + " records checksum 863128256 for version 1.20.10"), imported::toString);
        assertFalse(Files.exists(project.resolve("changelogs")), "nothing written");
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM pg_tables WHERE tablename = 'databasechangelog'"));
    }

    @Test
    void withoutFlywaysHistoryMarkAppliedRefusesAndTheTableCanBeNamed() throws Exception {
        Path migrations = copy(FIXTURE.resolve("migrations"), project.resolve("db/migration"));
        builtByFlyway(migrations);
        database.execute("ALTER TABLE flyway_schema_history RENAME TO schema_version");
        writeConfig();

        CliRun refused = driftless("import-sql", migrations.toString(), "--mark-applied");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("the target has no flyway_schema_history"), refused::toString);
        assertFalse(Files.exists(project.resolve("changelogs")), "nothing written");

        CliRun named = driftless("import-sql", migrations.toString(), "--mark-applied", "--table", "schema_version");
        assertEquals(0, named.exitCode(), named::toString);
        assertTrue(driftless("status").out().contains("0 pending."));
    }

    /**
     * The database as Flyway left it: V1, V1_20_0, V1_20_2, V1_20_3, V1_20_10 and the repeatable run in version order
     * (the baseline came later, for new databases), each recorded in flyway_schema_history as Flyway records it.
     */
    private void builtByFlyway(Path migrations) throws SQLException, IOException {
        for (String file : List.of("archive/V1__create_account.sql", "V1_20_0__add_email.sql", "V1_20_2__create_payment.sql",
                "V1_20_3__index_payment_account.sql", "V1_20_10__widen_amount.sql", "R__account_summary_view.sql")) {
            database.execute(new String(Files.readAllBytes(migrations.resolve(file)), StandardCharsets.UTF_8).replace("\uFEFF", ""));
        }
        database.execute("""
                CREATE TABLE public.flyway_schema_history (
                    installed_rank INT NOT NULL,
                    version VARCHAR(50),
                    description VARCHAR(200) NOT NULL,
                    type VARCHAR(20) NOT NULL,
                    script VARCHAR(1000) NOT NULL,
                    checksum INT,
                    installed_by VARCHAR(100) NOT NULL,
                    installed_on TIMESTAMP NOT NULL DEFAULT now(),
                    execution_time INT NOT NULL,
                    success BOOLEAN NOT NULL,
                    CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)
                )""", "CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history (success)", """
                INSERT INTO public.flyway_schema_history
                    (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                VALUES (1, '1', 'create account', 'SQL', 'archive/V1__create_account.sql', -476879765, 'app', 21, true),
                       (2, '1.20.0', 'add email', 'SQL', 'V1_20_0__add_email.sql', -790189258, 'app', 4, true),
                       (3, '1.20.2', 'create payment', 'SQL', 'V1_20_2__create_payment.sql', -322283501, 'app', 9, true),
                       (4, '1.20.3', 'index payment account', 'SQL', 'V1_20_3__index_payment_account.sql', 808040886, 'app', 3, true),
                       (5, '1.20.10', 'widen amount', 'SQL', 'V1_20_10__widen_amount.sql', 863128256, 'app', 5, true),
                       (6, NULL, 'account summary view', 'SQL', 'R__account_summary_view.sql', 2054549215, 'app', 2, true)""");
    }

    private void writeConfig() throws IOException {
        Path classes = ModelCompiler.compile(FIXTURE.resolve("model"), project.resolve("classes"));
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n",
                "changelogs: changelogs",
                "url: " + database.url(),
                "user: " + database.user(),
                "dev-url: " + database.devUrl(),
                "classes: " + classes) + "\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static Schema read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new CatalogIntrospector().read(c);
        }
    }

    /** The ledger schema alike on both: the bookkeeping tables differ by design (Flyway's history is only on one). */
    private static void assertSameLedger(Schema flyway, Schema driftless) {
        SchemaDiffer strict = new SchemaDiffer(new DiffOptions(true));
        List<?> changes = strict.diff(flyway, driftless).changes().stream()
                .filter(c -> c.toString().contains("ledger")).toList();
        assertEquals(List.of(), changes);
    }
}
