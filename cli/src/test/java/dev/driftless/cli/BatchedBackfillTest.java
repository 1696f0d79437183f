package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftless new --batched} (issue 15): a template that, once filled in, passes check, backfills a 100 000-row
 * table in committed batches with progress, and after a SIGKILL half-way leaves its finished batches, no record, and a
 * re-run that finishes with every row updated exactly once. The example model's {@code trade_count} (0 in every row
 * here) serves as the counter: the SET adds one to it.
 */
@Tag("reliability")
class BatchedBackfillTest {

    private static final int ROWS = 100_000;
    private static final String TABLE = "backtester.backtest_history";
    private static final String SET = "sharpe_ratio = total_return * 2, trade_count = trade_count + 1";
    private static final String CONDITION = "sharpe_ratio IS NULL";

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();
    private ExampleProject example;

    @BeforeEach
    void exampleSchemaWithRows() throws Exception {
        example = ExampleProject.copyInto(project);
        Files.writeString(project.resolve("driftless.yaml"), "classes: classes\nchangelogs: changelogs\nurl: "
                + database.url() + "\nuser: " + database.user() + "\n");
        CliRun schema = CliProcess.run(project, "apply", "--backup", "never");
        assertEquals(0, schema.exitCode(), schema::toString);
        database.execute("INSERT INTO backtester.strategy_configs (id, created_at, name) VALUES (1, now(), 'momentum')",
                "INSERT INTO " + TABLE + " (id, status, symbol, timeframe, strategy_id, total_return, trade_count)"
                        + " SELECT g, 'COMPLETED', 'EURUSD', 'H1', 1, g / 1000.0, 0 FROM generate_series(1, " + ROWS + ") g");
    }

