package dev.driftless.changelogs.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What statements really do on a real PostgreSQL: the locks in pg_locks and the rewrites in relfilenode. */
class LockObserverTest {

    private static ChangesetSql changeset(String id, boolean inTransaction, String... statements) {
        return new ChangesetSql(new ChangesetRef("db.sql", id, "dev"), 0, Set.of(), List.of(statements), "", List.of(),
                inTransaction);
    }

    @Test
    void observesLocksOnExistingTablesAndRewrites() throws Exception {
        try (Connection connection = TestPostgres.freshDatabase().connect()) {
            LockObserver.Replay replay = new LockObserver().replay(connection, List.of(
                    changeset("1", true,
                            "CREATE TABLE account (id int PRIMARY KEY, name varchar(40), code text)",
                            "CREATE TABLE transfer (id int PRIMARY KEY, account_id int)",
                            "CREATE INDEX transfer_account ON transfer (account_id)"),
                    changeset("2", true, "CREATE INDEX account_name ON account (name)"),
                    changeset("3", true, "ALTER TABLE account ALTER COLUMN name TYPE varchar(120)"),
                    changeset("4", true, "ALTER TABLE account ALTER COLUMN code TYPE integer USING code::integer"),
                    changeset("5", true, "ALTER TABLE transfer ADD CONSTRAINT transfer_account_fk FOREIGN KEY (account_id)"
                            + " REFERENCES account (id)"),
                    changeset("6", false, "CREATE INDEX CONCURRENTLY account_code ON account (code)")));

            assertNull(replay.failure());
            assertEquals(List.of(), replay.changesets().get(0).statements().get(2).locks(),
                    "a table created in the same changeset is nobody's to wait for");
            assertEquals(List.of("SHARE on public.account"), replay.changesets().get(1).statements().get(0).locks());
            LockObserver.StatementObservation widen = replay.changesets().get(2).statements().get(0);
            assertEquals(List.of("ACCESS EXCLUSIVE on public.account"), widen.locks());
            assertEquals(List.of(), widen.rewritten(), "a wider varchar is relabelled, not rewritten");
            assertEquals(List.of("public.account"), replay.changesets().get(3).statements().get(0).rewritten());
            assertEquals(List.of("SHARE ROW EXCLUSIVE on public.account", "SHARE ROW EXCLUSIVE on public.transfer"),
                    replay.changesets().get(4).statements().get(0).locks());
            LockObserver.StatementObservation concurrent = replay.changesets().get(5).statements().get(0);
            assertFalse(concurrent.locksObserved());
            assertTrue(concurrent.describe().startsWith("locks not observable"), concurrent.describe());
        }
    }

    @Test
    void stopsAtAFailingStatementAndSaysWhich() throws Exception {
        try (Connection connection = TestPostgres.freshDatabase().connect()) {
            LockObserver.Replay replay = new LockObserver().replay(connection, List.of(
                    changeset("1", true, "CREATE TABLE account (id int PRIMARY KEY)"),
                    changeset("2", true, "ALTER TABLE account ADD COLUMN note text", "ALTER TABLE nowhere ADD COLUMN x int"),
                    changeset("3", true, "SELECT 1")));
            assertTrue(replay.failure().contains("db.sql 2: ") && replay.failure().contains("nowhere"), replay.failure());
            assertEquals(2, replay.changesets().size());
        }
    }
}
