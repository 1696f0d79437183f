package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Driftless;
import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One (before, after) model pair per kind of change ({@code src/test/resources/fixtures/changes/<kind>}). For each,
 * on a real PostgreSQL: the before model is created and populated; the diff to the after model is compared with its
 * golden changelog ({@code golden/changes/<kind>.sql}: each change exactly once, in order); it applies to the
 * populated table and the rows are what they should be; diffing again finds nothing; rolling the new changesets back
 * restores the before schema exactly, and the rows.
 */
class ChangeRoundTripTest {

    /**
     * What a case does with data.
     *
     * @param populate    SQL run on the before schema
     * @param queryAfter  the rows to look at after applying the change
     * @param rowsAfter   {@code queryAfter}'s rows (rows joined by "|", columns by ",")
     * @param queryBefore the rows to look at after rolling it back
     * @param rowsBefore  {@code queryBefore}'s rows
     * @param probe       SQL that must succeed on the after schema (it should leave the rows as it found them)
     */
    record Data(String populate, String queryAfter, String rowsAfter, String queryBefore, String rowsBefore, String probe) {
        Data(String populate, String query, String rowsAfter, String rowsBefore, String probe) {
            this(populate, query, rowsAfter, query, rowsBefore, probe);
        }
    }

    static final Data NONE = new Data(null, null, null, null, null);

