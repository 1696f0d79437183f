package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.driftless.changelogs.backup.BackupException;
import dev.driftless.changelogs.backup.PgDump;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pg_dump backups of a server given by URL, through the CLI: each backup is its own owner-only file named after its
 * database, checked by pg_restore before it counts; --keep prunes one database's backups; a backup of another
 * database is restored only with --from-other-database. pg_dump must be at least as new as the server it dumps, and
 * the embedded test server (PostgreSQL 18) is newer than most installed client tools: these tests run on a second
 * server started from the installed PostgreSQL instead (skipped when only client tools are installed).
 */
class ServerBackupTest {

    @TempDir
    Path project;

    TestDatabase trading;
    TestDatabase billing;

    @BeforeEach
    void twoDatabasesTheInstalledPgDumpCanDump() {
        trading = dumpableDatabase();
        billing = dumpableDatabase();
    }

    /**
     * A database on the test server when the installed pg_dump can dump it (DRIFTLESS_TEST_URL naming an older
     * server), else on a server started from the installed PostgreSQL; skipped when neither exists.
     */
    static TestDatabase dumpableDatabase() {
        if (pgDumpCanDump(Integer.parseInt(TestPostgres.serverVersion().split("\\.")[0]))) {
            return TestPostgres.freshDatabase();
        }
        Optional<TestDatabase> installed = TestPostgres.freshDatabaseOnInstalledServer();
        assumeTrue(installed.isPresent(), "no pg_dump as new as the test server, and no installed PostgreSQL server to"
                + " start: install the PostgreSQL server package, or set DRIFTLESS_TEST_URL to a server the installed"
                + " pg_dump can dump");
        return installed.get();
    }

    private static boolean pgDumpCanDump(int serverMajor) {
        try {
            PgDump.locate(null, serverMajor, System.getenv("PATH"));
            return true;
        } catch (BackupException e) {
            return false;
        }
    }

    private CliRun driftless(TestDatabase database, String... args) throws IOException {
        Path config = project.resolve(database.name() + ".yaml");
        Files.writeString(config, "changelogs: db\nbackups: " + project.resolve("backups") + "\nurl: " + database.url()
                + "\nuser: " + database.user() + "\n");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return CliRun.of(all);
    }

