package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.changelogs.backup.BackupException;
import dev.driftless.changelogs.backup.PgDump;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release commands through the CLI entry point on a real PostgreSQL. */
class RunnerCommandsTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    private void writeConfig(Path classes, String... extra) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "changelogs: changelogs",
                "url: " + database.url(),
                "user: " + database.user(),
                "dev-url: " + database.devUrl()));
        if (classes != null) {
            lines.add("classes: " + classes);
        }
        lines.addAll(List.of(extra));
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", lines) + "\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    /**
     * A CREATE INDEX CONCURRENTLY that finished but was never recorded (the run was killed in between) makes every apply
     * fail with "already exists"; mark-applied records it without running it, and apply goes on (issue 11).
     */
    @Test
    void markAppliedRecordsAChangesetWhoseWorkIsAlreadyDone() throws Exception {
        writeConfig(null);
        Path changelogs = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: 001.sql\n      relativeToChangelogFile: true\n");
        Files.writeString(changelogs.resolve("001.sql"), """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY, owner text);
                -- rollback DROP TABLE accounts;

                -- changeset dev:2 runInTransaction:false
                CREATE INDEX CONCURRENTLY accounts_owner ON accounts (owner);
                -- rollback DROP INDEX CONCURRENTLY accounts_owner;

                -- changeset dev:3
                ALTER TABLE accounts ADD COLUMN note text;
                -- rollback ALTER TABLE accounts DROP COLUMN note;
                """);
        assertEquals(0, driftless("apply", "--to", "1").exitCode());
        database.execute("CREATE INDEX CONCURRENTLY accounts_owner ON accounts (owner)");

        CliRun stuck = driftless("apply");
        assertEquals(1, stuck.exitCode(), stuck::toString);
        assertTrue((stuck.out() + stuck.err()).contains("already exists"), stuck::toString);

        CliRun unknown = driftless("mark-applied", "nine");
        assertEquals(1, unknown.exitCode(), unknown::toString);
        CliRun marked = driftless("mark-applied", "2");
        assertEquals(0, marked.exitCode(), marked::toString);
        assertTrue(marked.out().contains("Recorded 001.sql :: 2 as applied without running it."), marked::toString);
        CliRun again = driftless("mark-applied", "2");
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("is not pending"), again::toString);

        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of("note"), database.strings("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'accounts' AND column_name = 'note'"));
        assertTrue(driftless("status").out().contains("3 applied, 0 pending"), "status agrees");
    }

    @Test
    void dryRunTagHistoryStatusAndRollbackToTag() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes")));
        assertEquals(0, driftless("diff").exitCode());

        CliRun dry = driftless("apply", "--dry-run");
        assertEquals(0, dry.exitCode(), dry::toString);
        assertTrue(dry.out().contains("19 pending changeset(s) would run"), dry::toString);
        assertTrue(dry.out().contains("CREATE SCHEMA backtester;"), dry::toString);
        assertTrue(dry.out().contains("CREATE TABLE market_data.trades ("), dry::toString);
        assertEquals(List.of(), tablesIn("backtester", "market_data"), "a dry run changes nothing");

        CliRun apply = driftless("apply", "--tag", "v1");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Tagged the database v1."), apply::toString);
        // Not on a terminal (a CI log): each changeset is one line, with its time, and no progress line repeats it.
        assertEquals(19, apply.out().lines().filter(l -> l.startsWith("applied ") && l.endsWith(" ms)")).count(),
                apply::toString);
        assertEquals(0, apply.err().lines().filter(l -> l.contains("[1/19]") || l.contains("[19/19]")).count(),
                apply::toString);
        assertEquals(8, tablesIn("backtester", "market_data").size());

        CliRun history = driftless("history");
        assertTrue(history.out().contains("[tag v1]") && history.out().contains("19 changeset(s) applied."), history::toString);
        CliRun json = driftless("history", "--format", "json");
        Map<String, Object> report = ValidateTest.parse(json.out());
        assertEquals("history", report.get("command"), json::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> applied = (List<Map<String, Object>>) report.get("applied");
        assertEquals(19, applied.size(), json::toString);
        assertEquals("v1", applied.get(18).get("tag"), json::toString);
        assertTrue(applied.stream().allMatch(a -> a.get("executionTimeMillis") instanceof Number), json::toString);
        assertTrue(driftless("status").out().contains("[tag v1]"));

        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of(
                "    @Column(name = \"executed_at\", nullable = false)",
                "    @Column(name = \"venue\", length = 32)\n    private String venue;\n\n"
                        + "    @Column(name = \"executed_at\", nullable = false)"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("classes-v2")));
        assertEquals(0, driftless("diff", "--name", "venue").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        assertEquals(0, driftless("tag", "v2").exitCode());
        assertTrue(columnExists("market_data", "trades", "venue"));

        CliRun dryBack = driftless("rollback", "--to-tag", "v1", "--dry-run");
        assertEquals(0, dryBack.exitCode(), dryBack::toString);
        assertTrue(dryBack.out().contains("ALTER TABLE market_data.trades DROP COLUMN venue;"), dryBack::toString);
        assertTrue(columnExists("market_data", "trades", "venue"));

        CliRun back = driftless("rollback", "--to-tag", "v1");
        assertEquals(0, back.exitCode(), back::toString);
        assertTrue(back.out().contains("Rolled back 1 changeset(s)."), back::toString);
        assertFalse(columnExists("market_data", "trades", "venue"));
        assertEquals(0, driftless("validate-changelog").exitCode());

        CliRun noSuchTag = driftless("rollback", "--to-tag", "v7");
        assertEquals(1, noSuchTag.exitCode(), noSuchTag::toString);
        assertTrue(noSuchTag.err().contains("no applied changeset carries it (tags: v1)"), noSuchTag::toString);
        CliRun both = driftless("rollback", "--to-tag", "v1", "--count", "2");
        assertEquals(2, both.exitCode(), both::toString);
    }

    @Test
    void aFailingChangesetIsReportedWithFileIdSqlAndServerErrorAndExitsOne() throws Exception {
        writeConfig(null);
        writeChangelog("001-accounts.sql", """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;

                -- changeset dev:2
                ALTER TABLE accounts ADD COLUMN owner text;
                ALTER TABLE accounts ADD CONSTRAINT owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id);
                -- rollback ALTER TABLE accounts DROP COLUMN owner;
                """);
        CliRun run = driftless("apply");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error: Changeset 2 in 001-accounts.sql failed: ERROR: relation \"owners\" does not exist"), run::toString);
        assertTrue(run.err().contains("SQL: ALTER TABLE accounts ADD CONSTRAINT owner_fk"), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
        assertTrue(tablesIn("public").contains("public.accounts"));
        assertFalse(columnExists("public", "accounts", "owner"), "nothing of the failed changeset is left");
        assertTrue(driftless("status").out().contains("pending  001-accounts.sql :: 2"));
    }

    @Test
    void anEditedAppliedChangesetIsRefusedUntilAccepted() throws Exception {
        writeConfig(null);
        String original = """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY, owner varchar(40));
                -- rollback DROP TABLE accounts;
                """;
        writeChangelog("001-accounts.sql", original);
        assertEquals(0, driftless("apply").exitCode());
        Files.writeString(project.resolve("changelogs/001-accounts.sql"), original.replace("varchar(40)", "varchar(80)"));

        CliRun validate = driftless("validate-changelog");
        assertEquals(1, validate.exitCode(), validate::toString);
        assertTrue(validate.out().contains("checksum: changeset 1 in 001-accounts.sql was edited after it was applied"), validate::toString);
        CliRun apply = driftless("apply");
        assertEquals(1, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("Nothing was applied: changeset 1 in 001-accounts.sql was edited"), apply::toString);

        CliRun accept = driftless("accept-checksum", "001-accounts.sql::1");
        assertEquals(0, accept.exitCode(), accept::toString);
        assertEquals(0, driftless("validate-changelog").exitCode());
        assertEquals(0, driftless("apply").exitCode());
    }

    @Test
    void baselineOfAHandMadeDatabaseThenAModelChangeGivesOnlyTheIncrementalChangeset() throws Exception {
        Path classes = ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes"));
        // Build the database "by hand": run the generated SQL elsewhere, then forget how it was made.
        writeConfig(classes, "format: sql");
        assertEquals(0, driftless("diff", "--changelogs", project.resolve("scratch").toString()).exitCode());
        assertEquals(0, driftless("apply", "--changelogs", project.resolve("scratch").toString()).exitCode());
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE databasechangelog, databasechangeloglock, databasechangelog_driftless");
        }

        CliRun baseline = driftless("baseline");
        assertEquals(0, baseline.exitCode(), baseline::toString);
        assertTrue(baseline.out().contains("recorded them as applied"), baseline::toString);
        assertTrue(driftless("status").out().contains("0 pending."));
        CliRun same = driftless("diff");
        assertTrue(same.out().contains("No changes"), same::toString);
        CliRun again = driftless("baseline");
        assertEquals(2, again.exitCode(), again::toString);

        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of(
                "    @Column(name = \"executed_at\", nullable = false)",
                "    @Column(name = \"venue\", length = 32)\n    private String venue;\n\n"
                        + "    @Column(name = \"executed_at\", nullable = false)"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("classes-v2")));
        CliRun incremental = driftless("diff", "--name", "venue");
        assertEquals(0, incremental.exitCode(), incremental::toString);
        assertTrue(incremental.out().contains("with 1 changeset(s)"), incremental::toString);
        assertTrue(incremental.out().contains("add column market_data.trades.venue"), incremental::toString);
        CliRun apply = driftless("apply");
        assertTrue(apply.out().contains("Applied 1 changeset(s)."), apply::toString);
    }

    @Test
    void importSqlWrapsNumberedFilesInOrderAndRollbackStopsAtThem() throws Exception {
        writeConfig(null);
        Path legacy = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(legacy.resolve("010_add_index.sql"), "CREATE INDEX IF NOT EXISTS results_strategy_idx ON backtester.optimization_results (strategy);\n");
        Files.writeString(legacy.resolve("001_add_optimizer_tables.sql"), """
                CREATE SCHEMA IF NOT EXISTS backtester;
                CREATE TABLE IF NOT EXISTS backtester.optimization_results (id bigserial PRIMARY KEY, strategy text NOT NULL);
                """);
        Files.writeString(legacy.resolve("002_seed.sql"), """
                DO $$ BEGIN
                  INSERT INTO backtester.optimization_results (strategy) VALUES ('sma; crossover');
                END $$;
                """);
        Files.writeString(legacy.resolve("README.md"), "not a migration");

        CliRun imported = driftless("import-sql", legacy.toString());
        assertEquals(0, imported.exitCode(), imported::toString);
        assertEquals(List.of("imported 001_add_optimizer_tables.sql", "imported 002_seed.sql", "imported 010_add_index.sql"),
                imported.out().lines().filter(l -> l.startsWith("imported ")).toList());
        assertTrue(imported.out().contains("skipped README.md: not a numbered .sql file"), imported::toString);
        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Applied 4 changeset(s)."), "3 imported and the adoption point after them: " + apply);
        assertEquals(List.of("sma; crossover"), strings("SELECT strategy FROM backtester.optimization_results"));

        CliRun rollback = driftless("rollback", "--count", "2");
        assertEquals(1, rollback.exitCode(), rollback::toString);
        assertTrue(rollback.err().contains("changeset 010_add_index in 010_add_index.sql has no rollback"), rollback::toString);
        CliRun twice = driftless("import-sql", legacy.toString());
        assertEquals(2, twice.exitCode(), twice::toString);
    }

    @Test
    void backupNeedsAPgDumpAsNewAsTheServerAndRestoreAsksFirst() throws Exception {
        writeConfig(null);
        writeChangelog("001-accounts.sql", """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;
                """);
        assertEquals(0, driftless("apply").exitCode());
        int server = Integer.parseInt(TestPostgres.serverVersion().split("\\.")[0]);
        boolean usable;
        try {
            PgDump.locate(null, server, System.getenv("PATH"));
            usable = true;
        } catch (BackupException e) {
            usable = false;
        }
        CliRun backup = driftless("backup", "--keep", "1");
        if (!usable) {
            assertEquals(2, backup.exitCode(), backup::toString);
            assertTrue(backup.err().contains("than the server (PostgreSQL " + server + ")")
                    || backup.err().contains("pg_dump was not found"), backup::toString);
            assertTrue(backup.err().contains("apt install postgresql-client-" + server + ") or pass --pg-dump"), backup::toString);
            assertEquals(1, backup.err().lines().count(), backup::toString);
            return;
        }
        assertEquals(0, backup.exitCode(), backup::toString);
        assertTrue(Files.readString(project.resolve("backups/.gitignore")).contains("*"));
        Path file = Path.of(driftless("backups").out().lines().findFirst().orElseThrow().replaceFirst(".*  ", ""));
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE accounts");
        }
        CliRun refused = driftless("restore", file.toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("pass --yes"), refused::toString);
        CliRun restore = driftless("restore", file.toString(), "--yes");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertTrue(tablesIn("public").contains("public.accounts"));
        assertEquals(2, driftless("backups").out().lines().count(), "the backup and the safety backup");
    }

    private void writeChangelog(String file, String content) throws IOException {
        Path dir = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(dir.resolve(file), content);
        Files.writeString(dir.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: " + file + "\n      relativeToChangelogFile: true\n");
    }

    private List<String> tablesIn(String... schemas) throws SQLException {
        return strings("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('"
                + String.join("','", schemas) + "') AND table_name NOT LIKE 'databasechangelog%' ORDER BY 1");
    }

    private boolean columnExists(String schema, String table, String column) throws SQLException {
        return !strings("SELECT 1 FROM information_schema.columns WHERE table_schema = '" + schema + "' AND table_name = '"
                + table + "' AND column_name = '" + column + "'").isEmpty();
    }

    private List<String> strings(String sql) throws SQLException {
        return database.strings(sql);
    }

    static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
