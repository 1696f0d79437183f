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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heart of the product, through the CLI entry point on a real PostgreSQL: entities → diff → apply → diff finds
 * nothing; a changed model → exactly those changes; every changeset rolls back.
 */
class EndToEndTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    private void writeConfig(Path classes) throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n",
                "classes: " + classes,
                "changelogs: changelogs",
                "url: " + database.url(),
                "user: " + database.user(),
                "dev-url: " + database.devUrl(),
                ""));
    }

    /**
     * {@code simple-ddl: true} in driftless.yaml reaches the changelog through every command's option handling (a
     * configuration copied for --contexts once dropped it): the foreign key on an existing table is one plain changeset.
     */
    @Test
    void simpleDdlFromTheConfigurationFileWritesPlainDdl() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("v1")));
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/TradingSession.java", Map.of(
                "    protected TradingSession() {",
                "    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)\n"
                        + "    @jakarta.persistence.JoinColumn(name = \"strategy_id\")\n"
                        + "    private com.acme.trading.backtester.StrategyConfig strategy;\n\n"
                        + "    protected TradingSession() {"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("v2")));
        Files.writeString(project.resolve("driftless.yaml"), "simple-ddl: true\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun diff = driftless("diff", "--name", "strategy");
        assertEquals(0, diff.exitCode(), diff::toString);
        String sql = Files.readString(newestChangelog());
        assertEquals(2, changesetComments(newestChangelog()).size(), sql);
        assertFalse(sql.contains("NOT VALID") || sql.contains("lock_timeout"), sql);
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void diffApplyDiffFindsNothingThenAChangedModelGivesExactlyItsChanges() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("v1")));

        CliRun first = driftless("diff");
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().contains("with 19 changeset(s)"), first::toString);

        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(8, tablesIn("backtester", "market_data").size(), apply::toString);

        CliRun again = driftless("diff");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("No changes"), again::toString);
        assertEquals(1, changelogFiles().size(), "a diff with no changes writes nothing");

        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of(
                "    @Column(name = \"executed_at\", nullable = false)",
                "    @Column(name = \"venue\", length = 32)\n    private String venue;\n\n"
                        + "    @Column(name = \"executed_at\", nullable = false)"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Order.java", Map.of(
                "@Column(name = \"symbol\", length = 20, nullable = false)",
                "@Column(name = \"symbol\", length = 32, nullable = false)"));
        ModelCompiler.edit(sources, "com/acme/trading/market/TradingSession.java", Map.of(
                "    protected TradingSession() {",
                "    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)\n"
                        + "    @jakarta.persistence.JoinColumn(name = \"strategy_id\")\n"
                        + "    private com.acme.trading.backtester.StrategyConfig strategy;\n\n"
                        + "    protected TradingSession() {"));
        Files.writeString(sources.resolve("com/acme/trading/market/PriceAlert.java"), """
                package com.acme.trading.market;

                import jakarta.persistence.*;
                import java.math.BigDecimal;

                @Entity
                @Table(name = "price_alerts", schema = "market_data")
                public class PriceAlert {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;

                    @ManyToOne(optional = false, fetch = FetchType.LAZY)
                    @JoinColumn(name = "subscriber_id", nullable = false)
                    private BotSubscriber subscriber;

                    @Column(name = "threshold", precision = 19, scale = 8, nullable = false)
                    private BigDecimal threshold;
                }
                """);
        writeConfig(ModelCompiler.compile(sources, project.resolve("v2")));

        CliRun changed = driftless("diff", "--name", "venue and alerts", "--report", "json");
        assertEquals(0, changed.exitCode(), changed::toString);
        Map<String, Object> report = ValidateTest.parse(changed.out());
        assertEquals(7, ((List<?>) report.get("changesets")).size(), changed::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> foreignKey = ((List<Map<String, Object>>) report.get("changes")).stream()
                .filter(c -> String.valueOf(c.get("change")).endsWith("market_data.trading_sessions[strategy_id] -> backtester.strategy_configs[id]"))
                .findFirst().orElseThrow();
        assertEquals(List.of("caution", "SHARE UPDATE EXCLUSIVE", true), List.of(foreignKey.get("risk"), foreignKey.get("lock"),
                foreignKey.get("scans")), foreignKey::toString);
        assertTrue(((Number) foreignKey.get("tableBytes")).longValue() > 0, foreignKey::toString);
        List<String> described = changesetComments(newestChangelog());
        // six changes; the foreign key on the existing trading_sessions takes two changesets (NOT VALID, then VALIDATE)
        assertEquals(7, described.size(), described::toString);
        assertTrue(described.contains("add column market_data.trades.venue character varying(32)"), described::toString);
        assertTrue(described.contains("change type of market_data.orders.symbol from character varying(20) to character varying(32)"),
                described::toString);
        assertTrue(described.contains("create table market_data.price_alerts"), described::toString);
        assertTrue(described.contains("add column market_data.trading_sessions.strategy_id bigint"), described::toString);
        assertTrue(described.stream().anyMatch(d -> d.startsWith("add foreign key")
                && d.endsWith("market_data.price_alerts[subscriber_id] -> market_data.bot_subscribers[id]")), described::toString);
        for (String step : List.of("(step 1 of 2: added NOT VALID, new rows are checked)",
                "(step 2 of 2: existing rows validated without blocking writes)")) {
            assertTrue(described.stream().anyMatch(d -> d.startsWith("add foreign key") && d.endsWith(
                    "market_data.trading_sessions[strategy_id] -> backtester.strategy_configs[id] " + step)), described::toString);
        }
        assertTrue(newestChangelog().getFileName().toString().endsWith("-venue-and-alerts.sql"));

        assertEquals(0, driftless("apply").exitCode());
        assertEquals("character varying(32)", columnType("market_data", "orders", "symbol"));
        assertEquals("character varying(32)", columnType("market_data", "trades", "venue"));

        CliRun settled = driftless("diff");
        assertTrue(settled.out().contains("No changes"), settled::toString);
    }

    @Test
    void everyChangesetRollsBackToAnEmptySchemaAndAppliesAgain() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes")));
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        insertATrade();

        CliRun rollback = driftless("rollback", "--count", "19");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertTrue(rollback.out().contains("Rolled back 19 changeset(s)."), rollback::toString);
        assertEquals(List.of(), tablesIn("backtester", "market_data"));
        assertEquals(List.of(), schemasNamed("backtester", "market_data"));

        CliRun status = driftless("status");
        assertTrue(status.out().contains("0 applied, 19 pending."), status::toString);

        assertEquals(0, driftless("apply").exitCode());
        assertEquals(8, tablesIn("backtester", "market_data").size());
        assertTrue(driftless("diff").out().contains("No changes"));
    }

    @Test
    void yamlChangelogsApplyAndRollBackToo() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes")));
        CliRun diff = driftless("diff", "--format", "yaml");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertTrue(newestChangelog().getFileName().toString().endsWith(".yaml"));
        assertEquals(0, driftless("apply").exitCode());
        assertEquals(8, tablesIn("backtester", "market_data").size());
        assertTrue(driftless("diff").out().contains("No changes"));
        assertEquals(0, driftless("rollback", "--count", "19").exitCode());
        assertEquals(List.of(), tablesIn("backtester", "market_data"));
    }

    @Test
    void springNamingStrategyRoundTrips() throws Exception {
        Path sources = project.resolve("src");
        Files.createDirectories(sources.resolve("com/acme"));
        Files.writeString(sources.resolve("com/acme/StrategyParameter.java"), """
                package com.acme;

                import jakarta.persistence.*;

                @Entity
                public class StrategyParameter {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    private String parameterName;
                    private Integer lookbackWindow;
                }
                """);
        writeConfig(ModelCompiler.compile(sources, project.resolve("classes")));
        CliRun diff = driftless("diff", "--naming", "spring");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals(0, driftless("apply").exitCode());
        assertEquals("character varying(255)", columnType("public", "strategy_parameter", "parameter_name"));
        assertEquals("integer", columnType("public", "strategy_parameter", "lookback_window"));
        assertTrue(driftless("diff", "--naming", "spring").out().contains("No changes"));
    }

    @Test
    void diffRefusesWhileChangesetsArePending() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes")));
        assertEquals(0, driftless("diff").exitCode());

        CliRun second = driftless("diff");
        assertEquals(1, second.exitCode(), second::toString);
        assertTrue(second.err().contains("19 changeset(s) in the changelogs are not applied"), second::toString);
        assertTrue(second.err().contains("driftless apply"), second::toString);
        assertEquals(1, changelogFiles().size(), "nothing generated twice");
    }

    private void insertATrade() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO market_data.bot_subscribers (chat_id, subscribed_at, user_id) VALUES (1, now(), 7)");
        }
    }

    private List<Path> changelogFiles() throws IOException {
        return Changelogs.files(project.resolve("changelogs"));
    }

    private Path newestChangelog() throws IOException {
        return Changelogs.newest(project.resolve("changelogs"));
    }

    private static List<String> changesetComments(Path changelog) throws IOException {
        return Changelogs.comments(changelog);
    }

    private List<String> tablesIn(String... schemas) throws SQLException {
        return strings("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('"
                + String.join("','", schemas) + "') ORDER BY 1");
    }

    private List<String> schemasNamed(String... schemas) throws SQLException {
        return strings("SELECT nspname FROM pg_namespace WHERE nspname IN ('" + String.join("','", schemas) + "')");
    }

    private String columnType(String schema, String table, String column) throws SQLException {
        List<String> types = strings("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
                + schema + "." + table + "'::regclass AND attname = '" + column + "'");
        assertFalse(types.isEmpty(), column + " missing");
        return types.get(0);
    }

    private List<String> strings(String sql) throws SQLException {
        return database.strings(sql);
    }
}
