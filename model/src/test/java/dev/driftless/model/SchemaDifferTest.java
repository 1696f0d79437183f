package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: each case is (name, actual, desired, expected changes in order). */
class SchemaDifferTest {

    static final QualifiedName ORDERS = QualifiedName.of("market_data", "orders");
    static final QualifiedName SESSIONS = QualifiedName.of("market_data", "trading_sessions");
    static final Column ID = new Column("id", "bigint", false, null, Identity.BY_DEFAULT);
    static final Column SYMBOL = Column.of("symbol", "character varying(20)", false);
    static final Column SESSION_ID = Column.of("session_id", "uuid", false);
    static final PrimaryKey ORDERS_PK = new PrimaryKey("orders_pkey", List.of("id"));
    static final Table SESSIONS_TABLE = Table.of(SESSIONS, List.of(Column.of("id", "uuid", false)),
            new PrimaryKey("trading_sessions_pkey", List.of("id")));
    static final ForeignKey ORDER_SESSION = new ForeignKey("fk_orders_session", List.of("session_id"), SESSIONS,
            List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    static final Index BY_SYMBOL = new Index("ix_orders_symbol", List.of("symbol"), false, "btree", null);
    static final Sequence SEQ = new Sequence(QualifiedName.of("market_data", "orders_seq"), "bigint", 1, 50,
            1, Long.MAX_VALUE, 1, false);

    static Table orders(Column... columns) {
        return Table.of(ORDERS, List.of(columns), ORDERS_PK);
    }

    static Schema schema(Table... tables) {
        return new Schema(List.of("market_data"), List.of(tables), List.of());
    }

    static Stream<Arguments> cases() {
        Table withFk = orders(ID, SYMBOL, SESSION_ID).withForeignKeys(List.of(ORDER_SESSION));
        return Stream.of(
                Arguments.of("identical schemas give nothing", schema(orders(ID, SYMBOL)), schema(orders(ID, SYMBOL)),
                        List.of()),
                Arguments.of("everything from empty: schema, tables, then keys and indexes",
                        Schema.empty(),
                        schema(SESSIONS_TABLE, withFk.withIndexes(List.of(BY_SYMBOL))),
                        List.of(new Change.CreateSchema("market_data"),
                                new Change.CreateTable(withFk),
                                new Change.CreateTable(SESSIONS_TABLE),
                                new Change.CreateIndex(ORDERS, BY_SYMBOL),
                                new Change.AddForeignKey(ORDERS, ORDER_SESSION))),
                Arguments.of("column added", schema(orders(ID)), schema(orders(ID, SYMBOL)),
                        List.of(new Change.AddColumn(ORDERS, SYMBOL))),
                Arguments.of("column dropped carries the whole column", schema(orders(ID, SYMBOL)), schema(orders(ID)),
                        List.of(new Change.DropColumn(ORDERS, SYMBOL))),
                Arguments.of("length changed", schema(orders(ID, SYMBOL)),
                        schema(orders(ID, SYMBOL.withType("character varying(32)"))),
                        List.of(new Change.AlterColumnType(ORDERS, "symbol", "character varying(20)", "character varying(32)"))),
                Arguments.of("nullability and default change together, default first", schema(orders(ID, SYMBOL.withNullable(true))),
                        schema(orders(ID, SYMBOL.withDefault("'BTC'::character varying"))),
                        List.of(new Change.AlterColumnDefault(ORDERS, "symbol", null, "'BTC'::character varying"),
                                new Change.AlterColumnNullability(ORDERS, "symbol", false))),
                Arguments.of("foreign key that differs only in name is the same key",
                        new Schema(List.of("market_data"), List.of(SESSIONS_TABLE, withFk), List.of()),
                        new Schema(List.of("market_data"), List.of(SESSIONS_TABLE, withFk.withForeignKeys(List.of(
                                new ForeignKey("FKg7b6", ORDER_SESSION.columns(), SESSIONS, List.of("id"),
                                        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)))), List.of()),
                        List.of()),
                Arguments.of("ON DELETE changed: drop the old key first, add the new one last",
                        new Schema(List.of("market_data"), List.of(SESSIONS_TABLE, withFk), List.of()),
                        new Schema(List.of("market_data"), List.of(SESSIONS_TABLE, withFk.withForeignKeys(List.of(
                                new ForeignKey("fk_orders_session", ORDER_SESSION.columns(), SESSIONS, List.of("id"),
                                        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)))), List.of()),
                        List.of(new Change.DropForeignKey(ORDERS, ORDER_SESSION),
                                new Change.AddForeignKey(ORDERS, new ForeignKey("fk_orders_session", ORDER_SESSION.columns(),
                                        SESSIONS, List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)))),
                Arguments.of("index renamed only is no change", schema(orders(ID, SYMBOL).withIndexes(List.of(BY_SYMBOL))),
                        schema(orders(ID, SYMBOL).withIndexes(List.of(new Index("idx_sym", List.of("symbol"), false, "btree", null)))),
                        List.of()),
                Arguments.of("index made descending is dropped and re-created",
                        schema(orders(ID, SYMBOL).withIndexes(List.of(BY_SYMBOL))),
                        schema(orders(ID, SYMBOL).withIndexes(List.of(new Index("ix_orders_symbol", List.of("symbol DESC"), false, "btree", null)))),
                        List.of(new Change.DropIndex(ORDERS, BY_SYMBOL),
                                new Change.CreateIndex(ORDERS, new Index("ix_orders_symbol", List.of("symbol DESC"), false, "btree", null)))),
                Arguments.of("unique constraint added", schema(orders(ID, SYMBOL)),
                        schema(orders(ID, SYMBOL).withUniqueConstraints(List.of(new UniqueConstraint("uk_symbol", List.of("symbol"))))),
                        List.of(new Change.AddUniqueConstraint(ORDERS, new UniqueConstraint("uk_symbol", List.of("symbol"))))),
                Arguments.of("primary key moved to other columns",
                        schema(orders(ID, SYMBOL)),
                        schema(Table.of(ORDERS, List.of(ID, SYMBOL), new PrimaryKey("orders_pkey", List.of("id", "symbol")))),
                        List.of(new Change.DropPrimaryKey(ORDERS, ORDERS_PK),
                                new Change.AddPrimaryKey(ORDERS, new PrimaryKey("orders_pkey", List.of("id", "symbol"))))),
                Arguments.of("sequence increment changed",
                        new Schema(List.of("market_data"), List.of(), List.of(SEQ)),
                        new Schema(List.of("market_data"), List.of(), List.of(new Sequence(SEQ.name(), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false))),
                        List.of(new Change.AlterSequence(SEQ, new Sequence(SEQ.name(), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false)))),
                Arguments.of("tables in schemas the model does not use are not ours",
                        new Schema(List.of("market_data", "public"), List.of(orders(ID),
                                Table.of(QualifiedName.of("public", "flyway_schema_history"), List.of(ID), null)), List.of()),
                        schema(orders(ID)),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diff(String name, Schema actual, Schema desired, List<Change> expected) {
        assertEquals(expected, new SchemaDiffer().diff(actual, desired).changes());
    }

    @ParameterizedTest(name = "reversed: {0}")
    @MethodSource("cases")
    void theReverseOfEveryChangeUndoesIt(String name, Schema actual, Schema desired, List<Change> expected) {
        for (Change change : expected) {
            assertEquals(change, change.reverse().reverse());
        }
    }

    @Test
    void anUnmappedTableIsReportedNotDroppedUnlessAsked() {
        Table stray = Table.of(QualifiedName.of("market_data", "legacy_quotes"), List.of(ID), null);
        Schema actual = schema(orders(ID), stray);
        Schema desired = schema(orders(ID));

        SchemaDiff cautious = new SchemaDiffer().diff(actual, desired);
        assertEquals(List.of(), cautious.changes());
        assertEquals(List.of(stray.name()), cautious.unmappedTables());

        SchemaDiff dropping = new SchemaDiffer(new DiffOptions(true)).diff(actual, desired);
        assertEquals(List.of(new Change.DropTable(stray)), dropping.changes());
        assertTrue(dropping.changes().get(0).destructive());
    }

    @Test
    void everyKindOfChangeHasAPhase() {
        for (Class<?> kind : Change.class.getPermittedSubclasses()) {
            assertTrue(ChangeOrder.PHASES_FOR_TEST().containsKey(kind), kind.getSimpleName());
        }
    }
}
