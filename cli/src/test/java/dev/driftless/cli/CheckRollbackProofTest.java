package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code check} proves rollbacks since it applies and rolls back in one Liquibase run each, comparing digests of
 * what each changeset touched: it must catch every inexact rollback it caught by reading whole schemas, naming the
 * changeset, and pass exact ones (renames included) without falling back to whole-schema comparisons. Changesets are
 * added to the example project's changelogs in a file of their own.
 */
class CheckRollbackProofTest {

    private static final String FILE = "20990101000000-extra.sql";

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();
    Path changelogs;
    Path classes;

    @BeforeEach
    void copyTheExampleProject() {
        ExampleProject example = ExampleProject.copyInto(project);
        changelogs = example.changelogs();
        classes = example.classes();
    }

    @Test
    void passesExactRollbacksOfManyChangesetsAndRenamesWithoutReadingWholeSchemas() throws IOException {
        List<String> changesets = new ArrayList<>(scratchTables(20));
        changesets.addAll(renamedAndBack());
        changesets.addAll(droppedScratchTables(20));
        addChangesets(changesets);
        writeConfig(database.devUrl());

        CliRun run = check();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("following what each changeset touches through event triggers"), run::toString);
        assertFalse(run.err().contains("digests differ"), "no rollback needed a whole-schema comparison: " + run);
    }

    @Test
    void reportsARollbackThatLeavesAColumnBehind() throws IOException {
        addChangesets(List.of(changeset("add-note", "ALTER TABLE market_data.orders ADD COLUMN note text;", "SELECT 1;")));
        writeConfig(database.devUrl());

        CliRun run = check();
        assertInexact(run, "add-note");
        assertTrue(run.out().contains("note"), run::toString);
    }

    @Test
    void reportsARollbackThatForgetsAnIndex() throws IOException {
        addChangesets(List.of(changeset("index-symbol", "CREATE INDEX orders_symbol ON market_data.orders (symbol);",
                "SELECT 1;")));
        writeConfig(database.devUrl());

        CliRun run = check();
        assertInexact(run, "index-symbol");
        assertTrue(run.out().contains("orders_symbol"), run::toString);
    }

    @Test
    void reportsARollbackThatRestoresACheckConstraintDifferently() throws IOException {
        addChangesets(List.of(changeset("hold", """
                ALTER TABLE market_data.orders DROP CONSTRAINT orders_side_check;
                ALTER TABLE market_data.orders ADD CONSTRAINT orders_side_check CHECK (side IN ('BUY', 'SELL', 'HOLD'));""",
                "ALTER TABLE market_data.orders DROP CONSTRAINT orders_side_check; "
                        + "ALTER TABLE market_data.orders ADD CONSTRAINT orders_side_check CHECK (side IN ('BUY', 'SHORT'));")));
        writeConfig(database.devUrl());

        CliRun run = check();
        assertInexact(run, "hold");
        assertTrue(run.out().contains("add check constraint orders_side_check on market_data.orders"), run::toString);
    }

    @Test
    void acceptsARollbackThatRestoresACheckConstraintUnderAnotherNameAndSpelling() throws IOException {
        addChangesets(List.of(
                changeset("drop-side-check", "ALTER TABLE market_data.orders DROP CONSTRAINT orders_side_check;",
                        "ALTER TABLE market_data.orders ADD CONSTRAINT side_is_known CHECK (side IN ('BUY', 'SELL'));"),
                changeset("add-side-check", "ALTER TABLE market_data.orders ADD CONSTRAINT orders_side_check"
                                + " CHECK (((side)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying])::text[])));",
                        "ALTER TABLE market_data.orders DROP CONSTRAINT orders_side_check;")));
        writeConfig(database.devUrl());

        CliRun run = check();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("digests differ after rolling back " + FILE + "::drop-side-check::test"),
                "the digests tell the spellings apart, the whole-schema comparison does not: " + run);
    }

    @Test
    void namesTheInexactRollbackInTheMiddleOfSixtyChangesets() throws IOException {
        List<String> changesets = new ArrayList<>(scratchTables(20));
        changesets.set(31, changeset("t-10-comment", "COMMENT ON COLUMN scratch.t_10.code IS 'code 10';", "SELECT 1;"));
        addChangesets(changesets);
        writeConfig(database.devUrl());

        CliRun run = check();
        assertInexact(run, "t-10-comment");
        assertTrue(run.out().contains("comment on column scratch.t_10.code"), run::toString);
    }

    @Test
    void provesTheRollbacksNewerThanAChangesetWithoutRollbackFirst() throws IOException {
        addChangesets(List.of(
                "-- changeset test:no-rollback\nCREATE INDEX orders_symbol ON market_data.orders (symbol);\n\n",
                changeset("add-note", "ALTER TABLE market_data.orders ADD COLUMN note text;", "SELECT 1;")));
        writeConfig(database.devUrl());
        assertInexact(check(), "add-note");

        addChangesets(List.of(
                "-- changeset test:no-rollback\nCREATE INDEX orders_symbol ON market_data.orders (symbol);\n\n",
                changeset("add-note", "ALTER TABLE market_data.orders ADD COLUMN note text;",
                        "ALTER TABLE market_data.orders DROP COLUMN note;")));
        CliRun run = check();
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("::error title=driftless check: rollback-failed::Cannot roll back the last 1 changeset:"
                + " changeset no-rollback in " + FILE + " has no rollback"), run::toString);
    }

    @Test
    void namesTheChangesetWhoseSqlOrRollbackFails() throws IOException {
        addChangesets(List.of(changeset("bad-rollback", "ALTER TABLE market_data.orders ADD COLUMN note text;",
                        "ALTER TABLE market_data.orders DROP COLUMN remark;"),
                changeset("exact", "CREATE INDEX orders_symbol ON market_data.orders (symbol);", "DROP INDEX market_data.orders_symbol;")));
        writeConfig(database.devUrl());
        CliRun rollback = check();
        assertEquals(1, rollback.exitCode(), rollback::toString);
        assertTrue(rollback.out().contains("::error title=driftless check: rollback-failed::Rollback of changeset bad-rollback in "
                + FILE + " failed: "), rollback::toString);

        addChangesets(List.of(changeset("bad-sql", "ALTER TABLE market_data.orders ADD COLUMN note no_such_type;", "SELECT 1;")));
        CliRun apply = check();
        assertEquals(1, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("::error title=driftless check: apply-failed::Changeset bad-sql in " + FILE + " failed: "),
                apply::toString);
    }

    @Test
    void reportsARollbackThatRenamesBackWrongly() throws IOException {
        addChangesets(List.of(changeset("rename-trades", "ALTER TABLE market_data.trades RENAME TO fills;",
                "ALTER TABLE market_data.fills RENAME TO fill;")));
        writeConfig(database.devUrl());

        CliRun run = check();
        assertInexact(run, "rename-trades");
        assertTrue(run.out().contains("market_data.trades"), run::toString);
    }

    @Test
    void comparesTheWholeCatalogAfterEachChangesetWithoutASuperuser() throws IOException, SQLException {
        String user = "checker_" + database.name();
        database.execute("CREATE ROLE " + user + " LOGIN CREATEDB PASSWORD 'secret'");
        String devUrl = database.url() + (database.url().contains("?") ? "&" : "?") + "user=" + user + "&password=secret";
        List<String> changesets = new ArrayList<>(scratchTables(10));
        changesets.addAll(droppedScratchTables(10));
        addChangesets(changesets);
        writeConfig(devUrl);

        CliRun passing = check();
        assertEquals(0, passing.exitCode(), passing::toString);
        assertTrue(passing.err().contains("comparing a digest of the whole catalog after each changeset (event triggers"
                + " need a superuser)"), passing::toString);

        Path file = changelogs.resolve(FILE);
        Files.writeString(file, Files.readString(file).replace("-- rollback DROP INDEX scratch.t_5_mood;", "-- rollback SELECT 1;"));
        CliRun failing = check();
        assertInexact(failing, "t-5-index");
    }

    @Test
    void replaysAgainComparingTheWholeCatalogWhenTheEventTriggersMissAChange() throws IOException {
        String triggers = "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'driftless_check_ddl') THEN"
                + " ALTER EVENT TRIGGER driftless_check_ddl %1$s; ALTER EVENT TRIGGER driftless_check_drop %1$s;"
                + " END IF; END $$;";
        addChangesets(List.of(
                changeset("blind splitStatements:false rollbackSplitStatements:false", triggers.formatted("DISABLE"), triggers.formatted("ENABLE")),
                changeset("unseen", "CREATE TABLE public.unseen (id int);", "SELECT 1;")));
        writeConfig(database.devUrl());

        CliRun run = check();
        assertTrue(run.err().contains("after rolling everything back the schema is not the empty one (")
                        && run.err().contains("yet no rollback was found inexact: replaying again, comparing the whole catalog"),
                run::toString);
        assertInexact(run, "unseen");
    }

    // ---------------------------------------------------------------- changesets

    /** A schema {@code scratch}, an enum type, and per table a table, an index and a column comment: 2 + 3n changesets. */
    private static List<String> scratchTables(int count) {
        List<String> changesets = new ArrayList<>();
        changesets.add(changeset("scratch", "CREATE SCHEMA scratch;", "DROP SCHEMA scratch;"));
        changesets.add(changeset("mood", "CREATE TYPE scratch.mood AS ENUM ('calm', 'busy');", "DROP TYPE scratch.mood;"));
        for (int k = 1; k <= count; k++) {
            changesets.add(changeset("t-" + k, table(k), "DROP TABLE scratch.t_" + k + ";"));
            changesets.add(changeset("t-" + k + "-index", index(k), "DROP INDEX scratch.t_" + k + "_mood;"));
            changesets.add(changeset("t-" + k + "-comment", comment(k), "COMMENT ON COLUMN scratch.t_" + k + ".code IS NULL;"));
        }
        return changesets;
    }

    /**
     * Drops what {@link #scratchTables} made, each rollback making it again exactly. The drops are acknowledged, as
     * check requires of a changeset that loses data.
     */
    private static List<String> droppedScratchTables(int count) {
        List<String> changesets = new ArrayList<>();
        for (int k = count; k >= 1; k--) {
            changesets.add(changeset("drop-t-" + k, "-- driftless:allow drop-table\nDROP TABLE scratch.t_" + k + ";",
                    (table(k) + " " + index(k) + " " + comment(k)).replace("\n", " ")));
        }
        changesets.add(changeset("drop-mood", "DROP TYPE scratch.mood;", "CREATE TYPE scratch.mood AS ENUM ('calm', 'busy');"));
        changesets.add(changeset("drop-scratch", "-- driftless:allow drop-schema\nDROP SCHEMA scratch;", "CREATE SCHEMA scratch;"));
        return changesets;
    }

    private static String table(int k) {
        return "CREATE TABLE scratch.t_" + k + " (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " order_id bigint REFERENCES market_data.orders (id),"
                + (k > 1 ? " parent_id bigint REFERENCES scratch.t_" + (k - 1) + " (id)," : "")
                + " mood scratch.mood, moods scratch.mood[], amount numeric(10,2) CHECK (amount > 0),"
                + " code text DEFAULT 'x' UNIQUE);";
    }

    private static String index(int k) {
        return "CREATE INDEX t_" + k + "_mood ON scratch.t_" + k + " (mood, amount DESC) WHERE amount > 1;";
    }

    private static String comment(int k) {
        return "COMMENT ON COLUMN scratch.t_" + k + ".code IS 'code " + k + "';";
    }

    /**
     * Renames that reprint other objects (a referenced table and column, a schema, an enum type in use, a sequence
     * named in a default, an index), each exactly undone by its rollback, and then undone again by later changesets.
     */
    private static List<String> renamedAndBack() {
        String[][] renames = {
                {"ALTER TABLE market_data.orders RENAME TO placed_orders;", "ALTER TABLE market_data.placed_orders RENAME TO orders;"},
                {"ALTER TABLE market_data.placed_orders RENAME COLUMN id TO order_id;",
                        "ALTER TABLE market_data.placed_orders RENAME COLUMN order_id TO id;"},
                {"ALTER SCHEMA market_data RENAME TO market;", "ALTER SCHEMA market RENAME TO market_data;"},
                {"ALTER TYPE scratch.mood RENAME TO feeling;", "ALTER TYPE scratch.feeling RENAME TO mood;"},
                {"CREATE SEQUENCE scratch.counter; ALTER TABLE scratch.t_1 ADD COLUMN n bigint DEFAULT nextval('scratch.counter');",
                        "ALTER TABLE scratch.t_1 DROP COLUMN n; DROP SEQUENCE scratch.counter;"},
                {"ALTER SEQUENCE scratch.counter RENAME TO tally;", "ALTER SEQUENCE scratch.tally RENAME TO counter;"},
                {"ALTER INDEX scratch.t_2_mood RENAME TO t_2_feeling;", "ALTER INDEX scratch.t_2_feeling RENAME TO t_2_mood;"}};
        List<String> changesets = new ArrayList<>();
        for (int i = 0; i < renames.length; i++) {
            changesets.add(changeset("rename-" + i, renames[i][0], renames[i][1]));
        }
        for (int i = renames.length - 1; i >= 0; i--) {
            // undoing the test's own scaffolding (a column and sequence it added) is acknowledged, as check requires
            changesets.add(changeset("unrename-" + i, "-- driftless:allow all\n" + renames[i][1], renames[i][0]));
        }
        return changesets;
    }

    /** @param id the changeset's id, and any attributes after it */
    private static String changeset(String id, String sql, String rollback) {
        return "-- changeset test:" + id + "\n" + sql + "\n-- rollback " + rollback + "\n\n";
    }

    // ---------------------------------------------------------------- running

    private static void assertInexact(CliRun run, String changesetId) {
        assertEquals(1, run.exitCode(), run::toString);
        Pattern reported = Pattern.compile("::error title=driftless check: rollback-inexact::rolling back "
                + Pattern.quote(FILE + "::" + changesetId + "::test") + " does not restore the schema before it: ");
        assertTrue(reported.matcher(run.out()).find(), () -> "rollback-inexact naming " + changesetId + ": " + run);
    }

    /** Writes {@code changesets} as the changelog file {@link #FILE}, included last. */
    private void addChangesets(List<String> changesets) throws IOException {
        boolean included = Files.exists(changelogs.resolve(FILE));
        Files.writeString(changelogs.resolve(FILE), "-- liquibase formatted sql\n\n" + String.join("", changesets));
        if (!included) {
            Files.writeString(changelogs.resolve("db.changelog-master.yaml"),
                    "  - include:\n      file: " + FILE + "\n      relativeToChangelogFile: true\n", StandardOpenOption.APPEND);
        }
    }

    private void writeConfig(String devUrl) throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), "classes: " + classes + "\n"
                + "changelogs: changelogs\n"
                + "dev-url: " + devUrl + "\n"
                + "sources: " + ModelCompiler.exampleSources() + "\n");
    }

    private CliRun check() {
        return CliRun.of("check", "--github-annotations", "--config", project.resolve("driftless.yaml").toString());
    }
}
