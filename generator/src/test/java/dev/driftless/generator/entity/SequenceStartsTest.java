package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.render.ChangeSet;
import dev.driftless.generator.render.ChangelogRenderer;
import dev.driftless.model.Change;
import dev.driftless.model.Column;
import dev.driftless.model.IdColumn;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.model.Sequence;
import dev.driftless.model.Table;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which new sequences start after existing ids, and that the statement written does so on a real PostgreSQL. */
class SequenceStartsTest {

    private static final QualifiedName TICKET = QualifiedName.of("public", "ticket");
    private static final QualifiedName NOTE = QualifiedName.of("public", "note");
    private static final QualifiedName OLD = QualifiedName.of("public", "old_ledger");
    private static final QualifiedName LEDGER = QualifiedName.of("public", "ledger");
    private static final QualifiedName FRESH = QualifiedName.of("public", "fresh");

    private static Sequence sequence(String name, long increment) {
        return new Sequence(QualifiedName.of("public", name), "bigint", 1, increment, 1, Long.MAX_VALUE, 1, false);
    }

    @Test
    void onlyTablesThatAreThereWithIntegerIdsCountRenamedOnesUnderTheirNewNames() {
        Schema actual = new Schema(List.of("public"), List.of(
                Table.of(TICKET, List.of(Column.of("id", "bigint", false)), null),
                Table.of(NOTE, List.of(Column.of("code", "character varying(20)", false)), null),
                Table.of(OLD, List.of(Column.of("ident", "integer", false)), null)), List.of());
        List<Change> changes = List.of(
                new Change.RenameTable(OLD, LEDGER),
                new Change.RenameColumn(LEDGER, "ident", "id"),
                new Change.CreateSequence(sequence("shared_seq", 50)),
                new Change.CreateSequence(sequence("note_seq", 50)),
                new Change.CreateSequence(sequence("fresh_seq", 50)),
                new Change.CreateTable(Table.of(FRESH, List.of(Column.of("id", "bigint", false)), null)));
        List<SequenceIdColumn> ids = List.of(
                new SequenceIdColumn(QualifiedName.of("public", "shared_seq"), TICKET, "id", 50),
                new SequenceIdColumn(QualifiedName.of("public", "shared_seq"), LEDGER, "id", 50),
                new SequenceIdColumn(QualifiedName.of("public", "note_seq"), NOTE, "code", 50),
                new SequenceIdColumn(QualifiedName.of("public", "fresh_seq"), FRESH, "id", 50));

        List<Change> started = SequenceStarts.apply(changes, ids, actual);

        assertEquals(List.of(new IdColumn(TICKET, "id"), new IdColumn(LEDGER, "id")),
                ((Change.CreateSequence) started.get(2)).startsAfter());
        assertEquals(List.of(), ((Change.CreateSequence) started.get(3)).startsAfter(), "text ids have no max to pass");
        assertEquals(List.of(), ((Change.CreateSequence) started.get(4)).startsAfter(), "a table the diff creates is empty");
        assertEquals(new Change.DropSequence(sequence("shared_seq", 50)), started.get(2).reverse(), "the rollback drops it");
    }

    /**
     * The statement passes the largest id of every table the sequence feeds; Hibernate's pooled optimizer takes the
     * value nextval returns as the top of its block, so the whole first block must be above every existing id.
     */
    @Test
    void theFirstBlockHibernateTakesIsAboveEveryExistingId() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ticket (id bigint PRIMARY KEY); INSERT INTO ticket VALUES (1), (2), (120)");
            statement.execute("CREATE TABLE \"Ledger\" (\"Id\" integer PRIMARY KEY); INSERT INTO \"Ledger\" VALUES (7), (333)");
            statement.execute("CREATE TABLE empty_one (id bigint PRIMARY KEY)");
            QualifiedName ledger = QualifiedName.of("public", "Ledger");
            run(statement, new Change.CreateSequence(sequence("shared_seq", 50),
                    List.of(new IdColumn(TICKET, "id"), new IdColumn(ledger, "Id"))));
            run(statement, new Change.CreateSequence(sequence("one_seq", 1), List.of(new IdColumn(TICKET, "id"))));
            run(statement, new Change.CreateSequence(sequence("empty_seq", 50),
                    List.of(new IdColumn(QualifiedName.of("public", "empty_one"), "id"))));

            long top = nextval(statement, "shared_seq");
            assertEquals(383, top);
            assertTrue(top - 50 + 1 > 333, "the pooled block " + (top - 49) + ".." + top + " is above every id");
            assertEquals(121, nextval(statement, "one_seq"), "increment 1: the id itself");
            assertEquals(1, nextval(statement, "empty_seq"), "an empty table leaves the start");
        } finally {
            TestPostgres.scratchDatabases().drop(database.name());
        }
    }

    private static void run(Statement statement, Change change) throws Exception {
        List<ChangeSet> sets = new ChangelogRenderer().changeSets("1", List.of(change));
        statement.execute(sets.get(0).sql());
    }

    private static long nextval(Statement statement, String sequence) throws Exception {
        try (ResultSet rs = statement.executeQuery("SELECT nextval('public." + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
