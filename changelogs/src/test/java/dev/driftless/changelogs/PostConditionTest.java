package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -- validate:} post-conditions run inside the changeset's transaction on a real PostgreSQL. */
class PostConditionTest {

    static final String ACCOUNTS = """
            -- changeset ana:1
            CREATE TABLE accounts (id bigint PRIMARY KEY, owner text);
            INSERT INTO accounts VALUES (1, 'ann'), (2, NULL);
            -- rollback DROP TABLE accounts;

            """;

    @TempDir
    Path changelogs;

    TestDatabase database;
    Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        database = TestPostgres.freshDatabase();
        connection = database.connect();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aFailingPostConditionRollsItsChangesetBackAndNamesItself() throws Exception {
        write(ACCOUNTS + """
                -- changeset ana:2
                UPDATE accounts SET owner = 'unknown' WHERE owner IS NULL AND id > 5;
                ALTER TABLE accounts ADD COLUMN region text;
                -- validate: SELECT count(*) = 0 FROM accounts WHERE owner IS NULL
                -- rollback ALTER TABLE accounts DROP COLUMN region;

                -- changeset ana:3
                CREATE TABLE later (id bigint);
                -- rollback DROP TABLE later;
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        ChangelogException failure = assertThrows(ChangelogException.class, runner::apply);

        assertTrue(failure.getMessage().startsWith("Changeset 2 in changes.sql failed: post-condition failed:"
                + " SELECT count(*) = 0 FROM accounts WHERE owner IS NULL returned false"), failure.getMessage());
        assertEquals(List.of(), database.strings("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'accounts' AND column_name = 'region'"), "the changeset's DDL was rolled back");
        assertEquals(List.of(), database.strings("SELECT relname FROM pg_class WHERE relname = 'later'"), "nothing after it ran");
        assertEquals(List.of("1"), database.strings("SELECT id FROM databasechangelog ORDER BY orderexecuted"));
        assertEquals(List.of("2"), database.strings("SELECT id FROM databasechangelog_driftless WHERE outcome = 'failed'"));
        assertTrue(database.strings("SELECT error FROM databasechangelog_driftless WHERE outcome = 'failed'").get(0)
                .contains("WHERE owner IS NULL returned false"));
        // No Liquibase lock is left behind, so the next run says nothing about a stale lock.
        assertEquals(List.of("f"), database.strings("SELECT locked::text FROM databasechangeloglock").stream()
                .map(v -> v.substring(0, 1)).toList());
    }

    @Test
    void aHoldingPostConditionLetsTheChangesetCommit() throws Exception {
        write(ACCOUNTS + """
                -- changeset ana:2
                UPDATE accounts SET owner = 'unknown' WHERE owner IS NULL;
                ALTER TABLE accounts ALTER COLUMN owner SET NOT NULL;
                -- validate: SELECT count(*) = 0 FROM accounts WHERE owner IS NULL;
                -- validate: SELECT EXISTS (SELECT 1 FROM accounts WHERE owner = 'unknown')
                -- rollback ALTER TABLE accounts ALTER COLUMN owner DROP NOT NULL;
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        assertEquals(2, runner.apply().applied().size());
        assertEquals(List.of("NO"), database.strings("SELECT is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'accounts' AND column_name = 'owner'"));
    }

    @Test
    void aNullOrEmptyResultFailsToo() throws Exception {
        write(ACCOUNTS + """
                -- changeset ana:2
                ALTER TABLE accounts ADD COLUMN region text;
                -- validate: SELECT bool_and(region IS NOT NULL) FROM accounts WHERE id > 100
                -- rollback ALTER TABLE accounts DROP COLUMN region;
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        ChangelogException failure = assertThrows(ChangelogException.class, runner::apply);

        assertTrue(failure.getMessage().contains("returned NULL"), failure.getMessage());
        assertFalse(runner.status().get(1).applied());
        write(ACCOUNTS + """
                -- changeset ana:2
                ALTER TABLE accounts ADD COLUMN region text;
                -- validate: SELECT true FROM accounts WHERE id > 100
                -- rollback ALTER TABLE accounts DROP COLUMN region;
                """);
        failure = assertThrows(ChangelogException.class, runner::apply);
        assertTrue(failure.getMessage().contains("returned no row"), failure.getMessage());
    }

    @Test
    void theSameLineInAYamlSqlChangeIsAPostConditionToo() throws Exception {
        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: ana
                      changes:
                        - sql:
                            sql: |
                              CREATE TABLE accounts (id bigint PRIMARY KEY);
                              -- validate: SELECT count(*) = 1 FROM accounts
                      rollback:
                        - sql:
                            sql: DROP TABLE accounts
                """);
        ChangelogRunner runner = new ChangelogRunner(connection, changelogs);

        ChangelogException failure = assertThrows(ChangelogException.class, runner::apply);

        assertTrue(failure.getMessage().contains("SELECT count(*) = 1 FROM accounts returned false"), failure.getMessage());
        assertEquals(List.of(), database.strings("SELECT relname FROM pg_class WHERE relname = 'accounts'"));
    }

    void write(String changesets) throws Exception {
        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), """
                databaseChangeLog:
                  - include:
                      file: changes.sql
                      relativeToChangelogFile: true
                """);
        Files.writeString(changelogs.resolve("changes.sql"), "-- liquibase formatted sql\n\n" + changesets);
    }
}