    static final Map<String, Data> DATA = Map.ofEntries(
            Map.entry("add-column", new Data("INSERT INTO account (name) VALUES ('Alice')",
                    "SELECT name, currency, rank FROM account", "Alice,EUR,null", "SELECT * FROM account", "1,Alice", null)),
            Map.entry("drop-column", new Data("INSERT INTO account (name, currency, rank) VALUES ('Alice', 'USD', 5)",
                    "SELECT * FROM account", "USD,1,Alice", "SELECT * FROM account", "USD,1,Alice,null", null)),
            Map.entry("drop-table", new Data("INSERT INTO account (name) VALUES ('A'); INSERT INTO transfer (account_id, amount) VALUES (1, 10)",
                    "SELECT count(*) FROM account", "1", "1", null)),
            Map.entry("length-change", new Data("INSERT INTO account (name) VALUES ('Alice')",
                    "SELECT name FROM account", "Alice", "Alice", "UPDATE account SET name = name")),
            Map.entry("text-to-varchar", new Data("INSERT INTO account (name) VALUES ('Bob')",
                    "SELECT name FROM account", "Bob", "Bob", null)),
            Map.entry("varchar-to-text", new Data("INSERT INTO account (name) VALUES ('Bob')",
                    "SELECT name FROM account", "Bob", "Bob", null)),
            Map.entry("precision-scale", new Data("INSERT INTO price (amount) VALUES (12.34)",
                    "SELECT amount FROM price", "12.340000", "12.34", null)),
            // local 03:04 in Paris (the application's hibernate.jdbc.time_zone) is 02:04 UTC, whatever the session's zone
            Map.entry("timestamp-to-timestamptz", new Data("INSERT INTO tick (seenAt) VALUES ('2026-01-02 03:04:05.123456')",
                    "SELECT to_char(seenAt AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM tick", "2026-01-02 02:04:05.123456",
                    "SELECT seenAt::text FROM tick", "2026-01-02 03:04:05.123456", null)),
            Map.entry("timestamp-precision", new Data("INSERT INTO tick (seenAt) VALUES ('2026-01-02 03:04:05.123+00')",
                    "SELECT to_char(seenAt AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM tick",
                    "2026-01-02 03:04:05.123000", "2026-01-02 03:04:05.123000", null)),
            Map.entry("enum-ordinal-to-string", new Data("INSERT INTO orders (side) VALUES (0), (1), (2), (NULL)",
                    "SELECT side FROM orders ORDER BY id", "BUY|SELL|SHORT|null", "0|1|2|null", null)),
            Map.entry("check-enum-value-added", new Data("INSERT INTO orders (side) VALUES ('BUY')",
                    "SELECT side FROM orders", "BUY", "BUY",
                    "INSERT INTO orders (side) VALUES ('SHORT'); DELETE FROM orders WHERE side = 'SHORT'")),
            Map.entry("native-enum-value-added", new Data("INSERT INTO market (mood) VALUES ('NERVOUS')",
                    "SELECT mood FROM market", "NERVOUS", "NERVOUS",
                    "INSERT INTO market (mood) VALUES ('EUPHORIC'); DELETE FROM market WHERE mood = 'EUPHORIC'")),
            Map.entry("native-enum-value-removed", new Data("INSERT INTO market (mood) VALUES ('NERVOUS'), ('CALM')",
                    "SELECT mood, fallback FROM market ORDER BY id", "NERVOUS,CALM|CALM,CALM", "NERVOUS,CALM|CALM,CALM",
                    "INSERT INTO market (mood) VALUES ('CALM'); DELETE FROM market WHERE id > 2")),
            Map.entry("nullability", new Data("INSERT INTO account (name, email) VALUES ('n', 'e')",
                    "SELECT name, email FROM account", "n,e", "n,e", "INSERT INTO account (email) VALUES ('x'); DELETE FROM account WHERE email = 'x'")),
            Map.entry("defaults", new Data("INSERT INTO setting (added, changed) VALUES ('a', 'c')",
                    "SELECT added, changed FROM setting", "a,c", "a,c",
                    "INSERT INTO setting DEFAULT VALUES; DELETE FROM setting WHERE added = '42' AND changed = 'dark' AND removed IS NULL")),
            Map.entry("pk-change", new Data("INSERT INTO holding (account, symbol, quantity) VALUES ('a', 'X', 1), ('b', 'Y', 2)",
                    "SELECT account, symbol, quantity FROM holding ORDER BY account", "a,X,1|b,Y,2", "a,X,1|b,Y,2",
                    "INSERT INTO holding (account, symbol, quantity) VALUES ('a', 'Y', 3); DELETE FROM holding WHERE quantity = 3")),
            Map.entry("fk-added", new Data("INSERT INTO account (name) VALUES ('A'); INSERT INTO transfer (account_id) VALUES (1)",
                    "SELECT account_id FROM transfer", "1", "1", null)),
            Map.entry("fk-on-delete", new Data("INSERT INTO account (name) VALUES ('A'); INSERT INTO transfer (account_id) VALUES (1)",
                    "SELECT count(*) FROM transfer", "1", "1",
                    "INSERT INTO account (name) VALUES ('B'); INSERT INTO transfer (account_id) VALUES (2); DELETE FROM account WHERE id = 2")),
            Map.entry("unique-added", new Data("INSERT INTO member (email) VALUES ('a@x'), ('b@x')",
                    "SELECT email FROM member ORDER BY email", "a@x|b@x", "a@x|b@x", null)),
            Map.entry("unique-replaced", new Data("INSERT INTO member (email, tenant) VALUES ('a@x', 't1'), ('b@x', 't1')",
                    "SELECT email, tenant FROM member ORDER BY email", "a@x,t1|b@x,t1", "a@x,t1|b@x,t1",
                    "INSERT INTO member (email, tenant) VALUES ('a@x', 't2'); DELETE FROM member WHERE tenant = 't2'")),
            Map.entry("unique-renamed", new Data("INSERT INTO member (email, tenant) VALUES ('a@x', 't1'), ('b@x', 't1')",
                    "SELECT email, tenant FROM member ORDER BY email", "a@x,t1|b@x,t1", "a@x,t1|b@x,t1",
                    "INSERT INTO member (email, tenant) VALUES ('a@x', 't2'); DELETE FROM member WHERE tenant = 't2'")));