    @Test
    void theFilledTemplatePassesCheckAndApplyUpdatesEveryRowOnceInCommittedBatchesWithProgress() throws Exception {
        CliRun made = driftless("new", "--batched", "backfill sharpe ratio", "--table", TABLE, "--batch-size", "5000");
        assertEquals(0, made.exitCode(), made::toString);
        Path file = single(example.changelogs());
        String template = Files.readString(file);
        assertTrue(template.contains("runInTransaction:false"), template);
        assertTrue(template.contains("_batch_size constant integer := 5000;"), template);
        assertTrue(template.contains("ORDER BY id"), "ordered by the primary key read from the database: " + template);

        CliRun unwritten = driftless("check");
        assertEquals(1, unwritten.exitCode(), unwritten::toString);
        assertTrue(unwritten.out().contains("driftless: write the SET"), unwritten::toString);

        fill(file, "empty");
        CliRun written = driftless("check");
        assertEquals(0, written.exitCode(), written::toString);

        CliRun apply = CliProcess.run(project, "apply", "--backup", "never");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains(TABLE + ": batch 1, 5000 rows updated, up to id 5000 of 100000"), apply::toString);
        assertTrue(apply.err().contains(TABLE + ": batch 20, 100000 rows updated, up to id 100000 of 100000"), apply::toString);
        assertTrue(apply.err().contains(TABLE + ": done, 100000 rows updated in 20 batches"), apply::toString);
        assertEquals(List.of("1|100000"), database.strings("SELECT trade_count || '|' || count(*) FROM " + TABLE
                + " WHERE sharpe_ratio = total_return * 2 GROUP BY trade_count"));
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM databasechangelog WHERE filename LIKE"
                + " '%backfill-sharpe-ratio.sql'"));
    }

    @Test
    void killedHalfWayItKeepsItsCommittedBatchesIsNotRecordedAndTheReRunUpdatesEachRemainingRowOnce() throws Exception {
        CliRun made = driftless("new", "--batched", "backfill sharpe ratio", "--table", TABLE, "--batch-size", "1000");
        assertEquals(0, made.exitCode(), made::toString);
        Path file = single(example.changelogs());
        fill(file, "UPDATE " + TABLE + " SET sharpe_ratio = NULL;");
        replace(file, "_pause constant double precision := 0;", "_pause constant double precision := 0.1;");

        CliProcess apply = CliProcess.start(project, "apply", "--backup", "never");
        awaitDone(10_000);
        apply.kill();
        apply.await();
        awaitNoMigrationLock();

        int done = Integer.parseInt(database.strings("SELECT count(*) FROM " + TABLE + " WHERE sharpe_ratio IS NOT NULL").get(0));
        assertTrue(done >= 10_000 && done < ROWS, "killed half-way, its finished batches kept: " + done);
        assertEquals(0, done % 1000, "whole batches only: " + done);
        assertEquals(List.of(), database.strings("SELECT trade_count FROM " + TABLE + " WHERE trade_count > 1"));
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM databasechangelog WHERE filename LIKE"
                + " '%backfill-sharpe-ratio.sql'"), "a killed backfill is not recorded");

        replace(file, "_pause constant double precision := 0.1;", "_pause constant double precision := 0;");
        CliRun rerun = CliProcess.run(project, "apply", "--backup", "never");
        assertEquals(0, rerun.exitCode(), rerun::toString);
        assertTrue(rerun.err().contains(TABLE + ": done, " + (ROWS - done) + " rows updated"), rerun::toString);
        assertEquals(List.of("1|100000"), database.strings("SELECT trade_count || '|' || count(*) FROM " + TABLE
                + " WHERE sharpe_ratio = total_return * 2 GROUP BY trade_count"), "every row updated exactly once");
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM databasechangelog WHERE filename LIKE"
                + " '%backfill-sharpe-ratio.sql'"));
    }

    @Test
    void aTableWithoutAPrimaryKeyIsRefusedWithTheReason() throws Exception {
        database.execute("CREATE TABLE public.fills_log (symbol text, qty int)");
        CliRun refused = driftless("new", "--batched", "backfill qty", "--table", "public.fills_log");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("table public.fills_log has no primary key"), refused::toString);
        CliRun missing = driftless("new", "--batched", "backfill qty", "--table", "public.nowhere");
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("table public.nowhere is not in"), missing::toString);
        try (Stream<Path> files = Files.list(example.changelogs())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("backfill")), "nothing written");
        }
    }

    /** Fills the template's placeholders as its author would. */
    private static void fill(Path file, String rollback) throws Exception {
        replace(file, dev.driftless.generator.render.BatchedBackfill.SET_PLACEHOLDER, SET);
        replace(file, dev.driftless.generator.render.BatchedBackfill.CONDITION_PLACEHOLDER, CONDITION);
        replace(file, dev.driftless.generator.render.BatchedBackfill.ROLLBACK_PLACEHOLDER, "-- rollback " + rollback);
    }

    private void awaitDone(int rows) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (Integer.parseInt(database.strings("SELECT count(*) FROM " + TABLE + " WHERE sharpe_ratio IS NOT NULL")
                    .get(0)) >= rows) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the backfill did not reach " + rows + " rows within a minute");
    }

    /** A killed client's session lives until the server notices it is gone (within seconds, see MigrationLock). */
    private void awaitNoMigrationLock() throws Exception {
        for (int i = 0; i < 600; i++) {
            if (database.strings("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database"
                    + " = (SELECT oid FROM pg_database WHERE datname = current_database())").equals(List.of("0"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the migration lock of a killed run is still held after 30 s");
    }

    private CliRun driftless(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--config", project.resolve("driftless.yaml").toString()))
                .toArray(String[]::new);
        return CliRun.of(all);
    }

    private static Path single(Path changelogs) throws Exception {
        try (Stream<Path> files = Files.list(changelogs)) {
            List<Path> made = files.filter(f -> f.getFileName().toString().contains("backfill")).toList();
            assertEquals(1, made.size(), made::toString);
            return made.get(0);
        }
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), text);
        Files.writeString(file, text.replace(from, to));
    }
}
