package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.cache.DerivedCache;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shortcuts through {@link ChangelogIndex} must give Liquibase's own answers: each case compares the fast call with
 * the Liquibase one on the same database.
 */
class ChangelogIndexTest {

    @TempDir
    Path project;

    private final ChangelogRunnerTest files = new ChangelogRunnerTest();
    private Connection connection;
    private DerivedCache cache;

    @BeforeEach
    void setUp() throws Exception {
        connection = TestPostgres.freshDatabase().connect();
        files.changelogs = project.resolve("changelogs");
        Files.createDirectories(files.changelogs);
        files.writeTwoFileChangelog();
        cache = DerivedCache.of(project.resolve(".driftless"));
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private ChangelogRunner runner() {
        return new ChangelogRunner(connection, files.changelogs);
    }

    @Test
    void pendingAgreesWithLiquibaseBeforeDuringAndAfterApplying() throws Exception {
        assertEquals(runner().pending(), runner().pending(cache));
        assertEquals(3, runner().pending(cache).size());

        runner().apply(ApplyOptions.defaults().withTo("20261121214755-1"), RunnerEvents.NONE);
        assertEquals(runner().pending(), runner().pending(cache));
        assertEquals(2, runner().pending(cache).size());

        runner().apply();
        assertEquals(List.of(), runner().pending(cache));
        assertEquals(runner().status().stream().map(ChangesetStatus::changeset).toList(),
                runner().status(cache).stream().map(ChangesetStatus::changeset).toList());
        assertTrue(Files.list(project.resolve(".driftless/cache")).anyMatch(f -> f.getFileName().toString().startsWith("changelog-")));
    }

    @Test
    void aNewChangesetAddedToTheFilesIsPendingAtOnce() throws Exception {
        runner().apply();
        assertEquals(List.of(), runner().pending(cache));
        Files.writeString(files.changelogs.resolve(ChangelogRunnerTest.RUNS), """

                -- changeset driftless:20261122090000-2
                CREATE INDEX backtest_runs_strategy_idx ON backtester.backtest_runs (strategy_id);
                -- rollback DROP INDEX backtester.backtest_runs_strategy_idx;
                """, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(new ChangesetRef(ChangelogRunnerTest.RUNS, "20261122090000-2", "driftless")), runner().pending(cache));
    }

    @Test
    void anAppliedChangesetEditedAfterwardsIsStillReported() throws Exception {
        runner().apply();
        ChangelogVerifier verifier = new ChangelogVerifier(files.changelogs);
        assertEquals(List.of(), verifier.editedSinceApplied(connection, cache));

        Path initial = files.changelogs.resolve(ChangelogRunnerTest.INITIAL);
        Files.writeString(initial, Files.readString(initial).replace("varchar(100)", "varchar(120)"));
        List<ChangesetRef> edited = verifier.editedSinceApplied(connection, cache);
        assertEquals(verifier.editedSinceApplied(connection), edited);
        assertEquals(List.of(new ChangesetRef(ChangelogRunnerTest.INITIAL, "20261121214755-2", "driftless")), edited);
    }

    @Test
    void aRowSpelledDifferentlyFallsBackToLiquibaseAndStillCounts() throws Exception {
        runner().apply();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE databasechangelog SET filename = './' || filename, md5sum = NULL WHERE id = '20261121214755-1'");
        }
        assertFalse(new ChangelogIndex(List.of()).noneEdited(ChangelogIndex.applied(connection)));
        assertEquals(runner().pending(), runner().pending(cache));
        assertEquals(new ChangelogVerifier(files.changelogs).editedSinceApplied(connection),
                new ChangelogVerifier(files.changelogs).editedSinceApplied(connection, cache));
    }
}