    static Stream<String> changes() {
        return Fixture.names("changes").filter(name -> !name.startsWith("unmapped-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void detectedOnceAppliedToDataDiffedEmptyAndRolledBack(String kind, @TempDir Path work) {
        Path fixture = Fixture.ROOT.resolve("changes").resolve(kind);
        Properties options = Fixture.properties(fixture);
        Data data = DATA.getOrDefault(kind, NONE);
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.dropUnmapped = Boolean.parseBoolean(options.getProperty("drop-unmapped", "false"));
            roundTrip(kind, fixture, data, project.model(fixture.resolve("before"), "before"));
        }
    }

    private static void roundTrip(String kind, Path fixture, Data data, Fixture.Project project) {
        assertNotNull(project.diff("before").written());
        project.apply();
        Schema before = project.read();
        if (data.populate() != null) {
            project.execute(data.populate());
        }

        project.model(fixture.resolve("after"), "after");
        Driftless.DiffResult diff = project.diff(kind);
        assertNotNull(diff.written(), kind + ": the change must be found");
        Golden.assertMatches("golden/changes/" + kind + ".sql", MappingRoundTripTest.read(diff.written().file()));

        project.apply();
        if (data.queryAfter() != null) {
            assertEquals(data.rowsAfter(), rows(project, data.queryAfter()), kind + ": rows after applying");
        }
        if (data.probe() != null) {
            project.execute(data.probe());
        }
        Driftless.DiffResult again = project.diff("again");
        assertEquals(List.of(), again.changes().stream().map(Change::describe).toList(), kind + ": diff after apply");
        assertNull(again.written());

        project.rollback(diff.written().changeSets().size());
        // PostgreSQL adds a column back at the end of its table: a rollback restores everything but the position
        Fixture.assertSameSchema(columnsByName(before), columnsByName(project.read()), kind + ": rolled back");
        if (data.queryBefore() != null) {
            assertEquals(data.rowsBefore(), rows(project, data.queryBefore()), kind + ": rows after rolling back");
        }
    }

    private static Schema columnsByName(Schema schema) {
        return schema.withTables(schema.tables().stream().map(t -> new dev.driftless.model.Table(t.name(),
                t.columns().stream().sorted(java.util.Comparator.comparing(dev.driftless.model.Column::name)).toList(),
                t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(), t.checks(), t.indexes(), t.comment())).toList());
    }

    @Test
    void aTableOnlyInTheDatabaseIsReportedAndLeftAlone(@TempDir Path work) {
        Path fixture = Fixture.ROOT.resolve("changes/unmapped-table-reported");
        Fixture.Project project = new Fixture.Project(work).model(fixture.resolve("before"), "before");
        project.diff("before");
        project.apply();
        project.model(fixture.resolve("after"), "after");
        Driftless.DiffResult diff = project.diff("after");
        assertNull(diff.written());
        assertEquals(List.of(), diff.changes());
        assertEquals(List.of(QualifiedName.of("public", "transfer")), diff.diff().unmappedTables());
        assertTrue(project.read().table(QualifiedName.of("public", "transfer")).isPresent());
    }

    @Test
    void anIgnoredTableIsNeitherReportedNorDropped(@TempDir Path work) {
        Path fixture = Fixture.ROOT.resolve("changes/unmapped-table-ignored");
        Fixture.Project project = new Fixture.Project(work).model(fixture.resolve("before"), "before");
        project.diff("before");
        project.apply();
        project.execute("CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY)");
        project.execute("CREATE TABLE public.legacy_orders (id int)");
        project.execute("CREATE TABLE public.legacy_trades (id int)");
        project.model(fixture.resolve("after"), "after");
        project.dropUnmapped = true;
        project.ignore = List.of(Fixture.properties(fixture).getProperty("ignore"), "flyway_schema_history", "public.legacy_*");
        Driftless.DiffResult diff = project.diff("after");
        assertEquals(List.of(), diff.changes().stream().map(Change::describe).toList());
        assertNull(diff.written());
        assertEquals(List.of(), diff.diff().unmappedTables());
        assertEquals(List.of("public.legacy_orders", "public.legacy_trades", "public.transfer"),
                diff.diff().ignoredTables().stream().map(QualifiedName::toString).sorted().toList());
    }

    static String rows(Fixture.Project project, String query) {
        return String.join("|", project.rows(query).stream().map(row -> String.join(",",
                row.stream().map(String::valueOf).toList())).toList());
    }

}
