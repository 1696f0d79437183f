package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Driftless;
import dev.driftless.api.Gate;
import dev.driftless.api.StatusResult;
import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.RollbackResult;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The tour of the Java API in docs/java-api.md, run as written (DocExamplesTest checks that the page shows this text):
 * every verb once, on a fresh PostgreSQL.
 */
class JavaApiExampleTest {

    @TempDir
    Path project;

    final TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void everyVerbOnce() throws Exception {
        DataSource dataSource = dataSourceOf(database);

        Driftless driftless = Driftless.configure()
                .dataSource(dataSource)
                .entityPackages("com.acme.domain")
                .projectDirectory(project)              // changelogs/ and .driftless/ go here
                .progress(System.out::println)
                .load();

        Driftless.DiffResult diff = driftless.diff();           // writes changelogs/<timestamp>-initial-schema.sql
        ApplyResult applied = driftless.apply();                // runs every pending changeset
        StatusResult status = driftless.status();               // each changeset, applied or pending
        Gate.ValidateResult agreed = driftless.validate();      // throws SchemaDriftException on any difference
        Gate.CheckResult check = driftless.check();             // offline: replays the changelog, proves each rollback
        RollbackResult undone = driftless.rollback(1);          // the last changeset

        assertTrue(Files.readString(diff.written().file()).contains("orders"));
        assertEquals(applied.applied().size(), status.applied().size());
        assertTrue(status.upToDate());
        assertTrue(agreed.agrees());
        assertTrue(check.passes(), check::toString);
        assertEquals(1, undone.rolledBack().size());
        assertEquals(applied.applied().size() - 1,
                (long) driftless.status().applied().size());
    }

    static DataSource dataSourceOf(TestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        if (!database.password().isEmpty()) {
            dataSource.setPassword(database.password());
        }
        return dataSource;
    }
}
