package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renames through the CLI on a real PostgreSQL, with data: a renamed column or table keeps its rows when the
 * changelog is applied, and again when it is rolled back. Hints, git history, probable renames without a terminal.
 */
class RenamesEndToEndTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    private void writeConfig(Path classes, String... more) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "classes: " + classes,
                "changelogs: changelogs",
                "url: " + database.url(),
                "user: " + database.user(),
                "dev-url: " + database.devUrl()));
        lines.addAll(List.of(more));
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", lines) + "\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    // ---- explicit hints, with the bundled example and its data ----

    @Test
    void hintedRenamesKeepTheRowsWhenAppliedAndWhenRolledBack() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("v1")));
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        populateExample();
        List<String> ordersBefore = strings("SELECT id || ':' || quantity FROM market_data.orders ORDER BY id");
        List<String> tradesBefore = strings("SELECT id || ':' || executed_price FROM market_data.trades ORDER BY id");
        assertEquals(3, ordersBefore.size());

        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Order.java", Map.of(
                "@Column(name = \"quantity\", precision = 19, scale = 8, nullable = false)",
                "@Column(name = \"order_quantity\", precision = 19, scale = 8, nullable = false)"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of("name = \"trades\"", "name = \"executions\""));
        writeConfig(ModelCompiler.compile(sources, project.resolve("v2")));

        CliRun diff = driftless("diff", "--rename", "market_data.orders.quantity=order_quantity",
                "--rename-table", "market_data.trades=market_data.executions");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals(List.of("rename table market_data.trades to market_data.executions",
                "rename column market_data.orders.quantity to order_quantity"), changesetComments(newestChangelog()), diff::toString);
        assertTrue(diff.out().contains("rename: rename column market_data.orders.quantity to order_quantity"
                + " (--rename market_data.orders.quantity=order_quantity)"), diff::toString);
        assertTrue(Files.readString(newestChangelog()).contains(
                "ALTER TABLE market_data.orders RENAME COLUMN quantity TO order_quantity;"));

        assertEquals(0, driftless("apply").exitCode());
        assertEquals(ordersBefore, strings("SELECT id || ':' || order_quantity FROM market_data.orders ORDER BY id"));
        assertEquals(tradesBefore, strings("SELECT id || ':' || executed_price FROM market_data.executions ORDER BY id"));
        assertTrue(driftless("diff").out().contains("No changes"));

        CliRun rollback = driftless("rollback", "--count", "2");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertEquals(ordersBefore, strings("SELECT id || ':' || quantity FROM market_data.orders ORDER BY id"));
        assertEquals(tradesBefore, strings("SELECT id || ':' || executed_price FROM market_data.trades ORDER BY id"));
    }

    @Test
    void hintsInDriftlessYamlWorkAndOnceAppliedAreOnlyANote() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("v1")));
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), project.resolve("src-v2"));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java", Map.of("name = \"trades\"", "name = \"executions\""));
        writeConfig(ModelCompiler.compile(sources, project.resolve("v2")),
                "renames:", "  tables: [market_data.trades=executions]");

        CliRun diff = driftless("diff");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals(List.of("rename table market_data.trades to market_data.executions"), changesetComments(newestChangelog()));
        assertEquals(0, driftless("apply").exitCode());

        CliRun again = driftless("diff");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("is already done in the database; the hint can go"), again::toString);
        assertTrue(again.out().contains("No changes"), again::toString);
    }

    @Test
    void aHintThatNamesNothingIsAUsageError() throws Exception {
        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("v1")));
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());

        CliRun missing = driftless("diff", "--rename", "market_data.orders.qty=order_quantity");
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("the database has no column qty in market_data.orders"), missing::toString);

        CliRun done = driftless("diff", "--rename", "market_data.orders.qty=quantity");
        assertEquals(2, done.exitCode(), done::toString);
        assertTrue(done.err().contains("already has quantity (is the rename done already?)"), done::toString);

        CliRun noTable = driftless("diff", "--rename-table", "market_data.fills=market_data.executions");
        assertEquals(2, noTable.exitCode(), noTable::toString);
        assertTrue(noTable.err().contains("the database has no table market_data.fills"), noTable::toString);

        CliRun malformed = driftless("diff", "--rename", "orders-qty");
        assertEquals(2, malformed.exitCode(), malformed::toString);
        assertTrue(malformed.err().contains("expected schema.table.old_column=new_column"), malformed::toString);

        writeConfig(ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("v1")),
                "renames:", "  column: [a.b.c=d]");
        CliRun badKey = driftless("diff");
        assertEquals(2, badKey.exitCode(), badKey::toString);
        assertTrue(badKey.err().contains("unknown key(s) [column] under 'renames'"), badKey::toString);
        assertEquals(1, changelogFiles().size(), "nothing written");
    }

    // ---- renames found in the entity sources' git history ----

    static final String FILL = """
            package com.acme;

            import jakarta.persistence.*;
            import java.math.BigDecimal;

            @Entity
            public class Fill {
                @Id
                private Long id;
                @Column(precision = 19, scale = 8)
                private BigDecimal px;
                private String venueCode;
            }
            """;
    static final String QUOTE = """
            package com.acme;

            import jakarta.persistence.*;
            import java.math.BigDecimal;

            @Entity
            @Table(name = "quotes")
            public class Quote {
                @Id
                private Long id;
                @Column(name = "bid_px", precision = 19, scale = 8)
                private BigDecimal bid;
            }
            """;
    static final String POSITION = """
            package com.acme;

            import jakarta.persistence.*;
            import java.math.BigDecimal;

            @Entity
            @Table(name = "positions")
            public class Position {
                @Id
                private Long id;
                @Column(precision = 19, scale = 8, nullable = false)
                private BigDecimal qty;
                private String symbol;
            }
            """;

    private Path smallModel() throws IOException {
        Path sources = project.resolve("src");
        Files.createDirectories(sources.resolve("com/acme"));
        Files.writeString(sources.resolve("com/acme/Fill.java"), FILL);
        Files.writeString(sources.resolve("com/acme/Quote.java"), QUOTE);
        Files.writeString(sources.resolve("com/acme/Position.java"), POSITION);
        return sources;
    }

    private void populateSmallModel() throws SQLException {
        execute("INSERT INTO fill (id, px, venuecode) VALUES (1, 101.5, 'XNAS'), (2, 99.25, 'XLON')",
                "INSERT INTO quotes (id, bid_px) VALUES (1, 100.125), (2, 100.25)",
                "INSERT INTO positions (id, qty, symbol) VALUES (1, 3.5, 'BTC'), (2, 7, 'ETH')");
    }

    @Test
    void renamedFieldClassColumnNameAndTableNameFoundInGitHistoryKeepTheirRows() throws Exception {
        Path sources = smallModel();
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "v1");
        writeConfig(ModelCompiler.compile(sources, project.resolve("v1")), "sources: src");
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        populateSmallModel();

        // The developer's uncommitted edits: a class renamed, a @Column(name) changed, a @Table(name) changed, a field renamed.
        Files.delete(sources.resolve("com/acme/Fill.java"));
        Files.writeString(sources.resolve("com/acme/Execution.java"), FILL.replace("class Fill", "class Execution"));
        Files.writeString(sources.resolve("com/acme/Quote.java"), QUOTE.replace("\"bid_px\"", "\"best_bid\"")
                .replace("\"quotes\"", "\"market_quotes\""));
        Files.writeString(sources.resolve("com/acme/Position.java"), POSITION.replace("BigDecimal qty;", "BigDecimal quantity;"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("v2")), "sources: src");

        CliRun diff = driftless("diff");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals(List.of(
                "rename table public.fill to public.execution",
                "rename table public.quotes to public.market_quotes",
                "rename column public.market_quotes.bid_px to best_bid",
                "rename column public.positions.qty to quantity"), changesetComments(newestChangelog()), diff::toString);
        assertTrue(diff.out().contains("(com/acme/Position.java: field Position.qty renamed to quantity)"), diff::toString);
        assertTrue(diff.out().contains("class com.acme.Fill renamed to com.acme.Execution"), diff::toString);

        assertEquals(0, driftless("apply").exitCode());
        assertEquals(List.of("1:101.50000000:XNAS", "2:99.25000000:XLON"),
                strings("SELECT id || ':' || px || ':' || venuecode FROM execution ORDER BY id"));
        assertEquals(List.of("1:100.12500000", "2:100.25000000"), strings("SELECT id || ':' || best_bid FROM market_quotes ORDER BY id"));
        assertEquals(List.of("1:3.50000000:BTC", "2:7.00000000:ETH"),
                strings("SELECT id || ':' || quantity || ':' || symbol FROM positions ORDER BY id"));
        assertTrue(driftless("diff").out().contains("No changes"));

        assertEquals(0, driftless("rollback", "--count", "4").exitCode());
        assertEquals(List.of("1:101.50000000:XNAS", "2:99.25000000:XLON"),
                strings("SELECT id || ':' || px || ':' || venuecode FROM fill ORDER BY id"));
        assertEquals(List.of("1:100.12500000", "2:100.25000000"), strings("SELECT id || ':' || bid_px FROM quotes ORDER BY id"));
        assertEquals(List.of("1:3.50000000:BTC", "2:7.00000000:ETH"),
                strings("SELECT id || ':' || qty || ':' || symbol FROM positions ORDER BY id"));
    }

    // ---- probable renames ----

    @Test
    void aProbableRenameWithoutATerminalStaysADropAndAddMarkedAndWarned() throws Exception {
        Path sources = smallModel(); // not in git: nothing to learn from history
        writeConfig(ModelCompiler.compile(sources, project.resolve("v1")), "sources: src");
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        Files.writeString(sources.resolve("com/acme/Position.java"), POSITION.replace("BigDecimal qty;", "BigDecimal quantity;"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("v2")), "sources: src");

        CliRun diff = driftless("diff");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("warning: PROBABLE RENAME: public.positions.qty is dropped and public.positions.quantity added"),
                diff::toString);
        assertTrue(diff.out().contains("--rename public.positions.qty=quantity"), diff::toString);
        List<String> comments = changesetComments(newestChangelog());
        assertTrue(comments.contains("DESTRUCTIVE: drop column public.positions.qty (the rollback restores the structure, not the data);"
                + " PROBABLE RENAME to quantity: if so, generate again with --rename public.positions.qty=quantity"), comments::toString);
        assertTrue(comments.contains("add column public.positions.quantity numeric(19,8)"), comments::toString);
        assertTrue(diff.out().contains("! DESTRUCTIVE: drop column public.positions.qty"), diff::toString);
    }

    @Test
    void acceptingProbableRenamesWithoutATerminalRenames() throws Exception {
        Path sources = smallModel();
        writeConfig(ModelCompiler.compile(sources, project.resolve("v1")), "sources: src");
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        populateSmallModel();
        Files.writeString(sources.resolve("com/acme/Position.java"), POSITION.replace("BigDecimal qty;", "BigDecimal quantity;"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("v2")), "sources: src");

        CliRun diff = driftless("diff", "--accept-probable-renames");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals(List.of("rename column public.positions.qty to quantity"), changesetComments(newestChangelog()));
        assertEquals(0, driftless("apply").exitCode());
        assertEquals(List.of("1:3.50000000", "2:7.00000000"), strings("SELECT id || ':' || quantity FROM positions ORDER BY id"));
    }

    // ---- helpers ----

    private void populateExample() throws SQLException {
        execute("INSERT INTO market_data.bot_subscribers (id, chat_id, subscribed_at, user_id) VALUES (1, 1, now(), 7)",
                "INSERT INTO market_data.trading_sessions (id, user_id, exchange, mode, opened_at)"
                        + " VALUES ('00000000-0000-0000-0000-000000000001', 1, 'binance', 'PAPER', now())",
                "INSERT INTO market_data.orders (id, session_id, symbol, side, order_type, quantity, status, placed_at, version)"
                        + " VALUES (1, '00000000-0000-0000-0000-000000000001', 'BTCUSDT', 'BUY', 'MARKET', 0.5, 'NEW', now(), 0),"
                        + " (2, '00000000-0000-0000-0000-000000000001', 'ETHUSDT', 'SELL', 'LIMIT', 12.25, 'NEW', now(), 0),"
                        + " (3, '00000000-0000-0000-0000-000000000001', 'SOLUSDT', 'BUY', 'MARKET', 100, 'FILLED', now(), 0)",
                "INSERT INTO market_data.trades (id, order_id, executed_quantity, executed_price, fee, executed_at)"
                        + " VALUES (1, 3, 100, 142.5, 0.1, now())");
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t",
                "-c", "commit.gpgsign=false", "-C", project.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }

    private void execute(String... statements) throws SQLException {
        database.execute(statements);
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

    private List<String> strings(String sql) throws SQLException {
        return database.strings(sql);
    }
}
