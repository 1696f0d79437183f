package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-transactional changeset's notices reach {@link RunnerEvents#note} while its statement still runs: the progress
 * of a batched data migration, which commits between batches inside one {@code DO} block.
 */
class ServerNoticesTest {

    @TempDir
    Path changelogs;

    @Test
    void eachNoticeOfARunningDoBlockIsReportedBeforeTheBlockEndsAndItsCommittedBatchesAreKept() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), """
                databaseChangeLog:
                  - include:
                      file: changes.sql
                      relativeToChangelogFile: true
                """);
        Files.writeString(changelogs.resolve("changes.sql"), """
                -- liquibase formatted sql

                -- changeset ana:1
                CREATE TABLE steps (n int PRIMARY KEY);
                -- rollback DROP TABLE steps;

                -- changeset ana:2 runInTransaction:false splitStatements:false
                DO $$
                BEGIN
                    FOR i IN 1..3 LOOP
                        INSERT INTO steps VALUES (i);
                        COMMIT;
                        RAISE NOTICE 'step % of 3', i;
                        PERFORM pg_sleep(0.6);
                    END LOOP;
                END
                $$;
                -- rollback DELETE FROM steps;
                """);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        long[] finishedAt = new long[1];
        List<Long> notedAt = Collections.synchronizedList(new ArrayList<>());
        RunnerEvents events = new RunnerEvents() {
            @Override
            public void note(String message) {
                seen.add(message);
                notedAt.add(System.nanoTime());
            }

            @Override
            public void finished(int number, int total, ExecutedChangeset changeset) {
                finishedAt[0] = System.nanoTime();
            }
        };
        try (Connection connection = database.connect()) {
            new ChangelogRunner(connection, changelogs).apply(ApplyOptions.defaults(), events);
        }

        assertEquals(List.of("step 1 of 3", "step 2 of 3", "step 3 of 3"), seen);
        assertTrue(finishedAt[0] - notedAt.get(0) > 1_000_000_000L,
                "the first notice came while the block still ran, over a second before it ended");
        assertEquals(List.of("1", "2", "3"), database.strings("SELECT n FROM steps ORDER BY n"));
        assertEquals(List.of("1", "2"), database.strings("SELECT id FROM databasechangelog ORDER BY orderexecuted"));
    }
}
