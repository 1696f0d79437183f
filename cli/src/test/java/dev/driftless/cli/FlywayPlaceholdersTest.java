package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flyway folder whose migrations use Flyway's built-in placeholders and one of the application's own
 * ({@code spring.flyway.placeholders.owner} in its application.properties, {@code spring.flyway.default-schema}):
 * imported with the values the application's Flyway would have used, refused when a value is unknown, and marked
 * applied against a history whose checksums are computed here as Flyway computes them (a versioned file's over its
 * text as written, a repeatable's over its SQL with the placeholders replaced).
 */
class FlywayPlaceholdersTest {

    private static final Path FIXTURE = Path.of("src/test/resources/adopt/flyway-placeholders");
    private static final String OWNER = "ledger_owner";
    /** R__account_names.sql as Flyway runs it with this application's settings, written out by hand. */
    private static final String VIEW_AS_RUN = """
            CREATE OR REPLACE VIEW ledger.account_names AS SELECT name FROM ledger.account;
            COMMENT ON VIEW ledger.account_names IS 'Flyway kept its history in flyway_schema_history';
            """;

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void builtInAndApplicationPlaceholdersAreReplacedAsFlywayDoesAndTheSchemaIsTheirs() throws Exception {
        copyFixture();
        ownerRole();
        writeConfig();

        CliRun imported = driftless("import-sql", migrations().toString());
        assertEquals(0, imported.exitCode(), imported::toString);
        assertTrue(imported.out().contains("note: Flyway placeholders replaced, as written into the changesets:"
                + " flyway:filename = 'V1__create_ledger.sql' (each file's name), flyway:user = '" + database.user()
                + "' (the configured user), flyway:defaultSchema = 'ledger' (application.properties"
                + " (spring.flyway.default-schema))"), imported::toString);
        assertTrue(imported.out().contains("OWNER = 'ledger_owner' (application.properties)"), imported::toString);
        String changeset = Files.readString(project.resolve("changelogs/V1__create_ledger.sql"));
        assertFalse(changeset.contains("${"), changeset);
        assertTrue(changeset.contains("-- Created by V1__create_ledger.sql for " + database.user() + "."), changeset);

        CliRun applied = driftless("apply");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertEquals(List.of("ledger.account " + OWNER), database.strings(
                "SELECT schemaname || '.' || tablename || ' ' || tableowner FROM pg_tables WHERE tablename = 'account'"));
        assertEquals(List.of("house account of " + database.name()), database.strings("SELECT name FROM ledger.account_names"));
        assertEquals(List.of("Flyway kept its history in flyway_schema_history"),
                database.strings("SELECT obj_description('ledger.account_names'::regclass)"));
    }

    /** A value whose name says it is a secret is written where the SQL uses it, never printed. */
    @Test
    void aSecretLookingValueIsNotPrintedInTheNote() throws Exception {
        copyFixture();
        ownerRole();
        writeConfig();
        Files.writeString(project.resolve("src/main/resources/application.properties"),
                "spring.flyway.placeholders.api_token=s3cr3t-token\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(migrations().resolve("V2__feed.sql"), "COMMENT ON SCHEMA ledger IS 'feed ${api_token}';\n");

        CliRun imported = driftless("import-sql", migrations().toString());
        assertEquals(0, imported.exitCode(), imported::toString);
        assertTrue(imported.out().contains("api_token = '***' (application.properties)"), imported::toString);
        assertFalse(imported.out().contains("s3cr3t") || imported.err().contains("s3cr3t"), imported::toString);
        assertTrue(Files.readString(project.resolve("changelogs/V2__feed.sql")).contains("'feed s3cr3t-token'"));
    }

    @Test
    void aPlaceholderWithoutAValueRefusesTheImportBeforeAnythingIsWritten() throws Exception {
        copyFixture();
        writeConfig();
        Files.writeString(migrations().resolve("V2__grant_readers.sql"),
                "-- Readers see the ledger.\nGRANT SELECT ON ${flyway:defaultSchema}.account TO ${reader};\n");

        CliRun refused = driftless("import-sql", migrations().toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("V2__grant_readers.sql line 2: no value for the Flyway placeholder ${reader}"
                + " (Flyway fails on it too: \"No value provided for placeholder\"); set spring.flyway.placeholders.reader"
                + " in the application's configuration (or flyway.placeholders.reader in flyway.conf), or pass"
                + " --placeholder reader=VALUE; nothing was imported"), refused::toString);
        assertEquals(1, refused.err().lines().count(), refused::toString);
        assertFalse(Files.exists(project.resolve("changelogs")), "nothing written");

        // The built-ins that need a database are not guessed either.
        Files.writeString(project.resolve("src/main/resources/application.properties"), "spring.flyway.placeholders.owner=x\n");
        CliRun noSchema = driftless("import-sql", migrations().toString(), "--placeholder", "reader=PUBLIC");
        assertEquals(2, noSchema.exitCode(), noSchema::toString);
        assertTrue(noSchema.err().contains("V1__create_ledger.sql line 2: no value for the Flyway placeholder"
                + " ${flyway:defaultSchema}"), noSchema::toString);
        assertTrue(noSchema.err().contains("set spring.flyway.default-schema, import with --mark-applied to read it from"
                + " the target, or pass --placeholder flyway:defaultSchema=VALUE"), noSchema::toString);
        assertFalse(Files.exists(project.resolve("changelogs")), "nothing written");

        // flyway.conf gives a value too; a flag wins over both.
        Files.writeString(project.resolve("flyway.conf"), "flyway.defaultSchema=ledger\nflyway.placeholders.reader=nobody\n");
        CliRun given = driftless("import-sql", migrations().toString(), "--placeholder", "reader=PUBLIC");
        assertEquals(0, given.exitCode(), given::toString);
        assertTrue(Files.readString(project.resolve("changelogs/V2__grant_readers.sql"))
                .contains("GRANT SELECT ON ledger.account TO PUBLIC;"));
    }

    @Test
    void markAppliedComparesARepeatablesChecksumAfterReplacementAsFlywayDoes() throws Exception {
        copyFixture();
        builtByFlyway(checksum(VIEW_AS_RUN));
        writeConfig();

        CliRun imported = driftless("import-sql", migrations().toString(), "--mark-applied");
        assertEquals(0, imported.exitCode(), imported::toString);
        assertTrue(imported.out().contains("flyway:user = '" + database.user() + "' (the target's user)"), imported::toString);
        assertTrue(imported.out().contains("recorded 3 of the 3 changeset(s) as applied."), imported::toString);
        assertTrue(driftless("status").out().contains("0 pending."));
    }

    @Test
    void aRepeatableRecordedBeforeFlyway63IsAppliedAndOneRanWithOtherValuesRunsAgain() throws Exception {
        copyFixture();
        // Flyway before 6.3 recorded a repeatable's checksum over the file as written; Flyway still accepts that one.
        builtByFlyway(checksum(Files.readString(migrations().resolve("R__account_names.sql"))));
        writeConfig();
        CliRun raw = driftless("import-sql", migrations().toString(), "--mark-applied");
        assertEquals(0, raw.exitCode(), raw::toString);
        assertTrue(raw.out().contains("recorded 3 of the 3 changeset(s) as applied."), raw::toString);

        // Another database ran it with another history table name: Flyway runs it again there, and so will driftless.
        database = TestPostgres.freshDatabase();
        Path other = project.resolve("other");
        Files.createDirectories(other);
        project = other;
        copyFixture();
        builtByFlyway(checksum(VIEW_AS_RUN.replace("in flyway_schema_history", "in schema_version")));
        writeConfig();
        CliRun changed = driftless("import-sql", migrations().toString(), "--mark-applied");
        assertEquals(0, changed.exitCode(), changed::toString);
        assertTrue(changed.out().contains("note: R__account_names.sql changed since Flyway last ran it"), changed::toString);
        assertTrue(changed.out().contains("recorded 1 of the 3 changeset(s) as applied; driftless apply runs the other 2."),
                changed::toString);
    }

    /**
     * The database as this application's Flyway left it: V1 and the repeatable run with its settings, recorded in
     * ledger.flyway_schema_history (Flyway keeps it in the default schema), V1's checksum over the file as written.
     */
    private void builtByFlyway(int repeatableChecksum) throws SQLException, IOException {
        ownerRole();
        database.execute("""
                CREATE SCHEMA IF NOT EXISTS ledger;
                CREATE TABLE ledger.account (
                    id bigint PRIMARY KEY,
                    name text NOT NULL
                );
                ALTER TABLE ledger.account OWNER TO ledger_owner;
                INSERT INTO ledger.account VALUES (1, 'house account of %s');""".formatted(database.name()),
                VIEW_AS_RUN, """
                CREATE TABLE ledger.flyway_schema_history (
                    installed_rank INT NOT NULL PRIMARY KEY,
                    version VARCHAR(50),
                    description VARCHAR(200) NOT NULL,
                    type VARCHAR(20) NOT NULL,
                    script VARCHAR(1000) NOT NULL,
                    checksum INT,
                    installed_by VARCHAR(100) NOT NULL,
                    installed_on TIMESTAMP NOT NULL DEFAULT now(),
                    execution_time INT NOT NULL,
                    success BOOLEAN NOT NULL
                )""", """
                INSERT INTO ledger.flyway_schema_history
                    (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                VALUES (1, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"ledger"', NULL, 'app', 0, true),
                       (2, '1', 'create ledger', 'SQL', 'V1__create_ledger.sql', %d, 'app', 7, true),
                       (3, NULL, 'account names', 'SQL', 'R__account_names.sql', %d, 'app', 2, true)"""
                        .formatted(checksum(Files.readString(migrations().resolve("V1__create_ledger.sql"))), repeatableChecksum));
    }

    /** Flyway's checksum, computed here on its own: CRC32 over each line's UTF-8 bytes, line endings left out. */
    private static int checksum(String text) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    private void ownerRole() throws SQLException {
        database.execute("DO $$ BEGIN CREATE ROLE " + OWNER + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    private Path migrations() {
        return project.resolve("db/migration");
    }

    private void copyFixture() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path f : files.toList()) {
                Path target = project.resolve(FIXTURE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private void writeConfig() throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n",
                "changelogs: changelogs",
                "url: " + database.url(),
                "user: " + database.user(),
                "dev-url: " + database.devUrl()) + "\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