    @Test
    void twoBackupsAtOnceAreTwoReadableOwnerOnlyFilesOfTheirDatabase() throws Exception {
        execute(trading, "CREATE TABLE accounts (id bigint PRIMARY KEY, nickname text);"
                + " INSERT INTO accounts VALUES (1, 'ada'), (2, 'grace')");
        execute(billing, "CREATE TABLE invoices (id bigint PRIMARY KEY)");

        CliRun first = driftless(trading, "backup");
        CliRun second = driftless(trading, "backup");
        CliRun other = driftless(billing, "backup");
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals(0, other.exitCode(), other::toString);
        List<Path> files = backupFiles();
        assertEquals(3, files.size(), files::toString);
        for (Path file : files) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file::toString);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(project.resolve("backups"))));

        List<String> listed = driftless(trading, "backups").out().lines().toList();
        assertEquals(3, listed.size(), listed::toString);
        assertTrue(listed.stream().filter(l -> l.contains(trading.name() + " on ")).count() == 2, listed::toString);
        assertTrue(listed.stream().anyMatch(l -> l.contains(billing.name() + " on ") && l.contains("(not this database)")),
                listed::toString);

        CliRun pruned = driftless(trading, "backup", "--keep", "1");
        assertEquals(2, pruned.out().lines().filter(l -> l.startsWith("deleted old backup")).count(), pruned::toString);
        assertEquals(2, backupFiles().size(), "billing's backup is not trading's to prune");

        execute(trading, "DELETE FROM accounts");
        String newest = newestOf(trading);
        CliRun restore = driftless(trading, "restore", newest, "--yes");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(List.of("1:ada", "2:grace"), trading.strings("SELECT id || ':' || nickname FROM accounts ORDER BY id"));
    }

    @Test
    void aBackupOfAnotherDatabaseIsRestoredOnlyWhenAskedFor() throws Exception {
        execute(trading, "CREATE TABLE accounts (id bigint PRIMARY KEY); INSERT INTO accounts VALUES (7)");
        assertEquals(0, driftless(trading, "backup").exitCode());
        String tradingBackup = newestOf(trading);

        CliRun refused = driftless(billing, "restore", tradingBackup, "--yes");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("is a backup of " + trading.name() + " on ")
                && refused.err().contains("--from-other-database"), refused::toString);
        assertEquals(1, backupFiles().size(), "refused before the safety backup");

        CliRun restored = driftless(billing, "restore", tradingBackup, "--yes", "--from-other-database");
        assertEquals(0, restored.exitCode(), restored::toString);
        assertEquals(List.of("7"), billing.strings("SELECT id::text FROM accounts"));
    }

    @Test
    void backupGivesUpOnATableAnotherSessionHoldsAndLeavesNoFile() throws Exception {
        execute(trading, "CREATE TABLE accounts (id bigint PRIMARY KEY)");
        try (Connection other = trading.connect(); Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
            CliRun backup = driftless(trading, "backup", "--lock-timeout", "2s");
            other.rollback();
            assertEquals(1, backup.exitCode(), backup::toString);
            assertTrue(backup.err().contains("another session held a lock on a table for longer than 2 s"), backup::toString);
        }
        try (Stream<Path> files = Files.list(project.resolve("backups"))) {
            assertEquals(List.of(".gitignore"), files.map(f -> f.getFileName().toString()).toList(), "no backup, no .partial");
        }
    }

    /**
     * Two applies of one destructive changeset at once: the backup is taken under the migration lock, so only the run
     * that applies backs up, and its backup holds the data from right before the change (issue 11.7).
     */
    @Test
    void aDestructiveApplyBacksUpUnderTheLockSoARacingRunNeitherBacksUpNorApplies() throws Exception {
        execute(trading, "CREATE TABLE accounts (id bigint PRIMARY KEY, nickname text);"
                + " INSERT INTO accounts VALUES (1, 'ada')");
        Path changelogs = Files.createDirectories(project.resolve("db"));
        Files.writeString(changelogs.resolve("001-drop-nickname.sql"), """
                -- liquibase formatted sql

                -- changeset dev:1
                -- comment: DESTRUCTIVE: drops accounts.nickname with its data
                ALTER TABLE accounts DROP COLUMN nickname;
                -- rollback ALTER TABLE accounts ADD COLUMN nickname text;
                """);
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"), "databaseChangeLog:\n  - include:\n"
                + "      file: 001-drop-nickname.sql\n      relativeToChangelogFile: true\n");
        Path config = project.resolve(trading.name() + ".yaml");
        Files.writeString(config, "changelogs: " + changelogs + "\nbackups: " + project.resolve("backups") + "\nurl: "
                + trading.url() + "\nuser: " + trading.user() + "\n");

        CliProcess first = CliProcess.start(project, "apply", "--allow-destructive", "--config", config.toString());
        CliProcess second = CliProcess.start(project, "apply", "--allow-destructive", "--config", config.toString());
        List<CliRun> runs = List.of(first.await(), second.await());

        for (CliRun run : runs) {
            assertEquals(0, run.exitCode(), run::toString);
        }
        assertEquals(1, runs.stream().filter(r -> r.out().contains("Applied 1 changeset(s).")).count(), runs::toString);
        assertEquals(1, backupFiles().size(), () -> "one backup, by the run that applied: " + runs);
        execute(trading, "CREATE TABLE kept AS SELECT 1 AS id");
        CliRun restore = driftless(trading, "restore", newestOf(trading), "--yes");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(List.of("1:ada"), trading.strings("SELECT id || ':' || nickname FROM accounts"));
    }

    /** restore says whose lock it waits for and gives up after --lock-timeout with nothing changed (issue 11.10). */
    @Test
    void restoreNamesTheSessionWhoseLockItWaitsForAndGivesUpAfterTheLockTimeout() throws Exception {
        execute(trading, "CREATE TABLE accounts (id bigint PRIMARY KEY); INSERT INTO accounts VALUES (1)");
        assertEquals(0, driftless(trading, "backup").exitCode());
        String backup = newestOf(trading);
        execute(trading, "INSERT INTO accounts VALUES (2)");
        try (Connection reader = trading.connect(); Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            s.execute("SET application_name = 'month-end-report'");
            s.executeQuery("SELECT count(*) FROM accounts").close();
            CliRun restore = driftless(trading, "restore", backup, "--yes", "--lock-timeout", "2s");
            reader.rollback();

            assertEquals(1, restore.exitCode(), restore::toString);
            assertTrue(restore.err().contains("waiting for a lock held by pid ") && restore.err().contains("month-end-report"),
                    restore::toString);
            assertTrue(restore.err().contains("another session held a lock on a table the restore replaces for longer"
                    + " than 2 s (--lock-timeout)") && restore.err().contains("nothing was changed"), restore::toString);
        }
        assertEquals(List.of("1", "2"), trading.strings("SELECT id::text FROM accounts ORDER BY id"), "nothing changed");

        CliRun free = driftless(trading, "restore", backup, "--yes", "--lock-timeout", "2s");
        assertEquals(0, free.exitCode(), free::toString);
        assertEquals(List.of("1"), trading.strings("SELECT id::text FROM accounts ORDER BY id"));
    }

    /**
     * The least grants docs/security.md gives for backup and restore, measured: a read-only role (SELECT on the
     * tables and sequences) takes a backup, the schema owner restores it, and the read-only role's restore is refused
     * by the server with nothing changed (issue 11.15).
     */
    @Test
    void aReadOnlyRoleBacksUpAndTheSchemaOwnerRestores() throws Exception {
        assumeTrue(trading.password().isEmpty(), "the roles made here log in without a password (trust)");
        String owner = trading.name() + "_migrator";
        String reader = trading.name() + "_reader";
        // Exactly the grants of docs/security.md, "Least grants".
        trading.execute(
                "CREATE ROLE " + owner + " LOGIN",
                "GRANT CONNECT ON DATABASE " + trading.name() + " TO " + owner,
                "CREATE SCHEMA app AUTHORIZATION " + owner,
                "CREATE ROLE " + reader + " LOGIN",
                "GRANT CONNECT ON DATABASE " + trading.name() + " TO " + reader,
                "GRANT USAGE ON SCHEMA app TO " + reader,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA app GRANT SELECT ON TABLES TO " + reader,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA app GRANT SELECT ON SEQUENCES TO " + reader,
                "REVOKE ALL ON DATABASE " + trading.name() + " FROM PUBLIC");
        TestDatabase asOwner = new TestDatabase(trading.url(), owner, "", trading.name());
        asOwner.execute("CREATE TABLE app.accounts (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, nickname text)",
                "INSERT INTO app.accounts (nickname) VALUES ('ada'), ('grace')");

        CliRun backup = driftless(new TestDatabase(trading.url(), reader, "", trading.name()), "backup");
        assertEquals(0, backup.exitCode(), backup::toString);
        String taken = newestOf(trading);
        asOwner.execute("DELETE FROM app.accounts", "INSERT INTO app.accounts (nickname) VALUES ('mallory')");

        CliRun refused = driftless(new TestDatabase(trading.url(), reader, "", trading.name()), "restore", taken, "--yes");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("must be owner of table accounts"), refused::toString);
        assertEquals(List.of("mallory"), trading.strings("SELECT nickname FROM app.accounts"), "nothing changed");

        CliRun restored = driftless(asOwner, "restore", taken, "--yes");
        assertEquals(0, restored.exitCode(), restored::toString);
        assertEquals(List.of("ada", "grace"), trading.strings("SELECT nickname FROM app.accounts ORDER BY id"));
        assertEquals(List.of(owner), trading.strings("SELECT tableowner FROM pg_tables WHERE schemaname = 'app'"));
    }

    /**
     * A restore by another role (a superuser here) leaves the tables with the owner they had, so the migrator can
     * still change them, and a table made after the backup in the same schema is kept with its rows: restore replaces
     * what the backup holds and drops nothing else (the schema itself is not dropped and re-made).
     */
    @Test
    void aRestoreKeepsTheTablesOwnersAndATableMadeAfterTheBackup() throws Exception {
        String owner = trading.name() + "_owner";
        trading.execute("CREATE ROLE " + owner + " LOGIN", "CREATE SCHEMA app AUTHORIZATION " + owner);
        TestDatabase asOwner = new TestDatabase(trading.url(), owner, "", trading.name());
        asOwner.execute("CREATE TABLE app.accounts (id bigint PRIMARY KEY, nickname text)",
                "INSERT INTO app.accounts VALUES (1, 'ada')");
        assertEquals(0, driftless(trading, "backup").exitCode());
        String taken = newestOf(trading);
        asOwner.execute("CREATE TABLE app.audit (note text)", "INSERT INTO app.audit VALUES ('kept')",
                "UPDATE app.accounts SET nickname = 'mallory'");

        CliRun restored = driftless(trading, "restore", taken, "--yes");
        assertEquals(0, restored.exitCode(), restored::toString);
        assertEquals(List.of("ada"), trading.strings("SELECT nickname FROM app.accounts"));
        assertEquals(List.of("kept"), trading.strings("SELECT note FROM app.audit"), "made after the backup: kept");
        assertEquals(List.of("accounts:" + owner, "audit:" + owner), trading.strings("SELECT tablename || ':' ||"
                + " tableowner FROM pg_tables WHERE schemaname = 'app' ORDER BY tablename"));
        asOwner.execute("ALTER TABLE app.accounts ADD COLUMN iban text"); // still the owner's to change
    }

    private String newestOf(TestDatabase database) throws IOException {
        return driftless(database, "backups").out().lines().filter(l -> l.contains(database.name() + " on "))
                .findFirst().orElseThrow().replaceFirst(".*  ", "");
    }

    private List<Path> backupFiles() throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("backups"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".dump")).sorted().toList();
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
