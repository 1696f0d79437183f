package dev.driftless.generator.render;

import java.util.Objects;

/**
 * The changeset {@code driftless new --batched} writes: a data migration of one table in batches ordered by its
 * single-column primary key, each batch committed on its own, so a big table is never locked for the whole backfill
 * and a killed run keeps what it finished. Which rows still need the update is read from the data (the author's
 * condition), never from a saved position, so a re-run after a kill goes on where the last one stopped.
 *
 * <p>It is a PL/pgSQL {@code DO} block that commits between batches, which PostgreSQL (11+) allows only outside a
 * transaction block: hence {@code runInTransaction:false}. Its three placeholders fail on purpose with their message
 * (like {@link ChangelogWriter#writeBlank}'s), so neither {@code apply} nor {@code check} lets an unwritten one through.
 *
 * @param schema    the table's schema
 * @param table     the table
 * @param key       its primary key's only column
 * @param batchSize rows per batch (and per commit)
 */
public record BatchedBackfill(String schema, String table, String key, int batchSize) {

    /** The SET placeholder: a column of that name does not exist, so the statement fails naming it. */
    public static final String SET_PLACEHOLDER = "\"driftless: write the SET, e.g. sharpe_ratio = ...\" = NULL";
    /** The condition placeholder, in the loop and in the post-condition: a cast that fails with its text. */
    public static final String CONDITION_PLACEHOLDER =
            "CAST('driftless: write the condition of a row that still needs the update' AS boolean)";
    /** The rollback placeholder. */
    public static final String ROLLBACK_PLACEHOLDER =
            "-- rollback SELECT CAST('driftless new: write the rollback of this backfill' AS integer);";

    public BatchedBackfill {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    /** The changelog's text: one changeset with id {@code stamp-1}, commented with {@code oneLineName}. */
    String changelog(String stamp, String oneLineName) {
        String t = Identifiers.quote(schema) + "." + Identifiers.quote(table);
        String k = Identifiers.quote(key);
        String keyType = t + "." + k + "%TYPE";
        return "-- liquibase formatted sql\n\n"
                + "-- changeset driftless:" + stamp + "-1 runInTransaction:false splitStatements:false\n"
                + "-- comment: " + oneLineName + " (batched backfill: driftless new --batched)\n"
                + "-- Updates " + t + " in batches of " + batchSize + " rows in the order of its primary key (" + k + "),\n"
                + "-- committing each batch on its own: row locks last one batch, and a killed run keeps the batches it\n"
                + "-- finished. Which rows still need the update is read from the data, so running it again (apply, after\n"
                + "-- a kill) goes on with what is left. apply shows each batch's NOTICE as progress.\n"
                + "-- Fill in the places marked \"driftless:\": the SET, and the condition that a row still needs the\n"
                + "-- update (twice: in the loop and in the '-- validate:' line). The condition must turn false once the\n"
                + "-- SET has run on a row (e.g. sharpe_ratio IS NULL for a SET that fills sharpe_ratio): it is how a\n"
                + "-- re-run knows what is left, and the post-condition proves nothing is. Then the rollback: a statement\n"
                + "-- that undoes the backfill, or '-- rollback empty' when nothing needs undoing (a new column being filled).\n"
                + "DO $driftless$\n"
                + "DECLARE\n"
                + "    _batch_size constant integer := " + batchSize + ";\n"
                + "    _pause constant double precision := 0;  -- seconds to wait after each batch, to spare a busy server\n"
                + "    _next_key " + keyType + ";  -- the first key the next batch may take\n"
                + "    _last_key " + keyType + ";  -- the last key of the batch just done\n"
                + "    _max_key " + keyType + ";\n"
                + "    _rows bigint;\n"
                + "    _done bigint := 0;\n"
                + "    _batches bigint := 0;\n"
                + "BEGIN\n"
                + "    SELECT min(" + k + "), max(" + k + ") INTO _next_key, _max_key FROM " + t + ";\n"
                + "    LOOP  -- runs its statement at least once, so an unwritten placeholder fails even on an empty table\n"
                + "        WITH batch AS (\n"
                + "            SELECT " + k + " FROM " + t + "\n"
                + "            WHERE " + k + " >= _next_key\n"
                + "              AND (" + CONDITION_PLACEHOLDER + ")  -- driftless: the condition\n"
                + "            ORDER BY " + k + "\n"
                + "            LIMIT _batch_size\n"
                + "        ), updated AS (\n"
                + "            UPDATE " + t + " AS t\n"
                + "            SET " + SET_PLACEHOLDER + "  -- driftless: the SET\n"
                + "            FROM batch\n"
                + "            WHERE t." + k + " = batch." + k + "\n"
                + "        )\n"
                + "        SELECT count(*), max(" + k + ") INTO _rows, _last_key FROM batch;\n"
                + "        EXIT WHEN _rows = 0;\n"
                + "        COMMIT;\n"
                + "        _done := _done + _rows;\n"
                + "        _batches := _batches + 1;\n"
                + "        RAISE NOTICE '" + literal(t) + ": batch %, % rows updated, up to " + literal(key)
                + " % of %', _batches, _done, _last_key, _max_key;\n"
                + "        PERFORM pg_sleep(_pause);\n"
                + "        SELECT min(" + k + ") INTO _next_key FROM " + t + " WHERE " + k + " > _last_key;\n"
                + "        EXIT WHEN _next_key IS NULL;\n"
                + "    END LOOP;\n"
                + "    RAISE NOTICE '" + literal(t) + ": done, % rows updated in % batches', _done, _batches;\n"
                + "END\n"
                + "$driftless$;\n"
                + "-- validate: SELECT NOT EXISTS (SELECT FROM " + t + " WHERE " + CONDITION_PLACEHOLDER + ")\n"
                + ROLLBACK_PLACEHOLDER + "\n";
    }

    /** Text inside a RAISE format string: a quote doubled for SQL, a percent sign doubled for RAISE. */
    private static String literal(String text) {
        return text.replace("'", "''").replace("%", "%%");
    }
}
