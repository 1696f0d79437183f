package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code driftless validate} through the CLI on a real PostgreSQL: the example model applied, then changed by hand
 * in one way per finding kind; every difference reported once, pointing at the entity's file and line.
 */
class ValidateTest {

    private static final String MARKET = "com/acme/trading/market/";
    private static final String BACKTESTER = "com/acme/trading/backtester/";

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();
    Path classes;

    /** One hand change per finding kind, each on its own object: kind → SQL, and where the finding must point. */
    private record Drift(String kind, String sql, String file, String declaration) {
    }

    private static final List<Drift> ONE_PER_KIND = List.of(
            new Drift("missing_table", "DROP TABLE market_data.user_preferences", MARKET + "UserPreferences.java",
                    "public class UserPreferences"),
            new Drift("unmapped_table", "CREATE TABLE backtester.legacy_reports (id int)", null, null),
            new Drift("missing_column", "ALTER TABLE backtester.optimization_results DROP COLUMN objective_value",
                    BACKTESTER + "OptimizationResult.java", "private BigDecimal objectiveValue;"),
            new Drift("unmapped_column", "ALTER TABLE market_data.orders ADD COLUMN note text", MARKET + "Order.java",
                    "public class Order"),
            new Drift("type", "ALTER TABLE market_data.orders ALTER COLUMN symbol TYPE varchar(32)", MARKET + "Order.java",
                    "private String symbol;"),
            new Drift("nullability", "ALTER TABLE market_data.orders ALTER COLUMN placed_at DROP NOT NULL", MARKET + "Order.java",
                    "private Instant placedAt;"),
            new Drift("default", "ALTER TABLE market_data.trading_sessions ALTER COLUMN exchange SET DEFAULT 'binance'",
                    MARKET + "TradingSession.java", "private String exchange;"),
            new Drift("identity", "ALTER TABLE market_data.trades ALTER COLUMN id DROP IDENTITY", MARKET + "Trade.java",
                    "private Long id;"),
            new Drift("primary_key", "ALTER TABLE backtester.optimization_results DROP CONSTRAINT optimization_results_pkey",
                    BACKTESTER + "OptimizationResult.java", "private Long id;"),
            new Drift("foreign_key", """
                    DO $$ DECLARE n text; BEGIN
                      SELECT conname INTO n FROM pg_constraint WHERE conrelid = 'market_data.trades'::regclass AND contype = 'f';
                      EXECUTE format('ALTER TABLE market_data.trades DROP CONSTRAINT %I', n);
                    END $$;
                    ALTER TABLE market_data.trades ADD CONSTRAINT trades_order_fk FOREIGN KEY (order_id)
                      REFERENCES market_data.orders (id) ON DELETE CASCADE""", MARKET + "Trade.java", "private Order order;"),
            new Drift("unique", "ALTER TABLE market_data.bot_subscribers DROP CONSTRAINT bot_subscribers_user_id_key",
                    MARKET + "BotSubscriber.java", "private Long userId;"),
            new Drift("index", "DROP INDEX backtester.idx_backtest_history_strategy_symbol", BACKTESTER + "BacktestRun.java",
                    "public class BacktestRun"),
            new Drift("check", "ALTER TABLE market_data.trades ADD CONSTRAINT fee_not_negative CHECK (fee >= 0)",
                    MARKET + "Trade.java", "private BigDecimal fee;"),
            new Drift("sequence", "ALTER SEQUENCE backtester.backtest_history_seq INCREMENT BY 1",
                    BACKTESTER + "BacktestRun.java", "private Long id;"),
            new Drift("comment", "COMMENT ON COLUMN market_data.orders.limit_price IS 'set by hand'", MARKET + "Order.java",
                    "private BigDecimal limitPrice;"));

    @BeforeEach
    void applyTheExample() throws IOException {
        classes = ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes"));
        writeConfig(classes, "");
        CliRun diff = driftless("diff");
        assertEquals(0, diff.exitCode(), diff::toString);
        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
    }

