package dev.driftless.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batched backfill's DO block, run as written on a real PostgreSQL: names that need quoting (a quote and a percent
 * sign in the table's name, a reserved word as a text key) and an unwritten placeholder.
 */
class BatchedBackfillTemplateTest {

    private static final BatchedBackfill ODD = new BatchedBackfill("Ops", "it's 100%", "order", 3);

    @Test
    void theFilledBlockUpdatesEveryRowOnceInKeyOrderWhateverTheNamesAndReportsEachBatch() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        database.execute("CREATE SCHEMA \"Ops\"",
                "CREATE TABLE \"Ops\".\"it's 100%\" (\"order\" text PRIMARY KEY, filled boolean, updates int NOT NULL DEFAULT 0)",
                "INSERT INTO \"Ops\".\"it's 100%\" (\"order\") SELECT 'k' || lpad(g::text, 2, '0') FROM generate_series(1, 10) g");
        String block = block(ODD.changelog("20261207000000", "fill"))
                .replace(BatchedBackfill.SET_PLACEHOLDER, "filled = true, updates = updates + 1")
                .replace(BatchedBackfill.CONDITION_PLACEHOLDER, "filled IS NULL");

        List<String> notices;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(block);
            notices = messages(statement);
        }

        assertEquals(List.of("10"), database.strings("SELECT count(*) FROM \"Ops\".\"it's 100%\" WHERE filled AND updates = 1"));
        assertEquals(List.of(
                "\"Ops\".\"it's 100%\": batch 1, 3 rows updated, up to order k03 of k10",
                "\"Ops\".\"it's 100%\": batch 2, 6 rows updated, up to order k06 of k10",
                "\"Ops\".\"it's 100%\": batch 3, 9 rows updated, up to order k09 of k10",
                "\"Ops\".\"it's 100%\": batch 4, 10 rows updated, up to order k10 of k10",
                "\"Ops\".\"it's 100%\": done, 10 rows updated in 4 batches"), notices);
    }

    @Test
    void eachUnwrittenPlaceholderFailsWithItsMessageEvenOnAnEmptyTable() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        database.execute("CREATE TABLE public.empty (id bigint PRIMARY KEY, v int)");
        String block = block(new BatchedBackfill("public", "empty", "id", 100).changelog("20261207000000", "fill"));
        String conditionWritten = block.replace(BatchedBackfill.CONDITION_PLACEHOLDER, "v IS NULL");
        String setWritten = block.replace(BatchedBackfill.SET_PLACEHOLDER, "v = 1");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            SQLException set = assertThrows(SQLException.class, () -> statement.execute(conditionWritten));
            assertTrue(set.getMessage().contains("\"driftless: write the SET, e.g. sharpe_ratio = ...\""), set.getMessage());
            SQLException condition = assertThrows(SQLException.class, () -> statement.execute(setWritten));
            assertTrue(condition.getMessage().contains("driftless: write the condition of a row that still needs the"
                    + " update"), condition.getMessage());
            statement.execute(setWritten.replace(BatchedBackfill.CONDITION_PLACEHOLDER, "v IS NULL"));
        }
    }

    /** The DO statement of the changelog, as Liquibase sends it without its comment lines. */
    private static String block(String changelog) {
        int start = changelog.indexOf("DO $driftless$");
        int end = changelog.indexOf("$driftless$;", start + 3);
        assertTrue(start > 0 && end > start, changelog);
        return changelog.substring(start, end + "$driftless$".length());
    }

    private static List<String> messages(Statement statement) throws SQLException {
        List<String> messages = new java.util.ArrayList<>();
        for (java.sql.SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
            messages.add(w.getMessage());
        }
        return messages;
    }
}