    @Test
    void agreesRightAfterApplyAndSaysSo() {
        CliRun run = driftless("validate");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("OK: the entities and"), run::toString);
    }

    @Test
    void eachKindOfDifferenceIsReportedExactlyOnceWithTheEntitysFileAndLine() throws Exception {
        for (Drift drift : ONE_PER_KIND) {
            execute(drift.sql());
        }
        CliRun run = driftless("validate", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        List<Map<String, Object>> findings = findings(run.out());

        Map<String, List<Map<String, Object>>> byKind = findings.stream()
                .collect(Collectors.groupingBy(f -> (String) f.get("kind"), LinkedHashMap::new, Collectors.toList()));
        assertEquals(ONE_PER_KIND.size(), findings.size(), () -> describe(findings));
        for (Drift drift : ONE_PER_KIND) {
            List<Map<String, Object>> ofKind = byKind.getOrDefault(drift.kind(), List.of());
            assertEquals(1, ofKind.size(), () -> drift.kind() + ": " + describe(findings));
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) ofKind.get(0).get("source");
            if (drift.file() == null) {
                assertNull(source, drift.kind());
                continue;
            }
            assertNotNull(source, drift.kind());
            assertEquals(drift.file(), source.get("file"), drift.kind());
            assertEquals(lineOf(drift.file(), drift.declaration()), source.get("line"), () -> drift.kind() + ": " + ofKind);
        }
        String message = (String) byKind.get("missing_column").get(0).get("message");
        assertEquals(BACKTESTER + "OptimizationResult.java:" + lineOf(BACKTESTER + "OptimizationResult.java",
                "private BigDecimal objectiveValue;") + " field objectiveValue → column"
                + " backtester.optimization_results.objective_value: missing in the database", message);
    }

    @Test
    void twentyDifferencesAreAllReportedInOneRun() throws Exception {
        for (Drift drift : ONE_PER_KIND) {
            execute(drift.sql());
        }
        for (int i = 1; i <= 20 - ONE_PER_KIND.size(); i++) {
            execute("ALTER TABLE backtester.strategy_configs ADD COLUMN extra_" + i + " int");
        }
        CliRun run = driftless("validate", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        List<Map<String, Object>> findings = findings(run.out());
        assertEquals(20, findings.size(), () -> describe(findings));
        assertEquals(20, findings.stream().map(f -> f.get("message")).distinct().count());

        CliRun human = driftless("validate");
        assertEquals(1, human.exitCode());
        assertTrue(human.out().startsWith("Drift: 20 difference(s)"), human::toString);
        assertFalse(human.out().contains("\u001b["), "no colours when not on a terminal");
    }

    @Test
    void junitXmlHasATestCasePerTableAndAFailurePerFinding() throws Exception {
        execute("ALTER TABLE market_data.orders ALTER COLUMN symbol TYPE varchar(32)");
        execute("ALTER TABLE market_data.orders ADD COLUMN note text");
        execute("CREATE TABLE backtester.legacy_reports (id int)");
        Path report = project.resolve("reports/driftless.xml");
        CliRun run = driftless("validate", "--junit", report.toString());
        assertEquals(1, run.exitCode(), run::toString);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        NodeList cases = suite.getElementsByTagName("testcase");
        Map<String, Integer> failuresByCase = new LinkedHashMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            failuresByCase.put(testcase.getAttribute("name"), testcase.getElementsByTagName("failure").getLength());
        }
        assertEquals(9, cases.getLength(), failuresByCase::toString); // 8 mapped tables + the unmapped one
        assertEquals(2, failuresByCase.get("market_data.orders"));
        assertEquals(1, failuresByCase.get("backtester.legacy_reports"));
        assertEquals(0, failuresByCase.get("market_data.trades"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("9", suite.getAttribute("tests"));
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertFalse(failure.getAttribute("type").isEmpty());
        assertFalse(failure.getAttribute("message").isEmpty());
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws Exception {
        execute("ALTER TABLE market_data.orders ALTER COLUMN symbol TYPE varchar(32)");
        CliRun run = driftless("validate", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        Map<String, Object> root = parse(run.out());
        assertEquals(List.of("format", "command", "target", "agrees", "classified", "pendingChangesets", "ignored",
                "tookMillis", "tables", "findings"), List.copyOf(root.keySet()));
        assertEquals("driftless-validate/1", root.get("format"));
        assertEquals(false, root.get("agrees"));
        assertEquals(true, root.get("classified"));
        @SuppressWarnings("unchecked")
        Map<String, Object> finding = ((List<Map<String, Object>>) root.get("findings")).get(0);
        assertEquals(List.of("kind", "group", "table", "column", "object", "problem", "database", "model", "origin", "source",
                "message"), List.copyOf(finding.keySet()));
        assertEquals("type", finding.get("kind"));
        assertEquals("market_data.orders", finding.get("table"));
        assertEquals("symbol", finding.get("column"));
        assertEquals("character varying(32)", finding.get("database"));
        assertEquals("character varying(20)", finding.get("model"));
        assertEquals("changed_by_hand", finding.get("origin"));
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) finding.get("source");
        assertEquals(List.of("class", "field", "file", "line"), List.copyOf(source.keySet()));
        assertEquals("com.acme.trading.market.Order", source.get("class"));
        assertEquals("symbol", source.get("field"));
        // The documented schema lists exactly these keys.
        String docs = Files.readString(repositoryRoot().resolve("docs/validate.md"));
        for (String key : List.of("format", "agrees", "classified", "pendingChangesets", "ignored", "tookMillis", "tables",
                "findings", "kind", "group", "table", "column", "object", "problem", "database", "model", "origin", "source",
                "message", "class", "field", "file", "line")) {
            assertTrue(docs.contains("`" + key + "`"), "docs/validate.md documents " + key);
        }
    }

    @Test
    void githubAnnotationsPointAtTheFileAndLine() throws Exception {
        execute("ALTER TABLE market_data.orders ALTER COLUMN symbol TYPE varchar(32)");
        CliRun run = driftless("validate", "--github-annotations");
        assertEquals(1, run.exitCode(), run::toString);
        int line = lineOf(MARKET + "Order.java", "private String symbol;");
        String expectedFile = relativeToWorkingDirectory(ModelCompiler.exampleSources().resolve(MARKET + "Order.java"));
        assertTrue(run.out().contains("::error file=" + expectedFile + ",line=" + line
                + ",title=driftless type%3A market_data.orders::"), run::toString);
    }

    @Test
    void sourcesAbsentNamesTheClassAndField() throws Exception {
        writeConfig(classes, "sources: " + project.resolve("no-such-dir") + "\n");
        execute("ALTER TABLE market_data.orders ALTER COLUMN symbol TYPE varchar(32)");
        CliRun run = driftless("validate");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("  ✗ Order.symbol → column market_data.orders.symbol: type is character varying(32)"
                + " in the database, the model says character varying(20)"), run::toString);
    }

    @Test
    void ignoreRulesLeaveOutWhatTheModelDoesNotOwn() throws Exception {
        execute("CREATE TABLE backtester.legacy_reports (id int)");
        execute("ALTER TABLE market_data.orders ADD COLUMN legacy_note text");
        execute("DROP INDEX backtester.idx_backtest_history_strategy_symbol");
        writeConfig(classes, "ignore:\n  tables: [\"backtester.legacy_*\"]\n  columns: [\"*.legacy_*\"]\n  kinds: [index]\n");
        CliRun run = driftless("validate");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("3 difference(s) ignored"), run::toString);
    }

    @Test
    void classifiesByWhereEachDifferenceCameFrom() throws Exception {
        // v2 adds trades.venue and has its changelog, not applied yet; v3 also adds orders.note without a changelog;
        // and someone drops an index by hand.
        Path v2 = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(v2, MARKET + "Trade.java", Map.of("    private Instant executedAt;",
                "    private Instant executedAt;\n\n    @Column(name = \"venue\", length = 32)\n    private String venue;"));
        writeConfig(ModelCompiler.compile(v2, project.resolve("classes-v2")), "sources: " + v2 + "\n");
        assertEquals(0, driftless("diff", "--name", "venue").exitCode());
        ModelCompiler.edit(v2, MARKET + "Order.java", Map.of("    private Instant placedAt;",
                "    private Instant placedAt;\n\n    @Column(name = \"note\")\n    private String note;"));
        writeConfig(ModelCompiler.compile(v2, project.resolve("classes-v3")), "sources: " + v2 + "\n");
        execute("DROP INDEX backtester.idx_backtest_history_strategy_symbol");

        CliRun run = driftless("validate", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        Map<String, Object> root = parse(run.out());
        assertEquals(1, root.get("pendingChangesets"));
        Map<String, String> originByObject = findings(run.out()).stream()
                .collect(Collectors.toMap(f -> (String) f.get("object"), f -> (String) f.get("origin")));
        assertEquals(Map.of(
                "column market_data.trades.venue", "not_applied",
                "column market_data.orders.note", "model_changed",
                "index on backtester.backtest_history USING btree (strategy_id, symbol)", "changed_by_hand"), originByObject);

        CliRun human = driftless("validate");
        assertTrue(human.out().contains("not applied yet: a pending changeset fixes it (driftless apply)"), human::toString);
    }

    @Test
    void readsOnlyWithARoleThatHasOnlySelectAndUsage() throws Exception {
        String role = "reader_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        execute("CREATE ROLE " + role + " LOGIN");
        execute("GRANT CONNECT ON DATABASE " + database.name() + " TO " + role);
        for (String schema : List.of("public", "backtester", "market_data")) {
            execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
            execute("GRANT SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
        }
        execute("ALTER TABLE market_data.orders ALTER COLUMN symbol TYPE varchar(32)");
        // A changeset that is not applied yet: validate must still not touch Liquibase's tables.
        Path v2 = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(v2, MARKET + "Trade.java", Map.of("    private Instant executedAt;",
                "    private Instant executedAt;\n\n    @Column(name = \"venue\", length = 32)\n    private String venue;"));
        writeConfig(ModelCompiler.compile(v2, project.resolve("classes-v2")), "sources: " + v2 + "\n");
        assertEquals(0, driftless("diff", "--name", "venue").exitCode());
        long changelogRows = count("SELECT count(*) FROM public.databasechangelog");
        String before = catalogFingerprint();

        CliRun run = driftless("validate", "--user", role);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("column market_data.orders.symbol"), run::toString);
        assertTrue(run.out().contains("column market_data.trades.venue"), run::toString);
        assertEquals(changelogRows, count("SELECT count(*) FROM public.databasechangelog"));
        assertEquals(before, catalogFingerprint());
    }

    // ------------------------------------------------------------------ helpers

    private void writeConfig(Path classDirectory, String extra) throws IOException {
        String sources = extra.contains("sources:") ? "" : "sources: " + ModelCompiler.exampleSources() + "\n";
        Files.writeString(project.resolve("driftless.yaml"), "classes: " + classDirectory + "\n"
                + "changelogs: changelogs\n"
                + "url: " + database.url() + "\n"
                + "user: " + database.user() + "\n"
                + "dev-url: " + database.devUrl() + "\n"
                + sources + extra);
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every relation in the database with its kind: a write of any kind that creates something shows here. */
    private String catalogFingerprint() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c"
                     + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog','information_schema')"
                     + " AND n.nspname !~ '^pg_toast' ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return String.join("\n", rows);
    }

    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(ModelCompiler.exampleSources().resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line with " + text);
    }

    private static String relativeToWorkingDirectory(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

    private static Path repositoryRoot() {
        return ModelCompiler.exampleSources().getParent().getParent().getParent().getParent().getParent();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        // JSON is YAML: SnakeYAML reads it, so the test needs no JSON library.
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(String json) {
        return (List<Map<String, Object>>) parse(json).get("findings");
    }

    private static String describe(List<Map<String, Object>> findings) {
        return findings.stream().map(f -> f.get("kind") + " " + f.get("message")).collect(Collectors.joining("\n"));
    }
}
